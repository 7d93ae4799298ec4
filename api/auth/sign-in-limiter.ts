import type { EntityManager } from '@mikro-orm/core';
import { createAttemptCounter } from '../../infra/limits/attempts.ts';

/**
 * Slows down password guessing: at most `perAccount` failed sign-ins per account and `perAddress`
 * per client address within a window. Counted in the database, so every API process behind a load
 * balancer applies the same limit.
 */
export interface SignInLimiter {
  /** Seconds to wait before trying again, or 0 if this attempt may go ahead. */
  retryAfter(address: string, email: string): Promise<number>;
  recordFailure(address: string, email: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export function createSignInLimiter({ em, perAccount = 5, perAddress = 20, windowMs = 15 * 60_000, now = Date.now }: { em: () => EntityManager; perAccount?: number; perAddress?: number; windowMs?: number; now?: () => number }): SignInLimiter {
  const attempts = createAttemptCounter({ em, windowMs, now });
  const address = (value: string) => `sign-in:address:${value}`;
  const account = (email: string) => `sign-in:account:${email}`;
  return {
    async retryAfter(from, email) {
      return Math.max(await attempts.waitSeconds(address(from), perAddress), await attempts.waitSeconds(account(email), perAccount));
    },
    async recordFailure(from, email) {
      await attempts.record(address(from));
      await attempts.record(account(email));
    },
    async recordSuccess(email) {
      await attempts.forget(account(email));
    },
  };
}
