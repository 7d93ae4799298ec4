import { Router, type Request, type Response } from 'express';
import type { ImportJob } from '../../infra/db/entities/index.ts';
import { hoursImportBody, importJobBody, type ImportJobSummary } from './views/import.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { parseHoursCsv } from './import.ts';
import { importJobResult, importJobState, loadHoursImportJob, recentHoursImportJobs, startHoursImportJob } from './import-job.ts';
import { uploadedText } from './upload.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render } from '../views/render.ts';
import { t } from './messages/index.ts';

/** Seconds between reloads of a running import's page. */
const REFRESH_SECONDS = 2;

function summaryOf(job: ImportJob): ImportJobSummary {
  return { id: job.id, state: importJobState(job), total: job.total, processed: job.processed, createdAt: job.createdAt, finishedAt: job.finishedAt ?? null };
}

/** `/hours/imports`: the coordinator uploads an hours file; it is imported in the background while its page shows the progress. */
export function hoursImportPagesRouter({ em, policy, log }: DashboardDeps): Router {
  const router = Router();

  async function showForm(req: Request, res: Response, problems: string[], status = 200) {
    const language = languageOf(req, res);
    const recent = await recentHoursImportJobs(em());
    render(req, res, {
      title: t(language, 'import.title'),
      section: 'hours',
      status,
      body: hoursImportBody({ language, csrfToken: csrfToken(req, res), problems, recent: recent.map(summaryOf) }),
    });
  }

  router.get('/hours/imports/new', allow('coordinator'), async (req, res) => {
    await showForm(req, res, []);
  });

  router.post('/hours/imports', allow('coordinator'), async (req, res) => {
    const text = await uploadedText(req, 'file');
    if (text === undefined) {
      await showForm(req, res, [t(languageOf(req, res), 'import.noFile')], 422);
      return;
    }
    const parsed = parseHoursCsv(text);
    if (!parsed.ok) {
      await showForm(req, res, [parsed.message, ...(parsed.fields ?? []).map((f) => f.message)], parsed.status);
      return;
    }
    const id = await startHoursImportJob(em(), policy, parsed.rows, actorOf(principalOf(res)), log);
    res.redirect(303, `/hours/imports/${id}`);
  });

  router.get('/hours/imports/:id', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const job = await loadHoursImportJob(em(), String(req.params.id));
    const summary = summaryOf(job);
    render(req, res, {
      title: t(language, 'job.title'),
      section: 'hours',
      refreshSeconds: summary.state === 'running' ? REFRESH_SECONDS : undefined,
      body: importJobBody({ language, job: summary, result: importJobResult(job) }),
    });
  });

  return router;
}
