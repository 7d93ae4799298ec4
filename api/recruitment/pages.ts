import { Router, type Request, type Response } from 'express';
import { allow, permits, seesUnit } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { actorName, staffNames } from '../staff/actor-names.ts';
import { field, type Form } from '../volunteers/forms.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { acceptApplication, APPLICATION_ACCESS, declineApplication, inviteApplicant } from './commands.ts';
import { t, type RecruitmentKey } from './messages/index.ts';
import { applicationView, listApplications, loadApplication, type ApplicationView } from './queries.ts';
import { listApplicationsQuery } from './schemas.ts';
import { applicationBody, applicationTitle } from './views/application.ts';
import { queueBody } from './views/queue.ts';

const idOf = (req: Request) => String(req.params.id);
const formOf = (req: Request) => (req.body ?? {}) as Form;

/** `/applications`: the coordinator's and contacts' queue of public applications, each application's page, and the decisions on it. */
export function applicationsPagesRouter(deps: DashboardDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.get('/applications', allow(APPLICATION_ACCESS.read), async (req, res) => {
    const language = languageOf(req, res);
    // The empty choice of the filter means "waiting for a decision", as no status at all does.
    const { status } = parse(listApplicationsQuery, { status: req.query.status === '' ? undefined : req.query.status });
    const applications = (await listApplications(em(), principalOf(res), { status })).map(applicationView);
    render(req, res, { title: t(language, 'queue.title'), section: 'applications', body: queueBody(language, policy, { applications, status }) });
  });

  router.get('/applications/:id', allow(APPLICATION_ACCESS.read), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const application = applicationView(await loadApplication(em(), idOf(req), principal));
    const actor = application.decidedBy;
    const decidedBy = actor === null ? null : actor === 'applicant' ? t(language, 'queue.byApplicant') : actorName(actor, await staffNames(em(), [actor]), language);
    const page = {
      application,
      csrf: csrfToken(req, res),
      decidedBy,
      mayDecide: permits(principal, APPLICATION_ACCESS.decide),
      acceptUnits: application.serviceUnitIds.filter((unit) => seesUnit(principal, unit)),
    };
    render(req, res, { title: applicationTitle(language, application), section: 'applications', body: applicationBody(language, policy, page) });
  });

  /**
   * Runs a decision and says how it went: on to `next` of the result, or back to the application
   * with the reason a refusal (403, 409, 422) gives. A missing application and failures are thrown.
   */
  async function decide(req: Request, res: Response, command: () => Promise<ApplicationView>, done: RecruitmentKey, next?: (decided: ApplicationView) => string | undefined) {
    const language = languageOf(req, res);
    const back = `/applications/${idOf(req)}`;
    try {
      const decided = await command();
      setFlash(req, res, t(language, done));
      res.redirect(303, next?.(decided) ?? back);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500 || error.status === 404) throw error;
      setFlash(req, res, t(language, 'queue.flash.refused', { reason: error.message }), 'error');
      res.redirect(303, back);
    }
  }

  router.post('/applications/:id/accept', allow(APPLICATION_ACCESS.decide), (req, res) =>
    decide(
      req,
      res,
      () => acceptApplication(deps, principalOf(res), idOf(req), { serviceUnitId: field(formOf(req), 'serviceUnitId') }),
      'queue.flash.accepted',
      (accepted) => (accepted.volunteerId ? `/volunteers/${accepted.volunteerId}` : undefined),
    ),
  );

  router.post('/applications/:id/invite', allow(APPLICATION_ACCESS.decide), (req, res) =>
    decide(req, res, () => inviteApplicant(deps, principalOf(res), idOf(req), {}), 'queue.flash.invited'),
  );

  router.post('/applications/:id/decline', allow(APPLICATION_ACCESS.decide), (req, res) =>
    decide(req, res, () => declineApplication(deps, principalOf(res), idOf(req), {}), 'queue.flash.declined'),
  );

  return router;
}
