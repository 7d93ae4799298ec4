import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { staffForOidcIdentity, type OidcRefusal } from '../../infra/auth/staff-accounts.ts';
import { tr } from '../views/layout.ts';
import { escapeHtml, type Language } from '../../activities/emails/layout.ts';
import { cookieOptions, readCookie } from './cookies.ts';
import { OIDC_COOKIE, PENDING_LIFETIME_MS } from './oidc-pending.ts';
import { OidcSignInFailed, type OidcFailure, type OidcSignIn } from './oidc.ts';
import { startSession } from './sessions.ts';
import { languageOf, render } from '../views/render.ts';
import { safeNext } from './sign-in-routes.ts';

export interface OidcRouteDeps {
  em: () => EntityManager;
  oidc: OidcSignIn;
  secureCookies: boolean;
  log: (line: string) => void;
}

type Problem = OidcFailure | OidcRefusal;

const PROBLEMS: Record<Problem, { status: number; title: [string, string]; text: [string, string] }> = {
  unavailable: {
    status: 503,
    title: ['Kommunens pålogging svarer ikke', "The municipality's sign-in is not answering"],
    text: ['Prøv igjen om litt, eller logg inn med e-post og passord.', 'Try again shortly, or sign in with email and password.'],
  },
  expired: {
    status: 400,
    title: ['Innloggingen ble ikke fullført', 'The sign-in was not completed'],
    text: [
      'Den tok for lang tid, eller den ble startet i en annen nettleser. Start innloggingen på nytt.',
      'It took too long, or it was started in another browser. Start the sign-in again.',
    ],
  },
  rejected: {
    status: 400,
    title: ['Innloggingen kunne ikke bekreftes', 'The sign-in could not be confirmed'],
    text: [
      'Start innloggingen på nytt. Skjer det igjen, kontakt frivilligkoordinatoren.',
      'Start the sign-in again. If it happens again, contact the volunteer coordinator.',
    ],
  },
  unknown: {
    status: 403,
    title: ['Du har ingen konto i Samspill', 'You have no Samspill account'],
    text: [
      'Be frivilligkoordinatoren om å opprette en konto til deg, med e-postadressen du bruker i kommunen.',
      'Ask the volunteer coordinator to create an account for you, with the email address you use at the municipality.',
    ],
  },
  disabled: {
    status: 403,
    title: ['Kontoen din er deaktivert', 'Your account is disabled'],
    text: ['Kontakt frivilligkoordinatoren om du trenger tilgang igjen.', 'Contact the volunteer coordinator if you need access again.'],
  },
  linkedElsewhere: {
    status: 403,
    title: ['Kontoen er koblet til en annen pålogging', 'The account is linked to another sign-in'],
    text: [
      'E-postadressen din hører til en Samspill-konto som allerede er koblet til en annen kommunal pålogging. Be frivilligkoordinatoren om å fjerne koblingen.',
      "Your email belongs to a Samspill account already linked to another municipal sign-in. Ask the volunteer coordinator to remove the link.",
    ],
  },
};

function showProblem(req: Request, res: Response, problem: Problem): void {
  const language: Language = languageOf(req, res);
  const { status, title, text } = PROBLEMS[problem];
  const heading = tr(language, ...title);
  render(req, res, {
    title: heading,
    status,
    body: `<h1>${escapeHtml(heading)}</h1>
<p role="alert">${escapeHtml(tr(language, ...text))}</p>
<p><a href="/sign-in">${tr(language, 'Tilbake til innloggingen', 'Back to sign-in')}</a></p>`,
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
