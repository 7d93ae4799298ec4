import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'samspill_session';
/** The CSRF secret of a browser without a session (sign-in and self-service forms). */
export const ANONYMOUS_CSRF_COOKIE = 'samspill_csrf';
export const LANGUAGE_COOKIE = 'samspill_lang';
export const FLASH_COOKIE = 'samspill_flash';

/** One cookie from the request; malformed encodings count as absent. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** HTTP-only, same-site and, behind HTTPS, secure: scripts and other sites never see the cookie. */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) };
}
