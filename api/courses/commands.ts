import type { EntityManager } from '@mikro-orm/core';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { CourseEnrolment, CourseSession, Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import {
  acceptOfferUpdate,
  cancelSessionUpdate,
  checkInUpdate,
  courseSessionWorkflowId,
  enrolUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  releaseSeatUpdate,
  type EnrolOutcome,
} from '../../workflows/course-session/definitions.ts';
import type { Access } from '../auth/access.ts';
import { seesUnit } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { startCourseSession, updateWorkflow, type TemporalDeps } from '../http/temporal-calls.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { loadSession, sessionView, type SessionView } from './queries.ts';
import { attendanceBody, createSessionBody, enrolBody, moveBody } from './schemas.ts';

export interface CoursesDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/** Who may do what with course sessions: the coordinator plans them and keeps attendance; contacts enrol their own volunteers. */
export const COURSE_ACCESS = {
  read: 'staff',
  create: 'coordinator',
  move: 'coordinator',
  cancel: 'coordinator',
  attendance: 'coordinator',
  enrol: 'writer',
  release: 'writer',
} as const satisfies Record<string, Access>;

/** Why one volunteer in a request for several was not enrolled, before the roster was asked. */
export type EnrolRefusal = 'notFound' | 'notForThisSession' | 'courseNotOpen' | 'alreadyBooked';
export interface EnrolReport {
  volunteerId: string;
  outcome: EnrolOutcome | EnrolRefusal;
  problem?: string;
}

/** Refuses IDs the policy does not list, naming them, as a 422 on the field. */
export function unknownIds(ids: string[], known: { id: string }[], field: string): void {
  const unknown = ids.filter((id) => !known.some((k) => k.id === id));
  if (unknown.length) {
    throw new HttpError(422, 'InvalidInput', `Unknown ${field}: ${unknown.join(', ')}.`, [{ field, message: `Choose from the policy's list; unknown: ${unknown.join(', ')}.` }]);
  }
}

/** Plans a session and starts the workflow that keeps its roster. */
export async function createSession({ em, policy, temporal }: CoursesDeps, principal: Principal, input: unknown): Promise<SessionView> {
  const body = parse(createSessionBody, input ?? {});
  unknownIds(body.serviceUnitIds, policy.serviceUnits, 'serviceUnitIds');
  unknownIds(body.activityTypeIds, policy.activityTypes, 'activityTypeIds');
  if (Date.parse(body.startsAt) <= Date.now()) throw new HttpError(422, 'InvalidInput', 'The session must start in the future.', [{ field: 'startsAt', message: 'Choose a time in the future.' }]);
  const session = em().create(CourseSession, {
    id: randomUUID(),
    ...body,
    startsAt: new Date(body.startsAt),
    language: body.language ?? policy.language,
    createdBy: actorOf(principal),
  });
  await em().flush();
  try {
    await startCourseSession(temporal, policy, session);
  } catch (error) {
    await em().remove(session).flush();
    throw error;
  }
  return sessionView(em(), policy, session, principal);
}

function open(session: CourseSession): void {
  if (session.status !== 'scheduled') throw new HttpError(409, 'SessionClosed', `The session is ${session.status}; nothing on it can change any more.`);
}

/** Sends an Update to the session's workflow and answers with the roster it published. */
async function act<Arg, Result>(deps: CoursesDeps, principal: Principal, sessionId: string, update: UpdateDefinition<Result, [Arg]>, arg: Arg, updateId?: string): Promise<SessionView> {
  const session = await loadSession(deps.em(), sessionId, principal);
  open(session);
  await updateWorkflow(deps.temporal, courseSessionWorkflowId(session.id), update, arg, updateId);
  deps.em().clear();
  return sessionView(deps.em(), deps.policy, await loadSession(deps.em(), sessionId, principal), principal);
}

/** Whether a volunteer's role and unit are among those the session is for (none named: all). */
function fits(session: CourseSession, volunteer: Volunteer): boolean {
  const unit = !session.serviceUnitIds.length || session.serviceUnitIds.includes(volunteer.serviceUnitId);
  const type = !session.activityTypeIds.length || session.activityTypeIds.includes(volunteer.activityTypeId);
  return unit && type;
}

/** Why each named volunteer cannot be enrolled now; those who can are not in the map. Three queries, however many are named. */
async function refusals(em: EntityManager, principal: Principal | undefined, session: CourseSession, volunteerIds: string[]): Promise<Map<string, EnrolRefusal>> {
  const volunteers = new Map((await em.find(Volunteer, { id: { $in: volunteerIds } })).map((v) => [v.id, v]));
  const courses = new Map((await em.find(VolunteerStep, { volunteer: { $in: volunteerIds }, step: 'introductionCourse' })).map((s) => [s.volunteer.id, s]));
  const onThisRoster = new Set((await em.find(CourseEnrolment, { sessionId: session.id, volunteerId: { $in: volunteerIds }, state: { $in: ['enrolled', 'waitlisted', 'offered'] } })).map((e) => e.volunteerId));
  const why = (id: string): EnrolRefusal | undefined => {
    const volunteer = volunteers.get(id);
    if (!volunteer || (principal && !seesUnit(principal, volunteer.serviceUnitId))) return 'notFound';
    if (!fits(session, volunteer)) return 'notForThisSession';
    const course = courses.get(id);
    if (!course || (course.state !== 'waiting' && course.state !== 'overdue')) return 'courseNotOpen';
    return course.sessionAt && !onThisRoster.has(id) ? 'alreadyBooked' : undefined;
  };
  return new Map(volunteerIds.flatMap((id) => {
    const refusal = why(id);
    return refusal ? [[id, refusal] as const] : [];
  }));
}

/**
 * Enrols several volunteers at once (or one, from their page or their own course link): each gets a
 * seat while there are any, then a waitlist place. Each is reported on: done, or why not.
 */
export async function enrol(
  deps: CoursesDeps,
  principal: Principal | undefined,
  sessionId: string,
  input: unknown,
  options: { idempotencyKey?: string | undefined; actor?: string } = {},
): Promise<{ session: SessionView | undefined; results: EnrolReport[] }> {
  const named = [...new Set(parse(enrolBody, input ?? {}).volunteerIds)];
  const em = deps.em();
  const session = principal ? await loadSession(em, sessionId, principal) : await em.findOne(CourseSession, { id: sessionId });
  if (!session) throw notFound(`Course session ${sessionId}`);
  open(session);
  const refused = await refusals(em, principal, session, named);
  const eligible = named.filter((id) => !refused.has(id));
  const updateId = options.idempotencyKey === undefined ? undefined : parse(idempotencyKeyHeader, options.idempotencyKey);
  const actor = options.actor ?? actorOf(principal!);
  const answered = eligible.length ? await updateWorkflow(deps.temporal, courseSessionWorkflowId(session.id), enrolUpdate, { volunteerIds: eligible, actor }, updateId) : [];
  const byId = new Map(answered.map((r) => [r.volunteerId, r]));
  const results = named.map((volunteerId): EnrolReport => {
    const why = refused.get(volunteerId);
    if (why) return { volunteerId, outcome: why };
    const result = byId.get(volunteerId)!;
    return result.problem ? { volunteerId, outcome: result.outcome, problem: result.problem } : { volunteerId, outcome: result.outcome };
  });
  em.clear();
  const view = principal ? await sessionView(em, deps.policy, await loadSession(em, sessionId, principal), principal) : undefined;
  return { session: view, results };
}

/** Takes a volunteer off the roster (their seat or waitlist place); a freed seat is offered to the next in line. */
export async function releaseSeat(deps: CoursesDeps, principal: Principal, sessionId: string, volunteerId: string): Promise<SessionView> {
  const volunteer = await deps.em().findOne(Volunteer, { id: volunteerId });
  if (!volunteer || !seesUnit(principal, volunteer.serviceUnitId)) throw notFound(`Volunteer ${volunteerId}`);
  return act(deps, principal, sessionId, releaseSeatUpdate, { volunteerId, actor: actorOf(principal) });
}

/** The volunteer takes the seat they were offered, through their own course link. */
export async function acceptOffer(deps: CoursesDeps, sessionId: string, volunteerId: string): Promise<void> {
  const session = await deps.em().findOne(CourseSession, { id: sessionId });
  if (!session) throw notFound(`Course session ${sessionId}`);
  open(session);
  await updateWorkflow(deps.temporal, courseSessionWorkflowId(session.id), acceptOfferUpdate, { volunteerId, actor: 'volunteer' });
}

/** A new time for the session: each enrolled volunteer gets one new invitation (same calendar entry, higher SEQUENCE). */
export function moveSession(deps: CoursesDeps, principal: Principal, sessionId: string, input: unknown, options: { idempotencyKey?: string | undefined } = {}) {
  const { startsAt } = parse(moveBody, input ?? {});
  const updateId = options.idempotencyKey === undefined ? undefined : parse(idempotencyKeyHeader, options.idempotencyKey);
  return act(deps, principal, sessionId, moveSessionUpdate, { startsAt, actor: actorOf(principal) }, updateId);
}

/** Cancels the session: each enrolled volunteer is released once, with a cancellation for their calendar. */
export function cancelSession(deps: CoursesDeps, principal: Principal, sessionId: string, options: { idempotencyKey?: string | undefined } = {}) {
  const updateId = options.idempotencyKey === undefined ? undefined : parse(idempotencyKeyHeader, options.idempotencyKey);
  return act(deps, principal, sessionId, cancelSessionUpdate, { actor: actorOf(principal) }, updateId);
}

/** One form for the roster: those named came (their course is done); every other enrolled volunteer was absent. */
export function recordAttendance(deps: CoursesDeps, principal: Principal, sessionId: string, input: unknown) {
  const { attended } = parse(attendanceBody, input ?? {});
  return act(deps, principal, sessionId, recordAttendanceUpdate, { attended, actor: actorOf(principal) });
}

/** A volunteer checked in at the door with the session's one-time code: present, their course done. */
export async function checkIn(deps: CoursesDeps, sessionId: string, volunteerId: string): Promise<void> {
  await updateWorkflow(deps.temporal, courseSessionWorkflowId(sessionId), checkInUpdate, { volunteerId, actor: 'volunteer' });
}
