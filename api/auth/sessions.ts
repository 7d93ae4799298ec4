import type { EntityManager } from '@mikro-orm/core';
import type { Response } from 'express';
import { StaffSession, type StaffUser } from '../../infra/db/entities/index.ts';
import { hashToken, newToken } from '../../infra/auth/tokens.ts';
import { cookieOptions, SESSION_COOKIE } from './cookies.ts';

/** A working day; after that the browser signs in again. */
export const SESSION_LIFETIME_MS = 10 * 60 * 60 * 1000;

/** Starts a session for a user who has proved who they are, and sets its cookie. */
export async function startSession(em: EntityManager, res: Response, user: StaffUser, secureCookies: boolean): Promise<void> {
  const token = newToken();
  em.create(StaffSession, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  });
  user.lastSignInAt = new Date();
  // Expired sessions are removed whenever someone signs in, so the table stays small.
  await em.nativeDelete(StaffSession, { expiresAt: { $lt: new Date() } });
  await em.flush();
  res.cookie(SESSION_COOKIE, token, cookieOptions(secureCookies, SESSION_LIFETIME_MS));
}

export async function endSession(em: EntityManager, res: Response, token: string | undefined, secureCookies: boolean): Promise<void> {
  if (token) await em.nativeDelete(StaffSession, { tokenHash: hashToken(token) });
  res.clearCookie(SESSION_COOKIE, cookieOptions(secureCookies));
}
