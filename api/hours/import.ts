import type { FieldProblem } from '../http/errors.ts';
import { hoursCsvRow, type HoursInput } from './schemas.ts';

/** A municipality's yearly hours fit many times over; a bigger file is most likely the wrong file. */
export const MAX_IMPORT_ROWS = 10_000;

const REQUIRED = ['volunteerId', 'month', 'hours'] as const;
const OPTIONAL = ['serviceUnitId', 'activityTypeId'] as const;
const COLUMNS = [...REQUIRED, ...OPTIONAL];
type Column = (typeof COLUMNS)[number];

/** A data row, numbered as in the file (the header is row 1): its values, or what is wrong with it. */
export type CsvRow = { row: number; input: HoursInput } | { row: number; errors: FieldProblem[] };

/** The rows of a file, or why the file as a whole cannot be read. */
export type CsvParse =
  | { ok: true; rows: CsvRow[] }
  | { ok: false; status: 413 | 422; code: string; message: string; fields?: FieldProblem[] };

const COLUMN_LIST = `${REQUIRED.join(', ')} (and optionally ${OPTIONAL.join(', ')})`;
const normalise = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads an hours file as spreadsheets export it: `,` or `;` between values (whichever the header
 * uses), quoted values, a byte-order mark, CRLF or LF, a decimal comma, and a header in any order.
 */
export function parseHoursCsv(text: string): CsvParse {
  const body = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(body);
  const split = splitRecords(body, separator);
  if ('unclosedQuoteRow' in split) {
    const message = `A quotation mark (") opened in row ${split.unclosedQuoteRow} is never closed; check that row.`;
    return { ok: false, status: 422, code: 'MalformedCsv', message };
  }
  const [header = [], ...records] = split.records;
  const columns = readHeader(header);
  if (!Array.isArray(columns)) return columns;

  const data = records.map((fields, index) => ({ row: index + 2, fields })).filter(({ fields }) => fields.some((f) => f.trim() !== ''));
  if (data.length > MAX_IMPORT_ROWS) {
    const message = `The file has ${data.length} rows of hours; import at most ${MAX_IMPORT_ROWS} at a time by splitting the file.`;
    return { ok: false, status: 413, code: 'TooManyRows', message };
  }
  return { ok: true, rows: data.map(({ row, fields }) => readRow(row, fields, columns, separator)) };
}

function detectSeparator(text: string): ',' | ';' {
  const header = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const count = (char: string) => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Splits the text into records of fields, honouring quotes (a doubled quote is a quote character). */
function splitRecords(text: string, separator: string): { records: string[][] } | { unclosedQuoteRow: number } {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoteRow = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoteRow) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') field += text[++i];
      else quoteRow = 0;
    } else if (char === '"') {
      quoteRow = records.length + 1;
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      records.push([...fields, field]);
      fields = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoteRow) return { unclosedQuoteRow: quoteRow };
  if (fields.length || field) records.push([...fields, field]);
  return { records };
}

/** Which column each position holds, or the 422 that names what is missing, unknown or repeated. */
function readHeader(header: string[]): (Column | undefined)[] | Extract<CsvParse, { ok: false }> {
  const problems: FieldProblem[] = [];
  const columns = header.map((name) => {
    if (!name.trim()) return undefined;
    const column = COLUMNS.find((c) => c.toLowerCase() === normalise(name));
    if (!column) problems.push({ field: name.trim(), message: `Unknown column "${name.trim()}"; the columns are ${COLUMN_LIST}.` });
    return column;
  });
  for (const column of COLUMNS) {
    if (columns.filter((c) => c === column).length > 1) problems.push({ field: column, message: `The column ${column} appears more than once.` });
  }
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  for (const column of missing) problems.push({ field: column, message: `The header has no ${column} column.` });
  if (!problems.length) return columns;
  const message = missing.length
    ? `The first row must be a header naming the columns ${COLUMN_LIST}, in any order; missing: ${missing.join(', ')}.`
    : `The header row must name only the columns ${COLUMN_LIST}, each once; see \`fields\`.`;
  return { ok: false, status: 422, code: 'InvalidCsvHeader', message, fields: problems };
}

function readRow(row: number, fields: string[], columns: (Column | undefined)[], separator: string): CsvRow {
  if (fields.slice(columns.length).some((f) => f.trim() !== '')) {
    const hint =
      separator === ','
        ? 'In a comma-separated file, write decimals with a point (2.5) or in quotes ("2,5").'
        : `Check for an extra "${separator}" in the row.`;
    return { row, errors: [{ field: '(row)', message: `This row has ${fields.length} values but the header has ${columns.length} columns. ${hint}` }] };
  }
  const values: Partial<Record<Column, string>> = {};
  columns.forEach((column, index) => {
    if (column) values[column] = fields[index] ?? '';
  });
  const parsed = hoursCsvRow.safeParse(values);
  if (parsed.success) return { row, input: parsed.data };
  return { row, errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(row)', message: issue.message })) };
}
