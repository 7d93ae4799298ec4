import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
export const StaffSession = defineEntity({
  name: 'StaffSession',
  properties: {
    tokenHash: p.string().length(64).primary(),
    userId: p.uuid().index(),
    /** The token every form of this session carries (synchroniser-token CSRF defence). */
    csrfToken: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime().index(),
  },
});

export type StaffSession = InferEntity<typeof StaffSession>;
