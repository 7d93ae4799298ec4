import { formatDate } from '../../infra/i18n/format.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { stepName } from '../../infra/i18n/vocabulary/index.ts';
import type { StepName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { EmailLink } from './layout.ts';
import { t } from './messages/index.ts';

/** What a template may say about a volunteer: read from the database at send time, never from workflow history. */
export interface VolunteerEmailContext {
  language: Language;
  volunteerId: string;
  volunteerName: string;
  unitName: string;
  unitContactEmail: string;
  activityName: string;
  /** What the role does and must not do, from the policy, in the email's language. */
  allowedTasks: string;
  forbiddenTasks: string;
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
  /** The course session the booking belongs to, when it is one: its time, length and place. */
  courseSession?: { startsAt: Date; minutes: number; place: string };
  /** Why a booked course was given up: its session cancelled, or the volunteer taken off the roster. */
  releasedBecause?: 'cancelled' | 'released';
  /** Until when a seat offered from the waitlist can be taken. */
  offeredUntil?: Date;
  /** Unique per booking, so a moved session replaces the calendar entry instead of adding one. */
  sessionUid?: string;
  /** When the email was rendered: the invitation's DTSTAMP, and what orders its SEQUENCE, so a moved session's invitation supersedes the earlier one. */
  issuedAt?: Date;
}

/** The link to accept the declaration, as an email action, when the volunteer has one. */
export function declarationAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.declarationUrl) return undefined;
  return { label: t(ctx.language, 'action.acceptDeclaration'), url: ctx.declarationUrl };
}

/** The link to confirm or move the booked introduction course, when the volunteer has one. */
export function courseAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.courseUrl) return undefined;
  return { label: t(ctx.language, 'action.confirmCourse'), url: ctx.courseUrl };
}

/** The link to log hours, when the volunteer has one. */
export function hoursAction(ctx: VolunteerEmailContext): EmailLink | undefined {
  if (!ctx.hoursUrl) return undefined;
  return { label: t(ctx.language, 'action.logHours'), url: ctx.hoursUrl };
}

/** The link to the volunteer's own status page, as a further link after the email's action. */
export function statusLinks(ctx: VolunteerEmailContext): EmailLink[] {
  if (!ctx.volunteerStatusUrl) return [];
  return [{ label: t(ctx.language, 'action.viewStatus'), url: ctx.volunteerStatusUrl }];
}

/** The staff's link to the volunteer's status in Samspill, labelled in the email's language with an English gloss. */
export function staffStatusAction(ctx: Pick<VolunteerEmailContext, 'language' | 'publicUrl' | 'volunteerId'>): EmailLink {
  return { label: t(ctx.language, 'action.staffViewStatus'), url: statusUrl(ctx) };
}

/**
 * How running text names a role: Norwegian writes the policy's name in lower case ("som turvenn"),
 * English keeps it as the policy writes it. A rule of each written language, not a word.
 */
const ROLE_AS_NAME: Record<Language, (name: string) => string> = {
  nb: (name) => name.toLowerCase(),
  nn: (name) => name.toLowerCase(),
  en: (name) => name,
};

/**
 * The role for the messages: `activity` as the language writes it as a name, `role` always in lower
 * case as a common noun ("volunteer work with turvenn").
 */
export function roleValues(ctx: Pick<VolunteerEmailContext, 'language' | 'activityName'>): { activity: string; role: string } {
  return { activity: ROLE_AS_NAME[ctx.language](ctx.activityName), role: ctx.activityName.toLowerCase() };
}

/** What a staff email says of the volunteer and the step it is about: who, in which role and unit, and waiting since when. */
export function staffStepValues(ctx: VolunteerEmailContext, step: StepName) {
  return {
    name: ctx.volunteerName,
    role: roleValues(ctx).role,
    unit: ctx.unitName,
    step: stepName(step, ctx.language),
    since: ctx.stepOpenedAt ? formatDate(ctx.stepOpenedAt, ctx.language) : '',
  };
}

/** The volunteer's contact signs: their name, or the unit's volunteer contact, with the unit's mailbox. */
export function signature(ctx: VolunteerEmailContext): string {
  const who = ctx.contactName ?? t(ctx.language, 'signature.contact', { unit: ctx.unitName });
  return t(ctx.language, 'signature.volunteer', { who, municipality: ctx.municipalityName, email: ctx.unitContactEmail });
}

/** Staff and organisation emails are signed by Samspill for the municipality. */
export function samspillSignature(language: Language, municipalityName: string): string {
  return t(language, 'signature.samspill', { municipality: municipalityName });
}

/** The link to the volunteer's status in Samspill, for staff. */
export function statusUrl(ctx: Pick<VolunteerEmailContext, 'publicUrl' | 'volunteerId'>): string {
  return `${ctx.publicUrl}/volunteers/${ctx.volunteerId}`;
}
