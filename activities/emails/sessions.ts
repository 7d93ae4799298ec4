import { formatDateTime } from '../../infra/i18n/format.ts';
import { stepName, stepTitle } from '../../infra/i18n/vocabulary/index.ts';
import { courseAction, hoursAction, signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { invitationIcs, type CalendarEvent } from './ics.ts';
import { renderParts, type EmailLink, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** The booked session as a calendar event, under one UID per booking so a move replaces the entry. */
export function sessionEvent(ctx: VolunteerEmailContext): CalendarEvent | undefined {
  const start = ctx.sessionAt ?? ctx.courseSession?.startsAt;
  if (!start || !ctx.step) return undefined;
  return {
    uid: ctx.sessionUid ?? `${ctx.volunteerId}-${ctx.step}@samspill`,
    start,
    minutes: ctx.courseSession?.minutes ?? (ctx.step === 'introductionCourse' ? 180 : 60),
    location: ctx.courseSession?.place,
    summary: `${stepTitle(ctx.step, ctx.language)} – ${ctx.unitName}`,
    description: `${ctx.municipalityName}, ${ctx.unitName}. ${ctx.unitContactEmail}`,
    issuedAt: ctx.issuedAt ?? new Date(),
  };
}

function invitation(ctx: VolunteerEmailContext): string | undefined {
  const event = sessionEvent(ctx);
  return event && invitationIcs(event);
}

/**
 * What the volunteer can do from a session email: confirm or move a course through its link, or,
 * for the conversations that start and follow up the volunteer's work, log hours through theirs.
 */
function nextStep(ctx: VolunteerEmailContext): { paragraph: string; action: EmailLink } | undefined {
  const course = ctx.step === 'introductionCourse' ? courseAction(ctx) : undefined;
  if (course) return { paragraph: t(ctx.language, 'session.confirmCourse'), action: course };
  const hours = ctx.step === 'firstConversation' || ctx.step === 'followUp' ? hoursAction(ctx) : undefined;
  if (!hours) return undefined;
  return { paragraph: t(ctx.language, 'session.logHours'), action: hours };
}

export function sessionValues(ctx: VolunteerEmailContext) {
  const at = ctx.sessionAt ?? ctx.courseSession?.startsAt;
  return {
    step: stepName(ctx.step ?? 'introductionCourse', ctx.language),
    when: at ? formatDateTime(at, ctx.language) : '',
    unit: ctx.unitName,
    email: ctx.unitContactEmail,
  };
}

/** Confirms a booked (or moved) course session or conversation, with a calendar invitation. */
export function sessionBookedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = sessionValues(ctx);
  const next = nextStep(ctx);
  const rendered = renderParts({
    language,
    subject: t(language, 'sessionBooked.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [
      t(language, 'sessionBooked.booked', values),
      ...(ctx.courseSession ? [t(language, 'session.place', { place: ctx.courseSession.place })] : []),
      ...(next ? [next.paragraph] : []),
      t(language, 'sessionBooked.otherTime', values),
    ],
    action: next?.action,
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
  return { ...rendered, ics: invitation(ctx) };
}

/** Reminds the volunteer of a coming course session, with the invitation again. */
export function sessionReminderEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = sessionValues(ctx);
  const next = nextStep(ctx);
  const rendered = renderParts({
    language,
    subject: t(language, 'sessionReminder.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'sessionReminder.reminder', values), ...(next ? [next.paragraph] : []), t(language, 'sessionReminder.cannotCome', values)],
    action: next?.action,
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
  return { ...rendered, ics: invitation(ctx) };
}
