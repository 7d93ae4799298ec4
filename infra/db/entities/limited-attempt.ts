import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One attempt that counts towards a limit (a failed sign-in, say), kept in the database so every API
 * process behind a load balancer counts the same attempts. The key is a digest: no address or email here.
 */
export const LimitedAttempt = defineEntity({
  name: 'LimitedAttempt',
  properties: {
    id: p.integer().primary().autoincrement(),
    key: p.string().length(64),
    at: p.datetime(),
  },
  indexes: [{ properties: ['key', 'at'] }],
});

export type LimitedAttempt = InferEntity<typeof LimitedAttempt>;
