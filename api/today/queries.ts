import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { raw, type QBFilterQuery, type SqlEntityManager } from '@mikro-orm/sql';
import { HoursEntry, Organisation, Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import { lifecyclePolicy, type Policy } from '../../infra/policy/policy.ts';
import { countMeetings } from '../../activities/meeting-counts.ts';
import type { Recipient, StepName, StepState } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { whoMustAct } from '../../workflows/volunteer-lifecycle/ladder.ts';
import { permits, unitScope } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { comingSessions, listSessions } from '../courses/queries.ts';
import { listMeetings } from '../meetings/queries.ts';
import { listApplications } from '../recruitment/queries.ts';
import { daysAfter, osloToday } from '../volunteers/views/time.ts';
import { agreementsDueForReview } from '../agreements/queries.ts';

const DAY_MS = 86_400_000;
const OPEN: StepState[] = ['waiting', 'overdue'];
/** How far ahead a contact sees their follow-up conversations. */
export const FOLLOW_UP_HORIZON_DAYS = 14;
/** Lines shown per list; the rest are counted, with a link to the whole list. */
export const SHOWN = 5;
/**
 * A contact's lists are counted up to this many; past it the page says "over 100" instead of
 * counting a large unit's thousands of open steps on every visit (npm run bench, B6).
 */
export const COUNTED = 100;
/** The oldest overdue steps read to fill the groups' lines; the groups' totals are counted in SQL. */
const OVERDUE_READ = 200;

export interface StepTask {
  volunteerId: string;
  name: string;
  serviceUnitId: string;
  step: StepName;
  dueAt: Date | null;
  overdue: boolean;
}

/** An overdue step, with the contact who follows the volunteer up (none yet: the unit's mailbox gets the reminders). */
export interface OverdueTask extends StepTask {
  contactName: string | null;
}

/** The overdue steps that wait on one kind of person: the volunteers themselves, their contacts, or the coordinator. */
export interface OverdueGroup {
  actor: Recipient;
  total: number;
  tasks: OverdueTask[];
}

const ACTORS: Recipient[] = ['volunteer', 'contact', 'coordinator'];

interface OpenSteps {
  step?: StepName;
  states: StepState[];
  dueBefore?: Date;
  /** Only steps with a course session booked (true) or without one (false). */
  booked?: boolean;
}

/** Open steps the principal may see: their units, and the police certificate only for a certificate officer. */
function openStepsWhere(principal: Principal, { step, states, dueBefore, booked }: OpenSteps): FilterQuery<VolunteerStep> {
  const units = unitScope(principal);
  const where: FilterQuery<VolunteerStep> & Record<string, unknown> = { state: { $in: states } };
  if (step) where.step = step;
  else if (!permits(principal, 'certificateOfficer')) where.step = { $ne: 'policeCertificate' };
  if (dueBefore) where.dueAt = { $lte: dueBefore };
  if (booked !== undefined) where.sessionAt = booked ? { $ne: null } : null;
  if (units) where.volunteer = { serviceUnitId: { $in: units } };
  return where;
}

type LoadedStep = Pick<VolunteerStep, 'step' | 'state'> & { dueAt?: Date | null; volunteer: Pick<Volunteer, 'id' | 'name' | 'serviceUnitId'> };

function task(step: LoadedStep): StepTask {
  const v = step.volunteer;
  return { volunteerId: v.id, name: v.name, serviceUnitId: v.serviceUnitId, step: step.step, dueAt: step.dueAt ?? null, overdue: step.state === 'overdue' };
}

/** How many a list holds, exactly up to COUNTED; `capped` when there are more. */
export interface Counted {
  total: number;
  capped: boolean;
}

const counted = (found: number): Counted => ({ total: Math.min(found, COUNTED), capped: found > COUNTED });

/** The first lines in due order, and the count from the same read, which stops past COUNTED. */
async function stepTasks(em: EntityManager, principal: Principal, where: OpenSteps): Promise<Counted & { tasks: StepTask[] }> {
  const steps = await em.find(VolunteerStep, openStepsWhere(principal, where), {
    populate: ['volunteer'],
    fields: ['step', 'state', 'dueAt', 'volunteer.id', 'volunteer.name', 'volunteer.serviceUnitId'],
    orderBy: { dueAt: 'asc nulls last', id: 'asc' },
    limit: COUNTED + 1,
  });
  return { ...counted(steps.length), tasks: steps.slice(0, SHOWN).map(task) };
}

/**
 * Everything overdue, grouped by who must act: whom the step's ladder reminds. The totals are
 * counted from the step index alone (only a booked course's ladder differs, so those few are
 * counted apart) and the lines are the oldest overdue steps, read in due order from the (state,
 * due) index: the page costs about the same with 20 or 20 000 overdue (npm run bench, B6).
 */
async function overdueByActor(em: EntityManager, policy: Policy, principal: Principal): Promise<{ total: number; groups: OverdueGroup[] }> {
  const where = openStepsWhere(principal, { states: ['overdue'] });
  const ladders = lifecyclePolicy(policy);
  const [perStep, bookedCourses, oldest] = await Promise.all([
    (em.fork() as SqlEntityManager)
      .createQueryBuilder(VolunteerStep, 's')
      .select([raw('s.step as step'), raw('count(*) as count')])
      .where(where as QBFilterQuery<VolunteerStep>)
      .groupBy([raw('s.step')])
      .execute<{ step: StepName; count: number | string }[]>('all'),
    em.fork().count(VolunteerStep, openStepsWhere(principal, { step: 'introductionCourse', states: ['overdue'], booked: true })),
    em.fork().find(VolunteerStep, where, {
      populate: ['volunteer'],
      fields: ['step', 'state', 'dueAt', 'sessionAt', 'volunteer.id', 'volunteer.name', 'volunteer.serviceUnitId', 'volunteer.contactName'],
      orderBy: { dueAt: 'asc', id: 'asc' },
      limit: OVERDUE_READ,
    }),
  ]);
  const groups = new Map(ACTORS.map((actor): [Recipient, OverdueGroup] => [actor, { actor, total: 0, tasks: [] }]));
  const groupOf = (step: StepName, sessionAt: string | null) => groups.get(whoMustAct({ step, sessionAt }, ladders) ?? 'coordinator')!;
  for (const { step, count } of perStep) {
    const booked = step === 'introductionCourse' ? bookedCourses : 0;
    groupOf(step, null).total += Number(count) - booked;
    groupOf(step, 'booked').total += booked;
  }
  for (const step of oldest) {
    const group = groupOf(step.step, step.sessionAt?.toISOString() ?? null);
    if (group.tasks.length < SHOWN) group.tasks.push({ ...task(step), contactName: step.volunteer.contactName ?? null });
  }
  const found = [...groups.values()].filter((g) => g.total > 0);
  return { total: found.reduce((sum, g) => sum + g.total, 0), groups: found };
}

/** Confirmed applications waiting for a decision that the principal sees, oldest first. */
async function waitingApplications(em: EntityManager, principal: Principal) {
  const applications = await listApplications(em, principal, {});
  return {
    total: applications.length,
    shown: applications.slice(0, SHOWN).map((a) => ({ id: a.id, activityTypeId: a.activityTypeId, serviceUnitIds: a.serviceUnitIds, confirmedAt: a.confirmedAt ?? null })),
  };
}

async function pendingHours(em: EntityManager, principal: Principal) {
  const units = unitScope(principal);
  const found = await em.find(HoursEntry, { status: 'pending', ...(units ? { serviceUnitId: { $in: units } } : {}) }, { orderBy: { month: 'asc', id: 'asc' }, limit: COUNTED + 1 });
  const entries = found.slice(0, SHOWN);
  const names = new Map((await em.find(Volunteer, { id: { $in: entries.map((e) => e.volunteerId) } }, { fields: ['id', 'name'] })).map((v) => [v.id, v.name]));
  return { ...counted(found.length), shown: entries.map((e) => ({ volunteerId: e.volunteerId, name: names.get(e.volunteerId) ?? '', month: e.month, hours: e.hours })) };
}

/** A contact's (or unit manager's) day: the conversations to hold, hours to approve, applications, and what comes next. */
export async function contactToday(em: EntityManager, policy: Policy, principal: Principal, now = new Date()) {
  const horizon = new Date(now.getTime() + FOLLOW_UP_HORIZON_DAYS * DAY_MS);
  const [firstConversations, followUps, hours, applications, sessions, meetings] = await Promise.all([
    stepTasks(em.fork(), principal, { step: 'firstConversation', states: OPEN }),
    stepTasks(em.fork(), principal, { step: 'followUp', states: OPEN, dueBefore: horizon }),
    pendingHours(em.fork(), principal),
    waitingApplications(em.fork(), principal),
    comingSessions(em.fork(), policy, principal, now),
    listMeetings(em.fork(), policy, principal),
  ]);
  return {
    kind: 'contact' as const,
    firstConversations,
    followUps,
    hours,
    applications,
    sessions: sessions.slice(0, SHOWN),
    meetings: meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) > now.getTime()).slice(0, SHOWN),
  };
}

