import { formatDateTime } from '../../infra/i18n/format.ts';
import { signature, statusLinks, type VolunteerEmailContext } from './context.ts';
import { cancellationIcs } from './ics.ts';
import { renderParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';
import { sessionEvent, sessionValues } from './sessions.ts';

/** The emails a course session's roster sends: a freed seat offered, a booking given up, a session missed. */

const chooseAction = (ctx: VolunteerEmailContext, label: 'action.chooseCourse' | 'action.takeSeat') =>
  ctx.courseUrl ? { label: t(ctx.language, label), url: ctx.courseUrl } : undefined;

/** A seat came free and the volunteer is first on the waitlist: take it by the deadline, or it passes on. */
export function seatOfferedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = sessionValues(ctx);
  return renderParts({
    language,
    subject: t(language, 'seatOffered.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [
      t(language, 'seatOffered.offer', values),
      ...(ctx.courseSession ? [t(language, 'session.place', { place: ctx.courseSession.place })] : []),
      t(language, 'seatOffered.until', { until: ctx.offeredUntil ? formatDateTime(ctx.offeredUntil, language) : '' }),
    ],
    action: chooseAction(ctx, 'action.takeSeat'),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
}

/** The booked session is off (cancelled, or the volunteer taken off its roster), with a cancellation for their calendar. */
export function sessionCancelledEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = sessionValues(ctx);
  const released = ctx.releasedBecause === 'released';
  const rendered = renderParts({
    language,
    subject: t(language, released ? 'sessionReleased.subject' : 'sessionCancelled.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, released ? 'sessionReleased.released' : 'sessionCancelled.cancelled', values), t(language, 'sessionCancelled.next', values)],
    action: chooseAction(ctx, 'action.chooseCourse'),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
  const event = sessionEvent(ctx);
  return { ...rendered, ics: event && cancellationIcs(event) };
}

/** The volunteer did not come: friendly, with a link to choose another session. */
export function sessionMissedEmail(ctx: VolunteerEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = sessionValues(ctx);
  const rendered = renderParts({
    language,
    subject: t(language, 'sessionMissed.subject', values),
    greeting: t(language, 'greeting.volunteer', { name: ctx.volunteerName }),
    paragraphs: [t(language, 'sessionMissed.missed', values), t(language, 'sessionMissed.choose', values)],
    action: chooseAction(ctx, 'action.chooseCourse'),
    links: statusLinks(ctx),
    signature: signature(ctx),
  });
  const event = sessionEvent(ctx);
  return { ...rendered, ics: event && cancellationIcs(event) };
}
