import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Volunteer } from '../../infra/db/entities/index.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { erasureConfirmationBody, privacyPageBody, type CategoryRow, type ErasureForm } from './views/privacy.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { allow } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { oneMonthAfter } from './dates.ts';
import { erasurePlan, eraseVolunteer, recordedErasure, storedDeclaration } from './erasure.ts';
import { volunteerExport } from './export.ts';
import { privacySchemas } from './schemas.ts';
import { parse } from '../http/parse.ts';
import { loadVolunteer } from '../volunteers/queries.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { problemsOrRethrow } from '../views/form-problems.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { t } from './messages/index.ts';

/** How many records a category's export data holds. */
function countOf(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  return data ? 1 : 0;
}

/** The form sends the request twice: first to see what will happen, then with `confirmed` to do it. */
const erasureForm = (language: Language) => privacySchemas(language).erasure.extend({ confirmed: z.literal('yes').optional() });

/** `/volunteers/:id/privacy`: access and erasure on request, for the coordinator. */
export function privacyPagesRouter(deps: DashboardDeps): Router {
  const { em, policy, temporal } = deps;
  const router = Router();

  const volunteerOf = (req: Request, res: Response) => loadVolunteer(em(), String(req.params.id), principalOf(res));

  async function showPage(req: Request, res: Response, volunteer: Volunteer, form: ErasureForm, status = 200) {
    const language = languageOf(req, res);
    const stored = await volunteerExport(em(), policy, volunteer, { language });
    const categories: CategoryRow[] = Object.values(stored.categories).map((c) => ({ ...c, count: countOf(c.data) }));
    render(req, res, {
      title: t(language, 'privacy.title'),
      section: 'volunteers',
      status,
      body: privacyPageBody({
        language,
        csrfToken: csrfToken(req, res),
        volunteer: { id: volunteer.id, name: volunteer.name, anonymisedAt: volunteer.anonymisedAt ?? null },
        categories,
        receipt: await recordedErasure(em(), volunteer.id, language),
        form: volunteer.anonymisedAt ? null : form,
      }),
    });
  }

  router.get('/volunteers/:id/privacy', allow('coordinator'), async (req, res) => {
    await showPage(req, res, await volunteerOf(req, res), { values: { receivedOn: osloToday() }, problems: [] });
  });

  router.post('/volunteers/:id/privacy/erasure', allow('coordinator'), async (req, res) => {
    const volunteer = await volunteerOf(req, res);
    const values = req.body as { reason?: string; receivedOn?: string; confirmed?: string };
    const language = languageOf(req, res);
    let request;
    try {
      request = parse(erasureForm(language), req.body ?? {});
    } catch (error) {
      await showPage(req, res, volunteer, { values, problems: problemsOrRethrow(error) }, 422);
      return;
    }
    if (request.confirmed !== 'yes') {
      const plan = erasurePlan(language, await storedDeclaration(em(), volunteer.id));
      render(req, res, {
        title: t(language, 'confirm.title'),
        section: 'volunteers',
        body: erasureConfirmationBody({
          language,
          csrfToken: csrfToken(req, res),
          volunteer: { id: volunteer.id, name: volunteer.name },
          request: { reason: request.reason, receivedOn: request.receivedOn, deadline: oneMonthAfter(request.receivedOn) },
          ...plan,
        }),
      });
      return;
    }
    const receipt = await eraseVolunteer({ em, temporal }, volunteer, request, actorOf(principalOf(res)));
    setFlash(req, res, t(language, receipt.withinDeadline ? 'erasure.done.withinDeadline' : 'erasure.done.afterDeadline'));
    res.redirect(303, `/volunteers/${volunteer.id}/privacy`);
  });

  return router;
}
