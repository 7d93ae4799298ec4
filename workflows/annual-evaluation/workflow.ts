import {
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { createActivities } from '../../activities/index.ts';
import { conflict, reject } from '../shared/problems.ts';
import {
  approveReportUpdate,
  closeCollectionUpdate,
  evaluationStatusQuery,
  evaluationWorkflowId,
  recordPoliticalConsiderationUpdate,
  type AnnualEvaluationInput,
  type EvaluationState,
  type KickoffInput,
} from './definitions.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Run by the yearly Schedule (or by hand): starts the evaluation of the previous year under its
 * year-derived ID, and does nothing if that year is already evaluated.
 */
export async function annualEvaluationKickoff({ policy, year }: KickoffInput): Promise<number> {
  const evaluated = year ?? new Date(workflowInfo().startTime).getUTCFullYear() - 1;
  try {
    await startChild(annualEvaluation, {
      workflowId: evaluationWorkflowId(evaluated),
      args: [{ year: evaluated, policy }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return evaluated;
}

/**
 * One year's evaluation: kickoff emails to every contact and organisation contact, a collection
 * window with reminders and escalation, the report, the coordinator's approval, and the record that
 * it went to political consideration. Carries only the year and the policy.
 */
export async function annualEvaluation({ year, policy }: AnnualEvaluationInput): Promise<void> {
  const state: EvaluationState = { status: 'collecting', kickedOffAt: null };
  let caseRecorded = false;
  let closedEarly = false;
  const kickedOffAt = Date.now();
  setHandler(evaluationStatusQuery, () => state);
  setHandler(
    approveReportUpdate,
    async ({ actor }) => {
      await activities.setEvaluationStatus({ year, status: 'approved', actor });
      state.status = 'approved';
      return state;
    },
    { validator: (_input) => reject(state.status === 'reportReady' ? undefined : conflict('ReportNotReady', `The ${year} report is ${state.status}; it can be approved once it is ready.`)) },
  );
  setHandler(
    recordPoliticalConsiderationUpdate,
    async ({ actor, caseNumber, sentOn }) => {
      await activities.setEvaluationStatus({ year, status: 'sentToPolitics', actor, caseNumber, sentOn });
      state.status = 'sentToPolitics';
      caseRecorded = true;
      return state;
    },
    { validator: (_input) => reject(state.status === 'approved' ? undefined : conflict('ReportNotApproved', `Approve the ${year} report before recording it as sent to political consideration.`)) },
  );
  setHandler(
    closeCollectionUpdate,
    async () => {
      closedEarly = true;
      await condition(() => state.status !== 'collecting');
      return state;
    },
    { validator: (_input) => reject(state.status === 'collecting' ? undefined : conflict('CollectionClosed', `The ${year} collection is already closed.`)) },
  );
  /** Waits until `ms` after kickoff, or until the coordinator closes the collection; true if the time came. */
  const until = async (afterMs: number) => !(await condition(() => closedEarly, Math.max(1, kickedOffAt + afterMs - Date.now())));

  // 1. Kickoff: everyone who should answer is listed once, and asked once.
  state.kickedOffAt = new Date(kickedOffAt).toISOString();
  await activities.prepareEvaluation({ year });
  await activities.sendEvaluationEmails({ year, round: 'kickoff' });

  // 2. Collection: reminders to those who have not answered, then the coordinator is told who is missing.
  const events = [
    ...policy.remindAfterMs.map((afterMs, i) => ({ afterMs, round: `reminder${i + 1}` })),
    { afterMs: policy.escalateAfterMs, round: 'escalation' },
  ].sort((a, b) => a.afterMs - b.afterMs);
  for (const event of events) {
    if (!(await until(event.afterMs))) break;
    await activities.sendEvaluationEmails({ year, round: event.round });
  }
  await until(policy.collectionWindowMs);

  // 3. The report, then the coordinator's approval and the record of political consideration.
  await activities.buildAnnualReport({ year, hoursPerFte: policy.hoursPerFte });
  state.status = 'reportReady';
  await condition(() => caseRecorded);
}
