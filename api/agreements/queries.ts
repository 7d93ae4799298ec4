import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Agreement, AgreementReview, AgreementVersion, Organisation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { seesAgreement, visibleAgreementIds } from './access.ts';
import { listAgreementsQuery } from './schemas.ts';
import { agreementView, type AgreementView } from './view.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { daysAfter } from '../volunteers/views/time.ts';

/** How far ahead the overview and «I dag» list the reviews coming up. */
export const REVIEW_HORIZON_DAYS = 30;

/** An agreement the principal may see; unknown IDs and agreements outside their units are both 404. */
export async function loadAgreement(em: EntityManager, id: string, principal: Principal): Promise<Agreement> {
  const agreement = isUuid(id) ? await em.findOne(Agreement, { id }) : null;
  if (!agreement || !(await seesAgreement(em, principal, agreement))) throw notFound(`Agreement ${id}`);
  return agreement;
}

/**
 * The agreement with its organisation, versions and reviews, read afresh: the workflow's activity
 * has just projected its status through another EntityManager.
 */
export async function agreementDetails(em: EntityManager, policy: Policy, id: string): Promise<AgreementView> {
  em.clear();
  const agreement = await em.findOneOrFail(Agreement, { id });
  const [organisation, versions, reviews] = await Promise.all([
    em.findOneOrFail(Organisation, { id: agreement.organisationId }),
    em.find(AgreementVersion, { agreementId: id }, { orderBy: { version: 'desc' } }),
    em.find(AgreementReview, { agreementId: id }, { orderBy: { cycle: 'desc' } }),
  ]);
  return agreementView(agreement, organisation, versions, reviews, policy);
}

/** One page of the agreements the principal may see, filtered by a `listAgreementsQuery`, those due first. */
export async function listAgreements(em: EntityManager, policy: Policy, principal: Principal, input: unknown) {
  const query = parse(listAgreementsQuery, input);
  const visible = await visibleAgreementIds(em, principal);
  const where: FilterQuery<Agreement> = visible ? { id: { $in: [...visible] } } : {};
  if (query.status) where.status = query.status;
  if (query.organisationId) where.organisationId = query.organisationId;
  const [agreements, total] = await em.findAndCount(Agreement, where, { orderBy: { reviewDueOn: 'asc', id: 'asc' }, limit: query.limit, offset: query.offset });
  const items: AgreementView[] = [];
  for (const agreement of agreements) items.push(await agreementDetails(em, policy, agreement.id));
  return { items, total, limit: query.limit, offset: query.offset };
}

/** Agreements the principal sees whose yearly review falls within the horizon or has passed. */
export async function agreementsDueForReview(em: EntityManager, principal: Principal, today: string) {
  const visible = await visibleAgreementIds(em, principal);
  const where: FilterQuery<Agreement> = { reviewDueOn: { $ne: null, $lte: daysAfter(today, REVIEW_HORIZON_DAYS) }, status: { $nin: ['draft', 'terminated'] } };
  if (visible) where.id = { $in: [...visible] };
  const agreements = await em.find(Agreement, where, { orderBy: { reviewDueOn: 'asc' } });
  const organisations = agreements.length ? await em.find(Organisation, { id: { $in: agreements.map((a) => a.organisationId) } }, { fields: ['id', 'name'] }) : [];
  return agreements.map((a) => ({
    id: a.id,
    organisationName: organisations.find((o) => o.id === a.organisationId)?.name ?? '',
    status: a.status,
    reviewDueOn: a.reviewDueOn ?? today,
    overdue: (a.reviewDueOn ?? today) < today,
  }));
}
