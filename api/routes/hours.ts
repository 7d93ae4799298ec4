import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/sql';
import express, { Router } from 'express';
import { AuditEntry, HoursEntry, Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError, notFound, type FieldProblem } from '../errors.ts';
import { parseHoursCsv, type CsvRow } from '../hours-import.ts';
import { approveHoursBody, enterHoursBody, listHoursQuery, type HoursInput } from '../hours-schemas.ts';
import { allow, seesUnit, unitScope } from '../auth/access.ts';
import { actorOf, principalOf, type Principal } from '../auth/principal.ts';
import { loadVolunteer } from '../volunteer-queries.ts';
import { parse } from './parse.ts';

export interface HoursDeps {
  em: () => EntityManager;
  policy: Policy;
}

type HoursValues = Omit<HoursInput, 'volunteerId'>;
type VolunteerRef = Pick<Volunteer, 'id' | 'serviceUnitId' | 'activityTypeId' | 'anonymisedAt'>;
/** The list filters; a plain shape, so both `find` and the query builder take it. */
interface HoursFilter {
  volunteerId?: string;
  serviceUnitId?: string | { $in: string[] };
  activityTypeId?: string;
  status?: HoursEntry['status'];
  month?: string | { $gte: string; $lte: string };
}
interface Author {
  source: HoursEntry['source'];
  actor: string;
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

/** The unit and activity type the hours count for: as given, else the volunteer's current ones; both must be in the policy. */
function assignmentOf(policy: Policy, volunteer: VolunteerRef, values: HoursValues) {
  const serviceUnitId = values.serviceUnitId ?? volunteer.serviceUnitId;
  const activityTypeId = values.activityTypeId ?? volunteer.activityTypeId;
  const fields: FieldProblem[] = [];
  const whose = (given: string | undefined, what: string) => (given ? `Unknown ${what} "${given}"` : `The volunteer's ${what} is no longer in the policy`);
  if (!policy.serviceUnits.some((u) => u.id === serviceUnitId)) {
    fields.push({ field: 'serviceUnitId', message: `${whose(values.serviceUnitId, 'service unit')}; choose one of ${policy.serviceUnits.map((u) => u.id).join(', ')}.` });
  }
  if (!policy.activityTypes.some((a) => a.id === activityTypeId)) {
    fields.push({ field: 'activityTypeId', message: `${whose(values.activityTypeId, 'activity type')}; choose one of ${policy.activityTypes.map((a) => a.id).join(', ')}.` });
  }
  if (fields.length) throw new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', fields);
  return { serviceUnitId, activityTypeId };
}

/**
 * Stores a volunteer's hours for one unit, activity type and month, replacing what was there, in one
 * transaction with its audit entry. Staff entries are approved as entered; a volunteer's wait for a
 * contact, and may not overwrite hours a contact has already approved.
 */
export async function recordHours(em: EntityManager, policy: Policy, volunteer: VolunteerRef, values: HoursValues, by: Author) {
  if (volunteer.anonymisedAt) {
    const message = 'This volunteer\'s data has been anonymised, so no hours can be recorded for them.';
    throw new HttpError(409, 'VolunteerAnonymised', message, [{ field: 'volunteerId', message }]);
  }
  const key = { volunteerId: volunteer.id, month: values.month, ...assignmentOf(policy, volunteer, values) };
  const status: HoursEntry['status'] = by.source === 'volunteer' ? 'pending' : 'approved';
  const write = () =>
    em.transactional(async (tx) => {
      const existing = await tx.findOne(HoursEntry, key);
      if (existing?.status === 'approved' && by.source === 'volunteer') {
        throw new HttpError(409, 'HoursAlreadyApproved', 'The hours for this month are already approved; ask your volunteer contact to change them.');
      }
      const data = { hours: values.hours, status, source: by.source, enteredBy: by.actor, approvedBy: status === 'approved' ? by.actor : null };
      const entry = existing ? tx.assign(existing, data) : tx.create(HoursEntry, { ...key, ...data });
      tx.create(AuditEntry, {
        volunteerId: volunteer.id,
        at: new Date(),
        actor: by.actor,
        action: 'hoursRecorded',
        details: { ...key, hours: String(values.hours), source: by.source, replaced: existing !== null },
      });
      return { entry, replaced: existing !== null };
    }, { clear: true });
  try {
    return await write();
  } catch (error) {
    // A concurrent request created the same key first; now there is a row to replace.
    if (error instanceof UniqueConstraintViolationException) return write();
    throw error;
  }
}

async function loadEntry(em: EntityManager, id: string, principal: Principal): Promise<HoursEntry> {
  const entry = /^[1-9]\d{0,9}$/.test(id) && Number(id) < 2 ** 31 ? await em.findOne(HoursEntry, { id: Number(id) }) : null;
  if (!entry || !seesUnit(principal, entry.serviceUnitId)) throw notFound(`Hours entry ${id}`);
  return entry;
}

async function totalHours(em: EntityManager, where: HoursFilter): Promise<number> {
  const qb = (em as SqlEntityManager).createQueryBuilder(HoursEntry).select(raw('coalesce(sum(hours), 0) as total')).where(where);
  const row = await qb.execute<{ total: number | string }>('get');
  // Doubles add up with binary noise (0.1 + 0.2); hours have at most two decimals.
  return Math.round(Number(row.total) * 100) / 100;
}

async function volunteersById(em: EntityManager, rows: CsvRow[]): Promise<Map<string, Volunteer>> {
  const ids = [...new Set(rows.flatMap((r) => ('input' in r ? [r.input.volunteerId] : [])))];
  const found = new Map<string, Volunteer>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const volunteer of await em.find(Volunteer, { id: { $in: ids.slice(i, i + 500) } })) found.set(volunteer.id, volunteer);
  }
  return found;
}

