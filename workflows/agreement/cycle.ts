import type { AgreementPolicy, AgreementRung, AgreementState, CompleteReviewInput, SignInput } from './definitions.ts';

import { conflict, invalid, type Problem } from '../shared/problems.ts';

/** Pure rules and transitions of an agreement's yearly cycle; unit-tested without Temporal. */

/** The `cycle`-th anniversary of a start date, as YYYY-MM-DD (29 February falls on 28 February in other years). */
export function anniversary(startDate: string, cycle: number): string {
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const target = year + cycle;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Reviews fall due at the start of the day in Norway's time, approximated as 06:00 UTC. */
export function dueAtMs(day: string): number {
  return Date.parse(`${day}T06:00:00Z`);
}

function note(state: AgreementState, nowMs: number, actor: string, action: string, details?: Record<string, string | boolean>): void {
  state.audit.push({ at: new Date(nowMs).toISOString(), actor, action, details });
  state.stateVersion++;
}

/**
 * The first anniversary still ahead of `nowMs`, counting from the current cycle. Of the reminders whose
 * time has already passed (an agreement signed close to its anniversary), only the latest is sent.
 */
function scheduleNextReview(state: AgreementState, policy: AgreementPolicy, nowMs: number): void {
  let cycle = state.cycle;
  while (dueAtMs(anniversary(state.startDate!, cycle)) <= nowMs) cycle++;
  state.cycle = cycle;
  state.reviewDueOn = anniversary(state.startDate!, cycle);
  state.earlyReview = false;
  const due = dueAtMs(state.reviewDueOn);
  const passed = policy.reviewLadder.map((rung, index) => ({ index, at: due + rung.afterMs })).filter((r) => r.at <= nowMs);
  state.sentRungs = passed.slice(0, -1).map((r) => `c${cycle}:${r.index}`);
}

export function signProblem(state: AgreementState): Problem | undefined {
  return state.status === 'draft' ? undefined : conflict('AlreadySigned', `The agreement is already signed (status ${state.status}).`);
}

export function sign(state: AgreementState, policy: AgreementPolicy, input: SignInput, nowMs: number): void {
  state.status = 'active';
  state.version = input.version;
  state.startDate = input.startDate;
  state.cycle = 1;
  scheduleNextReview(state, policy, nowMs);
  note(state, nowMs, input.actor, 'signed', { version: String(input.version), startDate: input.startDate });
}

export function startReviewProblem(state: AgreementState): Problem | undefined {
  return state.status === 'active' || state.status === 'reviewDue'
    ? undefined
    : conflict('ReviewNotPossible', `A review can start only for an active agreement; this one is ${state.status}.`);
}

export function startReview(state: AgreementState, actor: string, nowMs: number): void {
  state.status = 'underReview';
  note(state, nowMs, actor, 'reviewStarted', { cycle: String(state.cycle), early: state.earlyReview });
}

export function completeReviewProblem(state: AgreementState, input: CompleteReviewInput): Problem | undefined {
  if (state.status !== 'underReview') return conflict('NoReviewInProgress', 'Start the review before recording its outcome.');
  if (input.outcome === 'revised' && !(input.version && input.version > state.version)) {
    return invalid('RevisionMissing', 'A revised outcome needs the new, complete version of the agreement.');
  }
  return undefined;
}

/** Records the outcome: continued or revised start the next yearly cycle, terminated ends the agreement. */
export function completeReview(state: AgreementState, policy: AgreementPolicy, input: CompleteReviewInput, nowMs: number, key: string): void {
  state.lastOutcome = input.outcome;
  note(state, nowMs, input.actor, 'reviewCompleted', { outcome: input.outcome, cycle: String(state.cycle) });
  state.outbox.push({ key: `${key}:review:${state.cycle}:completed`, template: 'reviewCompleted', recipient: 'organisationContact' });
  if (input.outcome === 'terminated') {
    state.status = 'terminated';
    return;
  }
  if (input.version) state.version = input.version;
  state.status = 'active';
  state.cycle++;
  scheduleNextReview(state, policy, nowMs);
}

/** A deviation tied to the agreement opens a review now, ahead of the anniversary. */
export function registerDeviation(state: AgreementState, actor: string, nowMs: number, key: string): void {
  note(state, nowMs, actor, 'deviationRegistered');
  if (state.status !== 'active') return;
  state.status = 'reviewDue';
  state.earlyReview = true;
  for (const recipient of ['organisationContact', 'municipalContact'] as const) {
    state.outbox.push({ key: `${key}:early:${state.cycle}:${state.stateVersion}:${recipient}`, template: 'earlyReview', recipient });
  }
}

export interface DueAgreementRung {
  index: number;
  rung: AgreementRung;
  dueAtMs: number;
}

/** The next review rung not yet sent, while the review has not started. */
export function nextReviewRung(state: AgreementState, policy: AgreementPolicy): DueAgreementRung | undefined {
  if ((state.status !== 'active' && state.status !== 'reviewDue') || !state.reviewDueOn) return undefined;
  const due = dueAtMs(state.reviewDueOn);
  return policy.reviewLadder
    .map((rung, index) => ({ index, rung, dueAtMs: due + rung.afterMs }))
    .find((r) => !state.sentRungs.includes(`c${state.cycle}:${r.index}`));
}

/** A rung fell due: queue its emails; from the due date on, the review is due, escalations say it is overdue. */
export function fireReviewRung(state: AgreementState, due: DueAgreementRung, nowMs: number, key: string): void {
  const tag = `c${state.cycle}:${due.index}`;
  state.sentRungs.push(tag);
  if (state.status === 'active' && nowMs >= dueAtMs(state.reviewDueOn!)) state.status = 'reviewDue';
  const template = due.rung.kind === 'escalation' ? 'reviewOverdue' : 'reviewReminder';
  for (const recipient of due.rung.notify) state.outbox.push({ key: `${key}:review:${tag}:${recipient}`, template, recipient });
  note(state, nowMs, 'system', due.rung.kind === 'escalation' ? 'reviewEscalated' : 'reviewReminded', { cycle: String(state.cycle) });
}
