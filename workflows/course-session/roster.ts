import { conflict, invalid, type Problem } from '../shared/problems.ts';
import type { CourseSessionState, CourseTask, EnrolResult, Seat, SeatState } from './definitions.ts';

/** The roster's rules, pure so they are tested without a server: seats, the waitlist, offers and attendance. */

const HOLDS_SEAT: ReadonlySet<SeatState> = new Set(['enrolled', 'offered']);
const ON_ROSTER: ReadonlySet<SeatState> = new Set(['enrolled', 'offered', 'waitlisted', 'attended']);
/** Attendance may be recorded from this long before the start: on the day. */
export const ATTENDANCE_OPENS_BEFORE_MS = 24 * 3_600_000;

export function initialState(startsAt: string, capacity: number): CourseSessionState {
  return { status: 'scheduled', startsAt, capacity, sequence: 0, seats: [], version: 0, tasks: [], taskCount: 0 };
}

const iso = (ms: number) => new Date(ms).toISOString();
const seatOf = (state: CourseSessionState, volunteerId: string) => state.seats.find((s) => s.volunteerId === volunteerId);

export function seatsTaken(state: CourseSessionState): number {
  return state.seats.filter((s) => HOLDS_SEAT.has(s.state)).length;
}

/** Adds a task under a new key: the workflow's own ID, so the key is unique beyond this run. */
function task(state: CourseSessionState, key: string, work: DistributiveOmit<CourseTask, 'key'>): string {
  state.taskCount++;
  const full: CourseTask = { ...work, key: `${key}:${state.taskCount}` };
  state.tasks.push(full);
  return full.key;
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function setSeat(state: CourseSessionState, volunteerId: string, seatState: SeatState, offeredUntil: string | null = null): Seat {
  const existing = seatOf(state, volunteerId);
  // Someone who comes back joins the end of the line, as anyone new would.
  if (existing) state.seats.splice(state.seats.indexOf(existing), 1);
  const seat = { volunteerId, state: seatState, offeredUntil };
  state.seats.push(seat);
  return seat;
}

function changeSeat(seat: Seat, seatState: SeatState): void {
  seat.state = seatState;
  seat.offeredUntil = null;
}

/** Offers every free seat to the first on the waitlist, each with a time limit to take it. */
export function offerFreeSeats(state: CourseSessionState, validForMs: number, nowMs: number, key: string): void {
  if (state.status !== 'scheduled') return;
  for (;;) {
    const next = state.seats.find((s) => s.state === 'waitlisted');
    if (!next || seatsTaken(state) >= state.capacity) return;
    next.state = 'offered';
    next.offeredUntil = iso(Math.min(nowMs + validForMs, Date.parse(state.startsAt)));
    task(state, key, { kind: 'offer', volunteerId: next.volunteerId });
    state.version++;
  }
}

export function enrolProblem(state: CourseSessionState, volunteerIds: string[], nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('SessionClosed', `The session is ${state.status}; enrol the volunteers in another.`);
  if (Date.parse(state.startsAt) <= nowMs) return conflict('SessionStarted', 'The session has already started; enrol the volunteers in a later one.');
  if (!volunteerIds.length) return invalid('NobodyNamed', 'Name at least one volunteer to enrol.');
  return undefined;
}

/** Gives each named volunteer a seat while there are any, and a place on the waitlist after that. */
export function enrol(state: CourseSessionState, volunteerIds: string[], actor: string, key: string): { results: EnrolResult[]; tasks: Map<string, string> } {
  const results: EnrolResult[] = [];
  const tasks = new Map<string, string>();
  for (const volunteerId of new Set(volunteerIds)) {
    const seat = seatOf(state, volunteerId);
    if (seat && ON_ROSTER.has(seat.state)) {
      results.push({ volunteerId, outcome: 'alreadyOnRoster' });
    } else if (seatsTaken(state) < state.capacity) {
      setSeat(state, volunteerId, 'enrolled');
      tasks.set(volunteerId, task(state, key, { kind: 'book', volunteerId, at: state.startsAt, actor }));
      results.push({ volunteerId, outcome: 'enrolled' });
    } else {
      setSeat(state, volunteerId, 'waitlisted');
      results.push({ volunteerId, outcome: 'waitlisted' });
    }
  }
  state.version++;
  return { results, tasks };
}

/**
 * The tasks that run together next: the oldest, up to `max`, stopping at the first whose volunteer
 * already has one in the batch, so each person's tasks still run in the order they were made.
 */
export function nextBatch(tasks: readonly CourseTask[], max: number): CourseTask[] {
  const volunteers = new Set<string>();
  const batch: CourseTask[] = [];
  for (const next of tasks) {
    if (batch.length >= max || volunteers.has(next.volunteerId)) break;
    volunteers.add(next.volunteerId);
    batch.push(next);
  }
  return batch;
}

/** The lifecycle would not take the booking (the course step closed meanwhile): the seat goes to the next in line. */
export function bookingRefused(state: CourseSessionState, volunteerId: string, validForMs: number, nowMs: number, key: string): void {
  const seat = seatOf(state, volunteerId);
  if (!seat || seat.state !== 'enrolled') return;
  changeSeat(seat, 'refused');
  state.version++;
  offerFreeSeats(state, validForMs, nowMs, key);
}

export function releaseProblem(state: CourseSessionState, volunteerId: string): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('SessionClosed', `The session is ${state.status}.`);
  const seat = seatOf(state, volunteerId);
  if (!seat || !['enrolled', 'offered', 'waitlisted'].includes(seat.state)) return conflict('NotOnRoster', 'The volunteer has no seat or waitlist place on this session.');
  return undefined;
}

