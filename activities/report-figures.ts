import type { EntityManager } from '@mikro-orm/core';
import { raw, type SqlEntityManager } from '@mikro-orm/sql';
import {
  Agreement,
  AgreementReview,
  CourseSession,
  Deviation,
  EvaluationRecipient,
  HistoricalHours,
  HoursEntry,
  Volunteer,
  VolunteerStep,
} from '../infra/db/entities/index.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { AGREEMENT_NOT_IN_FORCE } from '../workflows/agreement/definitions.ts';
import { roundHours, type ReportInput } from '../workflows/annual-evaluation/report.ts';
import { hoursOfYear, type HoursRow } from '../workflows/annual-evaluation/year-over-year.ts';
import { countMeetings } from './meeting-counts.ts';

/**
 * Each year's hours by unit and activity type, as hoursOfYear decides: the approved entries summed
 * in the database (a few rows per unit, however many entries), else the imported ones.
 */
export async function hoursOfYears(em: EntityManager, years: readonly number[]): Promise<Map<number, HoursRow[]>> {
  if (!years.length) return new Map();
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const [entered, imported] = await Promise.all([
    (em as SqlEntityManager)
      .createQueryBuilder(HoursEntry)
      .select(['serviceUnitId', 'activityTypeId', raw('substr(month, 1, 4) as year'), raw('sum(hours) as total')])
      .where({ status: 'approved', month: { $gte: `${first}-01`, $lte: `${last}-12` } })
      .groupBy(['serviceUnitId', 'activityTypeId', raw('substr(month, 1, 4)')])
      .execute<{ serviceUnitId: string; activityTypeId: string; year: string; total: number | string }[]>('all'),
    em.find(HistoricalHours, { year: { $in: [...years] } }, { fields: ['year', 'serviceUnitId', 'activityTypeId', 'hours'] }),
  ]);
  return new Map(
    years.map((year) => [
      year,
      hoursOfYear(
        entered.filter((row) => Number(row.year) === year).map((row) => ({ serviceUnitId: row.serviceUnitId, activityTypeId: row.activityTypeId, hours: roundHours(Number(row.total)) })),
        imported.filter((row) => row.year === year).map((row) => ({ serviceUnitId: row.serviceUnitId, activityTypeId: row.activityTypeId, hours: row.hours })),
      ),
    ]),
  );
}

/** Hours per unit in each of `years` (entered, else imported), oldest year first: what a chart of hours over the years draws. */
export async function hoursPerUnitPerYear(em: EntityManager, years: readonly number[]): Promise<{ year: number; units: { serviceUnitId: string; hours: number }[] }[]> {
  const byYear = await hoursOfYears(em, years);
  return [...years].sort((a, b) => a - b).map((year) => {
    const totals = new Map<string, number>();
    for (const row of byYear.get(year) ?? []) totals.set(row.serviceUnitId, (totals.get(row.serviceUnitId) ?? 0) + row.hours);
    return { year, units: [...totals].map(([serviceUnitId, hours]) => ({ serviceUnitId, hours: roundHours(hours) })) };
  });
}

/** What one year's report is computed from, beside what every year shares (volunteers, reviews, agreements). */
async function ofYear(em: EntityManager, policy: Policy, year: number) {
  const [start, end] = [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))];
  const [deviations, recipients, meetings, courseSessions] = await Promise.all([
    em.find(Deviation, { occurredOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { fields: ['serviceUnitId'] }),
    em.find(EvaluationRecipient, { year }),
    countMeetings(em, policy, year),
    em.count(CourseSession, { status: 'held', startsAt: { $gte: start, $lt: end } }),
  ]);
  return { deviations, recipients, meetings, courseSessions };
}

/**
 * The rows the annual report of each of `years` is computed from (computeReport), read once for
 * all of them: by the evaluation when it makes its report, and by the report page for earlier
 * years that were never evaluated, so both count alike.
 */
export async function reportInputs(em: EntityManager, policy: Policy, years: readonly number[], hoursPerFte: number): Promise<ReportInput[]> {
  // The report page asks for none when both earlier years were evaluated; every volunteer need not be read for that.
  if (!years.length) return [];
  const [hours, volunteers, activations, reviews, activeAgreements, perYear] = await Promise.all([
    hoursOfYears(em, years),
    em.find(Volunteer, {}, { fields: ['id', 'createdAt', 'closedAt', 'phase'] }),
    em.find(VolunteerStep, { step: 'firstConversation', state: 'done' }, { fields: ['volunteer', 'completedAt'] }),
    em.find(AgreementReview, {}, { fields: ['outcome', 'completedAt'] }),
    em.count(Agreement, { status: { $nin: [...AGREEMENT_NOT_IN_FORCE] } }),
    Promise.all(years.map((year) => ofYear(em, policy, year))),
  ]);
  const activatedAt = new Map(activations.map((s) => [s.volunteer.id, s.completedAt]));
  const volunteerRows = volunteers.map((v) => ({ createdAt: v.createdAt, closedAt: v.closedAt ?? null, phase: v.phase, activatedAt: activatedAt.get(v.id) ?? null }));
  const reviewRows = reviews.map((r) => ({ outcome: r.outcome ?? null, completedAt: r.completedAt ?? null }));
  return years.map((year, index) => {
    const { deviations, recipients, meetings, courseSessions } = perYear[index]!;
    return {
      year,
      hoursPerFte,
      units: policy.serviceUnits,
      activityTypes: policy.activityTypes.map((a) => ({ id: a.id, name: a.name.nb })),
      hours: hours.get(year) ?? [],
      volunteers: volunteerRows,
      reviews: reviewRows,
      activeAgreements,
      deviations,
      responses: recipients.filter((r) => r.response).map((r) => ({ kind: r.kind, ...r.response! })),
      asked: recipients.length,
      meetings: { network: { held: meetings.network.held, perYear: meetings.network.perYear }, dialogue: { held: meetings.dialogue.held, perYear: meetings.dialogue.perYear }, courseSessions },
    };
  });
}
