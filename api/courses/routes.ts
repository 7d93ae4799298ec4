import { Router, type Request } from 'express';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';
import { cancelSession, COURSE_ACCESS, createSession, enrol, moveSession, recordAttendance, releaseSeat, type CoursesDeps } from './commands.ts';
import { listSessions, loadSession, sessionView, waitingForCourse } from './queries.ts';
import { listSessionsQuery, releaseParams, waitingQuery } from './schemas.ts';

const idOf = (req: Request) => String(req.params.id);
const keyOf = (req: Request) => ({ idempotencyKey: req.get('Idempotency-Key') });

/** `/api/courses`: introduction-course sessions as events with a roster, for the JSON API. */
export function coursesRouter(deps: CoursesDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.get('/', allow(COURSE_ACCESS.read), async (req, res) => {
    res.json({ items: await listSessions(em(), policy, principalOf(res), parse(listSessionsQuery, req.query)) });
  });

  router.post('/', allow(COURSE_ACCESS.create), async (req, res) => {
    const session = await createSession(deps, principalOf(res), req.body);
    res.status(201).location(`/api/courses/${session.id}`).json(session);
  });

  router.get('/waiting', allow(COURSE_ACCESS.read), async (req, res) => {
    const { serviceUnitId } = parse(waitingQuery, req.query);
    res.json({ items: await waitingForCourse(em(), principalOf(res), serviceUnitId) });
  });

  router.get('/:id', allow(COURSE_ACCESS.read), async (req, res) => {
    const principal = principalOf(res);
    res.json(await sessionView(em(), policy, await loadSession(em(), idOf(req), principal), principal));
  });

  router.post('/:id/enrolments', allow(COURSE_ACCESS.enrol), async (req, res) => {
    res.json(await enrol(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  router.delete('/:id/enrolments/:volunteerId', allow(COURSE_ACCESS.release), async (req, res) => {
    const { id, volunteerId } = parse(releaseParams, req.params);
    res.json(await releaseSeat(deps, principalOf(res), id, volunteerId));
  });

  router.post('/:id/move', allow(COURSE_ACCESS.move), async (req, res) => {
    res.json(await moveSession(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  router.post('/:id/cancel', allow(COURSE_ACCESS.cancel), async (req, res) => {
    res.json(await cancelSession(deps, principalOf(res), idOf(req), keyOf(req)));
  });

  router.post('/:id/attendance', allow(COURSE_ACCESS.attendance), async (req, res) => {
    res.json(await recordAttendance(deps, principalOf(res), idOf(req), req.body));
  });

  return router;
}
