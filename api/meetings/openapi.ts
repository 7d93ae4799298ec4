import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';
import { MEETING_ACCESS } from './commands.ts';
import { countsQuery, createMeetingBody, listMeetingsQuery, meetingAttendanceBody, minutesBody, moveMeetingBody } from './schemas.ts';

const tag = 'Meetings';
const meeting = 'The meeting once the change shows: kind, title, agenda, place, time, status, minutes reference, the answers counted, and everyone invited (`invitations`) with their answer (`rsvp`) and attendance.';
const updateErrors = {
  409: 'The meeting has begun or is cancelled (the `code` says which).',
  503: 'The workflow engine is not answering, or no worker took the change in time; nothing was changed.',
};
const inADay = new Date(Date.now() + 86_400_000).toISOString();

export const meetingsOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/meetings',
    summary: 'List network and dialogue meetings, soonest first',
    tag,
    access: MEETING_ACCESS.read,
    unitScoped: true,
    query: listMeetingsQuery,
    responses: { 200: 'The meetings (`items`) from `from` (default today) to `to`, of one `kind` if given, with the answers counted.' },
  },
  {
    method: 'post',
    path: '/api/meetings',
    summary: 'Plan a meeting: invitations go to every volunteer contact of the units (network) or every organisation with an agreement in force (dialogue)',
    tag,
    access: MEETING_ACCESS.create,
    body: createMeetingBody,
    example: { kind: 'network', title: 'Nettverksmøte vår', agenda: 'Erfaringsdeling, nye rutiner for politiattest', place: 'Rådhuset, møterom 2', startsAt: inADay, minutes: 120, serviceUnitIds: [] },
    responses: { 201: meeting, 503: 'The workflow engine is not answering; the meeting was not kept.' },
  },
  {
    method: 'get',
    path: '/api/meetings/counts',
    summary: 'This year\'s meetings of each kind: held and planned, against the policy\'s yearly number',
    tag,
    access: MEETING_ACCESS.read,
    query: countsQuery,
    responses: { 200: '`network` and `dialogue`, each with `held`, `planned` and `perYear`, for `year` (default this year).' },
  },
  {
    method: 'get',
    path: '/api/meetings/:id',
    summary: 'A meeting, with everyone invited and their answers',
    tag,
    access: MEETING_ACCESS.read,
    unitScoped: true,
    params: uuidParam,
    responses: { 200: meeting },
  },
  {
    method: 'post',
    path: '/api/meetings/:id/move',
    summary: 'Move the meeting: everyone invited gets one updated invitation and is asked again',
    tag,
    access: MEETING_ACCESS.move,
    params: uuidParam,
    body: moveMeetingBody,
    example: { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    idempotencyKey: true,
    responses: { 200: meeting, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/meetings/:id/cancel',
    summary: 'Cancel the meeting: everyone invited gets one calendar cancellation',
    tag,
    access: MEETING_ACCESS.cancel,
    params: uuidParam,
    idempotencyKey: true,
    responses: { 200: meeting, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/meetings/:id/attendance',
    summary: 'Record who came, in one go: the meeting then counts as held',
    tag,
    access: MEETING_ACCESS.attendance,
    params: uuidParam,
    body: meetingAttendanceBody,
    example: { attended: [] },
    responses: { 200: meeting, 409: 'The meeting has not begun yet, or was cancelled.' },
  },
  {
    method: 'put',
    path: '/api/meetings/:id/minutes',
    summary: 'Record where the minutes are: a web address or a case number, never the document',
    tag,
    access: MEETING_ACCESS.minutes,
    params: uuidParam,
    body: minutesBody,
    example: { minutesReference: '2026/1234' },
    responses: { 200: meeting, 409: 'The meeting has not begun yet, or was cancelled.' },
  },
];
