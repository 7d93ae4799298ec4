import { Router, type Request, type Response } from 'express';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { HttpError } from '../http/errors.ts';
import { asNumber, field, ticked, type Form } from '../volunteers/forms.ts';
import { fromOsloLocal, when } from '../volunteers/views/time.ts';
import { absoluteUrl, csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { linkPath } from '../../infra/links/signed-links.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { ATTENDANCE_OPENS_BEFORE_MS } from '../../workflows/course-session/roster.ts';
import { CHECK_IN_GRACE_MS } from './check-in.ts';
import { checkInDisplayBody, checkInQr, checkInSection } from './views/check-in.ts';
import { cancelSession, COURSE_ACCESS, createSession, enrol, moveSession, recordAttendance } from './commands.ts';
import { t } from './messages/index.ts';
import { listSessions, loadSession, sessionView, waitingForCourse } from './queries.ts';
import { coursesBody, type NewSessionValues, type Problems } from './views/courses.ts';
import { sessionBody } from './views/session.ts';

/** The screen at the door shows a new code this often: the last one may have been used. */
const DISPLAY_REFRESH_SECONDS = 15;

/** Check-in opens when attendance does (on the day) and closes when the session is held or cancelled. */
function checkInOpen(session: { status: string; startsAt: Date | string }): boolean {
  return session.status === 'scheduled' && new Date(session.startsAt).getTime() - Date.now() <= ATTENDANCE_OPENS_BEFORE_MS;
}

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
    const code = may.manage && checkInOpen(session) ? await checkInCode(req, session, language) : undefined;
    const body = sessionBody(language, policy, { session, waiting, csrf: csrfToken(req, res), may, checkIn: code && checkInSection(language, session.id, code) });
    render(req, res, { title: t(language, 'session.title', { when: when(session.startsAt, language) }), section: 'courses', body });
  });

  router.get('/courses/:id/check-in', allow(COURSE_ACCESS.attendance), async (req, res) => {
    const language = languageOf(req, res);
    const session = await loadSession(em(), String(req.params.id), principalOf(res));
    if (!checkInOpen(session)) throw new HttpError(409, 'NotYet', t(language, 'checkIn.notOpen'));
    const { qr } = await checkInCode(req, session, language);
    render(req, res, { title: t(language, 'checkIn.display.title', { when: when(session.startsAt.toISOString(), language) }), section: 'courses', body: checkInDisplayBody(language, session.startsAt.toISOString(), qr), refreshSeconds: DISPLAY_REFRESH_SECONDS });
  });

  /** A fresh one-time check-in code for the session, good until a few hours after it ends. */
  async function checkInCode(req: Request, session: { id: string; startsAt: Date | string; minutes: number }, language: Language) {
    const ends = new Date(session.startsAt).getTime() + session.minutes * 60_000 + CHECK_IN_GRACE_MS;
    const url = absoluteUrl(req, linkPath('courseCheckIn', deps.links.sign(session.id, 'courseCheckIn', Math.max(60_000, ends - Date.now()))));
    return { url, qr: await checkInQr(url, language) };
  }

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
