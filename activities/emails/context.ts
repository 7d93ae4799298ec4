import type { StepName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { EmailLink, Language } from './layout.ts';

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
  /** The volunteer's signed link to their own status: what is done and what is left. */
  volunteerStatusUrl?: string;
  /** The volunteer's signed link to confirm the booked introduction course or ask to move it. */
  courseUrl?: string;
  /** The volunteer's signed link to log their hours. */
  hoursUrl?: string;
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
export function declarationAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.declarationUrl) return undefined;
  const label = ctx.language === 'nb' ? 'Les og godta taushetserklæringen' : 'Read and accept the confidentiality declaration';
  return { label, url: ctx.declarationUrl };
}

/** The link to confirm or move the booked introduction course, when the volunteer has one. */
export function courseAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.courseUrl) return undefined;
  const label = ctx.language === 'nb' ? 'Bekreft kurset eller be om et annet tidspunkt' : 'Confirm the course or ask for another time';
  return { label, url: ctx.courseUrl };
}

/** The link to log hours, when the volunteer has one. */
export function hoursAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.hoursUrl) return undefined;
  return { label: ctx.language === 'nb' ? 'Registrer timene dine' : 'Log your hours', url: ctx.hoursUrl };
}

/** The link to the volunteer's own status page, as a further link after the email's action. */
export function statusLinks(ctx: VolunteerEmailContext): EmailLink[] {
  if (!ctx.volunteerStatusUrl) return [];
  return [{ label: ctx.language === 'nb' ? 'Se statusen din og hva som gjenstår' : 'See your status and what is left', url: ctx.volunteerStatusUrl }];
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
export function statusUrl(ctx: Pick<VolunteerEmailContext, 'publicUrl' | 'volunteerId'>): string {
  return `${ctx.publicUrl}/volunteers/${ctx.volunteerId}`;
}
