import { createEvents, type EventAttributes } from 'ics';
import type { Language } from '../../infra/i18n/languages.ts';
import type { CalendarEvent } from './events.ts';
import { t } from './messages/index.ts';

const KIND = { course: 'kind.course', network: 'kind.network', dialogue: 'kind.dialogue' } as const;

export function eventTitle(event: CalendarEvent, language: Language): string {
  const kind = t(language, KIND[event.kind]);
  return event.title ? `${kind}: ${event.title}` : kind;
}

/** The events as one iCalendar file (RFC 5545) that Outlook and others subscribe to; a cancelled event stays, marked CANCELLED. */
export function calendarFeed(events: CalendarEvent[], language: Language, origin: string): string {
  const hostname = new URL(origin).hostname;
  const attributes = events.map(
    (event): EventAttributes => ({
      uid: `${event.uid}@${hostname}`,
      start: event.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: event.startsAt.getTime() + event.minutes * 60_000,
      endInputType: 'utc',
      endOutputType: 'utc',
      title: eventTitle(event, language),
      location: event.place,
      url: `${origin}${event.path}`,
      status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    }),
  );
  const { error, value } = createEvents(attributes, { productId: '-//Samspill//NO', method: 'PUBLISH', calName: t(language, 'feed.name') });
  if (error || !value) throw error ?? new Error('The calendar feed could not be written');
  return value;
}
