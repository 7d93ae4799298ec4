import type {
  AuditEvent,
  EmailIntent,
  LifecyclePolicy,
  LifecycleState,
  Phase,
  Requirements,
  StepName,
  StepStatus,
} from './definitions.ts';
import type { DueRung } from './ladder.ts';
import { isOpen, remindersNow, unsentRungs } from './ladder.ts';

/**
 * Pure state transitions of a volunteer's lifecycle. Each records what happened in the audit
 * list, queues the emails it calls for, and bumps the version; the workflow performs the effects.
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** A lifecycle before registration has been processed. */
export function initialState(requirements: Requirements): LifecycleState {
  return {
    phase: 'registered',
    requirements,
    contactAssigned: false,
    steps: [],
    pausedFrom: null,
    closedAt: null,
    anonymised: false,
    version: 0,
    outbox: [],
    audit: [],
  };
}

export function findStep(state: LifecycleState, name: StepName): StepStatus | undefined {
  return state.steps.find((s) => s.step === name);
}

function stepOrThrow(state: LifecycleState, name: StepName): StepStatus {
  const step = findStep(state, name);
  if (!step) throw new Error(`no step ${name}`);
  return step;
}

function note(state: LifecycleState, nowMs: number, event: Omit<AuditEvent, 'at'>): void {
  state.audit.push({ at: iso(nowMs), ...event });
  state.version++;
}

function send(state: LifecycleState, intent: EmailIntent): void {
  state.outbox.push(intent);
}

function setPhase(state: LifecycleState, phase: Phase, nowMs: number, actor: string): void {
  if (state.phase === phase) return;
  note(state, nowMs, { actor, action: 'phaseChanged', details: { from: state.phase, to: phase } });
  state.phase = phase;
}

function upsertStep(state: LifecycleState, step: StepStatus): StepStatus {
  state.steps = [...state.steps.filter((s) => s.step !== step.step), step];
  return step;
}

/** Opens (or reopens in a new round) a step that waits on someone. */
export function openStep(state: LifecycleState, name: StepName, nowMs: number, dueAtMs: number | null): StepStatus {
  const previous = findStep(state, name);
  const step = upsertStep(state, {
    step: name,
    state: 'waiting',
    openedAt: iso(nowMs),
    dueAt: dueAtMs === null ? null : iso(dueAtMs),
    sessionAt: null,
    completedAt: null,
    completedBy: null,
    remindersSent: previous?.remindersSent ?? 0,
    round: (previous?.round ?? 0) + 1,
    sessionVersion: 0,
    sentRungs: [],
  });
  note(state, nowMs, { actor: 'system', action: 'stepOpened', step: name, details: { round: String(step.round) } });
  return step;
}

function setStepState(state: LifecycleState, name: StepName, value: StepStatus['state']): void {
  const step = findStep(state, name);
  upsertStep(state, {
    step: name,
    state: value,
    openedAt: step?.openedAt ?? null,
    dueAt: null,
    sessionAt: null,
    completedAt: step?.completedAt ?? null,
    completedBy: step?.completedBy ?? null,
    remindersSent: step?.remindersSent ?? 0,
    round: step?.round ?? 0,
    sessionVersion: step?.sessionVersion ?? 0,
    sentRungs: [],
  });
}

/** When the first escalation of a step's ladder falls: the step is overdue from then on. */
function firstEscalationAt(policy: LifecyclePolicy, ladder: keyof LifecyclePolicy['ladders'], fromMs: number): number | null {
  const rung = policy.ladders[ladder].rungs.find((r) => r.kind === 'escalation');
  return rung ? fromMs + rung.afterMs : null;
}

function openPoliceCertificate(state: LifecycleState, policy: LifecyclePolicy, nowMs: number, key: string): void {
  const step = openStep(state, 'policeCertificate', nowMs, firstEscalationAt(policy, 'policeCertificate', nowMs));
  send(state, { key: `${key}:purposeConfirmation:${step.round}`, template: 'purposeConfirmation', recipient: 'volunteer', step: 'policeCertificate' });
}

