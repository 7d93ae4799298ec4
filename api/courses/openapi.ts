import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';
import { COURSE_ACCESS } from './commands.ts';
import { attendanceBody, createSessionBody, enrolBody, listSessionsQuery, moveBody, releaseParams, waitingQuery } from './schemas.ts';

const tag = 'Courses';
const session = 'The session once the change shows: time, place, capacity, status, counts, and the roster (`roster`) in waitlist order, with the volunteers of your units named.';
const updateErrors = {
  409: 'The session is held or cancelled, or its state does not allow this (the `code` says which).',
  503: 'The workflow engine is not answering, or no worker took the change in time; nothing was changed.',
};
const inAnHour = new Date(Date.now() + 3_600_000).toISOString();

export const coursesOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/courses',
    summary: 'List introduction-course sessions, soonest first',
    tag,
    access: COURSE_ACCESS.read,
    unitScoped: true,
    query: listSessionsQuery,
    responses: { 200: 'The sessions (`items`) from `from` (default today) to `to`, with seats taken, waitlisted, attended and absent.' },
  },
  {
    method: 'post',
    path: '/api/courses',
    summary: 'Plan a course session and open its roster',
    tag,
    access: COURSE_ACCESS.create,
    body: createSessionBody,
    example: { startsAt: inAnHour, minutes: 180, place: 'Frivillighetshuset, Storgaten 1', language: 'nb', leader: 'Kari Nordmann', capacity: 12, serviceUnitIds: [], activityTypeIds: [] },
    responses: { 201: session, 503: 'The workflow engine is not answering; the session was not kept.' },
  },
  {
    method: 'get',
    path: '/api/courses/waiting',
    summary: 'Everyone whose introduction course waits without a booking',
    tag,
    access: COURSE_ACCESS.read,
    unitScoped: true,
    query: waitingQuery,
    responses: { 200: 'The volunteers (`items`), longest waiting first, with any session on whose waitlist they already are (`waitlistedOn`).' },
  },
  {
    method: 'get',
    path: '/api/courses/:id',
    summary: 'A course session and its roster',
    tag,
    access: COURSE_ACCESS.read,
    unitScoped: true,
    params: uuidParam,
    responses: { 200: session },
  },
  {
    method: 'post',
    path: '/api/courses/:id/enrolments',
    summary: 'Enrol volunteers: a seat while there are any, then the waitlist; reported per person',
    tag,
    access: COURSE_ACCESS.enrol,
    unitScoped: true,
    params: uuidParam,
    body: enrolBody,
    example: { volunteerIds: ['00000000-0000-4000-8000-000000000000'] },
    idempotencyKey: true,
    responses: {
      200: 'Per volunteer (`results`): `enrolled`, `waitlisted`, `alreadyOnRoster`, or why not (`notFound`, `notForThisSession`, `courseNotOpen`, `alreadyBooked`, `refused` with the lifecycle\'s `problem`); and the session.',
      ...updateErrors,
    },
  },
  {
    method: 'delete',
    path: '/api/courses/:id/enrolments/:volunteerId',
    summary: 'Take a volunteer off the roster; a freed seat is offered to the first on the waitlist',
    tag,
    access: COURSE_ACCESS.release,
    unitScoped: true,
    params: releaseParams,
    responses: { 200: session, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/courses/:id/move',
    summary: 'Move the session: each enrolled volunteer gets one updated invitation',
    tag,
    access: COURSE_ACCESS.move,
    params: uuidParam,
    body: moveBody,
    example: { startsAt: new Date(Date.now() + 2 * 3_600_000).toISOString() },
    idempotencyKey: true,
    responses: { 200: session, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/courses/:id/cancel',
    summary: 'Cancel the session: each enrolled volunteer is released once, with a calendar cancellation',
    tag,
    access: COURSE_ACCESS.cancel,
    params: uuidParam,
    idempotencyKey: true,
    responses: { 200: session, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/courses/:id/attendance',
    summary: 'Record attendance in one go: those named came, every other enrolled volunteer was absent',
    tag,
    access: COURSE_ACCESS.attendance,
    params: uuidParam,
    body: attendanceBody,
    example: { attended: [] },
    responses: { 200: session, 409: 'Attendance opens on the day of the session; or the session is held or cancelled.', 503: updateErrors[503] },
  },
];
