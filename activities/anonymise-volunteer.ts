import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { AuditEntry, OutboxEmail, PoliceCertificateCheck, Volunteer } from '../infra/db/entities/index.ts';

/**
 * Replaces a volunteer's personal data and empties their emails; what is kept is de-identified
 * (unit, activity type, dates; hours stay as statistics). Police certificate checks go: they may
 * not outlive the role (politiregisterforskriften § 37-2). Shared by the end of retention and by
 * erasure on request; the caller owns the transaction.
 */
export async function anonymisePersonalData(em: EntityManager, volunteer: Volunteer, now: Date): Promise<void> {
  const volunteerId = volunteer.id;
  em.assign(volunteer, {
    name: 'Anonymisert',
    email: `anonymisert-${volunteerId}@invalid`,
    phone: null,
    birthYear: null,
    suitabilityNote: null,
    contactName: null,
    contactEmail: null,
    anonymisedAt: now,
  });
  await em.nativeUpdate(OutboxEmail, { volunteerId }, { recipient: 'anonymisert@invalid', subject: '(anonymisert)', text: '', html: '', ics: null });
  await em.nativeDelete(PoliceCertificateCheck, { volunteerId });
  // Free text someone wrote (a waiver's reason, the volunteer's note asking to move the course) may name the person; the entries themselves stay.
  await em.nativeUpdate(AuditEntry, { volunteerId, details: { $ne: null }, action: { $in: ['stepWaived', 'waiverReason', 'courseMoveRequested'] } }, { details: null });
}

/** At the end of retention, from the lifecycle workflow. Idempotent. */
export function createAnonymiseVolunteer({ orm }: { orm: MikroORM }) {
  return async function anonymiseVolunteer({ volunteerId }: { volunteerId: string }): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      const volunteer = await em.findOneOrFail(Volunteer, { id: volunteerId });
      if (volunteer.anonymisedAt) return;
      await anonymisePersonalData(em, volunteer, new Date());
    });
  };
}
