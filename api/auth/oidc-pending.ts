import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a sign-in at the provider from its start to the provider's answer. */
export const OIDC_COOKIE = 'samspill_oidc';
/** Long enough to sign in at the provider, short enough that a forgotten tab cannot finish it later. */
export const PENDING_LIFETIME_MS = 10 * 60_000;

/** What the browser must bring back from the provider: the checks of this one attempt, and where to go after. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
}

export interface PendingSealer {
  seal(pending: PendingSignIn, now?: number): string;
  /** The pending sign-in, or undefined when the cookie is missing, altered or expired. */
  open(cookie: string | undefined, now?: number): PendingSignIn | undefined;
}

/**
 * Signs the pending sign-in with a key derived from the client secret, which every API process
 * knows and no browser does, so no database row is needed and any process can finish the sign-in.
 */
export function pendingSealer(clientSecret: string): PendingSealer {
  const key = Buffer.from(hkdfSync('sha256', clientSecret, '', 'samspill oidc pending sign-in', 32));
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    seal(pending, now = Date.now()) {
      const payload = Buffer.from(JSON.stringify({ ...pending, expires: now + PENDING_LIFETIME_MS })).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    open(cookie, now = Date.now()) {
      const [payload, signature, extra] = (cookie ?? '').split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const { expires, ...pending } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PendingSignIn & { expires: number };
      return expires > now ? pending : undefined;
    },
  };
}
