import type { EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { LimitedAttempt } from '../db/entities/index.ts';

/**
 * Attempts counted in a sliding window, in the database, so every API process shares one count.
 * Keys are stored as digests, so the table never holds an address or an email.
 */
export interface AttemptCounter {
  /** Seconds until one more attempt under `key` is allowed, or 0 if it is allowed now. */
  waitSeconds(key: string, limit: number): Promise<number>;
  record(key: string): Promise<void>;
  forget(key: string): Promise<void>;
  /**
   * Records one attempt if fewer than `limit` are in the window, and answers 0; else records nothing
   * and answers the seconds to wait. Recorded first and then ranked, so processes racing each other
   * let exactly `limit` through.
   */
  admit(key: string, limit: number): Promise<number>;
}

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

export function createAttemptCounter({ em, windowMs, now = Date.now }: { em: () => EntityManager; windowMs: number; now?: () => number }): AttemptCounter {
  const since = () => new Date(now() - windowMs);
  /** Seconds until the oldest attempt in the window leaves it. */
  const waitFor = (oldest: Date) => Math.max(1, Math.ceil((oldest.getTime() + windowMs - now()) / 1000));
  /** Records one attempt and answers its ID. What has left the window counts no more: each key keeps at most a window's worth of rows. */
  async function insert(hashed: string): Promise<number> {
    await em().nativeDelete(LimitedAttempt, { key: hashed, at: { $lte: since() } });
    return em().insert(LimitedAttempt, { key: hashed, at: new Date(now()) });
  }
  return {
    async waitSeconds(key, limit) {
      const where = { key: digest(key), at: { $gt: since() } };
      if ((await em().count(LimitedAttempt, where)) < limit) return 0;
      const [oldest] = await em().find(LimitedAttempt, where, { orderBy: { at: 'asc' }, limit: 1, disableIdentityMap: true });
      return oldest ? waitFor(oldest.at) : 0;
    },
    async record(key) {
      await insert(digest(key));
    },
    async forget(key) {
      await em().nativeDelete(LimitedAttempt, { key: digest(key) });
    },
    async admit(key, limit) {
      const hashed = digest(key);
      const mine = await insert(hashed);
      const inWindow = await em().find(LimitedAttempt, { key: hashed, at: { $gt: since() } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
      // Admitted when this attempt is among the window's first `limit`, whichever process recorded the others.
      if (inWindow.slice(0, limit).some((attempt) => attempt.id === mine)) return 0;
      await em().nativeDelete(LimitedAttempt, { id: mine });
      return waitFor(inWindow[0]!.at);
    },
  };
}
