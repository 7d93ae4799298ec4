import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/sql';
import { AuditEntry, HoursEntry } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { seesUnit, unitScope } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { recordHours } from './record.ts';
import type { HoursInput, ListHoursQuery } from './schemas.ts';
import { loadVolunteer } from '../volunteers/queries.ts';
import { roundHours } from '../../workflows/annual-evaluation/report.ts';

/** What the API, the dashboard and the forms do with hours entries, in one place. */

/** The list filters; a plain shape, so both `find` and the query builder take it. */
interface HoursFilter {
  volunteerId?: string;
  serviceUnitId?: string | { $in: string[] };
  activityTypeId?: string;
  status?: HoursEntry['status'];
  month?: string | { $gte: string; $lte: string };
}

/** An hours entry as the API shows it. */
export function hoursView(entry: HoursEntry) {
  return {
    id: entry.id,
    volunteerId: entry.volunteerId,
    serviceUnitId: entry.serviceUnitId,
    activityTypeId: entry.activityTypeId,
    month: entry.month,
    hours: entry.hours,
    status: entry.status,
    source: entry.source,
    enteredBy: entry.enteredBy,
    approvedBy: entry.approvedBy,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

/** A staff member enters a volunteer's hours for a month (approved as entered), within the units they work in. */
export async function enterHours(em: EntityManager, policy: Policy, principal: Principal, { volunteerId, ...values }: HoursInput) {
  const volunteer = await loadVolunteer(em, volunteerId, principal);
  if (values.serviceUnitId && !seesUnit(principal, values.serviceUnitId)) {
    throw new HttpError(403, 'NotAllowed', 'You can enter hours only for the units you work in.');
  }
  return recordHours(em, policy, volunteer, values, { source: 'contact', actor: actorOf(principal) });
}

async function loadEntry(em: EntityManager, id: string, principal: Principal): Promise<HoursEntry> {
  const entry = /^[1-9]\d{0,9}$/.test(id) && Number(id) < 2 ** 31 ? await em.findOne(HoursEntry, { id: Number(id) }) : null;
  if (!entry || !seesUnit(principal, entry.serviceUnitId)) throw notFound(`Hours entry ${id}`);
  return entry;
}

/** Approves a volunteer's pending entry; 404 outside the principal's units, 409 when it is already approved. */
export async function approveHours(em: EntityManager, principal: Principal, id: string): Promise<HoursEntry> {
  const actor = actorOf(principal);
  const entry = await loadEntry(em, id, principal);
  // Only a pending row changes, so of two contacts approving at once, one gets the 409.
  const approved = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(HoursEntry, { id: entry.id, status: 'pending' }, { status: 'approved', approvedBy: actor, updatedAt: new Date() });
    if (changed) tx.create(AuditEntry, { volunteerId: entry.volunteerId, at: new Date(), actor, action: 'hoursApproved', details: { month: entry.month, hours: String(entry.hours) } });
    return changed > 0;
  });
  if (!approved) throw new HttpError(409, 'HoursAlreadyApproved', 'These hours are already approved; nothing was changed.');
  return em.refreshOrFail(entry);
}

async function totalHours(em: EntityManager, where: HoursFilter): Promise<number> {
  const qb = (em as SqlEntityManager).createQueryBuilder(HoursEntry).select(raw('coalesce(sum(hours), 0) as total')).where(where);
  const row = await qb.execute<{ total: number | string }>('get');
  return roundHours(Number(row.total));
}

/** A page of entries matching the filters within the principal's units, the newest month first, and the totals over every page. */
export async function listHours(em: EntityManager, principal: Principal, query: ListHoursQuery) {
  const units = unitScope(principal);
  const where: HoursFilter = units ? { serviceUnitId: { $in: units } } : {};
  if (query.volunteerId) where.volunteerId = query.volunteerId;
  if (query.serviceUnitId) where.serviceUnitId = units && !units.includes(query.serviceUnitId) ? { $in: [] } : query.serviceUnitId;
  if (query.activityTypeId) where.activityTypeId = query.activityTypeId;
  if (query.status) where.status = query.status;
  if (query.month) where.month = query.month;
  if (query.year) where.month = { $gte: `${query.year}-01`, $lte: `${query.year}-12` };
  const [entries, total] = await em.findAndCount(HoursEntry, where, { orderBy: { month: 'desc', id: 'asc' }, limit: query.limit, offset: query.offset });
  return { entries, total, totalHours: await totalHours(em, where) };
}
