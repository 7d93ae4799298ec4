import { Router, type Request } from 'express';
import { countMeetings } from '../../activities/meeting-counts.ts';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';
import { cancelMeeting, createMeeting, MEETING_ACCESS, moveMeeting, recordMeetingAttendance, recordMinutes, type MeetingsDeps } from './commands.ts';
import { listMeetings, loadMeeting, meetingView } from './queries.ts';
import { countsQuery, listMeetingsQuery } from './schemas.ts';

const idOf = (req: Request) => String(req.params.id);
const keyOf = (req: Request) => ({ idempotencyKey: req.get('Idempotency-Key') });

/** `/api/meetings`: network and dialogue meetings, for the JSON API. */
export function meetingsRouter(deps: MeetingsDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.get('/', allow(MEETING_ACCESS.read), async (req, res) => {
    res.json({ items: await listMeetings(em(), policy, principalOf(res), parse(listMeetingsQuery, req.query)) });
  });

  router.post('/', allow(MEETING_ACCESS.create), async (req, res) => {
    const meeting = await createMeeting(deps, principalOf(res), req.body);
    res.status(201).location(`/api/meetings/${meeting.id}`).json(meeting);
  });

  router.get('/counts', allow(MEETING_ACCESS.read), async (req, res) => {
    const year = parse(countsQuery, req.query).year ?? new Date().getUTCFullYear();
    res.json({ year, ...(await countMeetings(em(), policy, year)) });
  });

  router.get('/:id', allow(MEETING_ACCESS.read), async (req, res) => {
    res.json(await meetingView(em(), policy, await loadMeeting(em(), idOf(req), principalOf(res))));
  });

  router.post('/:id/move', allow(MEETING_ACCESS.move), async (req, res) => {
    res.json(await moveMeeting(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  router.post('/:id/cancel', allow(MEETING_ACCESS.cancel), async (req, res) => {
    res.json(await cancelMeeting(deps, principalOf(res), idOf(req), keyOf(req)));
  });

  router.post('/:id/attendance', allow(MEETING_ACCESS.attendance), async (req, res) => {
    res.json(await recordMeetingAttendance(deps, principalOf(res), idOf(req), req.body));
  });

  router.put('/:id/minutes', allow(MEETING_ACCESS.minutes), async (req, res) => {
    res.json(await recordMinutes(deps, principalOf(res), idOf(req), req.body));
  });

  return router;
}
