import { formatDateTime } from '../../infra/i18n/format.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { MeetingKind, MeetingMailing } from '../../workflows/meeting/definitions.ts';
import { samspillSignature } from './context.ts';
import { cancellationIcs, invitationIcs, type CalendarEvent } from './ics.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** What a meeting email may say, read from the database at send time. */
export interface MeetingEmailContext {
  language: Language;
  meetingId: string;
  kind: MeetingKind;
  title: string;
  agenda: string;
  place: string;
  startsAt: Date;
  minutes: number;
  municipalityName: string;
  /** The invited person's signed link to answer whether they come. */
  rsvpUrl: string;
  hostname: string;
  issuedAt: Date;
  /** The invitations' generation: a move or the cancellation raises it, and so the calendar entry's SEQUENCE. */
  sequence: number;
}

function event(ctx: MeetingEmailContext): CalendarEvent {
  return {
    uid: `meeting-${ctx.meetingId}@${ctx.hostname}`,
    start: ctx.startsAt,
    minutes: ctx.minutes,
    summary: ctx.title,
    description: `${ctx.municipalityName}: ${t(ctx.language, KIND[ctx.kind])}. ${ctx.agenda}`,
    location: ctx.place,
    issuedAt: ctx.issuedAt,
    sequence: ctx.sequence,
  };
}

const KIND = { network: 'meeting.kind.network', dialogue: 'meeting.kind.dialogue' } as const;
const ENGLISH = { invitation: 'meeting.english.invitation', reminder: 'meeting.english.reminder', cancellation: 'meeting.english.cancellation' } as const;
const SUBJECT = { invitation: 'meeting.invitation.subject', reminder: 'meeting.reminder.subject', cancellation: 'meeting.cancellation.subject' } as const;
const OPENING = { invitation: 'meeting.invitation.invited', reminder: 'meeting.reminder.coming', cancellation: 'meeting.cancellation.cancelled' } as const;

/** An invitation, a reminder or a cancellation, each with its calendar entry (same UID; a cancellation removes it). */
export function meetingEmail(mailing: MeetingMailing, ctx: MeetingEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { kind: t(language, KIND[ctx.kind]), title: ctx.title, when: formatDateTime(ctx.startsAt, language), place: ctx.place };
  const cancelled = mailing === 'cancellation';
  const rendered = renderParts({
    language,
    subject: t(language, SUBJECT[mailing], values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [
      t(language, OPENING[mailing], values),
      ...(cancelled ? [] : [t(language, 'meeting.place', values), t(language, 'meeting.agenda', { agenda: ctx.agenda }), t(language, 'meeting.answer')]),
      t(language, ENGLISH[mailing], { title: ctx.title, when: formatDateTime(ctx.startsAt, 'en') }),
    ],
    action: cancelled ? undefined : { label: t(language, 'meeting.action.rsvp'), url: ctx.rsvpUrl },
    signature: samspillSignature(language, ctx.municipalityName),
  });
  return { ...rendered, ics: cancelled ? cancellationIcs(event(ctx)) : invitationIcs(event(ctx)) };
}

export interface MeetingCountEmailContext {
  language: Language;
  municipalityName: string;
  kind: MeetingKind;
  year: number;
  held: number;
  planned: number;
  perYear: number;
  plannerUrl: string;
}

/** The coordinator's reminder that this year's meetings of a kind are behind the policy's pace. */
export function meetingCountShortEmail(ctx: MeetingCountEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = { kind: t(language, KIND[ctx.kind]), year: String(ctx.year), held: String(ctx.held), planned: String(ctx.planned), perYear: String(ctx.perYear) };
  return renderParts({
    language,
    subject: t(language, 'meeting.countShort.subject', values),
    greeting: t(language, 'greeting.staff'),
    paragraphs: [t(language, 'meeting.countShort.status', values), t(language, 'meeting.countShort.plan', values), t(language, 'meeting.countShort.english', { ...values, kind: ctx.kind })],
    action: { label: t(language, 'meeting.action.plan'), url: ctx.plannerUrl },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}
