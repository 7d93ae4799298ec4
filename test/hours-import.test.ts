import { describe, expect, it } from '@jest/globals';
import { MAX_IMPORT_ROWS, parseHoursCsv, type CsvParse } from '../api/hours/import.ts';
import { currentMonth } from '../api/hours/schemas.ts';
import { readHistoryCsv, type HistoryRead, type HistoryRules } from '../api/hours/history-file.ts';
import { historyError, historyProblemLines } from '../api/hours/history-problems.ts';

const A = '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91';
const B = '0b7e4a52-3c1d-4f8e-9a6b-7d2c5e1f3a84';
const nextYear = `${Number(currentMonth().slice(0, 4)) + 1}-01`;

function rowsOf(result: CsvParse) {
  if (!result.ok) throw new Error(`expected rows, got ${result.message}`);
  return result.rows;
}

describe('reading an hours CSV file', () => {
  it('reads a comma-separated file with a BOM, CRLF and the header in any order and case', () => {
    const file = `\uFEFFMonth,HOURS,volunteerid,serviceUnitId,activityTypeId\r\n2025-03,2.5,${A},hjemmetjenestene,turvenn\r\n2025-04,10,${B},,\r\n`;
    expect(rowsOf(parseHoursCsv(file))).toEqual([
      { row: 2, input: { volunteerId: A, month: '2025-03', hours: 2.5, serviceUnitId: 'hjemmetjenestene', activityTypeId: 'turvenn' } },
      { row: 3, input: { volunteerId: B, month: '2025-04', hours: 10, serviceUnitId: undefined, activityTypeId: undefined } },
    ]);
  });

  it('reads a semicolon-separated file with decimal commas and quoted values', () => {
    const file = `volunteerId;month;hours\n"${A}";2025-03;2,5\n${B};"2025-04";"1,25"\n${A.toUpperCase()};2025-05;3\n`;
    expect(rowsOf(parseHoursCsv(file)).map((r) => ('input' in r ? [r.input.volunteerId, r.input.hours] : r.errors))).toEqual([
      [A, 2.5],
      [B, 1.25],
      [A, 3],
    ]);
  });

  it('keeps quoted separators, doubled quotes and line breaks inside one value, counting records as rows', () => {
    const file = `volunteerId,month,hours,serviceUnitId\n${A},2025-03,"2,5","a ""b"",\nc"\n${B},2025-03,1,x\n`;
    expect(rowsOf(parseHoursCsv(file))).toEqual([
      { row: 2, input: expect.objectContaining({ hours: 2.5, serviceUnitId: 'a "b",\nc' }) },
      { row: 3, input: expect.objectContaining({ volunteerId: B, serviceUnitId: 'x' }) },
    ]);
  });

  it('skips blank lines but numbers rows as in the file, the header being row 1', () => {
    const file = `volunteerId;month;hours\n\n${A};2025-03;1\n;;\n${B};2025-03;2`;
    expect(rowsOf(parseHoursCsv(file)).map((r) => r.row)).toEqual([3, 5]);
  });

  it('reports every problem of a bad row with a message a person can act on, and reads the good ones', () => {
    const file = [
      'volunteerId,month,hours',
      `not-an-id,2025-03,2`,
      `${A},2026-13,2`,
      `${A},2025-03,-4`,
      `${A},2025-03,many`,
      `${A},2025-03,800`,
      `${A},2025-03,1.125`,
      `${A},${nextYear},1`,
      `${A},2025-03,2,5`,
      `${B},,`,
      `${B},2025-03,4`,
    ].join('\n');
    const rows = rowsOf(parseHoursCsv(file));
    expect(rows).toEqual([
      { row: 2, errors: [{ field: 'volunteerId', message: expect.stringContaining('UUID') }] },
      { row: 3, errors: [{ field: 'month', message: 'Give the month as YYYY-MM, e.g. 2026-03 (month 01 to 12).' }] },
      { row: 4, errors: [{ field: 'hours', message: 'Hours must be more than 0.' }] },
      { row: 5, errors: [{ field: 'hours', message: 'Give the hours as a number, e.g. 2.5.' }] },
      { row: 6, errors: [{ field: 'hours', message: expect.stringContaining('at most 744') }] },
      { row: 7, errors: [{ field: 'hours', message: expect.stringContaining('at most two decimals') }] },
      { row: 8, errors: [{ field: 'month', message: expect.stringContaining('has not begun yet') }] },
      { row: 9, errors: [{ field: '(row)', message: expect.stringContaining('write decimals with a point (2.5) or in quotes') }] },
      {
        row: 10,
        errors: [
          { field: 'month', message: expect.stringContaining('YYYY-MM') },
          { field: 'hours', message: 'Give the hours as a number, e.g. 2.5.' },
        ],
      },
      { row: 11, input: expect.objectContaining({ volunteerId: B, hours: 4 }) },
    ]);
  });

  it('refuses a file without the header, naming the missing columns', () => {
    expect(parseHoursCsv(`${A},2025-03,2\n`)).toMatchObject({
      ok: false,
      status: 422,
      code: 'InvalidCsvHeader',
      message: expect.stringContaining('missing: volunteerId, month, hours'),
    });
    expect(parseHoursCsv('volunteerId;hours\n')).toMatchObject({
      ok: false,
      message: expect.stringContaining('missing: month'),
      fields: [{ field: 'month', message: 'The header has no month column.' }],
    });
    expect(parseHoursCsv('')).toMatchObject({ ok: false, status: 422, code: 'InvalidCsvHeader' });
  });

  it('refuses unknown and repeated columns rather than guessing', () => {
    const unknown = parseHoursCsv('volunteerId,month,hours,serviceUnit\n');
    expect(unknown).toMatchObject({ ok: false, status: 422, fields: [{ field: 'serviceUnit', message: expect.stringContaining('Unknown column "serviceUnit"') }] });
    const repeated = parseHoursCsv('volunteerId,month,hours,Hours\n');
    expect(repeated).toMatchObject({ ok: false, fields: [{ field: 'hours', message: 'The column hours appears more than once.' }] });
  });

  it('refuses an unclosed quote and too many rows', () => {
    expect(parseHoursCsv(`volunteerId,month,hours\n${A},2025-03,1\n"${B},2025-03,1\n`)).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringContaining('opened in row 3'),
    });
    const big = `volunteerId,month,hours\n${`${A},2025-03,1\n`.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseHoursCsv(big)).toMatchObject({ ok: false, status: 413, code: 'TooManyRows', message: expect.stringContaining('at most 10000') });
    expect(rowsOf(parseHoursCsv(`volunteerId,month,hours\n${`${A},2025-03,1\n`.repeat(MAX_IMPORT_ROWS)}`))).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('reading a file of earlier years\' hours', () => {
  const rules: HistoryRules = {
    firstYear: 2000,
    lastYear: 2025,
    units: [
      { id: 'sidebygningen', name: 'Sidebygningen' },
      { id: 'sterk-og-stodig', name: 'Sterk og stødig' },
    ],
    activityTypes: [{ id: 'besoksvenn', names: ['Besøksvenn', 'Besøksven', 'Visiting friend'] }],
  };

  it('reads the units and activity types by ID or name, hours with a decimal comma or grouped thousands, in any column order', () => {
    const file = '\uFEFFhours;Year;serviceUnitId;activityTypeId\r\n"1\u00a0640";2024;Sidebygningen;\r\n1083,5;2023;STERK-OG-STODIG;besøksven\r\n"12 000";2022;sidebygningen;Besoksvenn\r\n';
    expect(readHistoryCsv(file, rules)).toEqual({
      ok: true,
      rows: [
        { row: 2, year: 2024, serviceUnitId: 'sidebygningen', activityTypeId: '', hours: 1_640 },
        { row: 3, year: 2023, serviceUnitId: 'sterk-og-stodig', activityTypeId: 'besoksvenn', hours: 1_083.5 },
        { row: 4, year: 2022, serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', hours: 12_000 },
      ],
    });
  });

  it('refuses the whole file over one bad row, naming every row and column that is wrong', () => {
    const file = [
      'year,serviceUnitId,hours,activityTypeId',
      '2024,sidebygningen,10,',
      '1999,sidebygningen,10,',
      '2026,sidebygningen,10,',
      'i fjor,Sidebygning,ti,kafé',
      '2024,sidebygningen,-1,',
      '2024,sidebygningen,1.125,',
      '2024,Sidebygningen,3,',
      '2024,sidebygningen,1,5,besoksvenn',
    ].join('\n');
    const read = readHistoryCsv(file, rules);
    expect(read).toEqual({
      ok: false,
      file: [],
      rows: [
        { row: 3, field: 'year', kind: 'yearOutOfRange' },
        { row: 4, field: 'year', kind: 'yearOutOfRange' },
        { row: 5, field: 'year', kind: 'yearInvalid' },
        { row: 5, field: 'serviceUnitId', kind: 'unitUnknown' },
        { row: 5, field: 'activityTypeId', kind: 'activityUnknown' },
        { row: 5, field: 'hours', kind: 'hoursInvalid' },
        { row: 6, field: 'hours', kind: 'hoursOutOfRange' },
        { row: 7, field: 'hours', kind: 'hoursDecimals' },
        { row: 8, field: 'serviceUnitId', kind: 'repeated', sameAs: 2 },
        { row: 9, field: '(row)', csv: { kind: 'extraValues', row: 9, values: 5, columns: 4, separator: ',' } },
      ],
    });
    if (read.ok) return;
    expect(historyProblemLines(read, rules, 'nn')).toEqual(
      expect.arrayContaining([
        'Rad 5, serviceUnitId: Ukjend eining; skriv ID-en eller namnet til ei av desse: sidebygningen, sterk-og-stodig.',
        'Rad 3, year: Berre åra 2000–2025 kan importerast; timane for i år blir registrerte i Samspill.',
        'Rad 8, serviceUnitId: Same år, eining og aktivitet som rad 2; ta med kvar berre éin gong.',
        expect.stringMatching(/^Rad 9 har 5 verdiar, men første rad har 4 kolonnar\./),
      ]),
    );
    expect(historyError(read, rules)).toMatchObject({ status: 422, code: 'InvalidHistoricalHours', extra: { serviceUnitIds: ['sidebygningen', 'sterk-og-stodig'] } });
  });

  it('refuses a file it cannot read as the hours import does, and words it in the reader\'s language', () => {
    const read = readHistoryCsv('year;unit;hours\n', rules);
    expect(read).toEqual({ ok: false, file: [{ kind: 'unknownColumn', column: 'unit' }, { kind: 'missingColumn', column: 'serviceUnitId' }], rows: [] });
    if (read.ok) return;
    expect(historyError(read, rules)).toMatchObject({ status: 422, code: 'InvalidCsvHeader', message: expect.stringContaining('missing: serviceUnitId') });
    expect(historyProblemLines(read, rules, 'nb')).toEqual([
      'Ukjent kolonne «unit»; kolonnene er year, serviceUnitId, hours, activityTypeId.',
      'Første rad mangler kolonnen serviceUnitId.',
    ]);
    expect(historyError(readHistoryCsv('year,serviceUnitId,hours\n2024,"sidebygningen,1\n', rules) as Extract<HistoryRead, { ok: false }>, rules)).toMatchObject({ status: 422, code: 'MalformedCsv' });
  });
});
