import type { UpdateDefinition } from '@temporalio/common';
import { AuditEntry, Deviation, Volunteer } from '../../infra/db/entities/index.ts';
import { requirementsOf } from '../../infra/policy/policy.ts';
import {
  assignContactUpdate,
  bookSessionUpdate,
  changePhaseUpdate,
  changeRoleUpdate,
  completeStepUpdate,
  recordPoliceCertificateUpdate,
  registerDeviationUpdate,
  STEPS,
  waiveStepUpdate,
  type LifecycleState,
  type PhaseAction,
  type SessionStep,
  type StepName,
} from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { Access } from '../auth/access.ts';
import { seesUnit } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import { checkAssignment, registerVolunteer } from './register.ts';
import { parse } from '../http/parse.ts';
import { startLifecycle, updateLifecycle } from '../http/temporal-calls.ts';
import { loadVolunteer, volunteerStatus, type VolunteersDeps } from './queries.ts';
import {
  completeStepBody,
  contactBody,
  deviationBody,
  emptyBody,
  idempotencyKeyHeader,
  policeCertificateBody,
  registerVolunteerBody,
  roleBody,
  sessionBody,
  waiverBody,
} from './schemas.ts';

/**
 * What can be done to a volunteer, for the JSON API and the dashboard's forms alike. Each command
 * validates its input with the API's schema, so both answer the same 422s, 409s and 503s.
 */

/**
 * Who may run each command. Both routers guard with it, and the dashboard shows a form only when it
 * permits; units are checked by the commands themselves (another unit's volunteer is 404).
 */
export const COMMAND_ACCESS = {
  register: 'writer',
  completeStep: 'writer',
  recordPoliceCertificate: 'certificateOfficer',
  bookSession: 'writer',
  waiveCourse: 'coordinator',
  assignContact: 'writer',
  changePhase: 'writer',
  changeRole: 'writer',
  registerDeviation: 'writer',
} as const satisfies Record<string, Access>;

/** Makes a retried request harmless: the JSON API passes its `Idempotency-Key` header. */
export interface CommandOptions {
  idempotencyKey?: string | undefined;
}

export type VolunteerStatus = Awaited<ReturnType<typeof volunteerStatus>>;

/**
 * Stores a new volunteer and starts their lifecycle. When the workflow engine is away the
 * registration is kept (a sweeper starts it later) and the 503 names the volunteer's `id`.
 */
export async function registerVolunteerCommand(
  { em, policy, temporal }: VolunteersDeps,
  principal: Principal,
  input: unknown,
  options: CommandOptions = {},
): Promise<{ volunteer: Volunteer; replayed: boolean }> {
  const parsed = parse(registerVolunteerBody, input ?? {});
  // Without a choice of their own, a volunteer gets the municipality's written standard.
  const body = { ...parsed, language: parsed.language ?? policy.language };
  const idempotencyKey = parse(idempotencyKeyHeader, options.idempotencyKey);
  checkAssignment(body, policy);
  if (!seesUnit(principal, body.serviceUnitId)) {
    throw new HttpError(403, 'NotAllowed', 'You can register volunteers only in the units you work in.');
  }
  const { volunteer, replayed } = await registerVolunteer(em(), body, idempotencyKey);
  if (!volunteer.lifecycleStartedAt) {
    try {
      await startLifecycle(temporal, policy, volunteer);
    } catch (error) {
      if (error instanceof HttpError && error.status === 503) {
        throw new HttpError(
          503,
          error.code,
          `The registration is saved (id ${volunteer.id}), but the workflow engine is not answering, so onboarding has not started yet. ` +
            'Samspill starts it by itself when the engine is back; do not register the volunteer again.',
          undefined,
          { id: volunteer.id },
        );
      }
      throw error;
    }
    volunteer.lifecycleStartedAt = new Date();
    await em().nativeUpdate(Volunteer, { id: volunteer.id }, { lifecycleStartedAt: volunteer.lifecycleStartedAt });
  }
  return { volunteer, replayed };
}

/** A step named in a path; an unknown one is 404, like any unknown resource. */
function stepNamed(step: string): StepName {
  if (!(STEPS as readonly string[]).includes(step)) {
    throw new HttpError(404, 'NotFound', `There is no step "${step}"; steps are ${STEPS.join(', ')}.`);
  }
  return step as StepName;
}

/** Sends the Update and answers the volunteer's status once the projection shows the change. */
async function act<Arg>(
  { em, policy, temporal }: VolunteersDeps,
  principal: Principal,
  volunteerId: string,
  update: UpdateDefinition<LifecycleState, [Arg]>,
  arg: Arg,
  options: CommandOptions,
): Promise<VolunteerStatus> {
  const volunteer = await loadVolunteer(em(), volunteerId, principal);
  await updateLifecycle(temporal, volunteer.id, update, arg, parse(idempotencyKeyHeader, options.idempotencyKey));
  em().clear();
  return volunteerStatus(em(), policy, await loadVolunteer(em(), volunteerId, principal), principal);
}

export function recordPoliceCertificate(deps: VolunteersDeps, principal: Principal, volunteerId: string, input: unknown, options: CommandOptions = {}) {
  const body = parse(policeCertificateBody, input ?? {});
  const arg = { ...body, actor: actorOf(principal), maxAgeMonths: deps.policy.policeCertificateMaxAgeMonths };
  return act(deps, principal, volunteerId, recordPoliceCertificateUpdate, arg, options);
}

