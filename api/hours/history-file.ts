import type { Policy } from '../../infra/policy/policy.ts';
import { readCsv, type CsvColumns, type CsvProblem } from './csv.ts';
import { atMostTwoDecimals, currentMonth, decimalNumber } from './schemas.ts';

/** Earlier years' records go back to the millennium at most; a year before it is a typing error. */
export const FIRST_HISTORY_YEAR = 2000;

/** A unit's hours in a year: 1 000 000 is some 600 årsverk, far beyond any unit. */
export const MAX_YEAR_HOURS = 1_000_000;

export const HISTORY_COLUMNS = {
  required: ['year', 'serviceUnitId', 'hours'],
  optional: ['activityTypeId'],
  // Years × units × activity types of a municipality fit many times over.
  maxRows: 2_000,
} as const satisfies CsvColumns<string>;

type HistoryColumn = (typeof HISTORY_COLUMNS.required | typeof HISTORY_COLUMNS.optional)[number];

/** One row of the file, read: the unit and activity type as the policy's IDs (`''` for no activity type). */
export interface HistoryRow {
  row: number;
  year: number;
  serviceUnitId: string;
  activityTypeId: string;
  hours: number;
}

export type HistoryProblemKind =
  | 'yearInvalid'
  | 'yearOutOfRange'
  | 'unitUnknown'
  | 'activityUnknown'
  | 'hoursInvalid'
  | 'hoursOutOfRange'
  | 'hoursDecimals'
  | 'repeated';

/** What is wrong with one value of a row (`sameAs`: the earlier row with the same key), or with the row as a whole. */
export type HistoryRowProblem =
  | { row: number; field: HistoryColumn; kind: HistoryProblemKind; sameAs?: number }
  | { row: number; field: '(row)'; csv: CsvProblem };

/** The rows, or everything that keeps the file from being imported: nothing is, unless every row is right. */
export type HistoryRead = { ok: true; rows: HistoryRow[] } | { ok: false; file: CsvProblem[]; rows: HistoryRowProblem[] };

/** What a file is checked against, and what its messages name: the years allowed and the policy's units and activity types. */
export interface HistoryRules {
  firstYear: number;
  lastYear: number;
  units: { id: string; name: string }[];
  activityTypes: { id: string; names: string[] }[];
}

/** Earlier years only (this year's hours are entered in Samspill), from 2000, against the policy's units and activity types. */
export function historyRules(policy: Policy, now = new Date()): HistoryRules {
  return {
    firstYear: FIRST_HISTORY_YEAR,
    lastYear: Number(currentMonth(now).slice(0, 4)) - 1,
    units: policy.serviceUnits.map((u) => ({ id: u.id, name: u.name })),
    activityTypes: policy.activityTypes.map((a) => ({ id: a.id, names: Object.values(a.name) })),
  };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function readRow(row: number, values: Partial<Record<HistoryColumn, string>>, rules: HistoryRules): HistoryRow | HistoryRowProblem[] {
  const problems: HistoryRowProblem[] = [];
  const problem = (field: HistoryColumn, kind: HistoryProblemKind) => problems.push({ row, field, kind });

  const yearText = (values.year ?? '').trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText)) problem('year', 'yearInvalid');
  else if (year < rules.firstYear || year > rules.lastYear) problem('year', 'yearOutOfRange');

  const unitText = values.serviceUnitId ?? '';
  const unit = rules.units.find((u) => same(u.id, unitText) || same(u.name, unitText));
  if (!unit) problem('serviceUnitId', 'unitUnknown');

  const activityText = (values.activityTypeId ?? '').trim();
  const activity = activityText ? rules.activityTypes.find((a) => same(a.id, activityText) || a.names.some((name) => same(name, activityText))) : undefined;
  if (activityText && !activity) problem('activityTypeId', 'activityUnknown');

  // A spreadsheet may group thousands with a space (18 992), a no-break one included.
  const hours = decimalNumber((values.hours ?? '').replace(/[\s\u00a0\u202f]/g, ''));
  if (Number.isNaN(hours)) problem('hours', 'hoursInvalid');
  else if (hours < 0 || hours > MAX_YEAR_HOURS) problem('hours', 'hoursOutOfRange');
  else if (!atMostTwoDecimals(hours)) problem('hours', 'hoursDecimals');

  if (problems.length || !unit) return problems;
  return { row, year, serviceUnitId: unit.id, activityTypeId: activity?.id ?? '', hours };
}

/**
 * Reads a file of earlier years' hours per unit (`year`, `serviceUnitId`, `hours`, and optionally
 * `activityTypeId`), as spreadsheets export it (see readCsv). A unit or activity type may be given
 * by its ID or its name; each key may appear once. The whole file is checked before anything is
 * stored, so a file is imported entirely or not at all.
 */
export function readHistoryCsv(text: string, rules: HistoryRules): HistoryRead {
  const read = readCsv(text, HISTORY_COLUMNS);
  if (!read.ok) return { ok: false, file: read.problems, rows: [] };
  const rows: HistoryRow[] = [];
  const problems: HistoryRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of read.records) {
    if ('problem' in record) {
      problems.push({ row: record.row, field: '(row)', csv: record.problem });
      continue;
    }
    const result = readRow(record.row, record.values, rules);
    if (Array.isArray(result)) {
      problems.push(...result);
      continue;
    }
    const key = `${result.year}\u0000${result.serviceUnitId}\u0000${result.activityTypeId}`;
    const sameAs = seen.get(key);
    if (sameAs !== undefined) problems.push({ row: result.row, field: 'serviceUnitId', kind: 'repeated', sameAs });
    else seen.set(key, result.row);
    rows.push(result);
  }
  return problems.length ? { ok: false, file: [], rows: problems } : { ok: true, rows };
}
