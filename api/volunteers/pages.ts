import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';
import { volunteerListBody, type VolunteerFilters, type VolunteerRow } from './views/list.ts';
import { PAGE_SIZE, pageNumber } from '../views/pagination.ts';
import { registrationFormBody } from './views/new.ts';
import { volunteerPageBody } from './views/volunteer-page.ts';
import { PHASES, STEPS, type StepState } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { allow, permits } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import { HttpError, type FieldProblem } from '../http/errors.ts';
import { COMMAND_ACCESS, registerVolunteerCommand } from './commands.ts';
import { listVolunteers, type ListedVolunteer, unitsSeenBy } from './queries.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { volunteerActionFormsRouter } from './action-pages.ts';
import { field, REGISTRATION_FIELDS, registrationBody } from './forms.ts';
import { volunteerPage } from './volunteer-page.ts';
import { BULK_ACCESS } from '../bulk/commands.ts';
import { comingSessions } from '../courses/queries.ts';

/** The list's filters from its query string; a value that makes no sense is ignored rather than refused, as links get edited. */
const listFilters = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  serviceUnitId: z.string().optional().catch(undefined),
  phase: z.enum(PHASES).optional().catch(undefined),
  step: z.enum(STEPS).optional().catch(undefined),
  overdue: z.literal('true').optional().catch(undefined),
});

function rowOf(deps: DashboardDeps, language: Language, officer: boolean, volunteer: ListedVolunteer): VolunteerRow {
  const { steps } = volunteer;
  return {
    id: volunteer.id,
    name: volunteer.name,
    email: volunteer.email,
    unitName: deps.policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId)?.name ?? volunteer.serviceUnitId,
    activityName: deps.policy.activityTypes.find((a) => a.id === volunteer.activityTypeId)?.name[language] ?? volunteer.activityTypeId,
    phase: volunteer.phase,
    openSteps: steps
      .filter((s) => (s.state === 'waiting' || s.state === 'overdue') && s.step !== 'policeCertificate')
      .sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step))
      .map((s) => ({ step: s.step, state: s.state })),
    policeCertificate: officer ? steps.find((s) => s.step === 'policeCertificate')?.state : undefined,
  };
}

function showRegistrationForm(deps: DashboardDeps, req: Request, res: Response, principal: Principal, status: number, values: Record<string, string | undefined>, problems: FieldProblem[]) {
  const language = languageOf(req, res);
  render(req, res, {
    title: t(language, 'register.title'),
    section: 'volunteers',
    status,
    body: registrationFormBody({
      language,
      csrfToken: csrfToken(req, res),
      idempotencyKey: values.idempotencyKey ?? randomUUID(),
      units: unitsSeenBy(deps.policy, principal),
      activityTypes: deps.policy.activityTypes.map((a) => ({ id: a.id, name: a.name[language], minimumAge: a.minimumAge })),
      values,
      problems,
    }),
  });
}

/** `/volunteers`: the list, the registration form, and each volunteer's page with its forms. */
export function volunteersPagesRouter(deps: DashboardDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.get('/volunteers', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    const language = languageOf(req, res);
    const officer = permits(principal, 'certificateOfficer');
    const query = listFilters.parse(req.query);
    const page = pageNumber(req.query.page);
    const filters: VolunteerFilters = { q: query.q || undefined, serviceUnitId: query.serviceUnitId || undefined, phase: query.phase, step: query.step, overdue: query.overdue === 'true' };
    // "Waiting at a step" means the step is open; with "overdue", only overdue steps count.
    const stepState: StepState | StepState[] | undefined = filters.overdue ? 'overdue' : filters.step ? ['waiting', 'overdue'] : undefined;
    const { volunteers, total } = await listVolunteers(em(), principal, {
      serviceUnitId: filters.serviceUnitId,
      phase: filters.phase,
      step: filters.step,
      stepState,
      search: filters.q,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    render(req, res, {
      title: t(language, 'list.title'),
      section: 'volunteers',
      body: volunteerListBody({
        language,
        filters,
        units: unitsSeenBy(policy, principal),
        steps: STEPS.filter((s) => s !== 'registration' && (officer || s !== 'policeCertificate')),
        rows: volunteers.map((v) => rowOf(deps, language, officer, v)),
        total,
        page,
        showPoliceCertificate: officer,
        canRegister: permits(principal, COMMAND_ACCESS.register),
        bulk: permits(principal, BULK_ACCESS) ? { language, csrfToken: csrfToken(req, res), requestId: randomUUID(), sessions: await comingSessions(em(), policy, principal) } : undefined,
      }),
    });
  });

  router.get('/volunteers/new', allow(COMMAND_ACCESS.register), (req, res) => {
    showRegistrationForm(deps, req, res, principalOf(res), 200, {}, []);
  });

  router.post('/volunteers', allow(COMMAND_ACCESS.register), async (req, res) => {
    const principal = principalOf(res);
    const language = languageOf(req, res);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const idempotencyKey = field(form, 'idempotencyKey');
    try {
      const { volunteer } = await registerVolunteerCommand(deps, principal, registrationBody(form), { idempotencyKey });
      setFlash(req, res, t(language, 'register.done', { name: volunteer.name }));
      res.redirect(303, `/volunteers/${volunteer.id}`);
    } catch (error) {
      if (error instanceof HttpError && error.status === 422 && error.fields) {
        const values = Object.fromEntries([...REGISTRATION_FIELDS, 'idempotencyKey'].map((name) => [name, typeof form[name] === 'string' ? form[name] : undefined]));
        showRegistrationForm(deps, req, res, principal, 422, values, error.fields);
        return;
      }
      // Saved, but the workflow engine was away: the volunteer exists, and onboarding starts by itself later.
      if (error instanceof HttpError && error.status === 503 && typeof error.extra?.id === 'string') {
        setFlash(req, res, t(language, 'register.savedEngineAway'), 'error');
        res.redirect(303, `/volunteers/${error.extra.id}`);
        return;
      }
      throw error;
    }
  });

  router.get('/volunteers/:id', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const view = await volunteerPage(em(), policy, principalOf(res), String(req.params.id), { language, csrfToken: csrfToken(req, res) });
    // Right after registration the workflow has not yet published the steps; the page reloads until it has.
    const settingUp = view.phase === 'registered' && view.steps.length === 0;
    render(req, res, { title: view.person.name, section: 'volunteers', body: volunteerPageBody(view), ...(settingUp ? { refreshSeconds: 2 } : {}) });
  });

  router.use('/volunteers/:id', volunteerActionFormsRouter(deps));
  return router;
}