/** 1. Registration: the volunteer is registered and onboarding begins with the steps their activity type requires. */
export function beginOnboarding(state: LifecycleState, policy: LifecyclePolicy, nowMs: number, key: string): void {
  upsertStep(state, { ...openStep(state, 'registration', nowMs, null), state: 'done', completedAt: iso(nowMs), completedBy: 'registration' });
  send(state, { key: `${key}:welcome`, template: 'welcome', recipient: 'volunteer' });
  setPhase(state, 'onboarding', nowMs, 'system');
  if (state.requirements.policeCertificate) openPoliceCertificate(state, policy, nowMs, key);
  else setStepState(state, 'policeCertificate', 'notRequired');
  openStep(state, 'confidentialityDeclaration', nowMs, firstEscalationAt(policy, 'confidentialityDeclaration', nowMs));
  if (state.requirements.introductionCourse) {
    openStep(state, 'introductionCourse', nowMs, firstEscalationAt(policy, 'introductionCourseUnbooked', nowMs));
  } else setStepState(state, 'introductionCourse', 'notRequired');
  setStepState(state, 'firstConversation', 'pending');
}

/** What still stands between the volunteer and activation; empty when the gate is open. */
export function missingForActivation(state: LifecycleState): string[] {
  const missing: string[] = [];
  for (const name of ['policeCertificate', 'confidentialityDeclaration', 'introductionCourse'] as const) {
    const step = findStep(state, name);
    if (step && step.state !== 'done' && step.state !== 'notRequired') missing.push(name);
  }
  if (!state.contactAssigned) missing.push('contact');
  return missing;
}

/** Opens the first conversation once every required step is done and a contact is assigned; reactivates a returning volunteer. */
export function evaluateGate(state: LifecycleState, policy: LifecyclePolicy, nowMs: number, key: string): void {
  if (state.phase !== 'onboarding' || missingForActivation(state).length) return;
  const conversation = stepOrThrow(state, 'firstConversation');
  if (conversation.state === 'done') {
    setPhase(state, 'active', nowMs, 'system');
    return;
  }
  if (conversation.state !== 'pending') return;
  openStep(state, 'firstConversation', nowMs, firstEscalationAt(policy, 'firstConversation', nowMs));
  send(state, { key: `${key}:gateOpen`, template: 'gateOpen', recipient: 'contact', step: 'firstConversation' });
}

function scheduleFollowUp(state: LifecycleState, dueAtMs: number, nowMs: number): void {
  openStep(state, 'followUp', nowMs, dueAtMs);
}

/** A human completes a step; what follows depends on the step. */
export function completeStep(
  state: LifecycleState,
  policy: LifecyclePolicy,
  name: StepName,
  actor: string,
  nowMs: number,
  key: string,
  details: Record<string, string | boolean | undefined> = {},
  /** Whether the volunteer is told they are active (not in histories recorded before that email existed). */
  announceActive = false,
): void {
  const step = stepOrThrow(state, name);
  upsertStep(state, { ...step, state: 'done', completedAt: iso(nowMs), completedBy: actor });
  const recorded = Object.fromEntries(Object.entries(details).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined));
  note(state, nowMs, { actor, action: 'stepCompleted', step: name, details: recorded });
  switch (name) {
    case 'firstConversation':
      setPhase(state, 'active', nowMs, actor);
      if (announceActive) send(state, { key: `${key}:nowActive:${step.round}`, template: 'nowActive', recipient: 'volunteer', step: 'firstConversation' });
      scheduleFollowUp(state, nowMs + policy.followUp.firstAfterMs, nowMs);
      break;
    case 'followUp':
      scheduleFollowUp(state, nowMs + policy.followUp.everyMs, nowMs);
      break;
    case 'endingConversation':
      close(state, 'ended', nowMs, actor, key);
      break;
    default:
      evaluateGate(state, policy, nowMs, key);
  }
}

/** A presented police certificate: approved completes the step; not approved stops its reminders for the coordinator to decide. */
export function recordPoliceCertificate(
  state: LifecycleState,
  policy: LifecyclePolicy,
  input: { actor: string; issuedOn: string; presentedOn: string; outcome: 'approved' | 'notApproved' },
  nowMs: number,
  key: string,
): void {
  const details = { issuedOn: input.issuedOn, presentedOn: input.presentedOn, outcome: input.outcome };
  if (input.outcome === 'approved') {
    completeStep(state, policy, 'policeCertificate', input.actor, nowMs, key, details);
    return;
  }
  const step = stepOrThrow(state, 'policeCertificate');
  step.sentRungs.push(...unsentRungs(state, step, policy).map((r) => r.key));
  note(state, nowMs, { actor: input.actor, action: 'policeCertificateNotApproved', step: 'policeCertificate', details });
}

