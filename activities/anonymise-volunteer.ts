import type { MikroORM } from '@mikro-orm/core';
import { AuditEntry, OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';

/**
 * At the end of retention: personal data is replaced, the volunteer's emails are emptied, and what
 * is kept is de-identified (unit, activity type, dates; hours stay as statistics). Idempotent.
 */
export function createAnonymiseVolunteer({ orm }: { orm: MikroORM }) {
  return async function anonymiseVolunteer({ volunteerId }: { volunteerId: string }): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      const volunteer = await em.findOneOrFail(Volunteer, { id: volunteerId });
      if (volunteer.anonymisedAt) return;
      em.assign(volunteer, {
        name: 'Anonymisert',
        email: `anonymisert-${volunteerId}@invalid`,
        phone: null,
        birthYear: null,
        suitabilityNote: null,
        contactName: null,
        contactEmail: null,
        anonymisedAt: new Date(),
      });
      await em.nativeUpdate(OutboxEmail, { volunteerId }, { recipient: 'anonymisert@invalid', subject: '(anonymisert)', text: '', html: '', ics: null });
      // Free text an actor wrote (a waiver's reason) may name the person; the entries themselves stay.
      await em.nativeUpdate(AuditEntry, { volunteerId, details: { $ne: null }, action: 'stepWaived' }, { details: null });
    });
  };
}
