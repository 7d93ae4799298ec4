import { MAX_IMPORT_ROWS } from './import.ts';
import { HISTORY_COLUMNS } from './history-file.ts';
import { approveHoursBody, enterHoursBody, historyCsvRow, hoursCsvRow, listHoursQuery } from './schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { hoursEntryParam } from '../openapi/params.ts';

const tag = 'Hours';
const entry = 'The hours entry.';

export const hoursOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/hours',
    summary: 'Enter a volunteer\'s hours for a month (replaces what was entered for the same unit, activity and month)',
    tag,
    access: 'writer',
    unitScoped: true,
    body: enterHoursBody,
    example: { volunteerId: '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91', month: '2026-01', hours: 12.5 },
    responses: {
      200: `${entry} It replaced an earlier one.`,
      201: entry,
      403: 'The service unit is not one you work in.',
      404: 'No volunteer with this ID in your units.',
      409: 'The volunteer\'s data has been anonymised.',
    },
  },
  {
    method: 'get',
    path: '/api/hours',
    summary: 'List hours entries, newest month first, with their sum',
    tag,
    access: 'staff',
    unitScoped: true,
    query: listHoursQuery,
    responses: { 200: 'A page of entries: `items`, `total`, `limit`, `offset`, and `totalHours` of every matching entry. Only your units unless you are the coordinator.' },
  },
  {
    method: 'post',
    path: '/api/hours/:id/approve',
    summary: 'Approve hours a volunteer entered',
    tag,
    access: 'writer',
    unitScoped: true,
    params: hoursEntryParam,
    body: approveHoursBody,
    example: {},
    responses: { 200: entry, 409: 'The hours are already approved.' },
  },
  {
    method: 'post',
    path: '/api/hours/import',
    summary: 'Import hours from a CSV file (a spreadsheet export, `,` or `;` separated)',
    tag,
    access: 'coordinator',
    body: hoursCsvRow,
    bodyMediaType: 'text/csv',
    example: 'volunteerId;month;hours;serviceUnitId\r\n5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91;2026-01;12,5;aktivitetshusene\r\n',
    responses: {
      200: 'What happened to each row (`rows`: imported, replaced or error with its fields), and the counts `imported` and `failed`.',
      413: `The file has more than ${MAX_IMPORT_ROWS} rows; split it.`,
      415: 'The body is not sent as `text/csv`.',
      422: 'The file as a whole cannot be read (e.g. a missing column or an unclosed quote).',
    },
  },
  {
    method: 'post',
    path: '/api/hours/history',
    summary: 'Import earlier years\' hours per service unit from a CSV file, for the annual report\'s year-over-year figures',
    tag,
    access: 'coordinator',
    body: historyCsvRow,
    bodyMediaType: 'text/csv',
    example: 'year;serviceUnitId;hours\r\n2024;helsehus-og-sykehjem;11905\r\n2024;Sidebygningen;1640\r\n',
    responses: {
      200: 'The counts `created`, `updated` and `unchanged` (a row already as the file has it), and everything imported as `GET /api/hours/history` lists it. The same year, unit and activity type replace what was imported, so a file can be sent again.',
      413: `The file has more than ${HISTORY_COLUMNS.maxRows} rows; split it.`,
      415: 'The body is not sent as `text/csv`.',
      422:
        'Nothing was imported. The file cannot be read (a missing column, an unclosed quote), or some rows are wrong: `fields` names each as `rows.<row>.<column>`, rows numbered as in the file (the header is row 1), and `serviceUnitIds` lists the valid units when one is unknown.',
    },
  },
  {
    method: 'get',
    path: '/api/hours/history',
    summary: 'List the imported hours of earlier years, with each year\'s total',
    tag,
    access: 'staff',
    responses: { 200: '`items` (year, serviceUnitId, activityTypeId or null, hours, importedBy, importedAt), newest year first, and `years` with each year\'s `hours` and `fte` (årsverk).' },
  },
];
