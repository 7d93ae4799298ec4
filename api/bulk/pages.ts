import { Router, type Request, type Response } from 'express';
import { Volunteer } from '../../infra/db/entities/index.ts';
import { allow, seesUnit } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { languageOf, render, setFlash } from '../views/render.ts';
import { field, ticked, type Form } from '../volunteers/forms.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { BULK_ACCESS, runBulkAction } from './commands.ts';
import { t } from './messages/index.ts';
import type { BulkKey } from './messages/index.ts';
import { BULK_ACTIONS, type BulkAction } from './schemas.ts';
import { actionTitle, bulkResultsBody, resultText } from './views/results.ts';

/** The form as the API's body, or what the person must fix first, in their words. */
function bodyOf(form: Form): { body: Record<string, unknown> } | { problem: BulkKey } {
  const volunteerIds = ticked(form, 'volunteerIds');
  const action = field(form, 'action');
  if (!volunteerIds.length) return { problem: 'problem.noneChosen' };
  if (!action || !(BULK_ACTIONS as readonly string[]).includes(action)) return { problem: 'problem.noAction' };
  switch (action as BulkAction) {
    case 'assignContact': {
      const name = field(form, 'contactName');
      const email = field(form, 'contactEmail');
      if (!name || !email) return { problem: 'problem.contact' };
      return { body: { action, volunteerIds, contact: { name, email } } };
    }
    case 'enrol': {
      const sessionId = field(form, 'sessionId');
      if (!sessionId) return { problem: 'problem.session' };
      return { body: { action, volunteerIds, sessionId } };
    }
    case 'remind':
      return { body: { action, volunteerIds } };
  }
}

/**
 * `POST /volunteers/bulk`: the list's form for the ticked volunteers (and the course form on one
 * volunteer's page, which comes back there). The answer is a line per person: done, or why not.
 */
export function bulkPagesRouter(deps: DashboardDeps): Router {
  const router = Router();

  router.post('/volunteers/bulk', allow(BULK_ACCESS), async (req: Request, res: Response) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const form = (req.body ?? {}) as Form;
    const single = field(form, 'from') === 'volunteer' ? ticked(form, 'volunteerIds').find(isUuid) : undefined;
    const back = single ? `/volunteers/${single}` : '/volunteers';
    const parsed = bodyOf(form);
    if ('problem' in parsed) {
      setFlash(req, res, t(language, parsed.problem), 'error');
      return void res.redirect(303, back);
    }
    let report;
    try {
      report = await runBulkAction(deps, principal, parsed.body, { idempotencyKey: field(form, 'requestId') });
    } catch (error) {
      if (!(error instanceof HttpError) || error.status === 500) throw error;
      const problem = error.status === 422 && parsed.body.action === 'assignContact' ? t(language, 'problem.contact') : t(language, 'problem.other', { reason: error.message });
      setFlash(req, res, problem, 'error');
      return void res.redirect(303, back);
    }
    const ids = report.results.map((r) => r.volunteerId);
    // Only those the person may see are named: another unit's volunteer stays "not found".
    const seen = (await deps.em().find(Volunteer, { id: { $in: ids } })).filter((v) => seesUnit(principal, v.serviceUnitId));
    const names = new Map(seen.map((v) => [v.id, v.name]));
    if (single && report.results.length === 1) {
      const [result] = report.results as [(typeof report.results)[number]];
      const ok = result.outcome === 'done' || result.outcome === 'waitlisted';
      setFlash(req, res, t(language, 'single.result', { name: names.get(single) ?? '', result: resultText(language, result) }), ok ? 'success' : 'error');
      return void res.redirect(303, back);
    }
    render(req, res, { title: actionTitle(language, report), section: 'volunteers', body: bulkResultsBody(language, report, names) });
  });

  return router;
}
