import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Remembers what an `Idempotency-Key` created, so a repeated request answers with the same resource. */
export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  properties: {
    key: p.string().length(255).primary(),
    scope: p.string().length(100),
    requestHash: p.string().length(64),
    resourceId: p.string().length(100),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IdempotencyRecord = InferEntity<typeof IdempotencyRecord>;
