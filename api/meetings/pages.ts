import { Router, type Request, type Response } from 'express';
import { countMeetings } from '../../activities/meeting-counts.ts';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { HttpError } from '../http/errors.ts';
import { asNumber, field, ticked, type Form } from '../volunteers/forms.ts';
import { fromOsloLocal, osloToday } from '../volunteers/views/time.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { cancelMeeting, createMeeting, MEETING_ACCESS, moveMeeting, recordMeetingAttendance, recordMinutes } from './commands.ts';
import { t } from './messages/index.ts';
import { listMeetings, loadMeeting, meetingView } from './queries.ts';
import { meetingBody } from './views/meeting.ts';
import { meetingsBody, type NewMeetingValues, type Problems } from './views/meetings.ts';

/** Meetings of the last 60 days stay on the list, so attendance and minutes can be recorded after them. */
const RECENT_DAYS = 60;

/** `/meetings`: the year's count, the meetings, planning one, and each meeting's page with its forms. */
export function meetingsPagesRouter(deps: DashboardDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  async function list(req: Request, res: Response, values: NewMeetingValues = {}, problems: Problems = []) {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const today = osloToday();
    const [year, month] = today.split('-').map(Number) as [number, number];
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
    const [meetings, counts] = await Promise.all([listMeetings(em(), policy, principal, { from }), countMeetings(em(), policy, year)]);
    const form = permits(principal, MEETING_ACCESS.create) ? { csrf: csrfToken(req, res), values, problems } : undefined;
    const body = meetingsBody(language, policy, { meetings, year, month, counts, form });
    render(req, res, { title: t(language, 'list.title'), section: 'meetings', status: problems.length ? 422 : 200, body });
  }

  router.get('/meetings', allow(MEETING_ACCESS.read), (req, res) => list(req, res));

  router.post('/meetings', allow(MEETING_ACCESS.create), async (req, res) => {
    const form = (req.body ?? {}) as Form;
    const values: NewMeetingValues = {
      kind: field(form, 'kind'),
      title: field(form, 'title'),
      agenda: field(form, 'agenda'),
      place: field(form, 'place'),
      startsAt: field(form, 'startsAt'),
      minutes: field(form, 'minutes'),
      serviceUnitIds: ticked(form, 'serviceUnitIds'),
    };
    try {
      const meeting = await createMeeting(deps, principalOf(res), {
        ...values,
        startsAt: values.startsAt === undefined ? undefined : fromOsloLocal(values.startsAt),
        minutes: asNumber(values.minutes) ?? 120,
        serviceUnitIds: values.kind === 'dialogue' ? [] : values.serviceUnitIds,
      });
      setFlash(req, res, t(languageOf(req, res), 'flash.created'));
      res.redirect(303, `/meetings/${meeting.id}`);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 422) throw error;
      const language = languageOf(req, res);
      const problems = (error.fields ?? [{ field: 'title', message: error.message }]).map((p) => (p.field === 'startsAt' && values.startsAt ? { ...p, message: t(language, 'form.time') } : p));
      await list(req, res, values, problems);
    }
  });

  router.get('/meetings/:id', allow(MEETING_ACCESS.read), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const meeting = await meetingView(em(), policy, await loadMeeting(em(), String(req.params.id), principal));
    const page = { meeting, csrf: csrfToken(req, res), may: { manage: permits(principal, MEETING_ACCESS.attendance) }, begun: Date.parse(meeting.startsAt) <= Date.now() };
    render(req, res, { title: meeting.title, section: 'meetings', body: meetingBody(language, page) });
  });

  /** Runs a form's command and goes back to the meeting; a refusal (409, 422) is shown there as a message. */
  async function act(req: Request, res: Response, command: () => Promise<unknown>, done: Parameters<typeof t>[1]) {
    try {
      await command();
      setFlash(req, res, t(languageOf(req, res), done));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500 || error.status === 404) throw error;
      setFlash(req, res, t(languageOf(req, res), 'flash.refused', { reason: error.message }), 'error');
    }
    res.redirect(303, `/meetings/${String(req.params.id)}`);
  }

  router.post('/meetings/:id/attendance', allow(MEETING_ACCESS.attendance), (req, res) =>
    act(req, res, () => recordMeetingAttendance(deps, principalOf(res), String(req.params.id), { attended: ticked((req.body ?? {}) as Form, 'attended').map(Number) }), 'flash.attendance'),
  );

  router.post('/meetings/:id/minutes', allow(MEETING_ACCESS.minutes), (req, res) =>
    act(req, res, () => recordMinutes(deps, principalOf(res), String(req.params.id), { minutesReference: field((req.body ?? {}) as Form, 'minutesReference') }), 'flash.minutes'),
  );

  router.post('/meetings/:id/move', allow(MEETING_ACCESS.move), (req, res) => {
    const startsAt = field((req.body ?? {}) as Form, 'startsAt');
    return act(req, res, () => moveMeeting(deps, principalOf(res), String(req.params.id), { startsAt: startsAt === undefined ? undefined : fromOsloLocal(startsAt) }), 'flash.moved');
  });

  router.post('/meetings/:id/cancel', allow(MEETING_ACCESS.cancel), (req, res) =>
    act(req, res, () => cancelMeeting(deps, principalOf(res), String(req.params.id)), 'flash.cancelled'),
  );

  return router;
}
