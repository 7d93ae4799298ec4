import type { LadderName, LifecyclePolicy, LifecycleState, Recipient, Rung, StepStatus } from './definitions.ts';

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

/** The ladder a step's reminders follow; an introduction course has one while unbooked and another once booked. */
export function ladderOf(step: Pick<StepStatus, 'step' | 'sessionAt'>): LadderName | undefined {
  switch (step.step) {
    case 'policeCertificate':
    case 'confidentialityDeclaration':
    case 'firstConversation':
    case 'endingConversation':
    case 'followUp':
      return step.step;
    case 'introductionCourse':
      return step.sessionAt ? 'introductionCourseSession' : 'introductionCourseUnbooked';
    default:
      return undefined;
  }
}

/** The ladder that runs for a step now, with the time it counts from; none while paused or closed. */
export function activeLadder(state: LifecycleState, step: StepStatus): { name: LadderName; anchorMs: number; tag: string } | undefined {
  const name = ladderOf(step);
  if (!name || !isOpen(step) || !['onboarding', 'active', 'ending'].includes(state.phase)) return undefined;
  switch (name) {
    case 'introductionCourseSession':
      return { name, anchorMs: Date.parse(step.sessionAt ?? ''), tag: `r${step.round}s${step.sessionVersion}` };
    case 'followUp':
      return { name, anchorMs: Date.parse(step.dueAt ?? ''), tag: `r${step.round}` };
    default:
      return { name, anchorMs: Date.parse(step.openedAt ?? ''), tag: `r${step.round}` };
  }
}

/** The rung that asks for action: the first reminder, or the first rung when the ladder only escalates. */
function actionRung(ladder: LadderName, policy: LifecyclePolicy): Rung | undefined {
  const rungs = policy.ladders[ladder].rungs;
  return rungs.find((r) => r.kind === 'reminder') ?? rungs[0];
}

/** Who an open step waits on: whom its ladder reminds first. */
export function whoMustAct(step: Pick<StepStatus, 'step' | 'sessionAt'>, policy: LifecyclePolicy): Recipient | undefined {
  const ladder = ladderOf(step);
  return ladder ? actionRung(ladder, policy)?.notify : undefined;
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
    const rung = active && actionRung(active.name, policy);
    if (!active || !rung) return [];
    const reminder = { ...rung, kind: 'reminder' as const };
    return [{ step, recipient: reminder.notify, template: rungTemplate({ step, ladder: active.name, key: '', rung: reminder, dueAtMs: 0 }) }];
  });
}
