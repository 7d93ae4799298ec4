import { z } from 'zod';
import { isUuid } from '../volunteers/schemas.ts';

/** Request schemas for volunteer hours; messages are written for the person entering them. */

/** A month has at most 31 × 24 hours; anything above is a typing error. */
const MAX_HOURS = 744;

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const MONTH_FORMAT = 'Give the month as YYYY-MM, e.g. 2026-03 (month 01 to 12).';

/** Swedish dates happen to be ISO; one formatter, as building one per row would dominate an import. */
const norwegianMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' });

/** The current month in Norway as `YYYY-MM`. */
export function currentMonth(now = new Date()): string {
  return norwegianMonth.format(now);
}

const volunteerIdField = z
  .string({ error: 'Give the volunteer\'s ID (volunteerId).' })
  .trim()
  .toLowerCase()
  .refine(isUuid, 'Give the volunteer\'s ID as Samspill shows it, a UUID such as 5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91.');

/** Hours are given for a month that has begun, never ahead. */
const monthField = z
  .string({ error: MONTH_FORMAT })
  .trim()
  .regex(MONTH, { message: MONTH_FORMAT, abort: true })
  .refine((month) => month <= currentMonth(), 'That month has not begun yet; give hours for this month or an earlier one.');

/** Hours are counted to the hundredth at most (1.25); more decimals are a typing error. */
export function atMostTwoDecimals(hours: number): boolean {
  return Math.abs(hours * 100 - Math.round(hours * 100)) < 1e-6;
}

/** A number typed as text with a decimal point or a decimal comma (2.5 or 2,5); NaN for anything else. */
export function decimalNumber(text: string): number {
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}

const hoursField = z
  .number({ error: 'Give the hours as a number, e.g. 2.5.' })
  .positive('Hours must be more than 0.')
  .max(MAX_HOURS, `Hours can be at most ${MAX_HOURS} (every hour of a 31-day month); check the number.`)
  .refine(atMostTwoDecimals, 'Give the hours with at most two decimals, e.g. 2.5 or 1.25.');

/** Hours typed as text, with a decimal point or a decimal comma (2.5 or 2,5). */
const hoursText = z
  .string({ error: 'Give the hours as a number, e.g. 2.5.' })
  .trim()
  .transform(decimalNumber)
  .pipe(hoursField);

const policyId = (what: string) => z.string({ error: `Give the ${what} ID.` }).trim().min(1, `Give the ${what} ID.`).max(100);

/** An empty cell or field means "the volunteer's current one". */
const optionalPolicyId = (what: string) =>
  z
    .string({ error: `Give the ${what} ID as text.` })
    .trim()
    .transform((text) => text || undefined)
    .pipe(policyId(what).optional())
    .optional();

const hoursInputShape = {
  volunteerId: volunteerIdField,
  month: monthField,
  serviceUnitId: optionalPolicyId('service unit'),
  activityTypeId: optionalPolicyId('activity type'),
};

export const enterHoursBody = z.object({ ...hoursInputShape, hours: hoursField }).strict();

/** One CSV row: every value arrives as text. */
export const hoursCsvRow = z.object({ ...hoursInputShape, hours: hoursText });

/** The dashboard's entry form: like a CSV row, the hours typed as text (2,5 or 2.5). */
export const enterHoursForm = hoursCsvRow.strict();

export type HoursInput = z.infer<typeof hoursCsvRow>;

export const approveHoursBody = z.object({}).strict();

const HOURS_STATUSES = ['approved', 'pending'] as const;

export const listHoursQuery = z
  .object({
    volunteerId: volunteerIdField.optional(),
    serviceUnitId: z.string().min(1).max(100).optional(),
    activityTypeId: z.string().min(1).max(100).optional(),
    month: z.string().regex(MONTH, MONTH_FORMAT).optional(),
    year: z.string().regex(/^20\d{2}$/, 'Give the year with four digits, e.g. 2026.').optional(),
    status: z.enum(HOURS_STATUSES, { error: `status must be one of ${HOURS_STATUSES.join(', ')}.` }).optional(),
    limit: z.coerce.number({ error: 'limit must be a number.' }).int().min(1).max(200, 'limit can be at most 200.').default(50),
    offset: z.coerce.number({ error: 'offset must be a number.' }).int().min(0).default(0),
  })
  .strict()
  .refine((query) => !(query.month && query.year), { message: 'Filter by month or by year, not both.', path: ['year'] });

export type ListHoursQuery = z.infer<typeof listHoursQuery>;

/** The volunteer's own form; the page words its own messages per field, in the volunteer's language. */
export const selfEntryForm = z.object({ month: monthField, hours: hoursText });

/** One row of an earlier years' hours file, as the API documentation describes it; api/hours/history-file.ts reads and checks it. */
export const historyCsvRow = z.object({
  year: z.string().describe('The year, e.g. 2024: from 2000 to last year.'),
  serviceUnitId: z.string().describe('The service unit, by its ID in the policy or its name.'),
  hours: z.string().describe('The unit\'s hours that year, e.g. 11905 or 11 905,5.'),
  activityTypeId: z.string().optional().describe('An activity type, by ID or name; empty for the unit\'s hours as a whole.'),
});
