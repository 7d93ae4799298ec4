import type { EntityManager } from '@mikro-orm/core';
import { StaffUser } from '../../infra/db/entities/index.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { t } from './messages/index.ts';

/**
 * Actors are stored as IDs (`staff:<uuid>`, `system`, `volunteer`), so no name reaches a workflow
 * history; people reading the log see the staff member's name instead.
 */

const STAFF_PREFIX = 'staff:';

/** The actors that are not a person with an account. */
const ACTOR_KEYS = { system: 'actor.system', volunteer: 'actor.volunteer', registration: 'actor.registration' } as const;

/** The names of the staff members among these actors, by actor. */
export async function staffNames(em: EntityManager, actors: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...actors].flatMap((a) => (a?.startsWith(STAFF_PREFIX) && isUuid(a.slice(STAFF_PREFIX.length)) ? [a.slice(STAFF_PREFIX.length)] : [])))];
  if (!ids.length) return new Map();
  const users = await em.find(StaffUser, { id: { $in: ids } }, { fields: ['id', 'name'] });
  return new Map(users.map((u) => [`${STAFF_PREFIX}${u.id}`, u.name]));
}

/** An actor as a person reads it. */
export function actorName(actor: string, names: Map<string, string>, language: Language): string {
  const staff = names.get(actor);
  if (staff) return staff;
  if (actor.startsWith(STAFF_PREFIX)) return t(language, 'actor.formerStaff');
  return Object.hasOwn(ACTOR_KEYS, actor) ? t(language, ACTOR_KEYS[actor as keyof typeof ACTOR_KEYS]) : actor;
}
