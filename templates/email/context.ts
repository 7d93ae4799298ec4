import type { StepName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { Language } from './layout.ts';

/** What a template may say about a volunteer: read from the database at send time, never from workflow history. */
export interface VolunteerEmailContext {
  language: Language;
  volunteerId: string;
  volunteerName: string;
  unitName: string;
  unitContactEmail: string;
  activityName: string;
  municipalityName: string;
  publicUrl: string;
  /** The assigned contact, or the unit's mailbox when none is assigned yet. */
  contactName?: string;
  step?: StepName;
  stepOpenedAt?: Date;
  sessionAt?: Date;
  /** The volunteer's signed link to read and accept the confidentiality declaration, while it waits. */
  declarationUrl?: string;
  /** Unique per booking, so a moved session replaces the calendar entry instead of adding one. */
  sessionUid?: string;
}

export const STEP_NAMES: Record<StepName, Record<Language, string>> = {
  registration: { nb: 'registrering', en: 'registration' },
  policeCertificate: { nb: 'politiattest', en: 'police certificate' },
  confidentialityDeclaration: { nb: 'taushetserklæring', en: 'confidentiality declaration' },
  introductionCourse: { nb: 'introduksjonskurs', en: 'introduction course' },
  firstConversation: { nb: 'første samtale', en: 'first conversation' },
  followUp: { nb: 'oppfølgingssamtale', en: 'follow-up conversation' },
  endingConversation: { nb: 'avslutningssamtale', en: 'ending conversation' },
};

/** The link to accept the declaration, as an email action, when the volunteer has one. */
export function declarationAction(ctx: VolunteerEmailContext) {
  if (!ctx.declarationUrl) return undefined;
  const label = ctx.language === 'nb' ? 'Les og godta taushetserklæringen' : 'Read and accept the confidentiality declaration';
  return { label, url: ctx.declarationUrl };
}

export function formatDateTime(date: Date, language: Language): string {
  return date.toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  });
}

export function formatDate(date: Date, language: Language): string {
  return date.toLocaleDateString(language === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
}

export function signature(ctx: VolunteerEmailContext): string {
  const who = ctx.contactName ?? (ctx.language === 'nb' ? `frivilligkontakten i ${ctx.unitName}` : `the volunteer contact at ${ctx.unitName}`);
  return ctx.language === 'nb'
    ? `Vennlig hilsen\n${who}, ${ctx.municipalityName}\n${ctx.unitContactEmail}`
    : `Kind regards\n${who}, ${ctx.municipalityName}\n${ctx.unitContactEmail}`;
}

/** The link to the volunteer's status in Samspill, for staff. */
export function statusUrl(ctx: VolunteerEmailContext): string {
  return `${ctx.publicUrl}/api/volunteers/${ctx.volunteerId}`;
}
