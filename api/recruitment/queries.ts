import type { EntityManager } from '@mikro-orm/core';
import { Application } from '../../infra/db/entities/index.ts';
import { AWAITING_DECISION, type ApplicationStatus } from '../../workflows/application/definitions.ts';
import { seesUnit } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { isUuid } from '../volunteers/schemas.ts';

/** Staff see an application once it is confirmed, and a contact only when it names one of their units. */
function sees(principal: Principal, application: Application): boolean {
  return application.status !== 'unconfirmed' && application.serviceUnitIds.some((unit) => seesUnit(principal, unit));
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  name: string | null;
  email: string | null;
  phone: string | null;
  birthYear: number;
  activityTypeId: string;
  serviceUnitIds: string[];
  motivation: string | null;
  language: Application['language'];
  privacyNoticeVersion: string | null;
  confirmedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  volunteerId: string | null;
  anonymised: boolean;
}

export function applicationView(application: Application): ApplicationView {
  const iso = (at: Date | null | undefined) => at?.toISOString() ?? null;
  return {
    id: application.id,
    status: application.status,
    name: application.name ?? null,
    email: application.email ?? null,
    phone: application.phone ?? null,
    birthYear: application.birthYear,
    activityTypeId: application.activityTypeId,
    serviceUnitIds: application.serviceUnitIds,
    motivation: application.motivation ?? null,
    language: application.language,
    privacyNoticeVersion: application.privacyNoticeVersion ?? null,
    confirmedAt: iso(application.confirmedAt),
    decidedAt: iso(application.decidedAt),
    decidedBy: application.decidedBy ?? null,
    volunteerId: application.volunteerId ?? null,
    anonymised: application.anonymisedAt != null,
  };
}

/**
 * The queue: applications waiting for a decision (or of one status), oldest confirmation first. A
 * municipality has tens at a time, so the unit filter on the JSON list of units runs here.
 */
export async function listApplications(em: EntityManager, principal: Principal, { status }: { status?: ApplicationStatus | undefined }): Promise<Application[]> {
  const statuses = status ? [status] : [...AWAITING_DECISION];
  const found = await em.find(Application, { status: { $in: statuses } }, { orderBy: { confirmedAt: 'asc', id: 'asc' }, limit: 500 });
  return found.filter((application) => sees(principal, application));
}

/** One application the principal may see; anything else is 404, as for every resource. */
export async function loadApplication(em: EntityManager, id: string, principal: Principal): Promise<Application> {
  const application = isUuid(id) ? await em.findOne(Application, { id }) : null;
  if (!application || !sees(principal, application)) throw notFound(`Application ${id}`);
  return application;
}
