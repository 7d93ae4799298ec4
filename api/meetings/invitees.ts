import type { EntityManager } from '@mikro-orm/core';
import { StaffUser, Volunteer } from '../../infra/db/entities/index.ts';
import type { INVITEE_KINDS } from '../../infra/db/entities/meeting.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { organisationsInForce } from '../agreements/organisation-queries.ts';
import type { MeetingKind } from '../../workflows/meeting/definitions.ts';

export interface Invitee {
  inviteeKind: (typeof INVITEE_KINDS)[number];
  inviteeId: string;
  name: string;
  email: string;
  language: Language;
}

/** Everyone once, by address: the first source that names a person wins (a staff account knows their language). */
function once(people: Invitee[]): Invitee[] {
  const seen = new Map<string, Invitee>();
  for (const person of people) if (!seen.has(person.email.toLowerCase())) seen.set(person.email.toLowerCase(), person);
  return [...seen.values()];
}

/**
 * The volunteer contacts of the chosen units (none chosen: all): the contacts' staff accounts, the
 * contacts assigned to the units' volunteers, and each unit's own mailbox.
 */
async function volunteerContacts(em: EntityManager, policy: Policy, unitIds: string[]): Promise<Invitee[]> {
  const units = unitIds.length ? policy.serviceUnits.filter((u) => unitIds.includes(u.id)) : policy.serviceUnits;
  const ids = new Set(units.map((u) => u.id));
  const staff = (await em.find(StaffUser, { role: 'contact', disabledAt: null }, { orderBy: { name: 'asc' } })).filter((s) => s.serviceUnitIds.some((id) => ids.has(id)));
  const volunteers = await em.find(
    Volunteer,
    { serviceUnitId: { $in: [...ids] }, contactEmail: { $ne: null }, anonymisedAt: null, phase: { $nin: ['ended', 'withdrawn'] } },
    { fields: ['serviceUnitId', 'contactEmail', 'contactName'], orderBy: { contactName: 'asc' } },
  );
  return once([
    ...staff.map((s): Invitee => ({ inviteeKind: 'staff', inviteeId: s.id, name: s.name, email: s.email, language: s.language })),
    ...volunteers.map((v): Invitee => ({ inviteeKind: 'volunteerContact', inviteeId: v.serviceUnitId, name: v.contactName ?? v.contactEmail!, email: v.contactEmail!, language: policy.language })),
    ...units.map((u): Invitee => ({ inviteeKind: 'unitContact', inviteeId: u.id, name: u.name, email: u.contactEmail, language: policy.language })),
  ]);
}

/** The contact of every organisation with an agreement in force. */
async function organisationContacts(em: EntityManager, policy: Policy): Promise<Invitee[]> {
  const organisations = await organisationsInForce(em);
  return once(organisations.map((o): Invitee => ({ inviteeKind: 'organisation', inviteeId: o.id, name: `${o.contactName} (${o.name})`, email: o.contactEmail, language: policy.language })));
}

/** Whom a meeting invites, resolved when it is planned: the list stays as it was sent. */
export function inviteesOf(em: EntityManager, policy: Policy, kind: MeetingKind, unitIds: string[]): Promise<Invitee[]> {
  return kind === 'network' ? volunteerContacts(em, policy, unitIds) : organisationContacts(em, policy);
}
