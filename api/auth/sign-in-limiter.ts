/**
 * Slows down password guessing: at most `perAccount` failed sign-ins per account and
 * `perAddress` attempts per client address within a window. In memory, per API process.
 */
export interface SignInLimiter {
  /** Seconds to wait before trying again, or 0 if this attempt may go ahead. */
  retryAfter(address: string, email: string): number;
  recordFailure(address: string, email: string): void;
  recordSuccess(email: string): void;
}

export function createSignInLimiter({ perAccount = 5, perAddress = 20, windowMs = 15 * 60_000, now = Date.now } = {}): SignInLimiter {
  const attempts = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - windowMs;
    const kept = (attempts.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) attempts.set(key, kept);
    else attempts.delete(key);
    return kept;
  }

  function wait(key: string, limit: number): number {
    const times = recent(key);
    return times.length < limit ? 0 : Math.ceil((times[0]! + windowMs - now()) / 1000);
  }

  return {
    retryAfter(address, email) {
      return Math.max(wait(`address:${address}`, perAddress), wait(`account:${email}`, perAccount));
    },
    recordFailure(address, email) {
      for (const key of [`address:${address}`, `account:${email}`]) attempts.set(key, [...recent(key), now()]);
    },
    recordSuccess(email) {
      attempts.delete(`account:${email}`);
    },
  };
}
