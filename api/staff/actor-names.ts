import type { EntityManager } from '@mikro-orm/core';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { tr } from '../views/layout.ts';
import { isUuid } from '../volunteers/schemas.ts';
import type { Language } from '../../activities/emails/layout.ts';

/**
 * Actors are stored as IDs (`staff:<uuid>`, `system`, `volunteer`), so no name reaches a workflow
 * history; people reading the log see the staff member's name instead.
 */

const STAFF_PREFIX = 'staff:';

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
  if (actor.startsWith(STAFF_PREFIX)) return tr(language, 'Ansatt som ikke finnes lenger', 'A staff member no longer registered');
  switch (actor) {
    case 'system':
      return tr(language, 'Samspill (automatisk)', 'Samspill (automatic)');
    case 'volunteer':
      return tr(language, 'Den frivillige selv (via lenke)', 'The volunteer (through their link)');
    case 'registration':
      return tr(language, 'Registreringen', 'The registration');
    default:
      return actor;
  }
}
