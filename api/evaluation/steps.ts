import type { EntityManager } from '@mikro-orm/core';
import { AnnualEvaluation, EvaluationRecipient } from '../../infra/db/entities/index.ts';
import {
  approveReportUpdate,
  closeCollectionUpdate,
  evaluationWorkflowId,
  recordPoliticalConsiderationUpdate,
} from '../../workflows/annual-evaluation/definitions.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { ResponseInput, SentInput } from './schemas.ts';
import { acceptUpdate, updateWorkflow, type TemporalDeps } from '../http/temporal-calls.ts';

/** What the API and the dashboard do with a year's evaluation, in one place. */

export interface EvaluationDeps {
  em: () => EntityManager;
  temporal: TemporalDeps;
}

/** A step the coordinator takes: who, and the request's idempotency key when it has one. */
interface Step {
  actor: string;
  updateId?: string | undefined;
}

export async function loadEvaluation(em: EntityManager, year: number): Promise<AnnualEvaluation> {
  const evaluation = await em.findOne(AnnualEvaluation, { year });
  if (!evaluation) throw notFound(`The evaluation of ${year}`);
  return evaluation;
}

/** The evaluation as the API shows it. */
export async function evaluationView(em: EntityManager, evaluation: AnnualEvaluation) {
  const recipients = await em.find(EvaluationRecipient, { year: evaluation.year });
  return {
    year: evaluation.year,
    status: evaluation.status,
    kickedOffAt: evaluation.kickedOffAt.toISOString(),
    recipients: { asked: recipients.length, answered: recipients.filter((r) => r.respondedAt).length },
    approvedBy: evaluation.approvedBy,
    caseNumber: evaluation.caseNumber,
    sentOn: evaluation.sentOn,
    report: evaluation.report,
  };
}

/** Records an answer that came another way than the link (e.g. by email). */
export async function recordResponse(em: EntityManager, evaluation: AnnualEvaluation, body: ResponseInput): Promise<void> {
  const recipient = await em.findOne(EvaluationRecipient, { year: evaluation.year, email: body.email.toLowerCase() });
  if (!recipient) throw new HttpError(404, 'NotFound', `${body.email} was not asked in the ${evaluation.year} evaluation.`);
  em.assign(recipient, { response: { hoursConfirmed: body.hoursConfirmed, evaluation: body.evaluation, feedback: body.feedback }, respondedAt: new Date() });
  await em.flush();
}

/** The evaluation as the workflow's activities left it after a step. */
async function reloaded(em: EntityManager, year: number): Promise<AnnualEvaluation> {
  em.clear();
  return loadEvaluation(em, year);
}

/**
 * Closes the collection now, so the report is made at once; returns as soon as the workflow has
 * taken the step, and `reported()` waits for the report. The status check answers a second close
 * at once; the workflow's own check decides between two closes at the same moment.
 */
export async function closeCollection(
  { em, temporal }: EvaluationDeps,
  evaluation: AnnualEvaluation,
  step: Step,
): Promise<{ reported: () => Promise<AnnualEvaluation> }> {
  if (evaluation.status !== 'collecting') throw new HttpError(409, 'CollectionClosed', `The ${evaluation.year} collection is already closed.`);
  const accepted = await acceptUpdate(temporal, evaluationWorkflowId(evaluation.year), closeCollectionUpdate, { actor: step.actor }, step.updateId);
  return {
    async reported() {
      await accepted.result();
      return reloaded(em(), evaluation.year);
    },
  };
}

export async function approveReport({ em, temporal }: EvaluationDeps, evaluation: AnnualEvaluation, step: Step): Promise<AnnualEvaluation> {
  await updateWorkflow(temporal, evaluationWorkflowId(evaluation.year), approveReportUpdate, { actor: step.actor }, step.updateId);
  return reloaded(em(), evaluation.year);
}

/** Records that the approved report went to political consideration, with its case number and date. */
export async function recordSentToPolitics({ em, temporal }: EvaluationDeps, evaluation: AnnualEvaluation, sent: SentInput, step: Step): Promise<AnnualEvaluation> {
  await updateWorkflow(temporal, evaluationWorkflowId(evaluation.year), recordPoliticalConsiderationUpdate, { ...sent, actor: step.actor }, step.updateId);
  return reloaded(em(), evaluation.year);
}
