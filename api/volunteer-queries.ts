import type { EntityManager } from '@mikro-orm/core';
import { Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { permits, seesUnit } from './auth/access.ts';
import type { Principal } from './auth/principal.ts';
import { notFound } from './errors.ts';
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

/** The volunteer as the API shows them, with each step from the projection. */
export async function volunteerStatus(em: EntityManager, policy: Policy, volunteer: Volunteer, principal: Principal) {
  const steps = await em.find(VolunteerStep, { volunteer: volunteer.id }, { orderBy: { id: 'asc' } });
  return volunteerView(volunteer, steps, policy, { showPoliceCertificate: permits(principal, 'certificateOfficer') });
}

