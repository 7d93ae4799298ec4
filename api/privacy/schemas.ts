import { z } from 'zod';
import { STEPS } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { osloToday } from '../volunteers/views/time.ts';

/** Request schemas for access, erasure and the audit log; messages are written for the person filling in the form. */

const isCalendarDay = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

const day = (what: string) =>
  z
    .string({ error: `Give ${what} as a date, YYYY-MM-DD.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date, YYYY-MM-DD.`)
    .refine(isCalendarDay, `${what[0]!.toUpperCase()}${what.slice(1)} is not a date in the calendar.`);

export const erasureBody = z
  .object({
    reason: z
      .string({ error: 'Give the reason for the erasure, e.g. "The volunteer asked by email".' })
      .trim()
      .min(3, 'Give the reason for the erasure, e.g. "The volunteer asked by email".')
      .max(1000, 'The reason can be at most 1000 characters.'),
    receivedOn: day('the date the request was received').refine((d) => d <= osloToday(), 'The request cannot have been received after today.'),
  })
  .strict();

export type ErasureRequest = z.infer<typeof erasureBody>;

const auditFilterFields = {
  action: z
    .string()
    .regex(/^[A-Za-z]{1,100}$/, 'action is one word, such as stepCompleted or phaseChanged.')
    .optional()
    .describe('Only entries of this action, such as `stepCompleted`.'),
  step: z.enum(STEPS, { error: `step must be one of ${STEPS.join(', ')}.` }).optional().describe('Only entries about this step.'),
  actor: z.string().min(1).max(200, 'actor can be at most 200 characters.').optional().describe('Only entries by this actor, such as `staff:<id>`, `system` or `volunteer`.'),
  from: day('from').optional().describe('Only entries on or after this day (Europe/Oslo).'),
  to: day('to').optional().describe('Only entries on or before this day (Europe/Oslo).'),
};

const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }) => !query.from || !query.to || query.from <= query.to;
const FROM_AFTER_TO = { message: '"from" must be on or before "to".', path: ['to'] };

export const volunteerAuditQuery = z.object(auditFilterFields).strict().refine(fromNotAfterTo, FROM_AFTER_TO);

export type AuditFilters = z.infer<typeof volunteerAuditQuery>;

/** The coordinator's audit log page: the same filters, plus whose entries and which page. */
export const auditPageQuery = z
  .object({
    ...auditFilterFields,
    volunteerId: z.uuid('volunteerId is a volunteer\'s ID (a UUID).').optional(),
    agreementId: z.uuid('agreementId is an agreement\'s ID (a UUID).').optional(),
    page: z.coerce.number({ error: 'page must be a number.' }).int().min(1, 'page starts at 1.').default(1),
    lang: z.enum(['nb', 'en']).optional(),
  })
  .strict()
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export type AuditPageQuery = z.infer<typeof auditPageQuery>;
