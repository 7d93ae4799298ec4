import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyRecord, Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError } from '../http/errors.ts';
import type { RegisterVolunteerBody } from './schemas.ts';

const SCOPE = 'POST /api/volunteers';

/** Rejects a unit or activity type the policy does not have (naming the choices), or a volunteer below the minimum age. */
export function checkAssignment(
  body: Pick<RegisterVolunteerBody, 'serviceUnitId' | 'activityTypeId' | 'birthYear'>,
  policy: Policy,
): void {
  const fields = [];
  if (!policy.serviceUnits.some((u) => u.id === body.serviceUnitId)) {
    fields.push({ field: 'serviceUnitId', message: `Unknown service unit; choose one of ${policy.serviceUnits.map((u) => u.id).join(', ')}.` });
  }
  if (!policy.activityTypes.some((a) => a.id === body.activityTypeId)) {
    fields.push({ field: 'activityTypeId', message: `Unknown activity type; choose one of ${policy.activityTypes.map((a) => a.id).join(', ')}.` });
  }
  const activityType = policy.activityTypes.find((a) => a.id === body.activityTypeId);
  const age = new Date().getFullYear() - body.birthYear;
  if (activityType && age < activityType.minimumAge) {
    fields.push({
      field: 'birthYear',
      message: `${activityType.name.en} requires volunteers to be at least ${activityType.minimumAge}; someone born in ${body.birthYear} is about ${age}.`,
    });
  }
  if (fields.length) throw new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', fields);
}

function requestHash(body: RegisterVolunteerBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * Stores a new volunteer. With an idempotency key, a repeated request returns the volunteer the first one
 * created (`replayed: true`); the same key with a different body is refused.
 */
export async function registerVolunteer(
  em: EntityManager,
  body: RegisterVolunteerBody,
  idempotencyKey: string | undefined,
): Promise<{ volunteer: Volunteer; replayed: boolean }> {
  const hash = requestHash(body);
  if (idempotencyKey) {
    const replay = await findReplay(em, idempotencyKey, hash);
    if (replay) return { volunteer: replay, replayed: true };
  }
  try {
    const volunteer = await em.transactional((tx) => {
      const created = tx.create(Volunteer, { id: randomUUID(), ...body, phone: body.phone ?? null });
      if (idempotencyKey) tx.create(IdempotencyRecord, { key: idempotencyKey, scope: SCOPE, requestHash: hash, resourceId: created.id });
      return Promise.resolve(created);
    });
    return { volunteer, replayed: false };
  } catch (error) {
    // Two requests with one key raced; the other one won, so answer with what it created.
    if (idempotencyKey && error instanceof UniqueConstraintViolationException) {
      const replay = await findReplay(em.fork(), idempotencyKey, hash);
      if (replay) return { volunteer: replay, replayed: true };
    }
    throw error;
  }
}

async function findReplay(em: EntityManager, key: string, hash: string): Promise<Volunteer | null> {
  const record = await em.findOne(IdempotencyRecord, { key });
  if (!record) return null;
  if (record.scope !== SCOPE || record.requestHash !== hash) {
    throw new HttpError(
      422,
      'IdempotencyKeyReused',
      'This Idempotency-Key was already used for a different request; use a new key for a new registration.',
    );
  }
  return em.findOneOrFail(Volunteer, { id: record.resourceId });
}
