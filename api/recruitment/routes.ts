import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { organisationsInForce, publicOrganisation } from '../agreements/organisation-queries.ts';
import { sessionsOpenTo } from '../courses/queries.ts';
import { pageLanguage } from '../self-service/link-pages.ts';
import { csrfToken } from '../views/render.ts';
import type { Form } from '../volunteers/forms.ts';
import { createApplicationIntake, type ApplicationValues, type ApplyProblem, type RecruitmentDeps } from './apply.ts';
import { applyMessagePage } from './views/applicant.ts';
import { organisationNotFoundPage, organisationPage } from './views/organisation.ts';
import { rolePage, roleNotFoundPage } from './views/role.ts';
import { rolesPage, type Role } from './views/roles.ts';

/** The next introduction courses a role page shows. */
const SESSIONS_SHOWN = 3;

/** Room for every field at its longest, even in letters that take six characters once encoded (æ is %C3%A6), and no more. */
const PUBLIC_FORM_LIMIT = '32kb';

/**
 * The public form's own body parser, before the app's larger one, so an anonymous sender can make
 * Samspill read no more than a filled-in application; a longer body gets a page saying so.
 */
export function publicFormBody(): [express.RequestHandler, ErrorRequestHandler] {
  const tooLarge: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if ((error as { type?: string }).type !== 'entity.too.large') return next(error);
    res.status(413).type('html').send(applyMessagePage(pageLanguage(req), 'tooLarge'));
  };
  return [express.urlencoded({ extended: false, limit: PUBLIC_FORM_LIMIT }), tooLarge];
}

/**
 * `/bli-frivillig`: the public recruitment pages and the application form, without sign-in. The
 * roles come from the policy's activity types; the organisations shown are those with an agreement
 * in force, by name only.
 */
export function recruitmentRouter(deps: RecruitmentDeps): Router {
  const { em, policy, links } = deps;
  const router = Router();
  const submitApplication = createApplicationIntake(deps);
  const roleOf = (req: Request) => policy.activityTypes.find((a) => a.id === req.params.roleId);

  async function showRole(req: Request, res: Response, role: Role, values: ApplicationValues = {}, problems: ApplyProblem[] = []) {
    const language = pageLanguage(req);
    const sessions = role.requiresIntroductionCourse ? (await sessionsOpenTo(em(), { activityTypeId: role.id })).slice(0, SESSIONS_SHOWN) : [];
    const form = { csrf: csrfToken(req, res), shownAt: links.stamp(), values, problems };
    const content = { role, sessions, units: policy.serviceUnits, coordinatorEmail: policy.municipality.coordinatorEmail, form };
    res.status(problems.length ? 422 : 200).type('html').send(rolePage(language, content));
  }

  router.get('/', async (req, res) => {
    const organisations = await organisationsInForce(em());
    const shown = organisations.map((o) => ({ id: o.id, name: o.name }));
    res.type('html').send(rolesPage(pageLanguage(req), policy.municipality.name, policy.activityTypes, shown));
  });

  router.get('/organisasjoner/:organisationId', async (req, res) => {
    const language = pageLanguage(req);
    const organisation = await publicOrganisation(em(), req.params.organisationId);
    if (!organisation) return void res.status(404).type('html').send(organisationNotFoundPage(language));
    res.type('html').send(organisationPage(language, policy, organisation));
  });

  router.get('/:roleId', async (req, res) => {
    const role = roleOf(req);
    if (!role) return void res.status(404).type('html').send(roleNotFoundPage(pageLanguage(req)));
    await showRole(req, res, role);
  });

  router.post('/:roleId', async (req, res) => {
    const language = pageLanguage(req);
    const role = roleOf(req);
    if (!role) return void res.status(404).type('html').send(roleNotFoundPage(language));
    const submission = await submitApplication(role, (req.body ?? {}) as Form, req.ip ?? 'unknown');
    switch (submission.outcome) {
      case 'received':
        return void res.redirect(303, `/bli-frivillig/${role.id}/sendt?lang=${language}`);
      case 'invalid':
        return showRole(req, res, role, submission.values, submission.problems);
      case 'limited':
        return void res.status(429).set('Retry-After', String(submission.waitSeconds)).type('html').send(applyMessagePage(language, 'limited', { minutes: Math.ceil(submission.waitSeconds / 60), role: role.id }));
      case 'unavailable':
        return void res.status(503).set('Retry-After', '60').type('html').send(applyMessagePage(language, 'unavailable', { role: role.id }));
    }
  });

  router.get('/:roleId/sendt', (req, res) => {
    const role = roleOf(req);
    if (!role) return void res.status(404).type('html').send(roleNotFoundPage(pageLanguage(req)));
    res.type('html').send(applyMessagePage(pageLanguage(req), 'received'));
  });

  return router;
}

