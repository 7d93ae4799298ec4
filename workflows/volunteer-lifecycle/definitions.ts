import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by the worker, the API and the activities: no Node, ORM or mailer imports here. */

export const VOLUNTEER_WORKFLOW_PREFIX = 'volunteer-lifecycle-';

/** The workflow ID carries only the volunteer's opaque ID, never personal data. */
export function volunteerWorkflowId(volunteerId: string): string {
  return `${VOLUNTEER_WORKFLOW_PREFIX}${volunteerId}`;
}

export function volunteerIdFromWorkflowId(workflowId: string): string | undefined {
  return workflowId.startsWith(VOLUNTEER_WORKFLOW_PREFIX) ? workflowId.slice(VOLUNTEER_WORKFLOW_PREFIX.length) : undefined;
}

export const PHASES = ['registered', 'onboarding', 'active', 'paused', 'ending', 'ended', 'withdrawn'] as const;
export type Phase = (typeof PHASES)[number];

export const STEPS = [
  'registration',
  'policeCertificate',
  'confidentialityDeclaration',
  'introductionCourse',
  'firstConversation',
  'followUp',
  'endingConversation',
] as const;
export type StepName = (typeof STEPS)[number];

export const STEP_STATES = ['pending', 'waiting', 'done', 'notRequired', 'overdue'] as const;
export type StepState = (typeof STEP_STATES)[number];

export type Recipient = 'volunteer' | 'contact' | 'coordinator';

/** One rung of a reminder ladder: who is told, and how long after the step opened. */
export interface Rung {
  afterMs: number;
  kind: 'reminder' | 'escalation';
  notify: Recipient;
}

/** The part of the municipality's policy one lifecycle needs; durations in milliseconds. */
export interface LifecyclePolicy {
  ladders: { confidentialityDeclaration: Rung[] };
}

export interface VolunteerLifecycleInput {
  volunteerId: string;
  policy: LifecyclePolicy;
  /** Carried across continue-as-new; absent on the first run. */
  state?: LifecycleState;
}

export interface StepStatus {
  step: StepName;
  state: StepState;
  openedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  remindersSent: number;
  /** How many rungs of the ladder have fired in this round; a reopened step starts a new round. */
  rungsDone: number;
  round: number;
}

export interface LifecycleState {
  phase: Phase;
  welcomeSent: boolean;
  steps: StepStatus[];
  /** Increases with every change, so the projection never applies an older snapshot over a newer one. */
  version: number;
}

export interface CompleteStepInput {
  step: StepName;
  /** Who did it; every human action records an actor. */
  actor: string;
}

export const completeStepUpdate = defineUpdate<LifecycleState, [CompleteStepInput]>('completeStep');
export const statusQuery = defineQuery<LifecycleState>('status');
