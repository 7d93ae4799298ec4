import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { LINK_PURPOSES, type LinkPurpose } from '../../workflows/link-request/definitions.ts';

export { LINK_PURPOSES, type LinkPurpose };

/** Where each purpose's page lives; the token is the only credential in the URL. */
const LINK_PATHS: Record<LinkPurpose, string> = {
  acceptDeclaration: '/s/',
  logHours: '/s/hours/',
  answerReview: '/s/review/',
  evaluationResponse: '/s/evaluation/',
  viewStatus: '/s/status/',
  manageCourse: '/s/course/',
  meetingRsvp: '/s/meeting/',
  courseCheckIn: '/s/check-in/',
  calendarFeed: '/s/calendar/',
  application: '/s/application/',
};

/** The path of a link's page, e.g. `/s/status/<token>`. */
export function linkPath(purpose: LinkPurpose, token: string): string {
  return `${LINK_PATHS[purpose]}${token}`;
}

export interface LinkClaims {
  /** Whom the link is for: a volunteer's ID, an agreement's for its organisation contact, an evaluation recipient's or meeting invitation's, a course session's (check-in) or a staff member's (calendar feed). */
  subjectId: string;
  purpose: LinkPurpose;
  /** Expiry, seconds since the epoch. */
  expires: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired'; claims?: LinkClaims };

export interface LinkSigner {
  /** A token for `/s/<token>`: signed, expiring, single-purpose, and not guessable from any ID. */
  sign(subjectId: string, purpose: LinkPurpose, validForMs: number, now?: Date): string;
  verify(token: string, purpose: LinkPurpose, now?: Date): LinkCheck;
  /**
   * The claims of a token this secret signed, expired or not; for asking for a fresh link, which
   * goes only to the address on file, so an old link may name whom it was for.
   */
  claimsIgnoringExpiry(token: string): LinkClaims | undefined;
  /** A signed moment, for a public form to prove when it was shown (its minimum time to fill). */
  stamp(now?: Date): string;
  /** When this secret made a stamp; undefined for anything else. */
  stampedAt(stamp: string): Date | undefined;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function createLinkSigner(secret: Buffer): LinkSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  /** The claims of a token this secret signed, unaltered; undefined for anything else. */
  function signedClaims(token: string): LinkClaims | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { v: string; p: LinkPurpose; e: number };
    return { subjectId: raw.v, purpose: raw.p, expires: raw.e };
  }
  return {
    sign(subjectId, purpose, validForMs, now = new Date()) {
      const claims = { v: subjectId, p: purpose, e: Math.floor((now.getTime() + validForMs) / 1000), n: b64(randomBytes(6)) };
      const payload = b64(JSON.stringify(claims));
      return `${payload}.${b64(mac(payload))}`;
    },
    verify(token, purpose, now = new Date()) {
      const claims = signedClaims(token);
      if (!claims || claims.purpose !== purpose) return { ok: false, reason: 'invalid' };
      if (claims.expires * 1000 < now.getTime()) return { ok: false, reason: 'expired', claims };
      return { ok: true, claims };
    },
    claimsIgnoringExpiry(token) {
      const claims = signedClaims(token);
      return claims && (LINK_PURPOSES as readonly string[]).includes(claims.purpose) ? claims : undefined;
    },
    stamp(now = new Date()) {
      const at = String(now.getTime());
      return `${at}.${b64(mac(`stamp:${at}`))}`;
    },
    stampedAt(stamp) {
      const [at, signature, extra] = stamp.split('.');
      if (!at || !/^\d{1,15}$/.test(at) || !signature || extra !== undefined) return undefined;
      const expected = mac(`stamp:${at}`);
      const given = Buffer.from(signature, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected) ? new Date(Number(at)) : undefined;
    },
  };
}

/**
 * The signing secret: LINK_SECRET when set (production), else one generated on first start and
 * kept in the data directory, so links survive restarts of the embedded default.
 */
export async function loadLinkSecret(configured: string | undefined, file: string): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  try {
    return Buffer.from(await readFile(file, 'utf8'), 'base64');
  } catch {
    const secret = randomBytes(32);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, secret.toString('base64'), { mode: 0o600 });
    return secret;
  }
}
