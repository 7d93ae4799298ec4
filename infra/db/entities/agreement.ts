import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AGREEMENT_STATUSES, REVIEW_OUTCOMES } from '../../../workflows/agreement/definitions.ts';

/** A cooperation agreement (samarbeidsavtale); its contents live in versions, its status is projected from its workflow. */
export const Agreement = defineEntity({
  name: 'Agreement',
  properties: {
    id: p.uuid().primary(),
    organisationId: p.uuid().index(),
    status: p.enum([...AGREEMENT_STATUSES]).default('draft').index(),
    currentVersion: p.integer().default(1),
    cycle: p.integer().default(0),
    startDate: p.string().length(10).nullable(),
    reviewDueOn: p.string().length(10).nullable().index(),
    earlyReview: p.boolean().default(false),
    lastOutcome: p.enum([...REVIEW_OUTCOMES]).nullable(),
    statusVersion: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Agreement = InferEntity<typeof Agreement>;
