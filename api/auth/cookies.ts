import { parseCookie } from 'cookie';
import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'samspill_session';
/** The CSRF secret of a browser without a session (sign-in and self-service forms). */
export const ANONYMOUS_CSRF_COOKIE = 'samspill_csrf';
export const LANGUAGE_COOKIE = 'samspill_lang';
export const FLASH_COOKIE = 'samspill_flash';

/** One cookie from the request, read with jshttp's `cookie`, the package whose serialiser Express sets them with. */
export function readCookie(req: Request, name: string): string | undefined {
  return parseCookie(req.get('cookie') ?? '')[name];
}

/** HTTP-only, same-site and, behind HTTPS, secure: scripts and other sites never see the cookie. */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) };
}
