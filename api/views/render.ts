import type { Request, Response } from 'express';
import { serialise, type Html } from '../../infra/html/html.ts';
import { isLanguage, type Language } from '../../infra/i18n/languages.ts';
import { dashboardPage, type Section } from './layout.ts';
import { cookieOptions, FLASH_COOKIE, LANGUAGE_COOKIE, readCookie } from '../auth/cookies.ts';
import { csrfTokenFor } from '../auth/csrf.ts';
import { maybePrincipal } from '../auth/principal.ts';

/** Whether cookies are marked Secure (PUBLIC_URL is HTTPS); set once by createApp. */
function secureCookies(req: Request): boolean {
  return req.app.locals.secureCookies === true;
}

/** The municipality's written standard (the policy's `language`); set once by createApp. */
function defaultLanguage(req: Request): Language {
  const language: unknown = req.app.locals.defaultLanguage;
  return isLanguage(language) ? language : 'nb';
}

/**
 * The page language: `?lang=` (remembered in a cookie), else the cookie, else the user's own,
 * else the municipality's written standard.
 */
export function languageOf(req: Request, res: Response): Language {
  const asked = req.query.lang;
  if (isLanguage(asked)) {
    res.cookie(LANGUAGE_COOKIE, asked, cookieOptions(secureCookies(req), 365 * 86_400_000));
    return asked;
  }
  const remembered = readCookie(req, LANGUAGE_COOKIE);
  if (isLanguage(remembered)) return remembered;
  return maybePrincipal(res)?.language ?? defaultLanguage(req);
}

export function csrfToken(req: Request, res: Response): string {
  return csrfTokenFor(req, res, secureCookies(req));
}

/** An absolute address of a path, for what leaves the page: a QR code, a calendar subscription. */
export function absoluteUrl(req: Request, path: string): string {
  const configured: unknown = req.app.locals.publicUrl;
  const origin = typeof configured === 'string' ? configured.replace(/\/$/, '') : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return `${origin}${path}`;
}

/** Leaves a one-time message for the next page, so a form can redirect after it succeeds (POST/redirect/GET). */
export function setFlash(req: Request, res: Response, text: string, kind: 'success' | 'error' = 'success'): void {
  res.cookie(FLASH_COOKIE, JSON.stringify({ kind, text }), cookieOptions(secureCookies(req), 60_000));
}

function takeFlash(req: Request, res: Response): { kind: 'success' | 'error'; text: string } | undefined {
  const raw = readCookie(req, FLASH_COOKIE);
  if (!raw) return undefined;
  res.clearCookie(FLASH_COOKIE, cookieOptions(secureCookies(req)));
  try {
    const parsed = JSON.parse(raw) as { kind?: unknown; text?: unknown };
    return typeof parsed.text === 'string' ? { kind: parsed.kind === 'error' ? 'error' : 'success', text: parsed.text } : undefined;
  } catch {
    return undefined;
  }
}

export interface RenderOptions {
  title: string;
  body: Html;
  section?: Section;
  status?: number;
  refreshSeconds?: number;
}

/** Sends a dashboard page in the request's language, with the user, the CSRF token and any flash message. */
export function render(req: Request, res: Response, options: RenderOptions): void {
  const language = languageOf(req, res);
  const principal = maybePrincipal(res);
  const page = dashboardPage({
    language,
    title: options.title,
    body: options.body,
    user: principal ? { name: principal.name, role: principal.role } : undefined,
    csrfToken: csrfToken(req, res),
    section: options.section,
    flash: takeFlash(req, res),
    currentUrl: req.originalUrl,
    refreshSeconds: options.refreshSeconds,
  });
  res.status(options.status ?? 200).type('html').send(serialise(page));
}
