import type { FieldProblem } from '../http/errors.ts';
import { csvFailure, csvProblemMessage, readCsv, type CsvColumns } from './csv.ts';
import { hoursCsvRow, type HoursInput } from './schemas.ts';

/** A municipality's yearly hours fit many times over; a bigger file is most likely the wrong file. */
export const MAX_IMPORT_ROWS = 10_000;

const COLUMNS = {
  required: ['volunteerId', 'month', 'hours'],
  optional: ['serviceUnitId', 'activityTypeId'],
  maxRows: MAX_IMPORT_ROWS,
} as const satisfies CsvColumns<string>;

/** A data row, numbered as in the file (the header is row 1): its values, or what is wrong with it. */
export type CsvRow = { row: number; input: HoursInput } | { row: number; errors: FieldProblem[] };

/** The rows of a file, or why the file as a whole cannot be read. */
export type CsvParse =
  | { ok: true; rows: CsvRow[] }
  | { ok: false; status: 413 | 422; code: string; message: string; fields?: FieldProblem[] };

/** Reads an hours file (see readCsv for what it accepts), each row checked as the API checks hours: a decimal comma is fine. */
export function parseHoursCsv(text: string): CsvParse {
  const read = readCsv(text, COLUMNS);
  if (!read.ok) return { ok: false, ...csvFailure(read.problems, COLUMNS) };
  return {
    ok: true,
    rows: read.records.map((record): CsvRow => {
      if ('problem' in record) return { row: record.row, errors: [{ field: '(row)', message: csvProblemMessage(record.problem, COLUMNS) }] };
      const parsed = hoursCsvRow.safeParse(record.values);
      if (parsed.success) return { row: record.row, input: parsed.data };
      return { row: record.row, errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(row)', message: issue.message })) };
    }),
  };
}
