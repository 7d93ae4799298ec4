import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Agreement, Application, EvaluationRecipient, Organisation, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { Language } from '../infra/i18n/languages.ts';
import { linkPath, type LinkPurpose, type LinkSigner } from '../infra/links/signed-links.ts';
import { freshVolunteerPurpose } from '../infra/links/volunteer-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { newLinkEmail } from './emails/new-link.ts';
import type { LinkRequestInput } from '../workflows/link-request/definitions.ts';
import type { Deliver } from './outbox.ts';

interface LinkRequestDeps {
  orm: MikroORM;
  deliver: Deliver;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
  linkValidForMs: number;
}

/** Who gets the fresh link, at the address on file, and which link is worth sending them. */
interface Addressee {
  recipient: string;
  name: string;
  language: Language;
  englishLine: boolean;
  purpose: LinkPurpose;
  volunteerId?: string;
  agreementId?: string;
}

/** Organisation and municipal contacts read the municipality's written standard, with an English line. */
async function addresseeOf(em: EntityManager, { subjectId, purpose }: LinkRequestInput, contactLanguage: Language): Promise<Addressee | undefined> {
  if (purpose === 'answerReview') {
    const agreement = await em.findOne(Agreement, { id: subjectId });
    const organisation = agreement && (await em.findOne(Organisation, { id: agreement.organisationId }));
    if (!organisation) return undefined;
    return { recipient: organisation.contactEmail, name: organisation.contactName, language: contactLanguage, englishLine: true, purpose, agreementId: subjectId };
  }
  if (purpose === 'evaluationResponse') {
    const person = await em.findOne(EvaluationRecipient, { id: Number(subjectId) });
    return person ? { recipient: person.email, name: person.name, language: contactLanguage, englishLine: true, purpose } : undefined;
  }
  if (purpose === 'application') {
    const application = await em.findOne(Application, { id: subjectId });
    const { email, name } = application ?? {};
    return application && email && name ? { recipient: email, name, language: application.language, englishLine: false, purpose } : undefined;
  }
  // An answer link lasts until its meeting begins, a check-in code is shown in the room, a calendar
  // feed's address on the calendar page: none is renewed by email.
  if (purpose === 'meetingRsvp' || purpose === 'courseCheckIn' || purpose === 'calendarFeed') return undefined;
  const volunteer = await em.findOne(Volunteer, { id: subjectId });
  if (!volunteer || volunteer.anonymisedAt) return undefined;
  const [declaration, course] = await Promise.all([
    em.findOne(VolunteerStep, { volunteer: subjectId, step: 'confidentialityDeclaration' }),
    em.findOne(VolunteerStep, { volunteer: subjectId, step: 'introductionCourse' }),
  ]);
  return {
    recipient: volunteer.email,
    name: volunteer.name,
    language: volunteer.language,
    englishLine: false,
    purpose: freshVolunteerPurpose(purpose, { declaration, course }),
    volunteerId: subjectId,
  };
}

/** Sends a fresh self-service link to the address on file for the old link's subject; nothing when there is no such subject. */
export function createSendNewLink({ orm, deliver, policy, publicUrl, links, linkValidForMs }: LinkRequestDeps) {
  return async function sendNewLink(input: LinkRequestInput & { key: string }): Promise<{ sent: boolean }> {
    const to = await addresseeOf(orm.em.fork(), input, policy.language);
    if (!to) return { sent: false };
    // Rendered, and its link signed, only on the first attempt; a retry finds the stored email.
    await deliver(input.key, () => {
      const url = `${publicUrl}${linkPath(to.purpose, links.sign(input.subjectId, to.purpose, linkValidForMs))}`;
      const rendered = newLinkEmail({ ...to, url, validUntil: new Date(Date.now() + linkValidForMs), municipalityName: policy.municipality.name });
      return Promise.resolve({ recipient: to.recipient, template: 'newLink', rendered, volunteerId: to.volunteerId, agreementId: to.agreementId });
    });
    return { sent: true };
  };
}
