import { median } from '../shared/statistics.ts';

/** The annual report's figures, computed from plain rows so the arithmetic is unit-tested on its own. */

export interface ReportInput {
  year: number;
  hoursPerFte: number;
  units: { id: string; name: string }[];
  activityTypes: { id: string; name: string }[];
  hours: { serviceUnitId: string; activityTypeId: string; hours: number }[];
  volunteers: { createdAt: Date; activatedAt: Date | null; closedAt: Date | null; phase: string }[];
  reviews: { outcome: string | null; completedAt: Date | null }[];
  activeAgreements: number;
  deviations: { serviceUnitId: string }[];
  responses: { kind: string; evaluation: string; feedback: string; hoursConfirmed: boolean }[];
  asked: number;
  meetings: MeetingsHeld;
}

/** The year's network and dialogue meetings held, against the policy's number, and the course sessions held. */
export interface MeetingsHeld {
  network: { held: number; perYear: number };
  dialogue: { held: number; perYear: number };
  courseSessions: number;
}

export interface HoursLine {
  id: string;
  name: string;
  hours: number;
  fte: number;
}

export interface AnnualReport {
  year: number;
  hoursPerFte: number;
  hoursByUnit: HoursLine[];
  hoursByActivityType: HoursLine[];
  totalHours: number;
  totalFte: number;
  volunteers: { active: number; new: number; ended: number };
  medianOnboardingDays: number | null;
  agreements: { active: number; reviewed: Record<'continued' | 'revised' | 'terminated', number> };
  deviations: { total: number; byUnit: { id: string; name: string; count: number }[] };
  responses: { asked: number; answered: number; hoursConfirmed: number };
  feedback: { from: string; evaluation: string; feedback: string }[];
  /** Absent from reports made before meetings were counted. */
  meetings?: MeetingsHeld;
}

/** Sums of hours to two decimals: doubles add up with binary noise (0.1 + 0.2), and hours have at most two decimals. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Hours converted to årsverk (FTE) with the policy's divisor, to two decimals (Tønsberg 2024: 11 905 h → 7.00). */
export function fte(hours: number, hoursPerFte: number): number {
  return Math.round((hours / hoursPerFte) * 100) / 100;
}

function sumBy(rows: ReportInput['hours'], key: 'serviceUnitId' | 'activityTypeId', names: { id: string; name: string }[], hoursPerFte: number): HoursLine[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row[key], (totals.get(row[key]) ?? 0) + row.hours);
  return [...totals]
    .map(([id, hours]) => ({ id, name: names.find((n) => n.id === id)?.name ?? id, hours, fte: fte(hours, hoursPerFte) }))
    .sort((a, b) => b.hours - a.hours);
}

export function computeReport(input: ReportInput): AnnualReport {
  const start = Date.UTC(input.year, 0, 1);
  const end = Date.UTC(input.year + 1, 0, 1);
  const within = (date: Date | null) => date !== null && date.getTime() >= start && date.getTime() < end;
  const totalHours = input.hours.reduce((sum, row) => sum + row.hours, 0);
  const reviewed = { continued: 0, revised: 0, terminated: 0 };
  for (const review of input.reviews) {
    if (within(review.completedAt) && review.outcome && review.outcome in reviewed) reviewed[review.outcome as keyof typeof reviewed]++;
  }
  const deviationCounts = new Map<string, number>();
  for (const deviation of input.deviations) deviationCounts.set(deviation.serviceUnitId, (deviationCounts.get(deviation.serviceUnitId) ?? 0) + 1);
  return {
    year: input.year,
    hoursPerFte: input.hoursPerFte,
    hoursByUnit: sumBy(input.hours, 'serviceUnitId', input.units, input.hoursPerFte),
    hoursByActivityType: sumBy(input.hours, 'activityTypeId', input.activityTypes, input.hoursPerFte),
    totalHours,
    totalFte: fte(totalHours, input.hoursPerFte),
    volunteers: {
      active: input.volunteers.filter((v) => v.activatedAt && v.activatedAt.getTime() < end && (!v.closedAt || v.closedAt.getTime() >= start)).length,
      new: input.volunteers.filter((v) => within(v.createdAt)).length,
      ended: input.volunteers.filter((v) => v.phase === 'ended' && within(v.closedAt)).length,
    },
    medianOnboardingDays: median(
      input.volunteers.filter((v) => within(v.activatedAt)).map((v) => Math.round((v.activatedAt!.getTime() - v.createdAt.getTime()) / 86_400_000)),
    ),
    agreements: { active: input.activeAgreements, reviewed },
    deviations: {
      total: input.deviations.length,
      byUnit: [...deviationCounts].map(([id, count]) => ({ id, name: input.units.find((u) => u.id === id)?.name ?? id, count })),
    },
    responses: { asked: input.asked, answered: input.responses.length, hoursConfirmed: input.responses.filter((r) => r.hoursConfirmed).length },
    feedback: input.responses.filter((r) => r.evaluation || r.feedback).map((r) => ({ from: r.kind, evaluation: r.evaluation, feedback: r.feedback })),
    meetings: input.meetings,
  };
}
