import type { Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Language } from '../../activities/emails/layout.ts';
import type { Localized, PrivacyCategory } from './catalogue.ts';
import { osloToday } from '../volunteers/views/time.ts';

/**
 * When each category is deleted or de-identified. Everything but the archive record follows one
 * date: the end of retention after the volunteer ended or withdrew (policy), when the lifecycle
 * anonymises them — the same sum the workflow sleeps on.
 */

export type RetentionStatus = 'done' | 'scheduled' | 'afterEnding' | 'archivePlan';

export interface Retention {
  status: RetentionStatus;
  /** The day it happens or happened; null while it depends on an ending still to come, or on the archive plan. */
  on: string | null;
  rule: string;
}

/** Each category's rule, `{when}` standing for the date or the period. */
const RULES: Record<PrivacyCategory, Localized> = {
  person: { nb: 'Slettes {when}.', en: 'Erased {when}.' },
  assignment: {
    nb: 'Kontaktpersonen slettes {when}. Tjenestested, aktivitet og datoer beholdes deretter uten navn, som statistikk.',
    en: 'The contact person is erased {when}. Service unit, activity and dates are then kept without a name, as statistics.',
  },
  steps: { nb: 'Beholdes uten navn, som statistikk, fra {when}.', en: 'Kept without a name, as statistics, from {when}.' },
  policeCertificateChecks: { nb: 'Slettes {when}.', en: 'Erased {when}.' },
  confidentialityDeclaration: {
    nb: 'Arkivdokument: bevares etter kommunens arkivplan, og slettes ikke når de andre opplysningene slettes.',
    en: 'Archive document: kept as the municipality\'s archive plan says, and not erased with the rest.',
  },
  auditEntries: {
    nb: 'Beholdes. Fritekst fjernes, og loggen knyttes bare til en anonym ID, {when}.',
    en: 'Kept. Free text is removed and the log is linked only to an anonymous ID {when}.',
  },
  emails: { nb: 'Mottaker, emne og innhold slettes {when}.', en: 'Recipients, subjects and contents are erased {when}.' },
  hours: {
    nb: 'Beholdes som statistikk; knyttes bare til en anonym ID {when}.',
    en: 'Kept as statistics; linked only to an anonymous ID {when}.',
  },
  deviations: {
    nb: 'Henvisningen beholdes; den knyttes bare til en anonym ID {when}.',
    en: 'The reference is kept; it is linked only to an anonymous ID {when}.',
  },
};

const DAY_MS = 86_400_000;

function period(ms: number, language: Language): string {
  const days = Math.round(ms / DAY_MS);
  if (days >= 1) return language === 'nb' ? `${days} ${days === 1 ? 'dag' : 'dager'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
  const hours = Math.max(1, Math.round(ms / 3_600_000));
  return language === 'nb' ? `${hours} ${hours === 1 ? 'time' : 'timer'}` : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** When the volunteer's personal data is anonymised: done, on a set day, or a period after an ending still to come. */
function anonymisation(volunteer: Pick<Volunteer, 'phase' | 'closedAt' | 'anonymisedAt'>, policy: Policy, language: Language): { status: RetentionStatus; on: string | null; when: string } {
  const { afterEnded, afterWithdrawn } = policy.retention;
  if (volunteer.anonymisedAt) {
    const on = osloToday(volunteer.anonymisedAt);
    return { status: 'done', on, when: language === 'nb' ? `${on} (allerede gjort)` : `on ${on} (already done)` };
  }
  if (volunteer.closedAt) {
    const ended = volunteer.phase === 'ended';
    const on = osloToday(new Date(volunteer.closedAt.getTime() + (ended ? afterEnded : afterWithdrawn)));
    const after = period(ended ? afterEnded : afterWithdrawn, language);
    const when = language === 'nb'
      ? `${on} (${after} etter at du ${ended ? 'sluttet' : 'trakk deg'})`
      : `on ${on} (${after} after you ${ended ? 'stopped' : 'withdrew'})`;
    return { status: 'scheduled', on, when };
  }
  const when = language === 'nb'
    ? `${period(afterEnded, 'nb')} etter at du slutter (${period(afterWithdrawn, 'nb')} etter at du trekker deg, om du ikke har begynt ennå)`
    : `${period(afterEnded, 'en')} after you stop (${period(afterWithdrawn, 'en')} after you withdraw, if you have not started yet)`;
  return { status: 'afterEnding', on: null, when };
}

/** The retention of one category for this volunteer, in plain words. */
export function retentionOf(category: PrivacyCategory, volunteer: Pick<Volunteer, 'phase' | 'closedAt' | 'anonymisedAt'>, policy: Policy, language: Language): Retention {
  const rule = RULES[category][language];
  if (category === 'confidentialityDeclaration') return { status: 'archivePlan', on: null, rule };
  const { status, on, when } = anonymisation(volunteer, policy, language);
  return { status, on, rule: rule.replace('{when}', when) };
}
