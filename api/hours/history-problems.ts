import type { Language } from '../../infra/i18n/languages.ts';
import { HttpError } from '../http/errors.ts';
import { csvFailure, csvProblemMessage, type CsvProblem } from './csv.ts';
import { HISTORY_COLUMNS, MAX_YEAR_HOURS, type HistoryProblemKind, type HistoryRead, type HistoryRowProblem, type HistoryRules } from './history-file.ts';
import type { nb } from './messages/nb.ts';
import { t } from './messages/index.ts';

/** What is wrong with an earlier years' hours file, in words: the page's in the reader's language, the API's in English from the same catalogue. */

const KINDS = {
  yearInvalid: 'history.yearInvalid',
  yearOutOfRange: 'history.yearOutOfRange',
  unitUnknown: 'history.unitUnknown',
  activityUnknown: 'history.activityUnknown',
  hoursInvalid: 'history.hoursInvalid',
  hoursOutOfRange: 'history.hoursOutOfRange',
  hoursDecimals: 'history.hoursDecimals',
  repeated: 'history.repeated',
} as const satisfies Record<HistoryProblemKind, keyof typeof nb>;

const CSV_KINDS = {
  unclosedQuote: 'csv.unclosedQuote',
  unknownColumn: 'csv.unknownColumn',
  repeatedColumn: 'csv.repeatedColumn',
  missingColumn: 'csv.missingColumn',
  tooManyRows: 'csv.tooManyRows',
  extraValues: 'csv.extraValues',
} as const satisfies Record<CsvProblem['kind'], keyof typeof nb>;

const ALL_COLUMNS = [...HISTORY_COLUMNS.required, ...HISTORY_COLUMNS.optional].join(', ');

/** A problem of the file as a whole, or a row whose values cannot be told apart, in `language`. */
function csvProblemText(problem: CsvProblem, language: Language): string {
  // Years and row numbers are written without a thousands separator; counts with one.
  const { kind, ...values } = problem;
  return t(language, CSV_KINDS[kind], { ...values, ...('row' in values ? { row: String(values.row) } : {}), known: ALL_COLUMNS });
}

/** What is wrong with one value, in `language`, naming what would be right. */
function valueProblemText(problem: Extract<HistoryRowProblem, { kind: HistoryProblemKind }>, rules: HistoryRules, language: Language): string {
  return t(language, KINDS[problem.kind], {
    example: String(rules.lastYear),
    first: String(rules.firstYear),
    last: String(rules.lastYear),
    units: rules.units.map((u) => u.id).join(', '),
    activities: rules.activityTypes.map((a) => a.id).join(', '),
    max: MAX_YEAR_HOURS,
    sameAs: String(problem.sameAs ?? ''),
  });
}

/** Every problem of a refused file, one line each, with its row number and column, for the upload page. */
export function historyProblemLines(read: Extract<HistoryRead, { ok: false }>, rules: HistoryRules, language: Language): string[] {
  return [
    ...read.file.map((problem) => csvProblemText(problem, language)),
    ...read.rows.map((problem) =>
      'csv' in problem
        ? csvProblemText(problem.csv, language)
        : t(language, 'history.rowProblem', { row: String(problem.row), field: problem.field, message: valueProblemText(problem, rules, language) }),
    ),
  ];
}

/**
 * The API's answer to a refused file: the reader's errors as `POST /api/hours/import` gives them,
 * else a 422 whose `fields` name each bad value as `rows.<row>.<column>` (rows numbered as in the
 * file) and, when a unit is unknown, `serviceUnitIds` lists the valid ones.
 */
export function historyError(read: Extract<HistoryRead, { ok: false }>, rules: HistoryRules): HttpError {
  if (read.file.length) {
    const failure = csvFailure(read.file, HISTORY_COLUMNS);
    return new HttpError(failure.status, failure.code, failure.message, failure.fields);
  }
  const fields = read.rows.map((problem) =>
    'csv' in problem
      ? { field: `rows.${problem.row}`, message: csvProblemMessage(problem.csv, HISTORY_COLUMNS) }
      : { field: `rows.${problem.row}.${problem.field}`, message: valueProblemText(problem, rules, 'en') },
  );
  const rows = [...new Set(read.rows.map((p) => p.row))];
  const message = `Nothing was imported: ${rows.length === 1 ? `row ${rows[0]} has` : `rows ${rows.join(', ')} have`} problems; see \`fields\`.`;
  const unknownUnit = read.rows.some((p) => 'kind' in p && p.kind === 'unitUnknown');
  return new HttpError(422, 'InvalidHistoricalHours', message, fields, unknownUnit ? { serviceUnitIds: rules.units.map((u) => u.id) } : undefined);
}
