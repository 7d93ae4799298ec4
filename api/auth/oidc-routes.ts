import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { staffForOidcIdentity, type OidcRefusal } from '../../infra/auth/staff-accounts.ts';
import { html } from '../../infra/html/html.ts';
import { cookieOptions, readCookie } from './cookies.ts';
import { OIDC_COOKIE, PENDING_LIFETIME_MS } from './oidc-pending.ts';
import { OidcSignInFailed, type OidcFailure, type OidcSignIn } from './oidc.ts';
import { startSession } from './sessions.ts';
import { languageOf, render } from '../views/render.ts';
import { safeNext } from './sign-in-routes.ts';
import { t } from './messages/index.ts';

export interface OidcRouteDeps {
  em: () => EntityManager;
  oidc: OidcSignIn;
  secureCookies: boolean;
  log: (line: string) => void;
}

type Problem = OidcFailure | OidcRefusal;

/** Each problem's status, and its heading and explanation in the catalogue. */
const PROBLEMS = {
  unavailable: { status: 503, title: 'oidc.unavailable.title', text: 'oidc.unavailable.text' },
  expired: { status: 400, title: 'oidc.expired.title', text: 'oidc.expired.text' },
  rejected: { status: 400, title: 'oidc.rejected.title', text: 'oidc.rejected.text' },
  unknown: { status: 403, title: 'oidc.unknown.title', text: 'oidc.unknown.text' },
  disabled: { status: 403, title: 'oidc.disabled.title', text: 'oidc.disabled.text' },
  linkedElsewhere: { status: 403, title: 'oidc.linkedElsewhere.title', text: 'oidc.linkedElsewhere.text' },
} as const satisfies Record<Problem, { status: number; title: string; text: string }>;

function showProblem(req: Request, res: Response, problem: Problem): void {
  const language = languageOf(req, res);
  const { status, title, text } = PROBLEMS[problem];
  const heading = t(language, title);
  render(req, res, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1>
<p role="alert">${t(language, text)}</p>
<p><a href="/sign-in">${t(language, 'oidc.back')}</a></p>`,
  });
}

/** `/auth/oidc/start` sends the browser to the municipality's provider; `/auth/oidc/callback` signs it in on return. */
export function oidcRouter({ em, oidc, secureCookies, log }: OidcRouteDeps): Router {
  const router = Router();

  function failed(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof OidcSignInFailed)) throw error;
    log(`OpenID Connect sign-in failed (${error.reason}): ${error.message}`);
    showProblem(req, res, error.reason);
  }

  router.get('/auth/oidc/start', async (req, res) => {
    try {
      const { url, cookie } = await oidc.begin(safeNext(req.query.next));
      res.cookie(OIDC_COOKIE, cookie, cookieOptions(secureCookies, PENDING_LIFETIME_MS));
      res.set('Cache-Control', 'no-store').redirect(303, url.href);
    } catch (error) {
      failed(req, res, error);
    }
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    res.clearCookie(OIDC_COOKIE, cookieOptions(secureCookies));
    res.set('Cache-Control', 'no-store');
    let finished: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      finished = await oidc.finish(new URL(req.originalUrl, 'http://callback').search, readCookie(req, OIDC_COOKIE));
    } catch (error) {
      failed(req, res, error);
      return;
    }
    const match = await staffForOidcIdentity(em(), finished.identity);
    if ('refused' in match) {
      showProblem(req, res, match.refused);
      return;
    }
    await startSession(em(), res, match.user, secureCookies);
    res.redirect(303, safeNext(finished.next));
  });

  return router;
}
