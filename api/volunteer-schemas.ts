import { z } from 'zod';
import { PHASES, STEP_STATES, STEPS } from '../workflows/volunteer-lifecycle/definitions.ts';

/** Request schemas for the volunteer endpoints; messages are written for the person filling in the form. */

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
      .max(254, 'The email address can be at most 254 characters.')
      .pipe(z.email('Enter an email address such as ola@example.no.')),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{3,18}[0-9]$/, 'Enter a phone number of digits, optionally starting with +, such as +47 912 34 567.')
      .nullish(),
    serviceUnitId: z.string({ error: 'Choose the service unit (serviceUnitId).' }).min(1, 'Choose the service unit.'),
    activityTypeId: z.string({ error: 'Choose the activity type (activityTypeId).' }).min(1, 'Choose the activity type.'),
    language: z.enum(['nb', 'en'], { error: 'Language must be "nb" (bokmål) or "en" (English).' }).default('nb'),
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

export const completeStepBody = z
  .object({
    actor: z.string().trim().min(1, 'Say who completed the step (actor).').max(200).default('api'),
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
