import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A bearer token for an integration; it acts with its staff user's role and units. Only its SHA-256 is stored. */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid().index(),
    name: p.string().length(200),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiToken = InferEntity<typeof ApiToken>;
