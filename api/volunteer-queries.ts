import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Phase, StepName, StepState } from '../workflows/volunteer-lifecycle/definitions.ts';
import { permits, seesUnit, unitScope } from './auth/access.ts';
import type { Principal } from './auth/principal.ts';
import { HttpError, notFound } from './errors.ts';
import type { TemporalDeps } from './temporal-calls.ts';
import { isUuid } from './volunteer-schemas.ts';
import { volunteerView } from './volunteer-view.ts';

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
  /** Volunteers with a step (the named one, or any) in this state, in one of these states, or in none but this one. */
  stepState?: StepState | { $in: StepState[] } | { $ne: StepState } | undefined;
  /** Part of the name or email, any case. */
  search?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * One page of the volunteers the principal may see, newest first, each with their steps. Searching
 * compares in JavaScript: SQLite folds only ASCII letters, and Norwegian names need æ, ø and å, while
 * a municipality has at most a few thousand volunteers.
 */
export async function listVolunteers(em: EntityManager, principal: Principal, filter: VolunteerFilter): Promise<{ volunteers: Volunteer[]; total: number }> {
  const units = unitScope(principal);
  const where: FilterQuery<Volunteer> = units ? { serviceUnitId: { $in: units } } : {};
  if (filter.serviceUnitId) where.serviceUnitId = units && !units.includes(filter.serviceUnitId) ? { $in: [] } : filter.serviceUnitId;
  if (filter.phase) where.phase = filter.phase;
  const stepFilter: FilterQuery<VolunteerStep> = {};
  if (filter.step) {
    if (filter.step === 'policeCertificate' && !permits(principal, 'certificateOfficer')) {
      throw new HttpError(403, 'NotAllowed', 'Only the coordinator or a certificate officer can filter on police certificates.');
    }
    stepFilter.step = filter.step;
  }
  if (filter.stepState) stepFilter.state = filter.stepState;
  if (Object.keys(stepFilter).length) where.steps = stepFilter;
  const orderBy = { createdAt: 'desc', id: 'asc' } as const;
  const search = filter.search?.trim().toLocaleLowerCase('nb');
  if (!search) {
    const [volunteers, total] = await em.findAndCount(Volunteer, where, { orderBy, limit: filter.limit, offset: filter.offset, populate: ['steps'] });
    return { volunteers, total };
  }
  const candidates = await em.find(Volunteer, where, { orderBy, fields: ['id', 'name', 'email'] });
  const matching = candidates.filter((v) => `${v.name}\n${v.email}`.toLocaleLowerCase('nb').includes(search)).map((v) => v.id);
  const page = matching.slice(filter.offset, filter.offset + filter.limit);
  const volunteers = page.length ? await em.find(Volunteer, { id: { $in: page } }, { orderBy, populate: ['steps'] }) : [];
  return { volunteers, total: matching.length };
}
