import type { Language } from '../i18n/languages.ts';
import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ApiToken, StaffSession, StaffUser, type StaffRole } from '../db/entities/index.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken } from './tokens.ts';

/** The one place staff accounts are created and changed: the dashboard, the `/api/staff` endpoints and `npm run staff` all come here. */

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  serviceUnitIds: string[];
  certificateOfficer?: boolean;
  language?: Language;
  /** Omitted: a password is generated and returned, to be shown once. */
  password?: string | null;
}

/** What the coordinator may change on an account; the email stays, since sign-in is linked to it. */
export interface StaffChanges {
  name: string;
  role: StaffRole;
  serviceUnitIds: string[];
  certificateOfficer: boolean;
}

/** A change that would leave the municipality without a way in, or clash with another account. */
export class StaffAccountConflict extends Error {
  override name = 'StaffAccountConflict';
  readonly code: 'EmailTaken' | 'LastCoordinator';

  constructor(code: StaffAccountConflict['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** A coordinator's units are all units, so the list is kept empty. */
function unitsFor(role: StaffRole, serviceUnitIds: string[]): string[] {
  return role === 'coordinator' ? [] : [...new Set(serviceUnitIds)];
}

/** Creates a staff account; answers the password to hand over (null for an OpenID-Connect-only account). */
export async function createStaffUser(em: EntityManager, input: NewStaffUser): Promise<{ user: StaffUser; password: string | null }> {
  const email = input.email.trim().toLowerCase();
  if (await em.count(StaffUser, { email })) throw new StaffAccountConflict('EmailTaken', `A staff account with the email ${email} already exists.`);
  const password = input.password === undefined ? generatePassword() : input.password;
  const user = em.create(StaffUser, {
    id: randomUUID(),
    email,
    name: input.name.trim(),
    role: input.role,
    serviceUnitIds: unitsFor(input.role, input.serviceUnitIds),
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

/** Refuses to take away the last active coordinator, who alone can give access back. */
async function keepACoordinator(em: EntityManager, user: StaffUser): Promise<void> {
  if (user.role !== 'coordinator' || user.disabledAt) return;
  const others = await em.count(StaffUser, { role: 'coordinator', disabledAt: null, id: { $ne: user.id } });
  if (!others) throw new StaffAccountConflict('LastCoordinator', 'This is the only active coordinator; make someone else coordinator first.');
}

export async function updateStaffUser(em: EntityManager, user: StaffUser, changes: StaffChanges): Promise<void> {
  if (changes.role !== 'coordinator') await keepACoordinator(em, user);
  user.name = changes.name.trim();
  user.role = changes.role;
  user.serviceUnitIds = unitsFor(changes.role, changes.serviceUnitIds);
  user.certificateOfficer = changes.certificateOfficer;
  await em.flush();
}

/**
 * Signs the user out everywhere except, when given, the session the change was made from.
 * Used whenever a password changes or an account is disabled.
 */
export async function endSessions(em: EntityManager, userId: string, keepTokenHash?: string): Promise<void> {
  await em.nativeDelete(StaffSession, keepTokenHash ? { userId, tokenHash: { $ne: keepTokenHash } } : { userId });
}

/** Disabling ends every session and revokes every API token: re-enabling must not bring old tokens back. */
export async function disableStaffUser(em: EntityManager, user: StaffUser): Promise<void> {
  if (user.disabledAt) return;
  await keepACoordinator(em, user);
  user.disabledAt = new Date();
  await em.flush();
  await endSessions(em, user.id);
  await em.nativeUpdate(ApiToken, { userId: user.id, revokedAt: null }, { revokedAt: new Date() });
}

export async function enableStaffUser(em: EntityManager, user: StaffUser): Promise<void> {
  user.disabledAt = null;
  await em.flush();
}

/** Sets a password (a generated one unless given) and signs the user out of every other session. */
export async function setPassword(em: EntityManager, user: StaffUser, password = generatePassword(), keepSessionTokenHash?: string): Promise<string> {
  user.passwordHash = await hashPassword(password);
  await em.flush();
  await endSessions(em, user.id, keepSessionTokenHash);
  return password;
}

/** A person's own change of password; false when the current password is wrong. */
export async function changeOwnPassword(
  em: EntityManager,
  user: StaffUser,
  change: { current: string; next: string; keepSessionTokenHash: string | undefined },
): Promise<boolean> {
  if (!user.passwordHash || !(await verifyPassword(change.current, user.passwordHash))) return false;
  await setPassword(em, user, change.next, change.keepSessionTokenHash);
  return true;
}

/** Forgets the link to the provider's subject, so the next OpenID Connect sign-in links by email again. */
export async function unlinkOidc(em: EntityManager, user: StaffUser): Promise<void> {
  user.oidcSubject = null;
  await em.flush();
}

/** Issues an API token for an integration; the token itself is shown once and stored only hashed. */
export async function issueApiToken(em: EntityManager, userId: string, name: string): Promise<{ token: string; record: ApiToken }> {
  const token = `sp_${newToken()}`;
  const record = em.create(ApiToken, { id: randomUUID(), userId, name: name.trim(), tokenHash: hashToken(token), lastUsedAt: null, revokedAt: null });
  await em.flush();
  return { token, record };
}

/** The user's tokens, newest first, revoked ones included so the list shows what happened. */
export async function apiTokensOf(em: EntityManager, userId: string): Promise<ApiToken[]> {
  return em.find(ApiToken, { userId }, { orderBy: { createdAt: 'desc' } });
}

/** Revokes one of the user's tokens; null when the user has no such token. */
export async function revokeApiToken(em: EntityManager, userId: string, tokenId: string): Promise<ApiToken | null> {
  const record = await em.findOne(ApiToken, { id: tokenId, userId });
  if (!record) return null;
  record.revokedAt ??= new Date();
  await em.flush();
  return record;
}

/** Why an OpenID Connect sign-in found no account to enter. */
export type OidcRefusal = 'unknown' | 'disabled' | 'linkedElsewhere';

/**
 * The account an OpenID Connect sign-in belongs to: the one linked to the provider's subject, or
 * on the first sign-in the one with the provider-verified email, which is then linked.
 */
export async function staffForOidcIdentity(
  em: EntityManager,
  identity: { subject: string; email: string | undefined; emailVerified: boolean },
): Promise<{ user: StaffUser } | { refused: OidcRefusal }> {
  const linked = await em.findOne(StaffUser, { oidcSubject: identity.subject });
  if (linked) return linked.disabledAt ? { refused: 'disabled' } : { user: linked };
  if (!identity.email || !identity.emailVerified) return { refused: 'unknown' };
  const user = await em.findOne(StaffUser, { email: identity.email.trim().toLowerCase() });
  if (!user) return { refused: 'unknown' };
  if (user.disabledAt) return { refused: 'disabled' };
  if (user.oidcSubject) return { refused: 'linkedElsewhere' };
  user.oidcSubject = identity.subject;
  await em.flush();
  return { user };
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
