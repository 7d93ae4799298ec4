import { z } from 'zod';
import { LANGUAGES } from '../../infra/i18n/languages.ts';
import { APPLICATION_STATUSES } from '../../workflows/application/definitions.ts';
import { MAX_EMAIL_LENGTH, PHONE_PATTERN } from '../volunteers/schemas.ts';

/** The longest "why I want to" an application keeps: a few paragraphs. */
export const MAX_MOTIVATION_LENGTH = 2_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || undefined)
    .optional();

/**
 * The public application form. Its messages are shown from the recruitment catalogue by field, in
 * the applicant's language, so the schema only says which field is wrong.
 */
export const applicationForm = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).pipe(z.email()),
    phone: optionalText(40).pipe(z.string().regex(PHONE_PATTERN).optional()),
    birthYear: z.coerce.number().int().min(1900).max(new Date().getFullYear()),
    serviceUnitIds: z.array(z.string().max(100)).min(1).max(20),
    motivation: optionalText(MAX_MOTIVATION_LENGTH),
    language: z.enum(LANGUAGES),
  })
  .strict();

export type ApplicationForm = z.infer<typeof applicationForm>;
export type ApplicationField = keyof ApplicationForm;

export const listApplicationsQuery = z
  .object({
    status: z.enum(APPLICATION_STATUSES, { error: `status must be one of ${APPLICATION_STATUSES.join(', ')}.` }).optional(),
  })
  .strict();

export const acceptApplicationBody = z
  .object({
    serviceUnitId: z.string({ error: 'Choose the unit to register the volunteer in (serviceUnitId), one of those the applicant asked for.' }).min(1),
  })
  .strict();

export const decisionBody = z.object({}).strict();
