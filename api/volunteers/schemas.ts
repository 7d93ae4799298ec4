import { LANGUAGES } from '../../infra/i18n/languages.ts';
import { z } from 'zod';
import { PHASES, STEP_STATES, STEPS } from '../../workflows/volunteer-lifecycle/definitions.ts';

/** Request schemas for the volunteer endpoints; messages are written for the person filling in the form. */

/** The longest an email address can be (RFC 5321), and what the address columns hold. */
export const MAX_EMAIL_LENGTH = 254;

/** A phone number of digits, optionally starting with +, such as +47 912 34 567. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{3,18}[0-9]$/;

export const registerVolunteerBody = z
  .object({
    name: z
      .string({ error: 'Enter the volunteer\'s name.' })
      .trim()
      .min(1, 'Enter the volunteer\'s name.')
      .max(200, 'The name can be at most 200 characters.'),
    email: z
      .string({ error: 'Enter an email address.' })
      .trim()
      .max(MAX_EMAIL_LENGTH, `The email address can be at most ${MAX_EMAIL_LENGTH} characters.`)
      .pipe(z.email('Enter an email address such as ola@example.no.')),
    phone: z
      .string()
      .trim()
      .regex(PHONE_PATTERN, 'Enter a phone number of digits, optionally starting with +, such as +47 912 34 567.')
      .nullish(),
    serviceUnitId: z.string({ error: 'Choose the service unit (serviceUnitId).' }).min(1, 'Choose the service unit.'),
    activityTypeId: z.string({ error: 'Choose the activity type (activityTypeId).' }).min(1, 'Choose the activity type.'),
    language: z.enum(LANGUAGES, { error: 'Language must be "nb" (bokmål), "nn" (nynorsk) or "en" (English).' }).optional(),
    birthYear: z
      .number({ error: 'Give the birth year (for the activity type\'s minimum age), e.g. 1990.' })
      .int('Give the birth year as a whole number, e.g. 1990.')
      .min(1900, 'Give a birth year after 1900.')
      .max(new Date().getFullYear(), 'The birth year cannot be in the future.'),
    suitabilityNote: z.string().trim().max(2000, 'The suitability note can be at most 2000 characters.').nullish(),
  })
  .strict();

export type RegisterVolunteerBody = z.infer<typeof registerVolunteerBody>;

export const listVolunteersQuery = z
  .object({
    serviceUnitId: z.string().min(1).optional(),
    phase: z.enum(PHASES, { error: `phase must be one of ${PHASES.join(', ')}.` }).optional(),
    step: z.enum(STEPS, { error: `step must be one of ${STEPS.join(', ')}.` }).optional(),
    state: z.enum(STEP_STATES, { error: `state must be one of ${STEP_STATES.join(', ')}.` }).optional(),
    overdue: z.enum(['true', 'false'], { error: 'overdue must be true or false.' }).transform((v) => v === 'true').optional(),
    limit: z.coerce.number({ error: 'limit must be a number.' }).int().min(1).max(200, 'limit can be at most 200.').default(50),
    offset: z.coerce.number({ error: 'offset must be a number.' }).int().min(0).default(0),
  })
  .strict();

const day = (what: string) => z.string({ error: `Give ${what} as a date, YYYY-MM-DD.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date, YYYY-MM-DD.`);

/** The body of an action that needs nothing but who does it, which comes from the sign-in. */
export const emptyBody = z.object({}).strict();

export const completeStepBody = z.object({ signedOn: day('the date the paper declaration was signed').optional() }).strict();

export const policeCertificateBody = z
  .object({
    issuedOn: day('the certificate\'s issue date (issuedOn)'),
    presentedOn: day('the date it was presented (presentedOn)'),
    outcome: z.enum(['approved', 'notApproved'], { error: 'outcome must be "approved" or "notApproved".' }),
  })
  .strict();

export const sessionBody = z
  .object({ at: z.iso.datetime({ offset: true, error: 'Give the time as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.' }) })
  .strict();

export const waiverBody = z
  .object({ reason: z.string({ error: 'Give the reason for the waiver.' }).trim().min(3, 'Give the reason for the waiver.').max(1000) })
  .strict();

export const contactBody = z
  .object({
    name: z.string({ error: 'Give the contact\'s name.' }).trim().min(1, 'Give the contact\'s name.').max(200),
    email: z
      .string({ error: 'Give the contact\'s email.' })
      .trim()
      .max(MAX_EMAIL_LENGTH, `The email address can be at most ${MAX_EMAIL_LENGTH} characters.`)
      .pipe(z.email('Give the contact\'s email, e.g. kari@kommune.no.')),
  })
  .strict();

export const roleBody = z
  .object({ activityTypeId: z.string().min(1, 'Choose the new activity type.'), serviceUnitId: z.string().min(1).optional() })
  .strict();

export const deviationBody = z
  .object({
    occurredOn: day('the date of the deviation (occurredOn)'),
    externalId: z.string().trim().max(100).optional(),
  })
  .strict();

export const idempotencyKeyHeader = z
  .string()
  .trim()
  .min(1)
  .max(255, 'The Idempotency-Key header can be at most 255 characters.')
  .optional();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}
