import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/errors.ts';
import { ANONYMOUS_CSRF_COOKIE, cookieOptions, readCookie } from './cookies.ts';
import { maybePrincipal } from './principal.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The token a form must send back: the session's own, or for a browser without a session
 * (sign-in, self-service links) a random secret in an HTTP-only cookie (double submit).
 */
export function csrfTokenFor(req: Request, res: Response, secureCookies: boolean): string {
  const principal = maybePrincipal(res);
  if (principal?.csrfToken) return principal.csrfToken;
  const existing = readCookie(req, ANONYMOUS_CSRF_COOKIE) ?? (res.locals.anonymousCsrf as string | undefined);
  if (existing) return existing;
  const fresh = randomBytes(24).toString('base64url');
  // Remembered for the rest of this response, so every form on the page carries the same token.
  res.locals.anonymousCsrf = fresh;
  res.cookie(ANONYMOUS_CSRF_COOKIE, fresh, cookieOptions(secureCookies));
  return fresh;
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A file upload's body is read by its own route, after this check, so its form carries the token
 * in the action URL (`?_csrf=`) instead.
 */
function uploadToken(req: Request): string | undefined {
  const token = (req.query as Record<string, unknown>)._csrf;
  return req.is('multipart/form-data') && typeof token === 'string' ? token : undefined;
}

/**
 * Every state-changing request from a browser carries the CSRF token, as the `_csrf` form field,
 * the `X-CSRF-Token` header, or for a file upload `?_csrf=`. API-token requests are exempt: browsers never add that header.
 * Anonymous `/api` calls go on to answer 401, which is the more useful message.
 */
export function verifyCsrf(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const principal = maybePrincipal(res);
    const body = req.body as Record<string, unknown> | undefined;
    const provided = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.get('x-csrf-token') ?? uploadToken(req);
    if (body && typeof body === 'object' && '_csrf' in body) delete body._csrf;
    if (SAFE_METHODS.has(req.method) || principal?.via === 'token') return next();
    if (!principal && req.originalUrl.startsWith('/api/')) return next();
    const expected = principal?.csrfToken ?? readCookie(req, ANONYMOUS_CSRF_COOKIE);
    if (!expected || !provided || !same(expected, provided)) {
      throw new HttpError(403, 'CsrfTokenInvalid', 'This form has expired or did not come from Samspill. Reload the page and try again.');
    }
    next();
  };
}
