import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { CourseEnrolment, CourseSession, IdempotencyRecord, Volunteer } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';

/** A check-in code is good from when the page shows it until a few hours after the session ends. */
export const CHECK_IN_GRACE_MS = 4 * 3_600_000;
const SCOPE = 'courseCheckIn';

const usedKey = (token: string) => `check-in:${createHash('sha256').update(token).digest('hex')}`;

export type CheckInCode = { ok: true; session: CourseSession } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** The session a check-in code is for, or why it cannot be used: forged, expired, or already used once. */
export async function readCheckInCode(em: EntityManager, links: LinkSigner, token: string): Promise<CheckInCode> {
  const check = links.verify(token, 'courseCheckIn');
  if (!check.ok) return { ok: false, reason: check.reason };
  const session = await em.findOne(CourseSession, { id: check.claims.subjectId });
  if (!session) return { ok: false, reason: 'invalid' };
  if (await em.findOne(IdempotencyRecord, { key: usedKey(token) })) return { ok: false, reason: 'used' };
  return { ok: true, session };
}

/** The enrolled volunteer with this address on the session's roster, if there is one. */
export async function enrolledByEmail(em: EntityManager, sessionId: string, email: string): Promise<Volunteer | undefined> {
  const seats = await em.find(CourseEnrolment, { sessionId, state: 'enrolled' }, { fields: ['volunteerId'] });
  const volunteers = await em.find(Volunteer, { id: { $in: seats.map((s) => s.volunteerId) }, anonymisedAt: null });
  const wanted = email.trim().toLowerCase();
  return volunteers.find((v) => v.email.toLowerCase() === wanted);
}

/** Marks the code used, once: false when someone used it first (the database's unique key decides a race). */
export async function useCheckInCode(em: EntityManager, token: string, volunteerId: string): Promise<boolean> {
  const key = usedKey(token);
  try {
    await em.insert(IdempotencyRecord, { key, scope: SCOPE, requestHash: key.slice(-64), resourceId: volunteerId, createdAt: new Date() });
    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}
