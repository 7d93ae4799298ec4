import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { AuditEntry, HoursEntry, type Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError, type FieldProblem } from '../http/errors.ts';
import type { HoursInput } from './schemas.ts';

export type HoursValues = Omit<HoursInput, 'volunteerId'>;
export type VolunteerRef = Pick<Volunteer, 'id' | 'serviceUnitId' | 'activityTypeId' | 'anonymisedAt'>;
interface Author {
  source: HoursEntry['source'];
  actor: string;
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
