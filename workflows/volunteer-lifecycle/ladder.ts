import type { LadderName, LifecyclePolicy, LifecycleState, Rung, StepStatus } from './definitions.ts';

/** Pure rung selection: which reminder or escalation falls next. Unit-tested without Temporal. */

export interface DueRung {
  step: StepStatus;
  ladder: LadderName;
  /** Unique within the step's round, e.g. `r1:0` or `r1s2:1` (session version 2). */
  key: string;
  rung: Rung;
  dueAtMs: number;
}

const OPEN = new Set<StepStatus['state']>(['waiting', 'overdue']);

export function isOpen(step: StepStatus): boolean {
  return OPEN.has(step.state);
}

/** The ladder that runs for a step now, with the time it counts from; none while paused or closed. */
export function activeLadder(state: LifecycleState, step: StepStatus): { name: LadderName; anchorMs: number; tag: string } | undefined {
  if (!isOpen(step) || !['onboarding', 'active', 'ending'].includes(state.phase)) return undefined;
  const opened = { anchorMs: Date.parse(step.openedAt ?? ''), tag: `r${step.round}` };
  switch (step.step) {
    case 'policeCertificate':
    case 'confidentialityDeclaration':
    case 'firstConversation':
    case 'endingConversation':
      return { name: step.step, ...opened };
    case 'introductionCourse':
      return step.sessionAt
        ? { name: 'introductionCourseSession', anchorMs: Date.parse(step.sessionAt), tag: `r${step.round}s${step.sessionVersion}` }
        : { name: 'introductionCourseUnbooked', ...opened };
    case 'followUp':
      return { name: 'followUp', anchorMs: Date.parse(step.dueAt ?? ''), tag: `r${step.round}` };
    default:
      return undefined;
  }
}

/** The step's rungs not yet sent, in time order. */
export function unsentRungs(state: LifecycleState, step: StepStatus, policy: LifecyclePolicy): DueRung[] {
  const active = activeLadder(state, step);
  if (!active) return [];
  return policy.ladders[active.name].rungs
    .map((rung, index) => ({ step, ladder: active.name, key: `${active.tag}:${index}`, rung, dueAtMs: active.anchorMs + rung.afterMs }))
    .filter((due) => !step.sentRungs.includes(due.key));
}

/** The earliest rung still to send across every open step. */
export function nextRung(state: LifecycleState, policy: LifecyclePolicy): DueRung | undefined {
  let next: DueRung | undefined;
  for (const step of state.steps) {
    const [first] = unsentRungs(state, step, policy);
    if (first && (!next || first.dueAtMs < next.dueAtMs)) next = first;
  }
  return next;
}

/** The email a rung sends: reminders to the volunteer name the step, to staff they ask for action. */
export function rungTemplate(due: DueRung) {
  if (due.rung.kind === 'escalation') return 'stepEscalation' as const;
  if (due.rung.notify !== 'volunteer') return 'contactReminder' as const;
  return due.ladder === 'introductionCourseSession' ? ('sessionReminder' as const) : ('stepReminder' as const);
}

/**
 * What «send a reminder now» sends: for each step that waits on someone, the reminder its ladder
 * would send, to whom its first reminder goes (the first rung's recipient when the ladder only escalates).
 */
export function remindersNow(state: LifecycleState, policy: LifecyclePolicy): { step: StepStatus; recipient: Rung['notify']; template: ReturnType<typeof rungTemplate> }[] {
  return state.steps.flatMap((step) => {
    const active = activeLadder(state, step);
    const rungs = active ? policy.ladders[active.name].rungs : [];
    const rung = rungs.find((r) => r.kind === 'reminder') ?? rungs[0];
    if (!active || !rung) return [];
    const reminder = { ...rung, kind: 'reminder' as const };
    return [{ step, recipient: reminder.notify, template: rungTemplate({ step, ladder: active.name, key: '', rung: reminder, dueAtMs: 0 }) }];
  });
}
