import type { FieldProblem } from '../http/errors.ts';

/**
 * What keeps a CSV file, or one of its rows, from being read, as data: the API words it in English
 * (csvFailure, csvProblemMessage), a dashboard page in the reader's language.
 */
export type CsvProblem =
  | { kind: 'unclosedQuote'; row: number }
  | { kind: 'unknownColumn'; column: string }
  | { kind: 'repeatedColumn'; column: string }
  | { kind: 'missingColumn'; column: string }
  | { kind: 'tooManyRows'; rows: number; max: number }
  | { kind: 'extraValues'; row: number; values: number; columns: number; separator: Separator };

type Separator = ',' | ';';

/** The columns a file must and may have; a header names them in any order and case. */
export interface CsvColumns<C extends string> {
  required: readonly C[];
  optional: readonly C[];
  /** Most data rows a file may have; a bigger file is most likely the wrong file. */
  maxRows: number;
}

/** A data row, numbered as in the file (the header is row 1): its values by column, or why its values cannot be told apart. */
export type CsvRecord<C extends string> = { row: number; values: Partial<Record<C, string>> } | { row: number; problem: Extract<CsvProblem, { kind: 'extraValues' }> };

export type CsvRead<C extends string> = { ok: true; records: CsvRecord<C>[] } | { ok: false; problems: CsvProblem[] };

const normalise = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads a file as spreadsheets export it: `,` or `;` between values (whichever the header uses),
 * quoted values, a byte-order mark, CRLF or LF, and a header naming the columns in any order.
 * Blank lines are skipped but still counted, so row numbers match what the spreadsheet shows.
 */
export function readCsv<C extends string>(text: string, columns: CsvColumns<C>): CsvRead<C> {
  const body = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(body);
  const split = splitRecords(body, separator);
  if ('unclosedQuoteRow' in split) return { ok: false, problems: [{ kind: 'unclosedQuote', row: split.unclosedQuoteRow }] };
  const [header = [], ...records] = split.records;
  const positions = readHeader(header, columns);
  if (!Array.isArray(positions)) return { ok: false, problems: positions.problems };

  const data = records.map((fields, index) => ({ row: index + 2, fields })).filter(({ fields }) => fields.some((f) => f.trim() !== ''));
  if (data.length > columns.maxRows) return { ok: false, problems: [{ kind: 'tooManyRows', rows: data.length, max: columns.maxRows }] };
  return { ok: true, records: data.map(({ row, fields }) => readRecord(row, fields, positions, separator)) };
}

function detectSeparator(text: string): Separator {
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

/** Which column each position holds, or what is missing, unknown or repeated. */
function readHeader<C extends string>(header: string[], { required, optional }: CsvColumns<C>): (C | undefined)[] | { problems: CsvProblem[] } {
  const all = [...required, ...optional];
  const problems: CsvProblem[] = [];
  const positions = header.map((name) => {
    if (!name.trim()) return undefined;
    const column = all.find((c) => c.toLowerCase() === normalise(name));
    if (!column) problems.push({ kind: 'unknownColumn', column: name.trim() });
    return column;
  });
  for (const column of all) if (positions.filter((c) => c === column).length > 1) problems.push({ kind: 'repeatedColumn', column });
  for (const column of required) if (!positions.includes(column)) problems.push({ kind: 'missingColumn', column });
  return problems.length ? { problems } : positions;
}

function readRecord<C extends string>(row: number, fields: string[], positions: (C | undefined)[], separator: Separator): CsvRecord<C> {
  if (fields.slice(positions.length).some((f) => f.trim() !== '')) {
    return { row, problem: { kind: 'extraValues', row, values: fields.length, columns: positions.length, separator } };
  }
  const values: Partial<Record<C, string>> = {};
  positions.forEach((column, index) => {
    if (column) values[column] = fields[index] ?? '';
  });
  return { row, values };
}

const columnList = ({ required, optional }: CsvColumns<string>) =>
  optional.length ? `${required.join(', ')} (and optionally ${optional.join(', ')})` : required.join(', ');

/** A problem in English, as the API answers it. */
export function csvProblemMessage(problem: CsvProblem, columns: CsvColumns<string>): string {
  switch (problem.kind) {
    case 'unclosedQuote':
      return `A quotation mark (") opened in row ${problem.row} is never closed; check that row.`;
    case 'unknownColumn':
      return `Unknown column "${problem.column}"; the columns are ${columnList(columns)}.`;
    case 'repeatedColumn':
      return `The column ${problem.column} appears more than once.`;
    case 'missingColumn':
      return `The header has no ${problem.column} column.`;
    case 'tooManyRows':
      return `The file has ${problem.rows} rows of hours; import at most ${problem.max} at a time by splitting the file.`;
    case 'extraValues': {
      const hint =
        problem.separator === ','
          ? 'In a comma-separated file, write decimals with a point (2.5) or in quotes ("2,5").'
          : `Check for an extra "${problem.separator}" in the row.`;
      return `This row has ${problem.values} values but the header has ${problem.columns} columns. ${hint}`;
    }
  }
}

/** Why a file as a whole cannot be read, as the API's error: status, code, message and the header's problems by column. */
export function csvFailure(problems: CsvProblem[], columns: CsvColumns<string>): { status: 413 | 422; code: string; message: string; fields?: FieldProblem[] } {
  const [first] = problems;
  if (first?.kind === 'unclosedQuote') return { status: 422, code: 'MalformedCsv', message: csvProblemMessage(first, columns) };
  if (first?.kind === 'tooManyRows') return { status: 413, code: 'TooManyRows', message: csvProblemMessage(first, columns) };
  const fields = problems.map((problem) => ({ field: 'column' in problem ? problem.column : '(file)', message: csvProblemMessage(problem, columns) }));
  const missing = problems.flatMap((problem) => (problem.kind === 'missingColumn' ? [problem.column] : []));
  const message = missing.length
    ? `The first row must be a header naming the columns ${columnList(columns)}, in any order; missing: ${missing.join(', ')}.`
    : `The header row must name only the columns ${columnList(columns)}, each once; see \`fields\`.`;
  return { status: 422, code: 'InvalidCsvHeader', message, fields };
}
