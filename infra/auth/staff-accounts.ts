import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ApiToken, StaffUser, type StaffRole } from '../db/entities/index.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  serviceUnitIds: string[];
  certificateOfficer?: boolean;
  language?: 'nb' | 'en';
  /** Omitted: a password is generated and returned, to be shown once. */
  password?: string | null;
}

/** Creates a staff account; answers the password to hand over (null for an OpenID-Connect-only account). */
export async function createStaffUser(em: EntityManager, input: NewStaffUser): Promise<{ user: StaffUser; password: string | null }> {
  const password = input.password === undefined ? generatePassword() : input.password;
  const user = em.create(StaffUser, {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    role: input.role,
    serviceUnitIds: input.role === 'coordinator' ? [] : input.serviceUnitIds,
    certificateOfficer: input.certificateOfficer ?? false,
    language: input.language ?? 'nb',
    passwordHash: password === null ? null : await hashPassword(password),
    oidcSubject: null,
    disabledAt: null,
    lastSignInAt: null,
  });
  await em.flush();
  return { user, password };
}

export async function setPassword(em: EntityManager, user: StaffUser, password = generatePassword()): Promise<string> {
  user.passwordHash = await hashPassword(password);
  await em.flush();
  return password;
}

/** Issues an API token for an integration; the token itself is shown once and stored only hashed. */
export async function issueApiToken(em: EntityManager, userId: string, name: string): Promise<{ token: string; record: ApiToken }> {
  const token = `sp_${newToken()}`;
  const record = em.create(ApiToken, { id: randomUUID(), userId, name, tokenHash: hashToken(token), lastUsedAt: null, revokedAt: null });
  await em.flush();
  return { token, record };
}

export const FIRST_COORDINATOR_EMAIL = 'koordinator@samspill.local';

/** On a database without staff, creates the first coordinator and answers its password; otherwise null. */
export async function ensureFirstCoordinator(em: EntityManager): Promise<{ email: string; password: string } | null> {
  if ((await em.count(StaffUser, {})) > 0) return null;
  const { password } = await createStaffUser(em, {
    email: FIRST_COORDINATOR_EMAIL,
    name: 'Frivilligkoordinator',
    role: 'coordinator',
    serviceUnitIds: [],
  });
  return { email: FIRST_COORDINATOR_EMAIL, password: password! };
}
