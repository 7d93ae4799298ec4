import { conflict, invalid, type Problem } from '../shared/problems.ts';
import type { MeetingState } from './definitions.ts';

/** A meeting's timing rules, pure so they are tested without a server. */

/**
 * The reminders still worth sending for a start time, as times, soonest first: those that fall
 * after now. A meeting moved to three days ahead gets its 1-day reminder, not a late 7-day one.
 */
export function remindersAhead(startsAt: string, remindBeforeMs: number[], nowMs: number): number[] {
  const start = Date.parse(startsAt);
  return [...new Set(remindBeforeMs)]
    .map((before) => start - before)
    .filter((at) => at > nowMs)
    .sort((a, b) => a - b);
}

export function moveProblem(state: MeetingState, startsAt: string, nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('MeetingClosed', 'The meeting is cancelled and cannot be moved.');
  if (Date.parse(state.startsAt) <= nowMs) return conflict('MeetingBegun', 'The meeting has already begun and cannot be moved.');
  if (Number.isNaN(Date.parse(startsAt))) return invalid('InvalidTime', 'Give the new time as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.');
  if (Date.parse(startsAt) <= nowMs) return invalid('MeetingInPast', 'The new time has already passed.');
  if (Date.parse(startsAt) === Date.parse(state.startsAt)) return invalid('SameTime', 'The meeting is already at that time.');
  return undefined;
}

export function cancelProblem(state: MeetingState, nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('MeetingClosed', 'The meeting is already cancelled.');
  if (Date.parse(state.startsAt) <= nowMs) return conflict('MeetingBegun', 'The meeting has already begun and cannot be cancelled.');
  return undefined;
}
