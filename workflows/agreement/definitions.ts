import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by worker, API and activities: one cooperation agreement's yearly cycle. No Node, ORM or mailer imports. */

export const AGREEMENT_WORKFLOW_PREFIX = 'agreement-';

export function agreementWorkflowId(agreementId: string): string {
  return `${AGREEMENT_WORKFLOW_PREFIX}${agreementId}`;
}

export const AGREEMENT_STATUSES = ['draft', 'active', 'reviewDue', 'underReview', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** An agreement in any other status is in force: signed and not ended. */
export const AGREEMENT_NOT_IN_FORCE = ['draft', 'terminated'] as const satisfies AgreementStatus[];

export const REVIEW_OUTCOMES = ['continued', 'revised', 'terminated'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The contents the agreement must cover before it can be signed: Tønsberg's framework §5.2 and Helsedirektoratet's points. */
export const AGREEMENT_SECTIONS = [
  'purposeAndTargetGroup',
  'rolesAndResponsibilities',
  'volunteerTasks',
  'trainingFollowUpAndGuidance',
  'communicationAndCooperation',
  'soundnessPatientSafetyAndPrivacy',
  'insuranceEconomyAndExpenses',
  'deviationsFeedbackAndEvaluation',
  'timeUse',
  'notificationRoutine',
  'guidanceRoutine',
] as const;
export type AgreementSection = (typeof AGREEMENT_SECTIONS)[number];

/** The yearly review's checklist (domain.md §3). */
export const REVIEW_CHECKLIST = ['stillWantedByUsers', 'deviations', 'rolesClear', 'trainingNeeds', 'hours', 'insuranceAndExpensesCurrent'] as const;
export type ReviewQuestion = (typeof REVIEW_CHECKLIST)[number];

export type AgreementRecipient = 'organisationContact' | 'municipalContact' | 'coordinator';

/** A rung of the review ladder, relative to the review's due date (negative is before). */
export interface AgreementRung {
  afterMs: number;
  kind: 'reminder' | 'escalation';
  notify: AgreementRecipient[];
}

export interface AgreementPolicy {
  reviewLadder: AgreementRung[];
}

export type AgreementTemplate = 'reviewReminder' | 'reviewOverdue' | 'earlyReview' | 'reviewCompleted';

export interface AgreementEmailIntent {
  key: string;
  template: AgreementTemplate;
  recipient: AgreementRecipient;
}

export interface AgreementAuditEvent {
  at: string;
  actor: string;
  action: string;
  details?: Record<string, string | boolean>;
}

export interface AgreementState {
  status: AgreementStatus;
  /** The signed version in force. */
  version: number;
  /** Which yearly review this is: 1 for the first anniversary. */
  cycle: number;
  /** The date (YYYY-MM-DD) the agreement started; reviews fall on its anniversary. */
  startDate: string | null;
  reviewDueOn: string | null;
  /** Why the current review was opened early, if it was. */
  earlyReview: boolean;
  sentRungs: string[];
  lastOutcome: ReviewOutcome | null;
  stateVersion: number;
  outbox: AgreementEmailIntent[];
  audit: AgreementAuditEvent[];
}

export interface AgreementLifecycleInput {
  agreementId: string;
  policy: AgreementPolicy;
  state?: AgreementState;
}

export interface SignInput {
  actor: string;
  version: number;
  startDate: string;
}

export interface CompleteReviewInput {
  actor: string;
  outcome: ReviewOutcome;
  /** For `revised`: the new version, already stored and complete. */
  version?: number;
}

export const signAgreementUpdate = defineUpdate<AgreementState, [SignInput]>('signAgreement');
export const startReviewUpdate = defineUpdate<AgreementState, [{ actor: string }]>('startReview');
export const completeReviewUpdate = defineUpdate<AgreementState, [CompleteReviewInput]>('completeReview');
export const agreementDeviationUpdate = defineUpdate<AgreementState, [{ actor: string }]>('registerAgreementDeviation');
export const agreementStatusQuery = defineQuery<AgreementState>('agreementStatus');
