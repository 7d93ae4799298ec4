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
  step?: StepName;
  stepOpenedAt?: Date;
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

export function formatDate(date: Date, language: Language): string {
  return date.toLocaleDateString(language === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
}

export function signature(ctx: VolunteerEmailContext): string {
  return ctx.language === 'nb'
    ? `Vennlig hilsen\nfrivilligkontakten i ${ctx.unitName}, ${ctx.municipalityName}\n${ctx.unitContactEmail}`
    : `Kind regards\nthe volunteer contact at ${ctx.unitName}, ${ctx.municipalityName}\n${ctx.unitContactEmail}`;
}
