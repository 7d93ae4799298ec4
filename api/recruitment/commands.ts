import type { UpdateDefinition } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/core';
import type { Application } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import {
  acceptApplicationUpdate,
  applicationWorkflowId,
  declineApplicationUpdate,
  inviteApplicantUpdate,
  type ApplicationState,
} from '../../workflows/application/definitions.ts';
import { seesUnit, type Access } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { updateWorkflow, type TemporalDeps } from '../http/temporal-calls.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { applicationView, loadApplication, type ApplicationView } from './queries.ts';
import { acceptApplicationBody, decisionBody } from './schemas.ts';

export interface ApplicationsDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/** Every staff member sees the applications of their units; the coordinator and the units' contacts decide. */
export const APPLICATION_ACCESS = {
  read: 'staff',
  decide: 'writer',
} as const satisfies Record<string, Access>;

type Options = { idempotencyKey?: string | undefined };

/**
 * Sends a decision to the application's workflow. Its handler projects the decision before it
 * answers, so the application read afterwards shows it.
 */
async function decide<Arg>(
  deps: ApplicationsDeps,
  principal: Principal,
  application: Application,
  update: UpdateDefinition<ApplicationState, [Arg]>,
  arg: Arg,
  options: Options,
): Promise<ApplicationView> {
  const updateId = options.idempotencyKey === undefined ? undefined : parse(idempotencyKeyHeader, options.idempotencyKey);
  await updateWorkflow(deps.temporal, applicationWorkflowId(application.id), update, arg, updateId);
  deps.em().clear();
  return applicationView(await loadApplication(deps.em(), application.id, principal));
}

/**
 * Registers the applicant as a volunteer in one of the units they asked for, and starts their
 * lifecycle as a staff registration does; `volunteerId` names the new volunteer.
 */
export async function acceptApplication(deps: ApplicationsDeps, principal: Principal, applicationId: string, input: unknown, options: Options = {}) {
  const { serviceUnitId } = parse(acceptApplicationBody, input ?? {});
  const application = await loadApplication(deps.em(), applicationId, principal);
  if (!application.serviceUnitIds.includes(serviceUnitId)) {
    const asked = application.serviceUnitIds.join(', ');
    throw new HttpError(422, 'ValidationFailed', `The applicant asked for ${asked}; accept them into one of those.`, [{ field: 'serviceUnitId', message: `Choose one of ${asked}.` }]);
  }
  if (!seesUnit(principal, serviceUnitId)) throw new HttpError(403, 'NotAllowed', 'You can accept volunteers only into the units you work in.');
  return decide(deps, principal, application, acceptApplicationUpdate, { actor: actorOf(principal), serviceUnitId }, options);
}

/** Asks the applicant to a conversation before deciding; the unit's contact finds a time with them. */
export async function inviteApplicant(deps: ApplicationsDeps, principal: Principal, applicationId: string, input: unknown, options: Options = {}) {
  parse(decisionBody, input ?? {});
  return decide(deps, principal, await loadApplication(deps.em(), applicationId, principal), inviteApplicantUpdate, { actor: actorOf(principal) }, options);
}

/** Declines with a kind email in the applicant's language; the application is anonymised after the policy's time. */
export async function declineApplication(deps: ApplicationsDeps, principal: Principal, applicationId: string, input: unknown, options: Options = {}) {
  parse(decisionBody, input ?? {});
  return decide(deps, principal, await loadApplication(deps.em(), applicationId, principal), declineApplicationUpdate, { actor: actorOf(principal) }, options);
}
