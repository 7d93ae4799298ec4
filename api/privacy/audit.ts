import type { FilterQuery } from '@mikro-orm/core';
import type { AuditEntry } from '../../infra/db/entities/index.ts';
import { permits } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import { nextDay, osloDayStart } from './dates.ts';
import type { AuditFilters } from './schemas.ts';

/** Which audit entries a filter selects; `from` and `to` are whole days in Europe/Oslo. */
export function auditWhere(filters: AuditFilters & { volunteerId?: string | undefined; agreementId?: string | undefined }): FilterQuery<AuditEntry> {
  const where: FilterQuery<AuditEntry> = {};
  if (filters.volunteerId) where.volunteerId = filters.volunteerId;
  if (filters.agreementId) where.agreementId = filters.agreementId;
  if (filters.action) where.action = filters.action;
  if (filters.step) where.step = filters.step;
  if (filters.actor) where.actor = filters.actor;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { $gte: osloDayStart(filters.from) } : {}),
      ...(filters.to ? { $lt: osloDayStart(nextDay(filters.to)) } : {}),
    };
  }
  return where;
}

/**
 * Police certificate entries are only for the coordinator and certificate officers (law): asking
 * for them is refused, and they are left out of everything else. Entries without a step stay, which
 * a plain `step != 'policeCertificate'` would drop in SQL.
 */
export function hidePoliceCertificates(where: FilterQuery<AuditEntry>, filters: AuditFilters, principal: Principal): FilterQuery<AuditEntry> {
  if (permits(principal, 'certificateOfficer')) return where;
  if (filters.step === 'policeCertificate') {
    throw new HttpError(403, 'NotAllowed', 'Only the coordinator or a certificate officer can see police certificate entries.');
  }
  return { $and: [where, { $or: [{ step: null }, { step: { $ne: 'policeCertificate' } }] }] };
}
