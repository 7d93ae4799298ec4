import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LANGUAGES } from '../../i18n/languages.ts';

export const STAFF_ROLES = ['coordinator', 'contact', 'unitManager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A municipal employee who signs in: the coordinator sees everything, a contact works in their
 * units, a unit manager reads their units. Signs in with a password, or through the
 * municipality's OpenID Connect provider once `oidcSubject` is linked.
 */
export const StaffUser = defineEntity({
  name: 'StaffUser',
  properties: {
    id: p.uuid().primary(),
    email: p.string().length(254).unique(),
    name: p.string().length(200),
    role: p.enum([...STAFF_ROLES]),
    serviceUnitIds: p.json<string[]>(),
    /** May see and record police certificates in their units (a named certificate officer). */
    certificateOfficer: p.boolean().default(false),
    language: p.enum(LANGUAGES).default('nb'),
    /** scrypt hash; null for accounts that sign in only through OpenID Connect. */
    passwordHash: p.string().length(255).nullable(),
    oidcSubject: p.string().length(255).nullable().unique(),
    disabledAt: p.datetime().nullable(),
    lastSignInAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type StaffUser = InferEntity<typeof StaffUser>;
