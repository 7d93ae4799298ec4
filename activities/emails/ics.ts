import { createEvent, type EventAttributes } from 'ics';

/** One booked session as a calendar event: the same UID for every version of the booking. */
export interface CalendarEvent {
  uid: string;
  start: Date;
  minutes: number;
  summary: string;
  description: string;
  location?: string | undefined;
  /** When this version of the event was issued: its DTSTAMP, and what orders its SEQUENCE unless `sequence` is given. */
  issuedAt: Date;
  /** The version's number, where the sender keeps one (a meeting's moves); a later version has a higher one. */
  sequence?: number;
}

/** Seconds from 2020 to the issue time: a later version always has a higher SEQUENCE, within RFC 5545's 31-bit integer until 2088. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/**
 * The SEQUENCE of a version of the event. The email context knows no booking counter, so the issue
 * time orders the versions: the invitation for a moved session is issued after the one it replaces,
 * so calendars take it as the newer revision of the same UID.
 */
export function sequenceAt(issuedAt: Date): number {
  return Math.max(0, Math.floor((issuedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

function calendar(event: CalendarEvent, method: 'REQUEST' | 'CANCEL', status: 'CONFIRMED' | 'CANCELLED'): string {
  // `timestamp` (DTSTAMP) is in the package's schema but not in its types; without it DTSTAMP is the clock's now.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//Samspill//NO',
    method,
    uid: event.uid,
    sequence: event.sequence ?? sequenceAt(event.issuedAt),
    status,
    timestamp: event.issuedAt.getTime(),
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.start.getTime() + event.minutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.summary,
    description: event.description,
    ...(event.location ? { location: event.location } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error(`The calendar event ${event.uid} could not be written`);
  return value;
}

/** An invitation (iTIP REQUEST, RFC 5546): a new booking, or a moved one that replaces the entry with the same UID. */
export function invitationIcs(event: CalendarEvent): string {
  return calendar(event, 'REQUEST', 'CONFIRMED');
}

/** A cancellation (iTIP CANCEL) of the booking with the same UID, so calendars remove the entry. */
export function cancellationIcs(event: CalendarEvent): string {
  return calendar(event, 'CANCEL', 'CANCELLED');
}