/** Takes a volunteer off the roster; a freed seat is offered to the next on the waitlist. */
export function release(state: CourseSessionState, volunteerId: string, actor: string, validForMs: number, nowMs: number, key: string): void {
  const seat = seatOf(state, volunteerId)!;
  if (seat.state === 'enrolled') task(state, key, { kind: 'release', volunteerId, reason: 'released', actor });
  changeSeat(seat, 'released');
  state.version++;
  offerFreeSeats(state, validForMs, nowMs, key);
}

export function acceptProblem(state: CourseSessionState, volunteerId: string, nowMs: number): Problem | undefined {
  const seat = seatOf(state, volunteerId);
  if (state.status !== 'scheduled' || !seat || seat.state !== 'offered') return conflict('NoOffer', 'There is no seat on offer for this volunteer on this session.');
  if (Date.parse(seat.offeredUntil!) <= nowMs) return conflict('OfferExpired', 'The time to take the seat has run out.');
  return undefined;
}

export function accept(state: CourseSessionState, volunteerId: string, actor: string, key: string): string {
  const seat = seatOf(state, volunteerId)!;
  changeSeat(seat, 'enrolled');
  state.version++;
  return task(state, key, { kind: 'book', volunteerId, at: state.startsAt, actor });
}

/** The earliest time an offer runs out, for the workflow's timer. */
export function nextExpiry(state: CourseSessionState): number | undefined {
  const times = state.seats.filter((s) => s.state === 'offered').map((s) => Date.parse(s.offeredUntil!));
  return times.length ? Math.min(...times) : undefined;
}

/** Offers not taken in time pass to the next on the waitlist. */
export function expireOffers(state: CourseSessionState, validForMs: number, nowMs: number, key: string): void {
  const expired = state.seats.filter((s) => s.state === 'offered' && Date.parse(s.offeredUntil!) <= nowMs);
  if (!expired.length) return;
  for (const seat of expired) changeSeat(seat, 'expired');
  state.version++;
  offerFreeSeats(state, validForMs, nowMs, key);
}

export function moveProblem(state: CourseSessionState, startsAt: string, nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('SessionClosed', `The session is ${state.status} and cannot be moved.`);
  if (Number.isNaN(Date.parse(startsAt))) return invalid('InvalidTime', 'Give the new time as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.');
  if (Date.parse(startsAt) <= nowMs) return invalid('SessionInPast', 'The new time has already passed.');
  if (Date.parse(startsAt) === Date.parse(state.startsAt)) return invalid('SameTime', 'The session is already at that time.');
  return undefined;
}

