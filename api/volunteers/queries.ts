import type { EntityManager } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager } from '@mikro-orm/sql';
import { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Phase, StepName, StepState } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { permits, seesUnit, unitScope } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';
import { isUuid } from './schemas.ts';
import { volunteerView, type StepFields, type VolunteerFields } from './view.ts';

export interface VolunteersDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/**
 * Finds a volunteer the principal may see; unknown IDs, malformed IDs and volunteers of other
 * units are all 404, so a contact cannot even learn that another unit's volunteer exists.
 */
export async function loadVolunteer(em: EntityManager, id: string, principal: Principal): Promise<Volunteer> {
  const volunteer = isUuid(id) ? await em.findOne(Volunteer, { id }) : null;
  if (!volunteer || !seesUnit(principal, volunteer.serviceUnitId)) throw notFound(`Volunteer ${id}`);
  return volunteer;
}

/** The service units the principal sees, in the policy's order, for pickers and tables. */
export function unitsSeenBy(policy: Policy, principal: Principal): { id: string; name: string; contactEmail: string }[] {
  return policy.serviceUnits.filter((u) => seesUnit(principal, u.id));
}

/** The volunteer as the API shows them, with each step from the projection. */
export async function volunteerStatus(em: EntityManager, policy: Policy, volunteer: Volunteer, principal: Principal) {
  const steps = await em.find(VolunteerStep, { volunteer: volunteer.id }, { orderBy: { id: 'asc' } });
  return volunteerView(volunteer, steps, policy, { showPoliceCertificate: permits(principal, 'certificateOfficer') });
}

export interface VolunteerFilter {
  serviceUnitId?: string | undefined;
  phase?: Phase | undefined;
  /** Volunteers with this step (in `stepState`, when given). */
  step?: StepName | undefined;
  /** Volunteers with a step (the named one, or any) in this state, or in one of these states. */
  stepState?: StepState | StepState[] | undefined;
  /** Volunteers with no step (the named one, or any) in this state. */
  noStepIn?: StepState | undefined;
  /** Part of the name or email, any case. */
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** The list's order; `id` breaks ties between volunteers registered in the same millisecond. */
const NEWEST_FIRST = { createdAt: 'desc', id: 'asc' } as const;

/** A volunteer's columns and steps as plain rows: what the list shows, without entities. */
export type ListedVolunteer = VolunteerFields & { steps: StepFields[] };

/**
 * The step filter as SQL on `volunteer_step s`: the named step, in one of the states (or, with
 * `noStepIn`, no step in that state). Written out because each query wants its own shape of it,
 * and MikroORM's `$some` joins `volunteer` to itself: at 100 000 volunteers that made a page take
 * 165 ms on SQLite where the shapes below take 6 ms (npm run bench, B2).
 */
function stepCondition(filter: VolunteerFilter): { sql: string; params: string[]; negated: boolean } | undefined {
  const states = filter.noStepIn ? [filter.noStepIn] : filter.stepState === undefined ? [] : [filter.stepState].flat();
  const parts = [...(filter.step ? ['s.step = ?'] : []), ...(states.length ? [`s.state in (${states.map(() => '?').join(', ')})`] : [])];
  if (!parts.length) return undefined;
  return { sql: parts.join(' and '), params: [...(filter.step ? [filter.step] : []), ...states], negated: filter.noStepIn !== undefined };
}

/**
 * One page of the volunteers the principal may see, newest first, each with their steps. Read as
 * plain rows: building entities for 50 volunteers and their ~300 steps took most of the list's
 * time (npm run bench, B2). Searching compares in JavaScript: SQLite folds only ASCII letters, and
 * Norwegian names need æ, ø and å, while a municipality has at most a few thousand volunteers.
 */
export async function listVolunteers(em: EntityManager, principal: Principal, filter: VolunteerFilter): Promise<{ volunteers: ListedVolunteer[]; total: number }> {
  if (filter.step === 'policeCertificate' && !permits(principal, 'certificateOfficer')) {
    throw new HttpError(403, 'NotAllowed', 'Only the coordinator or a certificate officer can filter on police certificates.');
  }
  const units = unitScope(principal);
  const where: QBFilterQuery<Volunteer> = units ? { serviceUnitId: { $in: units } } : {};
  if (filter.serviceUnitId) where.serviceUnitId = units && !units.includes(filter.serviceUnitId) ? { $in: [] } : filter.serviceUnitId;
  if (filter.phase) where.phase = filter.phase;
  const steps = stepCondition(filter);
  const sql = em as SqlEntityManager;
  // Rows in order: walks the created_at index and checks each volunteer's steps, so a page stops at its last row.
  const inOrder = () => {
    const qb = sql.createQueryBuilder(Volunteer, 'v').where(where);
    if (steps) qb.andWhere(`${steps.negated ? 'not ' : ''}exists (select 1 from volunteer_step s where s.volunteer_id = v.id and ${steps.sql})`, steps.params);
    return qb.orderBy(NEWEST_FIRST);
  };
  // The count: reads the matching steps once from the (state, step, volunteer) index.
  const counted = () => {
    const qb = sql.createQueryBuilder(Volunteer, 'v').where(where);
    if (steps) qb.andWhere(`v.id ${steps.negated ? 'not in' : 'in'} (select s.volunteer_id from volunteer_step s where ${steps.sql})`, steps.params);
    return qb.getCount();
  };
  const search = filter.search?.trim().toLocaleLowerCase('nb');
  if (!search) {
    const [volunteers, total] = await Promise.all([inOrder().select('*').limit(filter.limit).offset(filter.offset).execute<VolunteerFields[]>('all'), counted()]);
    return { volunteers: await withSteps(sql, volunteers), total };
  }
  const candidates = await inOrder().select(['id', 'name', 'email']).execute<Pick<VolunteerFields, 'id' | 'name' | 'email'>[]>('all');
  const matching = candidates.filter((v) => `${v.name}\n${v.email}`.toLocaleLowerCase('nb').includes(search)).map((v) => v.id);
  const page = matching.slice(filter.offset, filter.offset + filter.limit);
  const volunteers = page.length
    ? await sql.createQueryBuilder(Volunteer, 'v').select('*').where({ id: { $in: page } }).orderBy(NEWEST_FIRST).execute<VolunteerFields[]>('all')
    : [];
  return { volunteers: await withSteps(sql, volunteers), total: matching.length };
}

async function withSteps(em: SqlEntityManager, volunteers: VolunteerFields[]): Promise<ListedVolunteer[]> {
  if (!volunteers.length) return [];
  const steps = await em
    .createQueryBuilder(VolunteerStep)
    .select('*')
    .where({ volunteer: { $in: volunteers.map((v) => v.id) } })
    .orderBy({ id: 'asc' })
    .execute<(StepFields & { volunteer: string })[]>('all');
  const byVolunteer = Map.groupBy(steps, (step) => step.volunteer);
  return volunteers.map((v) => ({ ...v, steps: byVolunteer.get(v.id) ?? [] }));
}