/** Books or moves a course session or a conversation; reminders are recomputed for the new time. */
export function bookSession(state: LifecycleState, policy: LifecyclePolicy, name: StepName, atMs: number, actor: string, nowMs: number, key: string): void {
  const step = stepOrThrow(state, name);
  const moved = step.sessionAt !== null;
  const booked = upsertStep(state, { ...step, sessionAt: iso(atMs), sessionVersion: step.sessionVersion + 1 });
  // Reminders whose time has already passed at booking are not sent late.
  booked.sentRungs.push(...unsentRungs(state, booked, policy).filter((r) => r.dueAtMs < nowMs).map((r) => r.key));
  note(state, nowMs, { actor, action: moved ? 'sessionMoved' : 'sessionBooked', step: name, details: { at: iso(atMs) } });
  send(state, { key: `${key}:session:${name}:${booked.round}:${booked.sessionVersion}`, template: 'sessionBooked', recipient: 'volunteer', step: name });
}

/** A booked course session given up; absence asks the volunteer to choose another, anything else tells them it is off. */
export function releaseSession(state: LifecycleState, name: StepName, reason: 'cancelled' | 'released' | 'absent', actor: string, nowMs: number, key: string): void {
  const step = stepOrThrow(state, name);
  const released = upsertStep(state, { ...step, sessionAt: null, sessionVersion: step.sessionVersion + 1 });
  note(state, nowMs, { actor, action: reason === 'absent' ? 'sessionMissed' : 'sessionReleased', step: name, details: { reason } });
  const template = reason === 'absent' ? 'sessionMissed' : 'sessionCancelled';
  send(state, { key: `${key}:release:${name}:${released.round}:${released.sessionVersion}`, template, recipient: 'volunteer', step: name });
}

export function waiveStep(state: LifecycleState, policy: LifecyclePolicy, name: StepName, actor: string, nowMs: number, key: string): void {
  setStepState(state, name, 'notRequired');
  note(state, nowMs, { actor, action: 'stepWaived', step: name });
  evaluateGate(state, policy, nowMs, key);
}

export function assignContact(state: LifecycleState, policy: LifecyclePolicy, actor: string, nowMs: number, key: string): void {
  state.contactAssigned = true;
  note(state, nowMs, { actor, action: 'contactAssigned' });
  evaluateGate(state, policy, nowMs, key);
}

/** A reminder for each waiting step now, once per request: the request's ID is in each email's key. */
export function remindNow(state: LifecycleState, policy: LifecyclePolicy, requestId: string, actor: string, nowMs: number, key: string): void {
  for (const { step, recipient, template } of remindersNow(state, policy)) {
    send(state, { key: `${key}:remindNow:${requestId}:${step.step}`, template, recipient, step: step.step });
    note(state, nowMs, { actor, action: 'remindedNow', step: step.step, details: { to: recipient } });
  }
}

/** Closes the lifecycle: nothing is waited for any more, and retention counts from now. */
function shut(state: LifecycleState, phase: 'ended' | 'withdrawn', nowMs: number, actor: string): void {
  setPhase(state, phase, nowMs, actor);
  state.closedAt = iso(nowMs);
  for (const step of state.steps) if (isOpen(step) || step.state === 'pending') step.state = 'notRequired';
}

function close(state: LifecycleState, phase: 'ended' | 'withdrawn', nowMs: number, actor: string, key: string): void {
  shut(state, phase, nowMs, actor);
  send(state, { key: `${key}:${phase}`, template: phase === 'ended' ? 'thankYouEnded' : 'thankYouWithdrawn', recipient: 'volunteer' });
}

/** Whether the volunteer has not been active yet (withdrawal is for them; ending is for the others). */
export function isBeforeActivation(state: LifecycleState): boolean {
  const { phase } = state;
  return phase === 'registered' || phase === 'onboarding' || (phase === 'paused' && state.pausedFrom !== 'active');
}