/** The coordinator's day: what is overdue and who must act, applications, this week's seats, reviews and the year's meetings. */
export async function coordinatorToday(em: EntityManager, policy: Policy, principal: Principal, now = new Date()) {
  const today = osloToday(now);
  const [overdue, applications, week, waiting, agreements, organisations, volunteers, meetings] = await Promise.all([
    overdueByActor(em.fork(), policy, principal),
    waitingApplications(em.fork(), principal),
    listSessions(em.fork(), policy, principal, { from: today, to: daysAfter(today, 6) }),
    em.fork().count(VolunteerStep, openStepsWhere(principal, { step: 'introductionCourse', states: OPEN, booked: false })),
    agreementsDueForReview(em.fork(), principal, today),
    em.fork().count(Organisation, {}),
    em.fork().find(Volunteer, {}, { fields: ['id'], limit: 1 }),
    countMeetings(em.fork(), policy, Number(today.slice(0, 4)), now),
  ]);
  return {
    kind: 'coordinator' as const,
    overdue,
    applications,
    sessionsWithSeats: week
      .filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > now.getTime() && s.seatsTaken < s.capacity)
      .map((s) => ({ ...s, seatsLeft: s.capacity - s.seatsTaken })),
    waitingForCourse: waiting,
    agreements,
    hasOrganisations: organisations > 0,
    hasVolunteers: volunteers.length > 0,
    meetings,
  };
}

export type ContactToday = Awaited<ReturnType<typeof contactToday>>;
export type CoordinatorToday = Awaited<ReturnType<typeof coordinatorToday>>;
