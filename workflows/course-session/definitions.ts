import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by the worker, the API and the activities: one introduction-course session and its roster, by IDs only. */

export const COURSE_SESSION_PREFIX = 'course-session-';

export function courseSessionWorkflowId(sessionId: string): string {
  return `${COURSE_SESSION_PREFIX}${sessionId}`;
}

/**
 * Where a volunteer stands on a session's roster. `enrolled` and `offered` hold a seat; `waitlisted`
 * waits for one in order; the rest are how a place ended.
 */
export const SEAT_STATES = ['enrolled', 'waitlisted', 'offered', 'attended', 'absent', 'released', 'expired', 'refused', 'cancelled'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

export interface Seat {
  volunteerId: string;
  state: SeatState;
  /** While offered: until when the volunteer can take the seat. */
  offeredUntil: string | null;
}

export type SessionStatus = 'scheduled' | 'cancelled' | 'held';

/**
 * Work the state calls for, done in order by the workflow's loop. Each key is unique and stable, so
 * a retried activity (and the lifecycle Update it sends, which uses the key as its Update ID) acts once.
 */
export type CourseTask =
  | { kind: 'book'; key: string; volunteerId: string; at: string; actor: string }
  | { kind: 'release'; key: string; volunteerId: string; reason: 'cancelled' | 'absent' | 'released'; actor: string }
  | { kind: 'complete'; key: string; volunteerId: string; actor: string }
  | { kind: 'offer'; key: string; volunteerId: string };

export interface CourseSessionState {
  status: SessionStatus;
  startsAt: string;
  capacity: number;
  /** Increases with every move or cancellation: the generation of the invitations. */
  sequence: number;
  /** In the order people joined, which is the waitlist's order. */
  seats: Seat[];
  /** Increases with every change, so the projection never applies an older roster over a newer one. */
  version: number;
  tasks: CourseTask[];
  /** Numbers the tasks, so every key is new. */
  taskCount: number;
}

export interface CourseSessionInput {
  sessionId: string;
  startsAt: string;
  capacity: number;
  /** How long a volunteer offered a freed seat has to take it (the policy's `courses.seatOfferValidFor`). */
  seatOfferValidForMs: number;
}

export interface Actor {
  actor: string;
}

/** What became of one person in a request that names several. */
export type EnrolOutcome = 'enrolled' | 'waitlisted' | 'alreadyOnRoster' | 'refused';
export interface EnrolResult {
  volunteerId: string;
  outcome: EnrolOutcome;
  /** Why the lifecycle refused the booking, when it did. */
  problem?: string;
}

/** The outcome of a lifecycle call made for the roster: done, or refused with the lifecycle's reason. */
export interface TaskResult {
  ok: boolean;
  problem?: string;
}

export const enrolUpdate = defineUpdate<EnrolResult[], [Actor & { volunteerIds: string[] }]>('enrol');
export const releaseSeatUpdate = defineUpdate<CourseSessionState, [Actor & { volunteerId: string }]>('releaseSeat');
export const acceptOfferUpdate = defineUpdate<CourseSessionState, [Actor & { volunteerId: string }]>('acceptOffer');
export const moveSessionUpdate = defineUpdate<CourseSessionState, [Actor & { startsAt: string }]>('moveSession');
export const cancelSessionUpdate = defineUpdate<CourseSessionState, [Actor]>('cancelSession');
export const recordAttendanceUpdate = defineUpdate<CourseSessionState, [Actor & { attended: string[] }]>('recordAttendance');
/** One volunteer checked in on the day (the QR code at the door): their course is done; the rest of the roster waits for the attendance form. */
export const checkInUpdate = defineUpdate<CourseSessionState, [Actor & { volunteerId: string }]>('checkIn');
export const courseSessionQuery = defineQuery<CourseSessionState>('courseSession');
