import type { EntityManager } from '@mikro-orm/core';
import { raw, type QBFilterQuery, type SqlEntityManager } from '@mikro-orm/sql';
import { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import { STEPS, type StepName, type StepState } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { median, percentile } from '../../workflows/shared/statistics.ts';
import { permits } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { fromOsloLocal, osloToday } from '../volunteers/views/time.ts';

const DAY_MS = 86_400_000;

/** Registration and the steps up to the first conversation, which makes the volunteer active; the police certificate only for those who may see it. */
export function onboardingSteps(principal: Principal): StepName[] {
  const officer = permits(principal, 'certificateOfficer');
  return STEPS.slice(0, STEPS.indexOf('firstConversation') + 1).filter((s) => officer || s !== 'policeCertificate');
}

/** One step of the funnel: how many have completed it, and how many wait at it now. */
export interface FunnelStep {
  step: StepName;
  completed: number;
  waiting: number;
}

/** The funnel counted in SQL from the (step, state) index: one row per step and state, whatever the number of volunteers. */
export async function onboardingFunnel(em: EntityManager, principal: Principal, units: string[] | undefined): Promise<FunnelStep[]> {
  const steps = onboardingSteps(principal);
  const states: StepState[] = ['done', 'waiting', 'overdue'];
  const where: QBFilterQuery<VolunteerStep> = { step: { $in: steps }, state: { $in: states } };
  if (units) where.volunteer = { serviceUnitId: { $in: units } };
  const counted = await (em as SqlEntityManager)
    .createQueryBuilder(VolunteerStep, 's')
    .select([raw('s.step as step'), raw('s.state as state'), raw('count(*) as count')])
    .where(where)
    .groupBy([raw('s.step'), raw('s.state')])
    .execute<{ step: StepName; state: StepState; count: number | string }[]>('all');
  return steps.map((step) => {
    const count = (wanted: StepState[]) => counted.filter((c) => c.step === step && wanted.includes(c.state)).reduce((sum, c) => sum + Number(c.count), 0);
    return { step, completed: count(['done']), waiting: count(['waiting', 'overdue']) };
  });
}

/** The median and 90th percentile of the days a step took, for the steps completed in one year; null where none was. */
export interface DaysSpent {
  median: number | null;
  p90: number | null;
}

export interface StepDays {
  step: StepName;
  thisYear: DaysSpent;
  lastYear: DaysSpent;
}

/** The first moment of a day or month in Norway (`YYYY-MM-DD` or `YYYY-MM`). */
const osloStart = (day: string) => new Date(fromOsloLocal(`${day.length === 7 ? `${day}-01` : day}T00:00`));

/**
 * Days from a step's opening to its completion, for the steps completed this Oslo calendar year
 * and last. A step row keeps only its latest round, so a certificate renewed after a pause counts
 * the renewal. Percentiles have no portable SQL (SQLite lacks them), so the two years' completed
 * steps are read as plain rows: a few per volunteer.
 */
export async function daysInSteps(em: EntityManager, principal: Principal, units: string[] | undefined, now = new Date()): Promise<{ year: number; steps: StepDays[] }> {
  const year = Number(osloToday(now).slice(0, 4));
  const steps = onboardingSteps(principal).filter((s) => s !== 'registration');
  const [lastYearStarts, thisYearStarts] = [osloStart(`${year - 1}-01-01`), osloStart(`${year}-01-01`).getTime()];
  const where: QBFilterQuery<VolunteerStep> = { step: { $in: steps }, state: 'done', openedAt: { $ne: null }, completedAt: { $gte: lastYearStarts } };
  if (units) where.volunteer = { serviceUnitId: { $in: units } };
  const rows = await (em as SqlEntityManager)
    .createQueryBuilder(VolunteerStep)
    .select(['step', 'openedAt', 'completedAt'])
    .where(where)
    .execute<{ step: StepName; openedAt: Date; completedAt: Date }[]>('all');
  const spent = (step: StepName, thisYear: boolean): DaysSpent => {
    const days = rows
      .filter((r) => r.step === step && (r.completedAt.getTime() >= thisYearStarts) === thisYear)
      .map((r) => (r.completedAt.getTime() - r.openedAt.getTime()) / DAY_MS);
    return { median: median(days), p90: percentile(days, 0.9) };
  };
  return { year, steps: steps.map((step) => ({ step, thisYear: spent(step, true), lastYear: spent(step, false) })) };
}

/** One calendar month: volunteers registered in it, active at its end, and ended in it. */
export interface MonthFigures {
  month: string;
  new: number;
  active: number;
  ended: number;
}

/** The month `count` months after another (before, when negative), as `YYYY-MM`. */
function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + count, 1)).toISOString().slice(0, 7);
}

/** The `count` months up to and including this one, oldest first, as `YYYY-MM`. */
export function lastMonths(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(today.slice(0, 7), index - count + 1));
}

/**
 * New, active and ended volunteers per month over the last 12, counted as the annual report
 * counts a year: active from the first conversation until the lifecycle closes, ended when it
 * closes as ended. Months are Oslo months, which SQLite cannot group by, so the volunteers still
 * open or closed within the window are read as plain rows (a few thousand at most) and counted
 * against the months' first moments.
 */
export async function volunteersPerMonth(em: EntityManager, units: string[] | undefined, now = new Date()): Promise<MonthFigures[]> {
  const months = lastMonths(osloToday(now), 12);
  const starts = [...months, addMonths(months.at(-1)!, 1)].map((month) => osloStart(month).getTime());
  const inScope: QBFilterQuery<Volunteer> = units ? { serviceUnitId: { $in: units } } : {};
  const sql = em as SqlEntityManager;
  const [volunteers, activations] = await Promise.all([
    sql
      .createQueryBuilder(Volunteer)
      .select(['id', 'createdAt', 'closedAt', 'phase'])
      .where({ ...inScope, $or: [{ closedAt: null }, { closedAt: { $gte: new Date(starts[0]!) } }] })
      .execute<Pick<Volunteer, 'id' | 'createdAt' | 'closedAt' | 'phase'>[]>('all'),
    sql
      .createQueryBuilder(VolunteerStep)
      .select(['volunteer', 'completedAt'])
      .where({ step: 'firstConversation', state: 'done', ...(units ? { volunteer: { serviceUnitId: { $in: units } } } : {}) })
      .execute<{ volunteer: string; completedAt: Date }[]>('all'),
  ]);
  const activatedAt = new Map(activations.map((a) => [a.volunteer, a.completedAt.getTime()]));
  return months.map((month, index) => {
    const [start, end] = [starts[index]!, starts[index + 1]!];
    const within = (date: Date | null | undefined) => !!date && date.getTime() >= start && date.getTime() < end;
    const figures = { month, new: 0, active: 0, ended: 0 };
    for (const v of volunteers) {
      const activated = activatedAt.get(v.id);
      if (within(v.createdAt)) figures.new++;
      if (activated !== undefined && activated < end && (!v.closedAt || v.closedAt.getTime() >= end)) figures.active++;
      if (v.phase === 'ended' && within(v.closedAt)) figures.ended++;
    }
    return figures;
  });
}