/** A new time: every enrolled volunteer is booked for it once, which sends them one new invitation. */
export function move(state: CourseSessionState, startsAt: string, actor: string, key: string): void {
  state.startsAt = new Date(Date.parse(startsAt)).toISOString();
  state.sequence++;
  for (const seat of state.seats) {
    if (seat.state === 'enrolled') task(state, key, { kind: 'book', volunteerId: seat.volunteerId, at: state.startsAt, actor });
  }
  state.version++;
}

export function cancelProblem(state: CourseSessionState): Problem | undefined {
  return state.status === 'scheduled' ? undefined : conflict('SessionClosed', `The session is already ${state.status}.`);
}

/** Cancelled: every enrolled volunteer is released once (a cancellation for their calendar), and the waitlist is cleared. */
export function cancel(state: CourseSessionState, actor: string, key: string): void {
  state.status = 'cancelled';
  state.sequence++;
  for (const seat of state.seats) {
    if (seat.state === 'enrolled') task(state, key, { kind: 'release', volunteerId: seat.volunteerId, reason: 'cancelled', actor });
    if (HOLDS_SEAT.has(seat.state) || seat.state === 'waitlisted') changeSeat(seat, 'cancelled');
  }
  state.version++;
}

export function attendanceProblem(state: CourseSessionState, attended: string[], nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('SessionClosed', `The session is ${state.status}.`);
  if (Date.parse(state.startsAt) - nowMs > ATTENDANCE_OPENS_BEFORE_MS) return conflict('NotYet', 'Attendance is recorded on the day of the session or after it.');
  // Those who checked in at the door are already marked; ticking them again changes nothing.
  const strangers = attended.filter((id) => !['enrolled', 'attended'].includes(seatOf(state, id)?.state ?? ''));
  if (strangers.length) return invalid('NotEnrolled', `Only enrolled volunteers can be marked as present; not enrolled: ${strangers.join(', ')}.`);
  return undefined;
}

export function checkInProblem(state: CourseSessionState, volunteerId: string, nowMs: number): Problem | undefined {
  if (state.status !== 'scheduled') return conflict('SessionClosed', `The session is ${state.status}.`);
  if (Date.parse(state.startsAt) - nowMs > ATTENDANCE_OPENS_BEFORE_MS) return conflict('NotYet', 'Check-in opens on the day of the session.');
  const seat = seatOf(state, volunteerId);
  if (seat?.state === 'attended') return conflict('AlreadyCheckedIn', 'The volunteer is already checked in.');
  if (seat?.state !== 'enrolled') return conflict('NotEnrolled', 'The volunteer is not enrolled in this session.');
  return undefined;
}

/** One volunteer at the door: present, so their course step completes; the session stays open for the others. */
export function checkIn(state: CourseSessionState, volunteerId: string, actor: string, key: string): void {
  changeSeat(seatOf(state, volunteerId)!, 'attended');
  task(state, key, { kind: 'complete', volunteerId, actor });
  state.version++;
}

/**
 * One form for the whole roster: those who came complete their course; those who did not are
 * released, so their course step waits for another session and they are asked to choose one.
 */
export function recordAttendance(state: CourseSessionState, attended: string[], actor: string, key: string): void {
  const present = new Set(attended);
  for (const seat of state.seats) {
    if (seat.state !== 'enrolled') continue;
    if (present.has(seat.volunteerId)) {
      changeSeat(seat, 'attended');
      task(state, key, { kind: 'complete', volunteerId: seat.volunteerId, actor });
    } else {
      changeSeat(seat, 'absent');
      task(state, key, { kind: 'release', volunteerId: seat.volunteerId, reason: 'absent', actor });
    }
  }
  for (const seat of state.seats) if (seat.state === 'waitlisted' || seat.state === 'offered') changeSeat(seat, 'cancelled');
  state.status = 'held';
  state.version++;
}
