import type { AnnualReport, ReportInput } from './report.ts';

/** Hours as the report counts them: per unit and activity type (`''` when the records give none). */
export type HoursRow = ReportInput['hours'][number];

/**
 * The hours a year's report counts: those entered and approved in Samspill if the year has any,
 * else those imported from the municipality's earlier records. Never both, so a year that was
 * imported and then also entered is not counted twice.
 */
export function hoursOfYear(entered: readonly HoursRow[], imported: readonly HoursRow[]): HoursRow[] {
  return [...(entered.length ? entered : imported)];
}

/** The years a report sets side by side: the two before it and its own, oldest first. */
export function comparedYears(year: number): number[] {
  return [year - 2, year - 1, year];
}

/** One unit's hours and årsverk in each compared year (0 where it had none). */
export interface UnitOverYears {
  id: string;
  name: string;
  hours: number[];
  fte: number[];
}

/** Each figure of the report per compared year, oldest first; null where a year's report does not have it (made before it was counted). */
export interface YearOverYear {
  years: number[];
  units: UnitOverYears[];
  totalHours: number[];
  totalFte: number[];
  volunteers: Record<'active' | 'new' | 'ended', number[]>;
  medianOnboardingDays: (number | null)[];
  agreements: Record<'continued' | 'revised' | 'terminated' | 'inForce', number[]>;
  deviations: number[];
  courseSessions: (number | null)[];
  networkMeetings: (number | null)[];
  dialogueMeetings: (number | null)[];
}

/**
 * The reports' figures side by side. Units are listed as the newest year orders them (most hours
 * first), then any only an older year has; each year's figures are its own report's.
 */
export function yearOverYear(reports: readonly AnnualReport[]): YearOverYear {
  const newestFirst = [...reports].reverse();
  const names = new Map<string, string>();
  for (const report of newestFirst) for (const line of report.hoursByUnit) if (!names.has(line.id)) names.set(line.id, line.name);
  const units = [...names].map(([id, name]) => {
    const lines = reports.map((report) => report.hoursByUnit.find((line) => line.id === id));
    return { id, name, hours: lines.map((line) => line?.hours ?? 0), fte: lines.map((line) => line?.fte ?? 0) };
  });
  const each = <T>(figure: (report: AnnualReport) => T) => reports.map(figure);
  return {
    years: each((r) => r.year),
    units,
    totalHours: each((r) => r.totalHours),
    totalFte: each((r) => r.totalFte),
    volunteers: { active: each((r) => r.volunteers.active), new: each((r) => r.volunteers.new), ended: each((r) => r.volunteers.ended) },
    medianOnboardingDays: each((r) => r.medianOnboardingDays),
    agreements: {
      continued: each((r) => r.agreements.reviewed.continued),
      revised: each((r) => r.agreements.reviewed.revised),
      terminated: each((r) => r.agreements.reviewed.terminated),
      inForce: each((r) => r.agreements.active),
    },
    deviations: each((r) => r.deviations.total),
    courseSessions: each((r) => r.meetings?.courseSessions ?? null),
    networkMeetings: each((r) => r.meetings?.network.held ?? null),
    dialogueMeetings: each((r) => r.meetings?.dialogue.held ?? null),
  };
}