/** Marks a step done: the confidentiality declaration (optionally signed on paper on `signedOn`), or a session that took place. */
export function completeStep(deps: VolunteersDeps, principal: Principal, volunteerId: string, stepName: string, input: unknown, options: CommandOptions = {}) {
  const step = stepNamed(stepName);
  if (step === 'policeCertificate') throw new HttpError(422, 'UseRecordEndpoint', 'A police certificate is recorded with POST …/steps/policeCertificate/record.');
  const body = parse(completeStepBody, input ?? {});
  return act(deps, principal, volunteerId, completeStepUpdate, { step, ...body, actor: actorOf(principal) }, options);
}

/** Books or moves the time of a session step (course or conversation); the workflow refuses other steps. */
export function bookSession(deps: VolunteersDeps, principal: Principal, volunteerId: string, stepName: string, input: unknown, options: CommandOptions = {}) {
  const step = stepNamed(stepName);
  const body = parse(sessionBody, input ?? {});
  return act(deps, principal, volunteerId, bookSessionUpdate, { step: step as SessionStep, ...body, actor: actorOf(principal) }, options);
}

/** Waives the introduction course, the coordinator's decision (domain.md §2.1, step 4). */
export async function waiveStep(deps: VolunteersDeps, principal: Principal, volunteerId: string, stepName: string, input: unknown, options: CommandOptions = {}) {
  const step = stepNamed(stepName);
  const { reason } = parse(waiverBody, input ?? {});
  if (step !== 'introductionCourse') throw new HttpError(422, 'NotWaivable', 'Only the introduction course can be waived.');
  const actor = actorOf(principal);
  const status = await act(deps, principal, volunteerId, waiveStepUpdate, { step, actor }, options);
  // The reason is free text, so it stays in the database and out of the workflow's history.
  deps.em().create(AuditEntry, { volunteerId: status.id, agreementId: null, at: new Date(), actor, action: 'waiverReason', step, details: { reason } });
  await deps.em().flush();
  return status;
}

export async function assignContact(deps: VolunteersDeps, principal: Principal, volunteerId: string, input: unknown, options: CommandOptions = {}) {
  const { name, email } = parse(contactBody, input ?? {});
  const volunteer = await loadVolunteer(deps.em(), volunteerId, principal);
  volunteer.contactName = name;
  volunteer.contactEmail = email;
  await deps.em().flush();
  return act(deps, principal, volunteerId, assignContactUpdate, { actor: actorOf(principal) }, options);
}

/** Pauses, resumes, withdraws or ends; the workflow refuses an action the volunteer's phase does not allow. */
export function changePhase(deps: VolunteersDeps, principal: Principal, volunteerId: string, action: PhaseAction, input: unknown, options: CommandOptions = {}) {
  parse(emptyBody, input ?? {});
  return act(deps, principal, volunteerId, changePhaseUpdate, { action, actor: actorOf(principal) }, options);
}

/** A new activity type, and optionally a new unit (one the principal works in); the requirements are evaluated anew. */
export async function changeRole(deps: VolunteersDeps, principal: Principal, volunteerId: string, input: unknown, options: CommandOptions = {}) {
  const { em, policy } = deps;
  const body = parse(roleBody, input ?? {});
  const current = await loadVolunteer(em(), volunteerId, principal);
  const serviceUnitId = body.serviceUnitId ?? current.serviceUnitId;
  if (!seesUnit(principal, serviceUnitId)) throw new HttpError(403, 'NotAllowed', 'You can move a volunteer only to a unit you work in.');
  checkAssignment({ serviceUnitId, activityTypeId: body.activityTypeId, birthYear: current.birthYear ?? 1900 }, policy);
  const requirements = requirementsOf(policy, body.activityTypeId);
  // The new role is stored first, so the emails the change sends name it; a refused change is undone.
  const previous = { activityTypeId: current.activityTypeId, serviceUnitId: current.serviceUnitId };
  em().assign(current, { activityTypeId: body.activityTypeId, serviceUnitId });
  await em().flush();
  try {
    return await act(deps, principal, volunteerId, changeRoleUpdate, { actor: actorOf(principal), requirements }, options);
  } catch (error) {
    em().clear();
    em().assign(await em().findOneOrFail(Volunteer, { id: current.id }), previous);
    await em().flush();
    throw error;
  }
}

/** Stores a reference to a deviation (avvik) in the municipality's own system; it brings the next follow-up forward. */
export async function registerDeviation(deps: VolunteersDeps, principal: Principal, volunteerId: string, input: unknown, options: CommandOptions = {}) {
  const { occurredOn, externalId } = parse(deviationBody, input ?? {});
  const volunteer = await loadVolunteer(deps.em(), volunteerId, principal);
  const actor = actorOf(principal);
  deps.em().create(Deviation, { occurredOn, serviceUnitId: volunteer.serviceUnitId, volunteerId: volunteer.id, agreementId: null, externalId: externalId ?? null, recordedBy: actor });
  await deps.em().flush();
  return act(deps, principal, volunteerId, registerDeviationUpdate, { actor }, options);
}
