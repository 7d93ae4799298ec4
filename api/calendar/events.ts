import type { EntityManager } from '@mikro-orm/core';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { listSessions } from '../courses/queries.ts';
import { listMeetings } from '../meetings/queries.ts';

/** One thing in the calendar: a course session or a meeting, as the page and the feed show it. */
export interface CalendarEvent {
  kind: 'course' | 'network' | 'dialogue';
  id: string;
  /** The meeting's title; a course session has none of its own. */
  title: string | null;
  startsAt: Date;
  minutes: number;
  place: string;
  cancelled: boolean;
  /** The event's page on the dashboard. */
  path: string;
  /** Stable across moves, and the same as in the invitations, so a calendar keeps one entry per event. */
  uid: string;
}

/** Every course session and meeting the principal sees between two days (inclusive), in time order. */
export async function calendarEvents(em: EntityManager, policy: Policy, principal: Principal, from: string, to: string): Promise<CalendarEvent[]> {
  const [sessions, meetings] = await Promise.all([listSessions(em, policy, principal, { from, to }), listMeetings(em, policy, principal, { from, to })]);
  return [
    ...sessions.map((s): CalendarEvent => ({
      kind: 'course',
      id: s.id,
      title: null,
      startsAt: new Date(s.startsAt),
      minutes: s.minutes,
      place: s.place,
      cancelled: s.status === 'cancelled',
      path: `/courses/${s.id}`,
      uid: `course-session-${s.id}`,
    })),
    ...meetings.map((m): CalendarEvent => ({
      kind: m.kind,
      id: m.id,
      title: m.title,
      startsAt: new Date(m.startsAt),
      minutes: m.minutes,
      place: m.place,
      cancelled: m.status === 'cancelled',
      path: `/meetings/${m.id}`,
      uid: `meeting-${m.id}`,
    })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
