import { z } from 'zod';

/** Request schemas for the annual evaluation; messages are written for the person sending them. */

export const yearParam = z.coerce.number({ error: 'The year must be a number such as 2025.' }).int().min(2000, 'The year must be 2000 or later.').max(2100);
export const kickoffBody = z.object({ year: yearParam }).strict();
export const sentBody = z
  .object({
    caseNumber: z.string({ error: 'Give the case number (saksnummer), e.g. 2026/1234.' }).trim().min(1, 'Give the case number (saksnummer), e.g. 2026/1234.').max(50),
    sentOn: z.string({ error: 'Give the date it was sent (sentOn) as YYYY-MM-DD.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date it was sent (sentOn) as YYYY-MM-DD.'),
  })
  .strict();
export const responseBody = z
  .object({
    email: z.string().trim().pipe(z.email('Give the email address the request was sent to.')),
    hoursConfirmed: z.boolean({ error: 'Say whether the hours are right (true or false).' }),
    evaluation: z.string().trim().max(10_000).default(''),
    feedback: z.string().trim().max(10_000).default(''),
  })
  .strict();

export type SentInput = z.infer<typeof sentBody>;
export type ResponseInput = z.infer<typeof responseBody>;
