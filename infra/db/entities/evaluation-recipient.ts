import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Someone asked to contribute to a year's evaluation: a volunteer contact, a unit mailbox or an organisation contact. */
export const EvaluationRecipient = defineEntity({
  name: 'EvaluationRecipient',
  properties: {
    id: p.integer().primary().autoincrement(),
    year: p.integer().index(),
    email: p.string().length(254),
    name: p.string().length(200),
    kind: p.enum(['contact', 'organisationContact'] as const),
    /** What they answered: confirmation of hours, an evaluation of the activities, feedback (no patient data). */
    response: p.json<{ hoursConfirmed: boolean; evaluation: string; feedback: string }>().nullable(),
    respondedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['year', 'email'] }],
});

export type EvaluationRecipient = InferEntity<typeof EvaluationRecipient>;
