import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Request } from 'express';
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
import { agreementContent, agreementDeviationBody, completeReviewBody, listAgreementsQuery, newAgreementBody, signBody } from '../agreement-schemas.ts';
import { agreementView, missingContents } from '../agreement-view.ts';
import { HttpError, notFound } from '../errors.ts';
import { startAgreementLifecycle, updateWorkflow, type TemporalDeps } from '../temporal-calls.ts';
import { emptyBody, idempotencyKeyHeader, isUuid } from '../volunteer-schemas.ts';
import { seesAgreement, visibleAgreementIds } from '../agreement-access.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf, type Principal } from '../auth/principal.ts';
import { parse } from './parse.ts';

interface AgreementsDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

type Content = z.infer<typeof agreementContent>;

/** Cooperation agreements (samarbeidsavtaler): drafted, signed when complete, reviewed every year. */
export function agreementsRouter({ em, policy, temporal }: AgreementsDeps): Router {
  const router = Router();

  function checkPolicyIds(content: Content): void {
    const fields = [
      ...content.serviceUnitIds.filter((id) => !policy.serviceUnits.some((u) => u.id === id)).map((id) => ({ field: 'serviceUnitIds', message: `Unknown service unit "${id}".` })),
      ...content.activityTypeIds.filter((id) => !policy.activityTypes.some((a) => a.id === id)).map((id) => ({ field: 'activityTypeIds', message: `Unknown activity type "${id}".` })),
    ];
    if (fields.length) throw new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', fields);
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

  /** An agreement the principal may see; others' are 404, like unknown ones. */
  async function load(id: string, principal: Principal) {
    const agreement = isUuid(id) ? await em().findOne(Agreement, { id }) : null;
    if (!agreement || !(await seesAgreement(em(), principal, agreement))) throw notFound(`Agreement ${id}`);
    return agreement;
  }

  async function view(id: string) {
    em().clear();
    const agreement = await em().findOneOrFail(Agreement, { id });
    const [organisation, versions, reviews] = await Promise.all([
      em().findOneOrFail(Organisation, { id: agreement.organisationId }),
      em().find(AgreementVersion, { agreementId: id }, { orderBy: { version: 'desc' } }),
      em().find(AgreementReview, { agreementId: id }, { orderBy: { cycle: 'desc' } }),
    ]);
    return agreementView(agreement, organisation, versions, reviews, policy);
  }

  const update = <Arg>(req: Request, id: string, definition: UpdateDefinition<AgreementState, [Arg]>, arg: Arg) =>
    updateWorkflow(temporal, agreementWorkflowId(id), definition, arg, parse(idempotencyKeyHeader, req.get('Idempotency-Key')));

  router.post('/', allow('coordinator'), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const { organisationId, ...content } = parse(newAgreementBody, req.body ?? {});
    checkPolicyIds(content);
    if (!(await em().findOne(Organisation, { id: organisationId }))) {
      throw new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', [{ field: 'organisationId', message: 'No such organisation.' }]);
    }
    const id = randomUUID();
    await em().transactional((tx) => {
      tx.create(Agreement, { id, organisationId, startDate: content.startDate });
      tx.create(AgreementVersion, versionValues(id, 1, content, actor));
      return Promise.resolve();
    });
    await startAgreementLifecycle(temporal, policy, id);
    res.status(201).location(`/api/agreements/${id}`).json(await view(id));
  });

  router.get('/', allow('staff'), async (req, res) => {
    const query = parse(listAgreementsQuery, req.query);
    const visible = await visibleAgreementIds(em(), principalOf(res));
    const where: FilterQuery<Agreement> = visible ? { id: { $in: [...visible] } } : {};
    if (query.status) where.status = query.status;
    if (query.organisationId) where.organisationId = query.organisationId;
    const [agreements, total] = await em().findAndCount(Agreement, where, { orderBy: { reviewDueOn: 'asc', id: 'asc' }, limit: query.limit, offset: query.offset });
    res.json({ items: await Promise.all(agreements.map((a) => view(a.id))), total, limit: query.limit, offset: query.offset });
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    res.json(await view((await load(String(req.params.id), principalOf(res))).id));
  });

  router.put('/:id/draft', allow('coordinator'), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const content = parse(agreementContent, req.body ?? {});
    checkPolicyIds(content);
    const agreement = await load(String(req.params.id), principalOf(res));
    if (agreement.status !== 'draft') throw new HttpError(409, 'NotADraft', 'Only a draft can be edited; a signed agreement changes through a revision at its review.');
    const version = await em().findOneOrFail(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion });
    em().assign(version, versionValues(agreement.id, version.version, content, actor));
    agreement.startDate = content.startDate;
    await em().flush();
    res.json(await view(agreement.id));
  });

  router.post('/:id/sign', allow('coordinator'), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const { signedOn } = parse(signBody, req.body ?? {});
    const agreement = await load(String(req.params.id), principalOf(res));
    const version = await em().findOneOrFail(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion });
    const missing = missingContents(version);
    if (missing.length) throw new HttpError(422, 'AgreementIncomplete', 'The agreement cannot be signed until every required part is filled in; see `fields`.', missing);
    await update(req, agreement.id, signAgreementUpdate, { actor, version: version.version, startDate: version.startDate });
    em().assign(version, { signedBy: actor, signedOn });
    await em().flush();
    res.json(await view(agreement.id));
  });

  router.post('/:id/review/start', allow('writer'), async (req, res) => {
    parse(emptyBody, req.body ?? {});
    const actor = actorOf(principalOf(res));
    const agreement = await load(String(req.params.id), principalOf(res));
    const state = await update(req, agreement.id, startReviewUpdate, { actor });
    const existing = await em().findOne(AgreementReview, { agreementId: agreement.id, cycle: state.cycle });
    if (!existing) em().create(AgreementReview, { agreementId: agreement.id, cycle: state.cycle, early: state.earlyReview, answers: {} });
    await em().flush();
    res.json(await view(agreement.id));
  });

  router.post('/:id/review/complete', allow('writer'), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const { outcome, answers, revision } = parse(completeReviewBody, req.body ?? {});
    const agreement = await load(String(req.params.id), principalOf(res));
    const cycle = agreement.cycle;
    let version: number | undefined;
    if (outcome === 'revised' && revision) {
      checkPolicyIds(revision);
      const missing = missingContents({ sections: revision.sections, qualitySystemRef: revision.qualitySystemRef ?? null });
      if (missing.length) throw new HttpError(422, 'AgreementIncomplete', 'The revised agreement must be complete; see `fields`.', missing.map((m) => ({ ...m, field: `revision.${m.field}` })));
      version = agreement.currentVersion + 1;
      const revised = await em().findOne(AgreementVersion, { agreementId: agreement.id, version });
      const values = { ...versionValues(agreement.id, version, revision, actor), signedBy: actor, signedOn: new Date().toISOString().slice(0, 10) };
      if (revised) em().assign(revised, values);
      else em().create(AgreementVersion, values);
      await em().flush();
    }
    await update(req, agreement.id, completeReviewUpdate, { actor, outcome, version });
    const review = await em().findOne(AgreementReview, { agreementId: agreement.id, cycle });
    const values = { answers, outcome, reviewedBy: actor, completedAt: new Date() };
    if (review) em().assign(review, values);
    else em().create(AgreementReview, { agreementId: agreement.id, cycle, early: agreement.earlyReview, ...values });
    await em().flush();
    res.json(await view(agreement.id));
  });

  router.post('/:id/deviations', allow('writer'), async (req, res) => {
    const actor = actorOf(principalOf(res));
    const { occurredOn, externalId } = parse(agreementDeviationBody, req.body ?? {});
    const agreement = await load(String(req.params.id), principalOf(res));
    const version = await em().findOneOrFail(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion });
    em().create(Deviation, { occurredOn, serviceUnitId: version.serviceUnitIds[0]!, agreementId: agreement.id, volunteerId: null, externalId: externalId ?? null, recordedBy: actor });
    await em().flush();
    await update(req, agreement.id, agreementDeviationUpdate, { actor });
    res.status(201).json(await view(agreement.id));
  });

  return router;
}
