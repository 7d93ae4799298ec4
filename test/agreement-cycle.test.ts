import { describe, expect, it } from '@jest/globals';
import type { AgreementPolicy, AgreementState } from '../workflows/agreement/definitions.ts';
import * as cycle from '../workflows/agreement/cycle.ts';

const DAY = 86_400_000;
const policy: AgreementPolicy = {
  reviewLadder: [
    { afterMs: -60 * DAY, kind: 'reminder', notify: ['organisationContact', 'municipalContact'] },
    { afterMs: -30 * DAY, kind: 'reminder', notify: ['organisationContact', 'municipalContact'] },
    { afterMs: -7 * DAY, kind: 'reminder', notify: ['organisationContact', 'municipalContact'] },
    { afterMs: 1 * DAY, kind: 'escalation', notify: ['coordinator'] },
  ],
};
const draft = (): AgreementState => ({
  status: 'draft', version: 1, cycle: 0, startDate: null, reviewDueOn: null, earlyReview: false, sentRungs: [], lastOutcome: null, stateVersion: 0, outbox: [], audit: [],
});

describe('the agreement cycle', () => {
  it('falls on the anniversary of the start date, 29 February on the 28th', () => {
    expect(cycle.anniversary('2026-03-15', 1)).toBe('2027-03-15');
    expect(cycle.anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(cycle.anniversary('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('schedules the first review still ahead, and sends only the latest of reminders already past', () => {
    const state = draft();
    cycle.sign(state, policy, { actor: 'c', version: 1, startDate: '2025-03-01' }, Date.parse('2026-02-20T10:00:00Z'));
    expect(state).toMatchObject({ status: 'active', cycle: 1, reviewDueOn: '2026-03-01', sentRungs: ['c1:0'] });
    const next = cycle.nextReviewRung(state, policy)!;
    expect(next.index).toBe(1);
    cycle.fireReviewRung(state, next, Date.parse('2026-02-20T10:00:01Z'), 'agreement-a');
    expect(state.outbox.map((e) => e.recipient)).toEqual(['organisationContact', 'municipalContact']);
    expect(cycle.nextReviewRung(state, policy)?.index).toBe(2);
  });

  it('makes the review due when an escalation fires past the due date, and moves to the next year after the outcome', () => {
    const state = draft();
    cycle.sign(state, policy, { actor: 'c', version: 1, startDate: '2025-03-01' }, Date.parse('2025-03-02T00:00:00Z'));
    expect(state.reviewDueOn).toBe('2026-03-01');
    const escalation = { index: 3, rung: policy.reviewLadder[3]!, dueAtMs: cycle.dueAtMs('2026-03-02') };
    cycle.fireReviewRung(state, escalation, cycle.dueAtMs('2026-03-02'), 'k');
    expect(state.status).toBe('reviewDue');
    expect(state.outbox.at(-1)).toEqual({ key: 'k:review:c1:3:coordinator', template: 'reviewOverdue', recipient: 'coordinator' });
    expect(cycle.completeReviewProblem(state, { actor: 'c', outcome: 'continued' })?.code).toBe('NoReviewInProgress');
    cycle.startReview(state, 'c', cycle.dueAtMs('2026-03-03'));
    expect(cycle.completeReviewProblem(state, { actor: 'c', outcome: 'revised' })?.code).toBe('RevisionMissing');
    cycle.completeReview(state, policy, { actor: 'c', outcome: 'revised', version: 2 }, cycle.dueAtMs('2026-03-03'), 'k');
    expect(state).toMatchObject({ status: 'active', cycle: 2, version: 2, reviewDueOn: '2027-03-01', lastOutcome: 'revised' });
  });

  it('opens an early review on a deviation, only while active', () => {
    const state = draft();
    cycle.registerDeviation(state, 'c', 0, 'k');
    expect(state.status).toBe('draft');
    cycle.sign(state, policy, { actor: 'c', version: 1, startDate: '2025-03-01' }, Date.parse('2025-06-01T00:00:00Z'));
    cycle.registerDeviation(state, 'c', Date.parse('2025-06-02T00:00:00Z'), 'k');
    expect(state).toMatchObject({ status: 'reviewDue', earlyReview: true });
    expect(state.outbox.map((e) => e.template)).toEqual(['earlyReview', 'earlyReview']);
  });
});
