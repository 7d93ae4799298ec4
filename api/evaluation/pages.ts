import { Router, type Request, type Response } from 'express';
import { AnnualEvaluation, EvaluationRecipient } from '../../infra/db/entities/index.ts';
import { evaluationBody, evaluationListBody, type EvaluationSummary } from './views/evaluations.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { evaluationWorkflowId } from '../../workflows/annual-evaluation/definitions.ts';
import { allow, permits } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { HttpError, notFound, type FieldProblem } from '../http/errors.ts';
import { kickoffBody, sentBody, yearParam } from './schemas.ts';
import { approveReport, closeCollection, loadEvaluation, recordSentToPolitics } from './steps.ts';
import { currentMonth } from '../hours/schemas.ts';
import { parse } from '../http/parse.ts';
import { isWorkflowRunning, startEvaluation } from '../http/temporal-calls.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { problemsOrRethrow } from '../views/form-problems.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { bodyOf } from '../volunteers/forms.ts';
import { t } from './messages/index.ts';

/** Seconds between reloads while the evaluation starts or its report is made. */
const REFRESH_SECONDS = 3;

type SentForm = { values: Record<string, string | undefined>; problems: FieldProblem[] };

/** `/evaluations`: the years, a year's answers and report, and the coordinator's kickoff, close, approval and political record. */
export function evaluationPagesRouter({ em, policy, temporal }: DashboardDeps): Router {
  const router = Router();
  const deps = { em, temporal };

  function summaryOf(evaluation: AnnualEvaluation, recipients: Pick<EvaluationRecipient, 'year' | 'respondedAt'>[]): EvaluationSummary {
    const own = recipients.filter((r) => r.year === evaluation.year);
    return { year: evaluation.year, status: evaluation.status, kickedOffAt: evaluation.kickedOffAt, asked: own.length, answered: own.filter((r) => r.respondedAt).length };
  }

  async function showList(req: Request, res: Response, kickoff: { year: string | undefined; problems: FieldProblem[] }) {
    const language = languageOf(req, res);
    const evaluations = await em().find(AnnualEvaluation, {}, { orderBy: { year: 'desc' } });
    const recipients = await em().find(EvaluationRecipient, {}, { fields: ['year', 'respondedAt'] });
    render(req, res, {
      title: t(language, 'list.title'),
      section: 'evaluations',
      status: kickoff.problems.length ? 422 : 200,
      body: evaluationListBody({
        language,
        csrfToken: csrfToken(req, res),
        evaluations: evaluations.map((e) => summaryOf(e, recipients)),
        canKickOff: permits(principalOf(res), 'coordinator'),
        kickoff,
      }),
    });
  }

  router.get('/evaluations', allow('staff'), async (req, res) => {
    await showList(req, res, { year: String(Number(currentMonth().slice(0, 4)) - 1), problems: [] });
  });

  router.post('/evaluations', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const values = bodyOf((req.body ?? {}) as Record<string, unknown>, ['year']);
    let year: number;
    try {
      ({ year } = parse(kickoffBody, values));
    } catch (error) {
      await showList(req, res, { year: values.year, problems: problemsOrRethrow(error) });
      return;
    }
    const { started } = await startEvaluation(temporal, policy, year);
    setFlash(req, res, t(language, started ? 'kickoff.started' : 'kickoff.exists', { year }));
    res.redirect(303, `/evaluations/${year}`);
  });

  async function showYear(req: Request, res: Response, year: number, sent: SentForm) {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const isCoordinator = permits(principal, 'coordinator');
    const evaluation = await em().findOne(AnnualEvaluation, { year });
    // Between a kickoff and its first activity the workflow runs but has not written the year's row.
    if (!evaluation && !(await isWorkflowRunning(temporal, evaluationWorkflowId(year)))) throw notFound(`The evaluation of ${year}`);
    const recipients = evaluation ? await em().find(EvaluationRecipient, { year }, { orderBy: { kind: 'asc', name: 'asc', id: 'asc' } }) : [];
    // The report is due when the window has run out, or the coordinator has just closed it (`?closing`).
    const windowOver = evaluation ? evaluation.kickedOffAt.getTime() + policy.evaluation.collectionWindow <= Date.now() : false;
    const reporting = evaluation?.status === 'collecting' && (windowOver || req.query.closing !== undefined);
    const status = evaluation?.status ?? 'starting';
    const mailboxes = new Map(policy.serviceUnits.map((u) => [u.contactEmail.toLowerCase(), u.name]));
    render(req, res, {
      title: t(language, 'year.title', { year }),
      section: 'evaluations',
      status: sent.problems.length ? 422 : 200,
      refreshSeconds: status === 'starting' || reporting ? REFRESH_SECONDS : undefined,
      body: evaluationBody({
        language,
        csrfToken: csrfToken(req, res),
        year,
        status,
        reporting,
        summary: evaluation ? summaryOf(evaluation, recipients) : undefined,
        recipients:
          isCoordinator && evaluation
            ? recipients.map((r) => ({ name: r.name, email: r.email, kind: r.kind, unitName: mailboxes.get(r.email), respondedAt: r.respondedAt ?? null }))
            : undefined,
        hasReport: Boolean(evaluation?.report),
        caseNumber: evaluation?.caseNumber ?? null,
        sentOn: evaluation?.sentOn ?? null,
        isCoordinator,
        sent,
      }),
    });
  }

  /** A year in the address that is not a year is a page that does not exist. */
  const yearOf = (req: Request) => {
    const year = yearParam.safeParse(req.params.year);
    if (!year.success) throw notFound(`The evaluation of ${String(req.params.year)}`);
    return year.data;
  };
  const actor = (res: Response) => ({ actor: actorOf(principalOf(res)) });

  router.get('/evaluations/:year', allow('staff'), async (req, res) => {
    await showYear(req, res, yearOf(req), { values: { sentOn: osloToday() }, problems: [] });
  });

  router.post('/evaluations/:year/close', allow('coordinator'), async (req, res) => {
    const evaluation = await loadEvaluation(em(), yearOf(req));
    await closeCollection(deps, evaluation, actor(res));
    setFlash(req, res, t(languageOf(req, res), 'close.done'));
    res.redirect(303, `/evaluations/${evaluation.year}?closing`);
  });

  router.post('/evaluations/:year/approve', allow('coordinator'), async (req, res) => {
    const evaluation = await approveReport(deps, await loadEvaluation(em(), yearOf(req)), actor(res));
    setFlash(req, res, t(languageOf(req, res), 'approve.done'));
    res.redirect(303, `/evaluations/${evaluation.year}`);
  });

  router.post('/evaluations/:year/sent', allow('coordinator'), async (req, res) => {
    const year = yearOf(req);
    const values = bodyOf((req.body ?? {}) as Record<string, unknown>, ['caseNumber', 'sentOn']);
    const evaluation = await loadEvaluation(em(), year);
    // The page shows this form only for an approved report, so its problems could not be shown before; the step is refused as the workflow would.
    if (evaluation.status !== 'approved') throw new HttpError(409, 'ReportNotApproved', `Approve the ${year} report before recording it as sent to political consideration.`);
    try {
      await recordSentToPolitics(deps, evaluation, parse(sentBody, values), actor(res));
    } catch (error) {
      await showYear(req, res, year, { values, problems: problemsOrRethrow(error) });
      return;
    }
    setFlash(req, res, t(languageOf(req, res), 'sent.done'));
    res.redirect(303, `/evaluations/${year}`);
  });

  return router;
}
