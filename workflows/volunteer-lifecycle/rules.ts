import type { BookSessionInput, LifecyclePolicy, LifecycleState, PhaseAction, PoliceCertificateInput, StepName } from './definitions.ts';
import { isOpen, remindersNow } from './ladder.ts';
import { findStep, isBeforeActivation, missingForActivation } from './transitions.ts';
import { conflict, invalid, type Problem } from '../shared/problems.ts';

const STEP_LABEL: Record<StepName, string> = {
  registration: 'registration',
  policeCertificate: 'police certificate',
  confidentialityDeclaration: 'confidentiality declaration',
  introductionCourse: 'introduction course',
  firstConversation: 'first conversation',
  followUp: 'follow-up conversation',
  endingConversation: 'ending conversation',
};

function stepNotOpen(state: LifecycleState, name: StepName): Problem | undefined {
  if (state.phase === 'paused') return conflict('VolunteerPaused', 'The volunteer is paused; resume them before recording steps.');
  const step = findStep(state, name);
  if (step?.state === 'done') {
    return conflict('StepAlreadyDone', `The ${STEP_LABEL[name]} was already completed on ${step.completedAt} by ${step.completedBy}.`);
  }
  if (name === 'firstConversation' && step?.state === 'pending') {
    return conflict(
      'ActivationGateClosed',
      `The first conversation can be held only when every required step is done; still missing: ${missingForActivation(state).join(', ')}.`,
    );
  }
  if (!step || !isOpen(step)) return conflict('StepNotOpen', `The ${STEP_LABEL[name]} is not open for this volunteer.`);
  return undefined;
}

export function completeStepProblem(state: LifecycleState, name: StepName): Problem | undefined {
  if (name === 'registration') return conflict('StepNotOpen', 'Registration is completed when the volunteer is registered.');
  if (name === 'policeCertificate') {
    return invalid('UsePoliceCertificateRecord', 'Record a police certificate with its dates and outcome (POST …/steps/policeCertificate/record).');
  }
  const notOpen = stepNotOpen(state, name);
  if (notOpen) return notOpen;
  if (name === 'introductionCourse' && !findStep(state, name)?.sessionAt) {
    return conflict('NoSessionBooked', 'Book a course session before recording attendance.');
  }
  return undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** The certificate must be presented no later than today, and be at most `maxAgeMonths` old then (politiregisterforskriften). */
export function policeCertificateProblem(state: LifecycleState, input: PoliceCertificateInput, today: string): Problem | undefined {
  if (!DAY.test(input.issuedOn) || !DAY.test(input.presentedOn)) {
    return invalid('InvalidDate', 'Give issuedOn and presentedOn as dates, YYYY-MM-DD.');
  }
  if (input.presentedOn > today) return invalid('PresentedInFuture', `presentedOn (${input.presentedOn}) is after today.`);
  if (input.issuedOn > input.presentedOn) return invalid('IssuedAfterPresented', 'The certificate cannot be issued after it was presented.');
  const oldest = monthsBefore(input.presentedOn, input.maxAgeMonths);
  if (input.issuedOn < oldest) {
    return invalid(
      'CertificateTooOld',
      `The certificate was issued on ${input.issuedOn}, more than ${input.maxAgeMonths} months before it was presented on ${input.presentedOn}. ` +
        'Ask the volunteer to apply for a new one with the confirmation of purpose.',
    );
  }
  return stepNotOpen(state, 'policeCertificate');
}

const SESSION_STEPS = new Set<StepName>(['introductionCourse', 'firstConversation', 'followUp', 'endingConversation']);

export function bookSessionProblem(state: LifecycleState, input: BookSessionInput, nowMs: number): Problem | undefined {
  if (!SESSION_STEPS.has(input.step)) return invalid('NoSessions', `A ${STEP_LABEL[input.step]} has no session to book.`);
  if (Number.isNaN(Date.parse(input.at))) return invalid('InvalidTime', 'Give the session time as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.');
  if (Date.parse(input.at) < nowMs) return invalid('SessionInPast', 'The session time has already passed.');
  return stepNotOpen(state, input.step);
}

export function releaseSessionProblem(state: LifecycleState, name: StepName): Problem | undefined {
  const notOpen = stepNotOpen(state, name);
  if (notOpen) return notOpen;
  return findStep(state, name)?.sessionAt ? undefined : conflict('NoSessionBooked', 'No course session is booked, so there is none to give up.');
}

export function waiveProblem(state: LifecycleState, name: StepName): Problem | undefined {
  if (name !== 'introductionCourse') return invalid('NotWaivable', 'Only the introduction course can be waived.');
  return stepNotOpen(state, name);
}

export function assignContactProblem(state: LifecycleState): Problem | undefined {
  return ['ended', 'withdrawn'].includes(state.phase) ? conflict('VolunteerClosed', `The volunteer has ${state.phase}.`) : undefined;
}

export function remindNowProblem(state: LifecycleState, policy: LifecyclePolicy): Problem | undefined {
  if (state.phase === 'paused') return conflict('VolunteerPaused', 'The volunteer is paused; nothing is reminded until they resume.');
  if (!remindersNow(state, policy).length) return conflict('NothingToRemind', 'No step waits on anyone now, so there is nothing to remind of.');
  return undefined;
}

export function phaseActionProblem(state: LifecycleState, action: PhaseAction): Problem | undefined {
  const { phase } = state;
  const beforeActivation = isBeforeActivation(state);
  switch (action) {
    case 'pause':
      return phase === 'onboarding' || phase === 'active' ? undefined : conflict('CannotPause', `A volunteer who is ${phase} cannot be paused.`);
    case 'resume':
      return phase === 'paused' ? undefined : conflict('NotPaused', 'The volunteer is not paused.');
    case 'withdraw':
      return beforeActivation
        ? undefined
        : conflict('AlreadyActivated', `Withdrawal is for volunteers not yet active; this volunteer is ${phase}. End the cooperation instead.`);
    case 'end':
      return phase === 'active' || (phase === 'paused' && state.pausedFrom === 'active')
        ? undefined
        : conflict('CannotEnd', `Only an active (or paused active) volunteer can be ended; this volunteer is ${phase}.`);
  }
}

export function changeRoleProblem(state: LifecycleState): Problem | undefined {
  return ['onboarding', 'active', 'paused'].includes(state.phase)
    ? undefined
    : conflict('CannotChangeRole', `The role of a volunteer who is ${state.phase} cannot change.`);
}

export function eraseProblem(state: LifecycleState): Problem | undefined {
  return state.anonymised ? conflict('AlreadyAnonymised', 'The volunteer\'s personal data has already been anonymised.') : undefined;
}
