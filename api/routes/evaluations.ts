import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { AnnualEvaluation, EvaluationRecipient } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { annualReportCsv, annualReportPage } from '../../templates/pages/annual-report.ts';
import { approveReportUpdate, closeCollectionUpdate, evaluationWorkflowId, recordPoliticalConsiderationUpdate } from '../../workflows/annual-evaluation/definitions.ts';
import { HttpError, notFound } from '../errors.ts';
import { startEvaluation, updateWorkflow, type TemporalDeps } from '../temporal-calls.ts';
import { emptyBody, idempotencyKeyHeader } from '../volunteer-schemas.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { parse } from './parse.ts';

interface EvaluationsDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

const yearParam = z.coerce.number({ error: 'The year must be a number such as 2025.' }).int().min(2000, 'The year must be 2000 or later.').max(2100);
export const kickoffBody = z.object({ year: yearParam }).strict();
export const sentBody = z
  .object({
    caseNumber: z.string({ error: 'Give the case number (saksnummer), e.g. 2026/1234.' }).trim().min(1, 'Give the case number (saksnummer), e.g. 2026/1234.').max(50),
    sentOn: z.string({ error: 'Give the date it was sent (sentOn) as YYYY-MM-DD.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date it was sent (sentOn) as YYYY-MM-DD.'),
  })
  .strict();
export const responseBody = z
  .object({
    email: z.string().trim().pipe(z.email('Give the email address the request was sent to.')),
    hoursConfirmed: z.boolean({ error: 'Say whether the hours are right (true or false).' }),
    evaluation: z.string().trim().max(10_000).default(''),
    feedback: z.string().trim().max(10_000).default(''),
  })
  .strict();

/** The annual evaluation: manual kickoff (one per year), answers, the report (JSON, page, CSV), approval and political record. */
export function evaluationsRouter({ em, policy, temporal }: EvaluationsDeps): Router {
  const router = Router();

  async function load(req: Request) {
    const year = parse(yearParam, req.params.year);
    const evaluation = await em().findOne(AnnualEvaluation, { year });
    if (!evaluation) throw notFound(`The evaluation of ${year}`);
    return evaluation;
  }

  async function view(evaluation: AnnualEvaluation) {
    const recipients = await em().find(EvaluationRecipient, { year: evaluation.year });
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

  const update = <Arg>(req: Request, year: number, definition: Parameters<typeof updateWorkflow<unknown, Arg>>[2], arg: Arg) =>
    updateWorkflow(temporal, evaluationWorkflowId(year), definition, arg, parse(idempotencyKeyHeader, req.get('Idempotency-Key')));

  router.post('/', allow('coordinator'), async (req, res) => {
    const { year } = parse(kickoffBody, req.body ?? {});
    const { started } = await startEvaluation(temporal, policy, year);
    res.status(started ? 202 : 200).location(`/api/evaluations/${year}`).json({ year, started, workflowId: evaluationWorkflowId(year) });
  });

  router.get('/:year', allow('staff'), async (req, res) => {
    res.json(await view(await load(req)));
  });

  router.post('/:year/responses', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    const body = parse(responseBody, req.body ?? {});
    const recipient = await em().findOne(EvaluationRecipient, { year: evaluation.year, email: body.email.toLowerCase() });
    if (!recipient) throw new HttpError(404, 'NotFound', `${body.email} was not asked in the ${evaluation.year} evaluation.`);
    em().assign(recipient, { response: { hoursConfirmed: body.hoursConfirmed, evaluation: body.evaluation, feedback: body.feedback }, respondedAt: new Date() });
    await em().flush();
    res.json(await view(evaluation));
  });

  router.get('/:year/report.csv', allow('staff'), async (req, res) => {
    const evaluation = await load(req);
    if (!evaluation.report) throw new HttpError(409, 'ReportNotReady', `The ${evaluation.year} report is made when the collection window closes.`);
    res.type('text/csv; charset=utf-8').attachment(`frivillighet-${evaluation.year}.csv`).send(annualReportCsv(evaluation.report));
  });

  router.post('/:year/close', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    parse(emptyBody, req.body ?? {});
    await update(req, evaluation.year, closeCollectionUpdate, { actor: actorOf(principalOf(res)) });
    em().clear();
    res.json(await view(await load(req)));
  });

  router.post('/:year/report/approve', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    parse(emptyBody, req.body ?? {});
    await update(req, evaluation.year, approveReportUpdate, { actor: actorOf(principalOf(res)) });
    em().clear();
    res.json(await view(await load(req)));
  });

  router.post('/:year/report/sent', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    await update(req, evaluation.year, recordPoliticalConsiderationUpdate, { ...parse(sentBody, req.body ?? {}), actor: actorOf(principalOf(res)) });
    em().clear();
    res.json(await view(await load(req)));
  });

  return router;
}

/** `/reports/:year`: the report as a printable page, Norwegian first. */
export function reportPagesRouter({ em }: { em: () => EntityManager }): Router {
  const router = Router();
  router.get('/:year', async (req, res) => {
    const year = parse(yearParam, req.params.year);
    const evaluation = await em().findOne(AnnualEvaluation, { year });
    if (!evaluation?.report) throw notFound(`The ${year} report`);
    const { status, caseNumber, sentOn } = evaluation;
    res.type('html').send(annualReportPage(evaluation.report, { status, caseNumber: caseNumber ?? null, sentOn: sentOn ?? null }, req.query.lang === 'en' ? 'en' : 'nb'));
  });
  return router;
}
