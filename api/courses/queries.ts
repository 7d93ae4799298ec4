import type { EntityManager } from '@mikro-orm/core';
import { CourseEnrolment, CourseSession, Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { SeatState, SessionStatus } from '../../workflows/course-session/definitions.ts';
import { seesEventFor, seesUnit, unitScope } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { isUuid } from '../volunteers/schemas.ts';

/** Whether the principal sees a session: the coordinator all; others those for every unit or for one of theirs. */
export function seesSession(principal: Principal, session: Pick<CourseSession, 'serviceUnitIds'>): boolean {
  return seesEventFor(principal, session.serviceUnitIds);
}

/** A session the principal may see; any other ID is 404, so a contact cannot learn of other units' sessions. */
export async function loadSession(em: EntityManager, id: string, principal: Principal): Promise<CourseSession> {
  const session = isUuid(id) ? await em.findOne(CourseSession, { id }) : null;
  if (!session || !seesSession(principal, session)) throw notFound(`Course session ${id}`);
  return session;
}

export interface RosterEntry {
  volunteerId: string;
  name: string;
  serviceUnitId: string;
  state: SeatState;
  offeredUntil: string | null;
}

/** How many hold a seat (enrolled or offered) and how many wait, counted over the whole roster. */
function counts(enrolments: CourseEnrolment[]) {
  const count = (...states: SeatState[]) => enrolments.filter((e) => states.includes(e.state)).length;
  return { seatsTaken: count('enrolled', 'offered'), waitlisted: count('waitlisted'), attended: count('attended'), absent: count('absent') };
}

function summary(session: CourseSession, policy: Policy, enrolments: CourseEnrolment[]) {
  return {
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    minutes: session.minutes,
    place: session.place,
    language: session.language,
    leader: session.leader,
    capacity: session.capacity,
    serviceUnitIds: session.serviceUnitIds,
    activityTypeIds: session.activityTypeIds,
    units: session.serviceUnitIds.map((id) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id),
    status: session.status as SessionStatus,
    sequence: session.sequence,
    ...counts(enrolments),
  };
}

export type SessionSummary = ReturnType<typeof summary>;
export type SessionView = SessionSummary & { roster: RosterEntry[] };

/** The session with its roster in waitlist order; others' volunteers are counted but not named. */
export async function sessionView(em: EntityManager, policy: Policy, session: CourseSession, principal: Principal): Promise<SessionView> {
  const enrolments = await em.find(CourseEnrolment, { sessionId: session.id }, { orderBy: { position: 'asc' } });
  const volunteers = new Map((await em.find(Volunteer, { id: { $in: enrolments.map((e) => e.volunteerId) } })).map((v) => [v.id, v]));
  const roster = enrolments.flatMap((e): RosterEntry[] => {
    const volunteer = volunteers.get(e.volunteerId);
    if (!volunteer || !seesUnit(principal, volunteer.serviceUnitId)) return [];
    return [{ volunteerId: e.volunteerId, name: volunteer.name, serviceUnitId: volunteer.serviceUnitId, state: e.state, offeredUntil: e.offeredUntil?.toISOString() ?? null }];
  });
  return { ...summary(session, policy, enrolments), roster };
}

/** Sessions the principal sees, soonest first, from a day on (default: today) to an optional last day. */
export async function listSessions(em: EntityManager, policy: Policy, principal: Principal, range: { from?: string | undefined; to?: string | undefined } = {}): Promise<SessionSummary[]> {
  const from = new Date(`${range.from ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const to = range.to ? new Date(`${range.to}T23:59:59.999Z`) : undefined;
  const sessions = (await em.find(CourseSession, { startsAt: { $gte: from, ...(to ? { $lte: to } : {}) } }, { orderBy: { startsAt: 'asc' } })).filter((s) => seesSession(principal, s));
  const enrolments = await em.find(CourseEnrolment, { sessionId: { $in: sessions.map((s) => s.id) } });
  return sessions.map((s) => summary(s, policy, enrolments.filter((e) => e.sessionId === s.id)));
}

/** The sessions still open for enrolment that the principal sees, soonest first, with the seats left. */
export async function comingSessions(em: EntityManager, policy: Policy, principal: Principal, now = new Date()): Promise<(SessionSummary & { seatsLeft: number })[]> {
  const sessions = await listSessions(em, policy, principal);
  return sessions.filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > now.getTime()).map((s) => ({ ...s, seatsLeft: Math.max(0, s.capacity - s.seatsTaken) }));
}

export interface WaitingVolunteer {
  id: string;
  name: string;
  serviceUnitId: string;
  activityTypeId: string;
  /** Since when the course step has waited. */
  waitingSince: string | null;
  /** A session on whose waitlist (or with an offered seat) they already are. */
  waitlistedOn: string | null;
}

/** Everyone whose introduction course waits without a booking, in the principal's units, longest waiting first. */
export async function waitingForCourse(em: EntityManager, principal: Principal, serviceUnitId?: string): Promise<WaitingVolunteer[]> {
  const scope = unitScope(principal);
  const units = serviceUnitId ? (scope && !scope.includes(serviceUnitId) ? [] : [serviceUnitId]) : scope;
  const steps = await em.find(
    VolunteerStep,
    { step: 'introductionCourse', state: { $in: ['waiting', 'overdue'] }, sessionAt: null, volunteer: units ? { serviceUnitId: { $in: units } } : {} },
    { populate: ['volunteer'], orderBy: { openedAt: 'asc' } },
  );
  const waiting = await em.find(CourseEnrolment, { volunteerId: { $in: steps.map((s) => s.volunteer.id) }, state: { $in: ['waitlisted', 'offered'] } });
  return steps.map((step) => ({
    id: step.volunteer.id,
    name: step.volunteer.name,
    serviceUnitId: step.volunteer.serviceUnitId,
    activityTypeId: step.volunteer.activityTypeId,
    waitingSince: step.openedAt?.toISOString() ?? null,
    waitlistedOn: waiting.find((e) => e.volunteerId === step.volunteer.id)?.sessionId ?? null,
  }));
}

/** Coming sessions meant for a unit and role (any unit when none is named), soonest first. */
export async function sessionsOpenTo(em: EntityManager, meantFor: { serviceUnitId?: string; activityTypeId: string }, now = new Date()): Promise<CourseSession[]> {
  const sessions = await em.find(CourseSession, { status: 'scheduled', startsAt: { $gt: now } }, { orderBy: { startsAt: 'asc' } });
  return sessions.filter(
    (s) =>
      (!meantFor.serviceUnitId || !s.serviceUnitIds.length || s.serviceUnitIds.includes(meantFor.serviceUnitId)) &&
      (!s.activityTypeIds.length || s.activityTypeIds.includes(meantFor.activityTypeId)),
  );
}

export interface CourseChoice {
  id: string;
  startsAt: Date;
  minutes: number;
  place: string;
  seatsLeft: number;
  /** Whether the volunteer already waits for a seat on it. */
  waitlisted: boolean;
}

/**
 * What a volunteer can choose on their own course link: an offered seat still open to take, and
 * every coming session meant for their unit and role, with the seats left.
 */
export async function courseChoices(em: EntityManager, volunteer: Pick<Volunteer, 'id' | 'serviceUnitId' | 'activityTypeId'>, now = new Date()) {
  const sessions = await sessionsOpenTo(em, volunteer, now);
  const enrolments = await em.find(CourseEnrolment, { sessionId: { $in: sessions.map((s) => s.id) } });
  const own = enrolments.filter((e) => e.volunteerId === volunteer.id);
  const offered = own.find((e) => e.state === 'offered' && e.offeredUntil && e.offeredUntil > now);
  const choices = sessions.map((s): CourseChoice => ({
    id: s.id,
    startsAt: s.startsAt,
    minutes: s.minutes,
    place: s.place,
    seatsLeft: Math.max(0, s.capacity - counts(enrolments.filter((e) => e.sessionId === s.id)).seatsTaken),
    waitlisted: own.some((e) => e.sessionId === s.id && e.state === 'waitlisted'),
  }));
  const offer = offered && choices.find((c) => c.id === offered.sessionId);
  return { offer: offer && offered?.offeredUntil ? { ...offer, until: offered.offeredUntil } : undefined, sessions: choices.filter((c) => c.id !== offer?.id) };
}
