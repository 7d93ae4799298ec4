import type { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import { requirementsOf, type Policy } from '../../infra/policy/policy.ts';
import type { LifecycleState, Phase, PhaseAction, SessionStep, StepName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import * as rules from '../../workflows/volunteer-lifecycle/rules.ts';
import { missingForActivation } from '../../workflows/volunteer-lifecycle/transitions.ts';
import { permits } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { COMMAND_ACCESS } from './commands.ts';

/** The forms a volunteer's page shows: what the principal may do and the lifecycle would accept now. */
export interface AvailableActions {
  complete: StepName[];
  book: SessionStep[];
  recordPoliceCertificate: boolean;
  waiveCourse: boolean;
  assignContact: boolean;
  phase: PhaseAction[];
  changeRole: boolean;
  registerDeviation: boolean;
  /** What still stands before the first conversation, while it waits for the activation gate. */
  missingForActivation: string[];
}

const COMPLETABLE: StepName[] = ['confidentialityDeclaration', 'introductionCourse', 'firstConversation', 'followUp', 'endingConversation'];
const SESSION_STEPS: SessionStep[] = ['introductionCourse', 'firstConversation', 'followUp', 'endingConversation'];
const PHASE_ACTIONS: PhaseAction[] = ['pause', 'resume', 'withdraw', 'end'];

/**
 * The lifecycle's state as the projection shows it, so the workflow's own rules
 * (workflows/volunteer-lifecycle/rules.ts) decide which forms make sense: one place for "allowed now".
 */
function projectedState(volunteer: Volunteer, steps: VolunteerStep[], pausedFrom: Phase | null, policy: Policy): LifecycleState {
  return {
    phase: volunteer.phase,
    requirements: requirementsOf(policy, volunteer.activityTypeId),
    contactAssigned: Boolean(volunteer.contactName),
    steps: steps.map((s) => ({
      step: s.step,
      state: s.state,
      openedAt: s.openedAt?.toISOString() ?? null,
      dueAt: s.dueAt?.toISOString() ?? null,
      sessionAt: s.sessionAt?.toISOString() ?? null,
      completedAt: s.completedAt?.toISOString() ?? null,
      completedBy: s.completedBy ?? null,
      remindersSent: s.remindersSent,
      round: 0,
      sessionVersion: 0,
      sentRungs: [],
    })),
    pausedFrom,
    closedAt: volunteer.closedAt?.toISOString() ?? null,
    anonymised: Boolean(volunteer.anonymisedAt),
    version: 0,
    outbox: [],
    audit: [],
  };
}

const NONE: AvailableActions = {
  complete: [],
  book: [],
  recordPoliceCertificate: false,
  waiveCourse: false,
  assignContact: false,
  phase: [],
  changeRole: false,
  registerDeviation: false,
  missingForActivation: [],
};

/** `pausedFrom` is the phase a paused volunteer left (from the audit log); null otherwise. */
export function availableActions(
  principal: Principal,
  volunteer: Volunteer,
  steps: VolunteerStep[],
  pausedFrom: Phase | null,
  policy: Policy,
  now = new Date(),
): AvailableActions {
  // Without a running lifecycle every action would answer 409, so none is offered.
  if (!volunteer.lifecycleStartedAt || volunteer.anonymisedAt) return NONE;
  const state = projectedState(volunteer, steps, pausedFrom, policy);
  const may = (command: keyof typeof COMMAND_ACCESS) => permits(principal, COMMAND_ACCESS[command]);
  const today = now.toISOString().slice(0, 10);
  const inAnHour = new Date(now.getTime() + 3_600_000).toISOString();
  const certificate = { actor: '', issuedOn: today, presentedOn: today, outcome: 'approved' as const, maxAgeMonths: policy.policeCertificateMaxAgeMonths };
  const closed = volunteer.phase === 'ended' || volunteer.phase === 'withdrawn';
  const gateWaiting = steps.some((s) => s.step === 'firstConversation' && s.state === 'pending') && volunteer.phase === 'onboarding';
  return {
    complete: may('completeStep') ? COMPLETABLE.filter((step) => !rules.completeStepProblem(state, step)) : [],
    book: may('bookSession') ? SESSION_STEPS.filter((step) => !rules.bookSessionProblem(state, { actor: '', step, at: inAnHour }, now.getTime())) : [],
    recordPoliceCertificate: may('recordPoliceCertificate') && !rules.policeCertificateProblem(state, certificate, today),
    waiveCourse: may('waiveCourse') && !rules.waiveProblem(state, 'introductionCourse'),
    assignContact: may('assignContact') && !rules.assignContactProblem(state),
    phase: may('changePhase') ? PHASE_ACTIONS.filter((action) => !rules.phaseActionProblem(state, action)) : [],
    changeRole: may('changeRole') && !rules.changeRoleProblem(state),
    registerDeviation: may('registerDeviation') && !closed,
    missingForActivation: gateWaiting ? missingForActivation(state) : [],
  };
}