/** Rows per import transaction; each row still has a savepoint of its own. */
const IMPORT_BATCH = 200;

type ImportedRow =
  | { row: number; status: 'imported' | 'replaced'; id: number }
  | { row: number; status: 'error'; errors: FieldProblem[] };

async function importRow(em: EntityManager, policy: Policy, row: CsvRow, volunteers: Map<string, Volunteer>, actor: string): Promise<ImportedRow> {
  if ('errors' in row) return { row: row.row, status: 'error', errors: row.errors };
  const volunteer = volunteers.get(row.input.volunteerId);
  if (!volunteer) return { row: row.row, status: 'error', errors: [{ field: 'volunteerId', message: 'No volunteer in Samspill has this ID; check it.' }] };
  try {
    const { entry, replaced } = await recordHours(em, policy, volunteer, row.input, { source: 'import', actor });
    return { row: row.row, status: replaced ? 'replaced' : 'imported', id: entry.id };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { row: row.row, status: 'error', errors: error.fields ?? [{ field: '(row)', message: error.message }] };
  }
}

/** Hours per volunteer and month: entered by staff, approved, listed with totals, and imported from CSV. */
export function hoursRouter({ em, policy }: HoursDeps): Router {
  const router = Router();

  router.post('/', allow('writer'), async (req, res) => {
    const principal = principalOf(res);
    const { volunteerId, ...values } = parse(enterHoursBody, req.body ?? {});
    const volunteer = await loadVolunteer(em(), volunteerId, principal);
    if (values.serviceUnitId && !seesUnit(principal, values.serviceUnitId)) {
      throw new HttpError(403, 'NotAllowed', 'You can enter hours only for the units you work in.');
    }
    const { entry, replaced } = await recordHours(em(), policy, volunteer, values, { source: 'contact', actor: actorOf(principal) });
    res.status(replaced ? 200 : 201).json(hoursView(entry));
  });

  router.get('/', allow('staff'), async (req, res) => {
    const query = parse(listHoursQuery, req.query);
    const units = unitScope(principalOf(res));
    const where: HoursFilter = units ? { serviceUnitId: { $in: units } } : {};
    if (query.volunteerId) where.volunteerId = query.volunteerId;
    if (query.serviceUnitId) where.serviceUnitId = units && !units.includes(query.serviceUnitId) ? { $in: [] } : query.serviceUnitId;
    if (query.activityTypeId) where.activityTypeId = query.activityTypeId;
    if (query.status) where.status = query.status;
    if (query.month) where.month = query.month;
    if (query.year) where.month = { $gte: `${query.year}-01`, $lte: `${query.year}-12` };
    const [entries, total] = await em().findAndCount(HoursEntry, where, {
      orderBy: { month: 'desc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    res.json({ items: entries.map(hoursView), total, limit: query.limit, offset: query.offset, totalHours: await totalHours(em(), where) });
  });

  router.post('/:id/approve', allow('writer'), async (req, res) => {
    parse(approveHoursBody, req.body ?? {});
    const principal = principalOf(res);
    const actor = actorOf(principal);
    const entry = await loadEntry(em(), String(req.params.id), principal);
    // Only a pending row changes, so of two contacts approving at once, one gets the 409.
    const approved = await em().transactional(async (tx) => {
      const changed = await tx.nativeUpdate(HoursEntry, { id: entry.id, status: 'pending' }, { status: 'approved', approvedBy: actor, updatedAt: new Date() });
      if (changed) tx.create(AuditEntry, { volunteerId: entry.volunteerId, at: new Date(), actor, action: 'hoursApproved', details: { month: entry.month, hours: String(entry.hours) } });
      return changed > 0;
    });
    if (!approved) throw new HttpError(409, 'HoursAlreadyApproved', 'These hours are already approved; nothing was changed.');
    res.json(hoursView(await em().refreshOrFail(entry)));
  });

  // An import spans units, so it is the coordinator's.
  router.post('/import', allow('coordinator'), express.text({ type: 'text/csv', limit: '2mb' }), async (req, res) => {
    if (typeof req.body !== 'string') {
      throw new HttpError(415, 'UnsupportedMediaType', 'Send the CSV file as the request body with Content-Type: text/csv.');
    }
    const actor = actorOf(principalOf(res));
    const parsed = parseHoursCsv(req.body);
    if (!parsed.ok) throw new HttpError(parsed.status, parsed.code, parsed.message, parsed.fields);
    const volunteers = await volunteersById(em().fork(), parsed.rows);
    const rows: ImportedRow[] = [];
    // A transaction per batch and a savepoint per row: a bad row is reported and skipped, never half-written,
    // and SQLite does not pay a commit for every row.
    for (let start = 0; start < parsed.rows.length; start += IMPORT_BATCH) {
      await em()
        .fork()
        .transactional(async (batch) => {
          for (const row of parsed.rows.slice(start, start + IMPORT_BATCH)) rows.push(await importRow(batch, policy, row, volunteers, actor));
        });
    }
    const failed = rows.filter((r) => r.status === 'error').length;
    res.json({ imported: rows.length - failed, failed, rows });
  });

  return router;
}
