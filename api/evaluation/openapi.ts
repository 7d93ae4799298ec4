import { z } from 'zod';
import { kickoffBody, responseBody, sentBody, yearParam } from './schemas.ts';
import { emptyBody } from '../volunteers/schemas.ts';
import type { Operation } from '../openapi/operation.ts';

const tag = 'Annual evaluation';
const params = z.object({ year: yearParam.describe('The year evaluated, e.g. 2025.') });
const evaluation = 'The evaluation: status, how many were asked and answered, and the report once made.';
const notAYear = 'The year is not a year from 2000 to 2100.';
const updateErrors = {
  409: 'The evaluation is not at the stage this belongs to.',
  503: 'The workflow engine is not answering; nothing was changed.',
};

/** A step of one year's evaluation, taken by the coordinator through its workflow. */
function step(path: string, summary: string, rest: Partial<Operation> = {}): Operation {
  return {
    method: 'post',
    path: `/api/evaluations/:year${path}`,
    summary,
    tag,
    access: 'coordinator',
    params,
    body: emptyBody,
    example: {},
    idempotencyKey: true,
    responses: { 200: evaluation, ...updateErrors },
    ...rest,
  };
}

export const evaluationsOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/evaluations',
    summary: 'Start the annual evaluation of a year (once per year)',
    tag,
    access: 'coordinator',
    body: kickoffBody,
    example: { year: 2025 },
    responses: {
      200: 'The evaluation of that year had already started: `year`, `started: false`, `workflowId`.',
      202: 'The evaluation started; requests go out to organisations and contacts: `year`, `started: true`, `workflowId`.',
      503: 'The workflow engine is not answering; nothing was started.',
    },
  },
  {
    method: 'get',
    path: '/api/evaluations/:year',
    summary: 'The evaluation of a year',
    tag,
    access: 'staff',
    params,
    responses: { 200: evaluation, 422: notAYear },
  },
  {
    method: 'post',
    path: '/api/evaluations/:year/responses',
    summary: 'Record an answer that came in another way than the link (e.g. by email)',
    tag,
    access: 'coordinator',
    params,
    body: responseBody,
    example: { email: 'ola@rodekors.example.no', hoursConfirmed: true, evaluation: 'Et godt år.', feedback: '' },
    responses: { 200: evaluation, 404: 'No evaluation of that year, or the email was not asked.' },
  },
  {
    method: 'get',
    path: '/api/evaluations/:year/report.csv',
    summary: 'The year\'s report as a CSV file',
    tag,
    access: 'staff',
    params,
    responses: { 200: 'The report as `text/csv` (UTF-8, `;`-separated): hours and full-time equivalents per unit and per activity type, and the sum.', 409: 'The report is made when the collection window closes.', 422: notAYear },
  },
  step('/close', 'Close the collection window now and make the report'),
  step('/report/approve', 'Approve the report'),
  step('/report/sent', 'Record that the report went to the politicians, with its case number', {
    body: sentBody,
    example: { caseNumber: '2026/1234', sentOn: '2026-02-20' },
  }),
];
