import type { EntityManager } from '@mikro-orm/core';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { Agreement, AgreementReview, AgreementVersion, Deviation, Organisation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import {
  agreementDeviationUpdate,
  agreementWorkflowId,
  completeReviewUpdate,
  signAgreementUpdate,
  startReviewUpdate,
  type AgreementState,
} from '../../workflows/agreement/definitions.ts';
import { agreementContent, agreementDeviationBody, completeReviewBody, newAgreementBody, signBody } from './schemas.ts';
import { loadAgreement } from './queries.ts';
import { missingContents } from './view.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { startAgreementLifecycle, updateWorkflow, type TemporalDeps } from '../http/temporal-calls.ts';
import { emptyBody } from '../volunteers/schemas.ts';

/**
 * What can be done to a cooperation agreement, for the JSON API and the dashboard's forms alike.
 * Each command validates its input with the API's schema, so both answer the same 422s.
 */

export interface AgreementDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/** Makes a retried request harmless: the JSON API passes its `Idempotency-Key` header. */
export interface CommandOptions {
  idempotencyKey?: string | undefined;
}

type Content = z.infer<typeof agreementContent>;

function invalid(fields: { field: string; message: string }[]): HttpError {
  return new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', fields);
}

function checkPolicyIds(policy: Policy, content: Content, prefix = ''): void {
  const fields = [
    ...content.serviceUnitIds.filter((id) => !policy.serviceUnits.some((u) => u.id === id)).map((id) => ({ field: `${prefix}serviceUnitIds`, message: `Unknown service unit "${id}".` })),
    ...content.activityTypeIds.filter((id) => !policy.activityTypes.some((a) => a.id === id)).map((id) => ({ field: `${prefix}activityTypeIds`, message: `Unknown activity type "${id}".` })),
  ];
  if (fields.length) throw invalid(fields);
}

function versionValues(agreementId: string, version: number, content: Content, actor: string) {
  return {
    agreementId,
    version,
    serviceUnitIds: content.serviceUnitIds,
    activityTypeIds: content.activityTypeIds,
    municipalContactName: content.municipalContact.name,
    municipalContactEmail: content.municipalContact.email,
    startDate: content.startDate,
    qualitySystemRef: content.qualitySystemRef ?? null,
    sections: content.sections,
    createdBy: actor,
  };
}

function update<Arg>(temporal: TemporalDeps, id: string, definition: UpdateDefinition<AgreementState, [Arg]>, arg: Arg, options: CommandOptions) {
  return updateWorkflow(temporal, agreementWorkflowId(id), definition, arg, options.idempotencyKey);
}

function currentVersion(em: EntityManager, agreement: Agreement) {
  return em.findOneOrFail(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion });
}

/** Drafts an agreement (version 1) from a `newAgreementBody` and starts its workflow; answers its ID. */
export async function createAgreement({ em, policy, temporal }: AgreementDeps, principal: Principal, input: unknown): Promise<string> {
  const { organisationId, ...content } = parse(newAgreementBody, input);
  checkPolicyIds(policy, content);
  if (!(await em().findOne(Organisation, { id: organisationId }))) throw invalid([{ field: 'organisationId', message: 'No such organisation.' }]);
  const id = randomUUID();
  await em().transactional((tx) => {
    tx.create(Agreement, { id, organisationId, startDate: content.startDate });
    tx.create(AgreementVersion, versionValues(id, 1, content, actorOf(principal)));
    return Promise.resolve();
  });
  await startAgreementLifecycle(temporal, policy, id);
  return id;
}

/** Replaces a draft's contents; a signed agreement changes only through a revision at its review (409). */
export async function editDraft({ em, policy }: AgreementDeps, principal: Principal, id: string, input: unknown): Promise<void> {
  const content = parse(agreementContent, input);
  checkPolicyIds(policy, content);
  const agreement = await loadAgreement(em(), id, principal);
  if (agreement.status !== 'draft') throw new HttpError(409, 'NotADraft', 'Only a draft can be edited; a signed agreement changes through a revision at its review.');
  const version = await currentVersion(em(), agreement);
  em().assign(version, versionValues(agreement.id, version.version, content, actorOf(principal)));
  agreement.startDate = content.startDate;
  await em().flush();
}

