import { describe, expect, it } from '@jest/globals';
import * as roster from '../workflows/course-session/roster.ts';

const KEY = 'course-session-s1';
const NOW = Date.parse('2026-03-01T12:00:00Z');
const STARTS = '2026-03-02T18:00:00.000Z';
const OFFER_MS = 6 * 3_600_000;

const ids = (n: number) => Array.from({ length: n }, (_, i) => `v${i + 1}`);
const states = (state: ReturnType<typeof roster.initialState>) => Object.fromEntries(state.seats.map((s) => [s.volunteerId, s.state]));

/** The roster's rules without a server: seats, the waitlist, offers, a move, a cancellation and attendance. */
describe('a course session roster', () => {
  it('seats up to the capacity and waitlists the rest, in order, once each', () => {
    const state = roster.initialState(STARTS, 2);
    const { results, tasks } = roster.enrol(state, ['v1', 'v2', 'v3', 'v1'], 'staff:c', KEY);
    expect(results.map((r) => r.outcome)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    expect([...tasks.keys()]).toEqual(['v1', 'v2']);
    expect(state.tasks.map((t) => [t.kind, t.key])).toEqual([['book', `${KEY}:1`], ['book', `${KEY}:2`]]);
    expect(roster.enrol(state, ['v3'], 'staff:c', KEY).results).toEqual([{ volunteerId: 'v3', outcome: 'alreadyOnRoster' }]);
  });

  it('offers a freed seat to the first in line, and passes it on when the offer runs out', () => {
    const state = roster.initialState(STARTS, 1);
    roster.enrol(state, ids(3), 'staff:c', KEY);
    roster.release(state, 'v1', 'staff:c', OFFER_MS, NOW, KEY);
    expect(states(state)).toEqual({ v1: 'released', v2: 'offered', v3: 'waitlisted' });
    expect(roster.nextExpiry(state)).toBe(NOW + OFFER_MS);
    expect(roster.acceptProblem(state, 'v3', NOW)).toMatchObject({ code: 'NoOffer' });
    roster.expireOffers(state, OFFER_MS, NOW + OFFER_MS, KEY);
    expect(states(state)).toMatchObject({ v2: 'expired', v3: 'offered' });
    roster.accept(state, 'v3', 'volunteer', KEY);
    expect(states(state)).toMatchObject({ v3: 'enrolled' });
    expect(state.tasks.map((t) => `${t.kind}:${t.volunteerId}`)).toEqual(['book:v1', 'release:v1', 'offer:v2', 'offer:v3', 'book:v3']);
  });

  it('an offer never outlasts the session start', () => {
    const state = roster.initialState(STARTS, 1);
    roster.enrol(state, ids(2), 'staff:c', KEY);
    roster.release(state, 'v1', 'staff:c', OFFER_MS, Date.parse(STARTS) - 3_600_000, KEY);
    expect(state.seats.find((s) => s.volunteerId === 'v2')?.offeredUntil).toBe(STARTS);
  });

  it('moves with one booking per enrolled volunteer, and cancels with one release each', () => {
    const state = roster.initialState(STARTS, 2);
    roster.enrol(state, ids(3), 'staff:c', KEY);
    state.tasks = [];
    expect(roster.moveProblem(state, STARTS, NOW)).toMatchObject({ code: 'SameTime' });
    roster.move(state, '2026-03-03T18:00:00+01:00', 'staff:c', KEY);
    expect(state).toMatchObject({ startsAt: '2026-03-03T17:00:00.000Z', sequence: 1 });
    expect(state.tasks.map((t) => `${t.kind}:${t.volunteerId}`)).toEqual(['book:v1', 'book:v2']);
    state.tasks = [];
    roster.cancel(state, 'staff:c', KEY);
    expect(state).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(state.tasks.map((t) => `${t.kind}:${t.volunteerId}`)).toEqual(['release:v1', 'release:v2']);
    expect(states(state)).toEqual({ v1: 'cancelled', v2: 'cancelled', v3: 'cancelled' });
    expect(roster.enrolProblem(state, ['v4'], NOW)).toMatchObject({ code: 'SessionClosed' });
  });

  it('records attendance in one go: the present complete, the absent are released', () => {
    const state = roster.initialState(STARTS, 3);
    roster.enrol(state, ids(4), 'staff:c', KEY);
    state.tasks = [];
    expect(roster.attendanceProblem(state, ['v1'], Date.parse(STARTS) - 2 * 86_400_000)).toMatchObject({ code: 'NotYet' });
    expect(roster.attendanceProblem(state, ['v4'], Date.parse(STARTS) - 3_600_000)).toMatchObject({ code: 'NotEnrolled' });
    roster.recordAttendance(state, ['v1', 'v2'], 'staff:c', KEY);
    expect(states(state)).toEqual({ v1: 'attended', v2: 'attended', v3: 'absent', v4: 'cancelled' });
    expect(state.tasks.map((t) => (t.kind === 'release' ? `release:${t.volunteerId}:${t.reason}` : `${t.kind}:${t.volunteerId}`))).toEqual(['complete:v1', 'complete:v2', 'release:v3:absent']);
    expect(state.status).toBe('held');
  });

  it('runs the oldest tasks together, but never two of one person at once', () => {
    const state = roster.initialState(STARTS, 10);
    roster.enrol(state, ids(3), 'staff:c', KEY);
    roster.release(state, 'v2', 'staff:c', OFFER_MS, NOW, KEY);
    roster.enrol(state, ['v4', 'v5'], 'staff:c', KEY);
    const batch = (max: number) => roster.nextBatch(state.tasks, max).map((t) => `${t.kind}:${t.volunteerId}`);
    // v2's release waits for their booking, and everything after it waits too: the queue keeps its order.
    expect(batch(8)).toEqual(['book:v1', 'book:v2', 'book:v3']);
    expect(batch(2)).toEqual(['book:v1', 'book:v2']);
    state.tasks.splice(0, 3);
    expect(batch(8)).toEqual(['release:v2', 'book:v4', 'book:v5']);
  });
});
