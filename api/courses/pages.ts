import { Router, type Request, type Response } from 'express';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { HttpError } from '../http/errors.ts';
import { field } from '../volunteers/forms.ts';
import { fromOsloLocal, when } from '../volunteers/views/time.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { cancelSession, COURSE_ACCESS, createSession, enrol, moveSession, recordAttendance } from './commands.ts';
import { t } from './messages/index.ts';
import { listSessions, loadSession, sessionView, waitingForCourse } from './queries.ts';
import { coursesBody, type NewSessionValues, type Problems } from './views/courses.ts';
import { sessionBody } from './views/session.ts';

/** A posted form, as the URL-encoded parser gives it. */
type Form = Record<string, unknown>;

/** Checkboxes arrive as one value or several; either way a list of the ticked values. */
function ticked(form: Form, name: string): string[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

const asNumber = (text: string | undefined) => (text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : text);

/** `/courses`: the coming course sessions, planning one, and each session's roster page with its forms. */
export function coursesPagesRouter(deps: DashboardDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  async function list(req: Request, res: Response, values: NewSessionValues = {}, problems: Problems = []) {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const sessions = await listSessions(em(), policy, principal);
    const form = permits(principal, COURSE_ACCESS.create) ? { csrf: csrfToken(req, res), values, problems } : undefined;
    render(req, res, { title: t(language, 'list.title'), section: 'courses', status: problems.length ? 422 : 200, body: coursesBody(language, policy, sessions, form) });
  }

  router.get('/courses', allow(COURSE_ACCESS.read), (req, res) => list(req, res));

  router.post('/courses', allow(COURSE_ACCESS.create), async (req, res) => {
    const form = (req.body ?? {}) as Form;
    const values: NewSessionValues = {
      startsAt: field(form, 'startsAt'),
      minutes: field(form, 'minutes'),
      place: field(form, 'place'),
      leader: field(form, 'leader'),
      capacity: field(form, 'capacity'),
      serviceUnitId: field(form, 'serviceUnitId'),
    };
    try {
      const session = await createSession(deps, principalOf(res), {
        startsAt: values.startsAt === undefined ? undefined : fromOsloLocal(values.startsAt),
        minutes: asNumber(values.minutes) ?? 180,
        place: values.place,
        leader: values.leader,
        capacity: asNumber(values.capacity),
        serviceUnitIds: values.serviceUnitId ? [values.serviceUnitId] : [],
      });
      setFlash(req, res, t(languageOf(req, res), 'flash.created'));
      res.redirect(303, `/courses/${session.id}`);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 422) throw error;
      const language = languageOf(req, res);
      const problems = (error.fields ?? [{ field: 'startsAt', message: error.message }]).map((p) => (p.field === 'startsAt' && values.startsAt ? { ...p, message: t(language, 'form.time') } : p));
      await list(req, res, values, problems);
    }
  });

  router.get('/courses/:id', allow(COURSE_ACCESS.read), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const session = await sessionView(em(), policy, await loadSession(em(), String(req.params.id), principal), principal);
    const may = { enrol: permits(principal, COURSE_ACCESS.enrol), manage: permits(principal, COURSE_ACCESS.attendance) };
    const waiting = may.enrol ? await waitingForCourse(em(), principal, session.serviceUnitIds.length === 1 ? session.serviceUnitIds[0] : undefined) : [];
    const body = sessionBody(language, policy, { session, waiting, csrf: csrfToken(req, res), may });
    render(req, res, { title: t(language, 'session.title', { when: when(session.startsAt, language) }), section: 'courses', body });
  });

  /** Runs a form's command and goes back to the session; a refusal (409, 422) is shown there as a message. */
  async function act(req: Request, res: Response, command: () => Promise<unknown>, done: () => string) {
    const id = String(req.params.id);
    try {
      await command();
      setFlash(req, res, done());
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500 || error.status === 404) throw error;
      setFlash(req, res, t(languageOf(req, res), 'flash.refused', { reason: error.message }), 'error');
    }
    res.redirect(303, `/courses/${id}`);
  }

  router.post('/courses/:id/enrolments', allow(COURSE_ACCESS.enrol), async (req, res) => {
    const language = languageOf(req, res);
    let summary = '';
    await act(
      req,
      res,
      async () => {
        const { results } = await enrol(deps, principalOf(res), String(req.params.id), { volunteerIds: ticked((req.body ?? {}) as Form, 'volunteerIds') });
        const count = (outcome: string) => String(results.filter((r) => r.outcome === outcome).length);
        summary = t(language, 'enrol.result', { enrolled: count('enrolled'), waitlisted: count('waitlisted'), other: String(results.filter((r) => r.outcome !== 'enrolled' && r.outcome !== 'waitlisted').length) });
      },
      () => summary,
    );
  });

  router.post('/courses/:id/attendance', allow(COURSE_ACCESS.attendance), (req, res) =>
    act(req, res, () => recordAttendance(deps, principalOf(res), String(req.params.id), { attended: ticked((req.body ?? {}) as Form, 'attended') }), () => t(languageOf(req, res), 'flash.attendance')),
  );

  router.post('/courses/:id/move', allow(COURSE_ACCESS.move), (req, res) => {
    const startsAt = field((req.body ?? {}) as Form, 'startsAt');
    return act(req, res, () => moveSession(deps, principalOf(res), String(req.params.id), { startsAt: startsAt === undefined ? undefined : fromOsloLocal(startsAt) }), () => t(languageOf(req, res), 'flash.moved'));
  });

  router.post('/courses/:id/cancel', allow(COURSE_ACCESS.cancel), (req, res) =>
    act(req, res, () => cancelSession(deps, principalOf(res), String(req.params.id)), () => t(languageOf(req, res), 'flash.cancelled')),
  );

  return router;
}
