import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { REVIEW_OUTCOMES, type ReviewQuestion } from '../../../workflows/agreement/definitions.ts';

/** A yearly (or early) review: the checklist's answers and the outcome. */
export const AgreementReview = defineEntity({
  name: 'AgreementReview',
  properties: {
    id: p.integer().primary().autoincrement(),
    agreementId: p.uuid().index(),
    cycle: p.integer(),
    early: p.boolean().default(false),
    answers: p.json<Partial<Record<ReviewQuestion, string>>>(),
    /** What the organisation's contact answered through their link, before the review meeting. */
    organisationAnswers: p.json<Partial<Record<ReviewQuestion, string>>>().nullable(),
    outcome: p.enum([...REVIEW_OUTCOMES]).nullable(),
    reviewedBy: p.string().length(200).nullable(),
    completedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['agreementId', 'cycle'] }],
});

export type AgreementReview = InferEntity<typeof AgreementReview>;
