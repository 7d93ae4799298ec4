import type { LifecycleState, Rung, StepName, StepStatus } from './definitions.ts';

/** Pure step bookkeeping for the lifecycle workflow; unit-tested without Temporal. */

const OPEN_STATES = new Set<StepStatus['state']>(['pending', 'waiting', 'overdue']);

export function isOpen(step: StepStatus): boolean {
  return OPEN_STATES.has(step.state);
}

export function findStep(state: LifecycleState, name: StepName): StepStatus | undefined {
  return state.steps.find((s) => s.step === name);
}

/** Opens (or reopens, in a new round) a step that waits on someone; due when the first escalation falls. */
export function openStep(state: LifecycleState, name: StepName, now: Date, ladder: Rung[]): StepStatus {
  const firstEscalation = ladder.find((r) => r.kind === 'escalation');
  const previous = findStep(state, name);
  const step: StepStatus = {
    step: name,
    state: 'waiting',
    openedAt: now.toISOString(),
    dueAt: firstEscalation ? new Date(now.getTime() + firstEscalation.afterMs).toISOString() : null,
    completedAt: null,
    completedBy: null,
    remindersSent: previous?.remindersSent ?? 0,
    rungsDone: 0,
    round: (previous?.round ?? 0) + 1,
  };
  state.steps = [...state.steps.filter((s) => s.step !== name), step];
  state.version++;
  return step;
}

export function completeStep(state: LifecycleState, step: StepStatus, actor: string, now: Date): void {
  step.state = 'done';
  step.completedAt = now.toISOString();
  step.completedBy = actor;
  state.version++;
}

/** Records that a rung fired: reminders count, an escalation makes the step overdue. */
export function recordRung(state: LifecycleState, step: StepStatus, rung: Rung): void {
  step.rungsDone++;
  if (rung.kind === 'reminder') step.remindersSent++;
  else step.state = 'overdue';
  state.version++;
}

/** Milliseconds until a rung is due, never less than 1 so a durable timer is always used. */
export function msUntilRung(step: StepStatus, rung: Rung, nowMs: number): number {
  return Math.max(1, Date.parse(step.openedAt ?? '') + rung.afterMs - nowMs);
}

export type CompletionProblem = { code: 'StepNotOpen' | 'StepAlreadyDone'; message: string };

/** Why a step cannot be completed now, or undefined when it can. */
export function completionProblem(state: LifecycleState, name: StepName): CompletionProblem | undefined {
  const step = findStep(state, name);
  if (!step || step.state === 'notRequired') {
    return { code: 'StepNotOpen', message: `The step ${name} is not open for this volunteer.` };
  }
  if (step.state === 'done') {
    return { code: 'StepAlreadyDone', message: `The step ${name} was already completed on ${step.completedAt} by ${step.completedBy}.` };
  }
  return undefined;
}

/** The business key of one email: the same (volunteer, step, round, rung) always gives the same key. */
export function emailKey(workflowId: string, ...parts: (string | number)[]): string {
  return [workflowId, ...parts].join(':');
}
