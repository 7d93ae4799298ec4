import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by worker, API and CLI: the yearly evaluation that ends in a report for the politicians. */

export const EVALUATION_SCHEDULE_ID = 'annual-evaluation';

/** One evaluation per year: its workflow ID is derived from the year, so a second kickoff finds the first. */
export function evaluationWorkflowId(year: number): string {
  return `annual-evaluation-${year}`;
}

export const EVALUATION_STATUSES = ['collecting', 'reportReady', 'approved', 'sentToPolitics'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export interface EvaluationPolicy {
  /** From kickoff: reminders to those who have not answered, then escalation, then the report. */
  remindAfterMs: number[];
  escalateAfterMs: number;
  collectionWindowMs: number;
  hoursPerFte: number;
}

export interface AnnualEvaluationInput {
  year: number;
  policy: EvaluationPolicy;
}

export interface KickoffInput {
  policy: EvaluationPolicy;
  /** For a manual kickoff; a scheduled one evaluates the calendar year before the one it runs in. */
  year?: number;
}

export interface EvaluationState {
  status: EvaluationStatus;
  kickedOffAt: string | null;
}

export const approveReportUpdate = defineUpdate<EvaluationState, [{ actor: string }]>('approveReport');
export const recordPoliticalConsiderationUpdate = defineUpdate<EvaluationState, [{ actor: string; caseNumber: string; sentOn: string }]>(
  'recordPoliticalConsideration',
);
/** Closes the collection window now (the coordinator has what is needed), so the report is made at once. */
export const closeCollectionUpdate = defineUpdate<EvaluationState, [{ actor: string }]>('closeCollection');
export const evaluationStatusQuery = defineQuery<EvaluationState>('evaluationStatus');
