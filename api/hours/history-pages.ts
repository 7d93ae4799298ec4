import { Router, type Request, type Response } from 'express';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { historyRules, readHistoryCsv } from './history-file.ts';
import { historyProblemLines } from './history-problems.ts';
import { importHistory, listHistory } from './history.ts';
import { uploadedText } from './upload.ts';
import { historyBody } from './views/history.ts';
import { t } from './messages/index.ts';

/** `/hours/history`: the coordinator imports earlier years' hours per unit, for the annual report's comparison, and sees what is imported. */
export function hoursHistoryPagesRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  async function showPage(req: Request, res: Response, problems: string[], status = 200) {
    const language = languageOf(req, res);
    const { items, years } = await listHistory(em(), policy);
    render(req, res, {
      title: t(language, 'history.title'),
      section: 'hours',
      status,
      body: historyBody({
        language,
        csrfToken: csrfToken(req, res),
        problems,
        items,
        years,
        hoursPerFte: policy.evaluation.hoursPerFte,
        unitName: (id) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id,
        activityName: (id) => policy.activityTypes.find((a) => a.id === id)?.name[language] ?? id,
      }),
    });
  }

  router.get('/hours/history', allow('coordinator'), async (req, res) => {
    await showPage(req, res, []);
  });

  router.post('/hours/history', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const text = await uploadedText(req, 'file');
    if (text === undefined) {
      await showPage(req, res, [t(language, 'import.noFile')], 422);
      return;
    }
    const rules = historyRules(policy);
    const read = readHistoryCsv(text, rules);
    if (!read.ok) {
      await showPage(req, res, historyProblemLines(read, rules, language), read.file.some((p) => p.kind === 'tooManyRows') ? 413 : 422);
      return;
    }
    const counts = await importHistory(em(), read.rows, actorOf(principalOf(res)));
    setFlash(req, res, t(language, 'history.done', { ...counts }));
    res.redirect(303, '/hours/history');
  });

  return router;
}