/**
 * Erasure on request: the lifecycle closes as withdrawn or ended, without a thank-you (the address
 * is about to go) and with no email still queued, and is marked anonymised so the workflow ends.
 */
export function stopForErasure(state: LifecycleState, actor: string, nowMs: number): void {
  if (!state.closedAt) shut(state, isBeforeActivation(state) ? 'withdrawn' : 'ended', nowMs, actor);
  state.outbox.splice(0);
  state.anonymised = true;
  note(state, nowMs, { actor, action: 'erasureRequested' });
}

export function pause(state: LifecycleState, actor: string, nowMs: number): void {
  state.pausedFrom = state.phase;
  setPhase(state, 'paused', nowMs, actor);
}

/** Back from a pause: a new police certificate where the activity type requires one (law), then active again. */
export function resume(state: LifecycleState, policy: LifecyclePolicy, actor: string, nowMs: number, key: string): void {
  setPhase(state, state.pausedFrom ?? 'onboarding', nowMs, actor);
  state.pausedFrom = null;
  if (state.requirements.policeCertificate) {
    setPhase(state, 'onboarding', nowMs, 'system');
    openPoliceCertificate(state, policy, nowMs, key);
  }
  evaluateGate(state, policy, nowMs, key);
}

export function withdraw(state: LifecycleState, actor: string, nowMs: number, key: string): void {
  close(state, 'withdrawn', nowMs, actor, key);
}

export function beginEnding(state: LifecycleState, policy: LifecyclePolicy, actor: string, nowMs: number): void {
  setPhase(state, 'ending', nowMs, actor);
  state.pausedFrom = null;
  for (const step of state.steps) if (step.step !== 'endingConversation' && (isOpen(step) || step.state === 'pending')) step.state = 'notRequired';
  openStep(state, 'endingConversation', nowMs, nowMs + policy.endingConversationWithinMs);
}

/** A new activity type or unit: requirements re-evaluated, and any new step opens before the volunteer is active again. */
export function changeRole(state: LifecycleState, policy: LifecyclePolicy, requirements: Requirements, actor: string, nowMs: number, key: string): void {
  const before = state.requirements;
  state.requirements = requirements;
  note(state, nowMs, { actor, action: 'roleChanged' });
  const newCertificate = requirements.policeCertificate && !before.policeCertificate;
  const newCourse = requirements.introductionCourse && findStep(state, 'introductionCourse')?.state !== 'done';
  if (newCertificate) openPoliceCertificate(state, policy, nowMs, key);
  if (newCourse && !before.introductionCourse) openStep(state, 'introductionCourse', nowMs, firstEscalationAt(policy, 'introductionCourseUnbooked', nowMs));
  if (state.phase === 'active' && missingForActivation(state).length) setPhase(state, 'onboarding', nowMs, 'system');
  evaluateGate(state, policy, nowMs, key);
}

/** A deviation concerning the volunteer brings the next follow-up forward to now. */
export function registerDeviation(state: LifecycleState, actor: string, nowMs: number): void {
  note(state, nowMs, { actor, action: 'deviationRegistered' });
  const followUp = findStep(state, 'followUp');
  if (state.phase !== 'active' || !followUp) return;
  if (Date.parse(followUp.dueAt ?? '') > nowMs) scheduleFollowUp(state, nowMs, nowMs);
}

/** A rung fell due: queue its email and record it; escalation, or a passed due date, makes the step overdue. */
export function fireRung(state: LifecycleState, due: DueRung, template: EmailIntent['template'], nowMs: number, key: string): void {
  const step = due.step;
  step.sentRungs.push(due.key);
  if (due.rung.kind === 'reminder') step.remindersSent++;
  if (due.rung.kind === 'escalation' || (step.dueAt !== null && nowMs >= Date.parse(step.dueAt))) step.state = 'overdue';
  send(state, { key: `${key}:${step.step}:${due.key}`, template, recipient: due.rung.notify, step: step.step });
  note(state, nowMs, { actor: 'system', action: due.rung.kind === 'escalation' ? 'escalated' : 'reminded', step: step.step, details: { to: due.rung.notify } });
}
