import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { AnnualEvaluation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { annualReportCsv, annualReportPage } from './views/annual-report.ts';
import { reportOverYears } from './compared-reports.ts';
import { evaluationWorkflowId } from '../../workflows/annual-evaluation/definitions.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { kickoffBody, responseBody, sentBody, yearParam } from './schemas.ts';
import { approveReport, closeCollection, evaluationView, loadEvaluation, recordResponse, recordSentToPolitics } from './steps.ts';
import { startEvaluation, type TemporalDeps } from '../http/temporal-calls.ts';
import { emptyBody, idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';
import { languageOf } from '../views/render.ts';

interface EvaluationsDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/** The annual evaluation: manual kickoff (one per year), answers, the report (JSON, page, CSV), approval and political record. */
export function evaluationsRouter({ em, policy, temporal }: EvaluationsDeps): Router {
  const router = Router();
  const deps = { em, temporal };

  const load = (req: Request) => loadEvaluation(em(), parse(yearParam, req.params.year));
  const step = (req: Request, res: Response) => ({
    actor: actorOf(principalOf(res)),
    updateId: parse(idempotencyKeyHeader, req.get('Idempotency-Key')),
  });

  router.post('/', allow('coordinator'), async (req, res) => {
    const { year } = parse(kickoffBody, req.body ?? {});
    const { started } = await startEvaluation(temporal, policy, year);
    res.status(started ? 202 : 200).location(`/api/evaluations/${year}`).json({ year, started, workflowId: evaluationWorkflowId(year) });
  });

  router.get('/:year', allow('staff'), async (req, res) => {
    res.json(await evaluationView(em(), await load(req)));
  });

  router.post('/:year/responses', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    await recordResponse(em(), evaluation, parse(responseBody, req.body ?? {}));
    res.json(await evaluationView(em(), evaluation));
  });

  router.get('/:year/report.csv', allow('staff'), async (req, res) => {
    const evaluation = await load(req);
    if (!evaluation.report) throw new HttpError(409, 'ReportNotReady', `The ${evaluation.year} report is made when the collection window closes.`);
    res.type('text/csv; charset=utf-8').attachment(`frivillighet-${evaluation.year}.csv`).send(annualReportCsv(evaluation.report));
  });

  router.post('/:year/close', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    parse(emptyBody, req.body ?? {});
    const { reported } = await closeCollection(deps, evaluation, step(req, res));
    res.json(await evaluationView(em(), await reported()));
  });

  router.post('/:year/report/approve', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    parse(emptyBody, req.body ?? {});
    res.json(await evaluationView(em(), await approveReport(deps, evaluation, step(req, res))));
  });

  router.post('/:year/report/sent', allow('coordinator'), async (req, res) => {
    const evaluation = await load(req);
    const sent = parse(sentBody, req.body ?? {});
    res.json(await evaluationView(em(), await recordSentToPolitics(deps, evaluation, sent, step(req, res))));
  });

  return router;
}

/**
 * `/reports/:year`: the report as a printable page beside the two years before it, in the language
 * the dashboard shows (`?lang=`, else the reader's, else the municipality's).
 */
export function reportPagesRouter({ em, policy }: { em: () => EntityManager; policy: Policy }): Router {
  const router = Router();
  router.get('/:year', async (req, res) => {
    const year = parse(yearParam, req.params.year);
    const evaluation = await em().findOne(AnnualEvaluation, { year });
    if (!evaluation?.report) throw notFound(`The ${year} report`);
    const { status, caseNumber, sentOn } = evaluation;
    const context = {
      status,
      caseNumber: caseNumber ?? null,
      sentOn: sentOn ?? null,
      municipalityName: policy.municipality.name,
      overYears: await reportOverYears(em(), policy, evaluation.report),
    };
    res.type('html').send(annualReportPage(evaluation.report, context, languageOf(req, res)));
  });
  return router;
}