/** Signs the current version; 422 `AgreementIncomplete` names every part still missing. */
export async function signAgreement({ em, temporal }: AgreementDeps, principal: Principal, id: string, input: unknown, options: CommandOptions = {}): Promise<void> {
  const actor = actorOf(principal);
  const { signedOn } = parse(signBody, input);
  const agreement = await loadAgreement(em(), id, principal);
  const version = await currentVersion(em(), agreement);
  const missing = missingContents(version);
  if (missing.length) throw new HttpError(422, 'AgreementIncomplete', 'The agreement cannot be signed until every required part is filled in; see `fields`.', missing);
  await update(temporal, agreement.id, signAgreementUpdate, { actor, version: version.version, startDate: version.startDate }, options);
  em().assign(version, { signedBy: actor, signedOn });
  await em().flush();
}

/** Opens this cycle's review, keeping any answers the organisation's contact already gave. */
export async function startReview({ em, temporal }: AgreementDeps, principal: Principal, id: string, input: unknown, options: CommandOptions = {}): Promise<void> {
  parse(emptyBody, input);
  const agreement = await loadAgreement(em(), id, principal);
  const state = await update(temporal, agreement.id, startReviewUpdate, { actor: actorOf(principal) }, options);
  const existing = await em().findOne(AgreementReview, { agreementId: agreement.id, cycle: state.cycle });
  if (!existing) em().create(AgreementReview, { agreementId: agreement.id, cycle: state.cycle, early: state.earlyReview, answers: {} });
  await em().flush();
}

/** Records the review's answers and outcome; `revised` stores the new, complete version first, then makes it current. */
export async function completeReview({ em, policy, temporal }: AgreementDeps, principal: Principal, id: string, input: unknown, options: CommandOptions = {}): Promise<void> {
  const actor = actorOf(principal);
  const { outcome, answers, revision } = parse(completeReviewBody, input);
  const agreement = await loadAgreement(em(), id, principal);
  const cycle = agreement.cycle;
  let version: number | undefined;
  if (outcome === 'revised' && revision) {
    checkPolicyIds(policy, revision, 'revision.');
    const missing = missingContents({ sections: revision.sections, qualitySystemRef: revision.qualitySystemRef ?? null });
    if (missing.length) throw new HttpError(422, 'AgreementIncomplete', 'The revised agreement must be complete; see `fields`.', missing.map((m) => ({ ...m, field: `revision.${m.field}` })));
    version = agreement.currentVersion + 1;
    const revised = await em().findOne(AgreementVersion, { agreementId: agreement.id, version });
    const values = { ...versionValues(agreement.id, version, revision, actor), signedBy: actor, signedOn: new Date().toISOString().slice(0, 10) };
    if (revised) em().assign(revised, values);
    else em().create(AgreementVersion, values);
    await em().flush();
  }
  await update(temporal, agreement.id, completeReviewUpdate, { actor, outcome, version }, options);
  const review = await em().findOne(AgreementReview, { agreementId: agreement.id, cycle });
  const values = { answers, outcome, reviewedBy: actor, completedAt: new Date() };
  if (review) em().assign(review, values);
  else em().create(AgreementReview, { agreementId: agreement.id, cycle, early: agreement.earlyReview, ...values });
  await em().flush();
}

/** Records a reference to a deviation tied to the agreement; an active agreement then falls due for an early review. */
export async function registerAgreementDeviation({ em, temporal }: AgreementDeps, principal: Principal, id: string, input: unknown, options: CommandOptions = {}): Promise<void> {
  const actor = actorOf(principal);
  const { occurredOn, externalId } = parse(agreementDeviationBody, input);
  const agreement = await loadAgreement(em(), id, principal);
  const version = await currentVersion(em(), agreement);
  em().create(Deviation, { occurredOn, serviceUnitId: version.serviceUnitIds[0]!, agreementId: agreement.id, volunteerId: null, externalId: externalId ?? null, recordedBy: actor });
  await em().flush();
  await update(temporal, agreement.id, agreementDeviationUpdate, { actor }, options);
}
