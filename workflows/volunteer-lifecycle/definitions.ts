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

/** One rung of a reminder ladder: when (relative to the ladder's anchor; negative is before) and who is told. */
export interface Rung {
  afterMs: number;
  kind: 'reminder' | 'escalation';
  notify: Recipient;
}

/**
 * What a ladder counts from: the step opening, the booked session (course or conversation),
 * or the step's due date (follow-ups).
 */
export type LadderAnchor = 'opened' | 'session' | 'due';

export interface Ladder {
  anchor: LadderAnchor;
  rungs: Rung[];
}

export const LADDERS = [
  'policeCertificate',
  'confidentialityDeclaration',
  'introductionCourseUnbooked',
  'introductionCourseSession',
  'firstConversation',
  'followUp',
  'endingConversation',
] as const;
export type LadderName = (typeof LADDERS)[number];

/** What the volunteer's activity type requires; computed from the policy by the API. */
export interface Requirements {
  policeCertificate: boolean;
  introductionCourse: boolean;
}

/** The part of the municipality's policy one lifecycle needs; durations in milliseconds. */
export interface LifecyclePolicy {
  ladders: Record<LadderName, Ladder>;
  followUp: { firstAfterMs: number; everyMs: number };
  endingConversationWithinMs: number;
  retention: { afterEndedMs: number; afterWithdrawnMs: number };
}

export interface VolunteerLifecycleInput {
  volunteerId: string;
  policy: LifecyclePolicy;
  requirements: Requirements;
  /** Carried across continue-as-new; absent on the first run. */
  state?: LifecycleState;
}

export interface StepStatus {
  step: StepName;
  state: StepState;
  openedAt: string | null;
  dueAt: string | null;
  /** A booked course session or conversation time. */
  sessionAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  remindersSent: number;
  /** Increases each time the step opens again (a new certificate after a pause, the next follow-up). */
  round: number;
  /** Increases each time the session moves, so its reminders are sent again for the new time. */
  sessionVersion: number;
  /** Keys of the rungs already sent in this round, so none is sent twice. */
  sentRungs: string[];
}

/** An email the workflow has decided to send; the main loop sends it through the outbox. */
export interface EmailIntent {
  key: string;
  template: EmailTemplateName;
  recipient: Recipient;
  step?: StepName;
}

export type EmailTemplateName =
  | 'welcome'
  | 'purposeConfirmation'
  | 'stepReminder'
  | 'stepEscalation'
  | 'contactReminder'
  | 'sessionBooked'
  | 'sessionReminder'
  | 'sessionCancelled'
  | 'sessionMissed'
  /** Sent for a course session's roster (workflows/course-session), not by the lifecycle itself. */
  | 'seatOffered'
  | 'gateOpen'
  /** To the volunteer when the first conversation is held: what they may and may not do, and who their contact is. */
  | 'nowActive'
  | 'thankYouEnded'
  | 'thankYouWithdrawn';

/** An entry for the audit log: who did what, when. Details hold dates and outcomes, never free text. */
export interface AuditEvent {
  at: string;
  actor: string;
  action: string;
  step?: StepName;
  details?: Record<string, string | boolean>;
}

export interface LifecycleState {
  phase: Phase;
  requirements: Requirements;
  contactAssigned: boolean;
  steps: StepStatus[];
  /** The phase to return to after a pause. */
  pausedFrom: Phase | null;
  /** When the volunteer ended or withdrew; retention counts from here. */
  closedAt: string | null;
  anonymised: boolean;
  /** Increases with every change, so the projection never applies an older snapshot over a newer one. */
  version: number;
  /** Emails and audit entries decided but not yet sent or written. */
  outbox: EmailIntent[];
  audit: AuditEvent[];
}

export type SessionStep = 'introductionCourse' | 'firstConversation' | 'followUp' | 'endingConversation';
export type CompletableStep = 'confidentialityDeclaration' | SessionStep;

export interface Actor {
  /** Who did it: a staff member's ID, or `volunteer` for self-service; every human action records one. */
  actor: string;
}

export interface CompleteStepInput extends Actor {
  step: StepName;
  /** For a paper confidentiality declaration: the date it was signed (YYYY-MM-DD). */
  signedOn?: string;
  /** For the confidentiality declaration: on paper, or accepted through the volunteer's signed link. */
  method?: 'paper' | 'link';
  /** The version of the declaration text that was signed. */
  templateVersion?: string;
}

export interface PoliceCertificateInput extends Actor {
  issuedOn: string;
  presentedOn: string;
  outcome: 'approved' | 'notApproved';
  /** The policy's limit on the certificate's age when presented. */
  maxAgeMonths: number;
}

export interface BookSessionInput extends Actor {
  step: SessionStep;
  at: string;
}

/**
 * A booked course seat given up: the session was cancelled, the volunteer was taken off its roster,
 * or they did not come. The step waits for a new time, and the volunteer is told once.
 */
export interface ReleaseSessionInput extends Actor {
  step: 'introductionCourse';
  reason: 'cancelled' | 'released' | 'absent';
}

export interface ChangeRoleInput extends Actor {
  requirements: Requirements;
}

export type PhaseAction = 'pause' | 'resume' | 'withdraw' | 'end';

/** A reminder asked for now (the list's bulk action); the request's ID keeps it to one email per step. */
export interface RemindNowInput extends Actor {
  requestId: string;
}

export const completeStepUpdate = defineUpdate<LifecycleState, [CompleteStepInput]>('completeStep');
export const recordPoliceCertificateUpdate = defineUpdate<LifecycleState, [PoliceCertificateInput]>('recordPoliceCertificate');
export const bookSessionUpdate = defineUpdate<LifecycleState, [BookSessionInput]>('bookSession');
export const releaseSessionUpdate = defineUpdate<LifecycleState, [ReleaseSessionInput]>('releaseSession');
export const waiveStepUpdate = defineUpdate<LifecycleState, [Actor & { step: 'introductionCourse' }]>('waiveStep');
export const assignContactUpdate = defineUpdate<LifecycleState, [Actor]>('assignContact');
export const changePhaseUpdate = defineUpdate<LifecycleState, [Actor & { action: PhaseAction }]>('changePhase');
export const changeRoleUpdate = defineUpdate<LifecycleState, [ChangeRoleInput]>('changeRole');
export const registerDeviationUpdate = defineUpdate<LifecycleState, [Actor]>('registerDeviation');
export const remindNowUpdate = defineUpdate<LifecycleState, [RemindNowInput]>('remindNow');
/**
 * Erasure on the volunteer's request (GDPR art. 17): the lifecycle closes at once, sends nothing
 * more, and ends; the API then erases the personal data, so no later step can write it back.
 */
export const eraseUpdate = defineUpdate<LifecycleState, [Actor]>('erase');
export const statusQuery = defineQuery<LifecycleState>('status');
