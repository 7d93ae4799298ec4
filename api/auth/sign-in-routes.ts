import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { verifyPassword } from '../../infra/auth/passwords.ts';
import { signInBody } from './views/sign-in.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import type { SignInLimiter } from './sign-in-limiter.ts';
import { endSession, startSession } from './sessions.ts';
import { csrfToken, languageOf, render } from '../views/render.ts';
import { t } from './messages/index.ts';

export interface SignInDeps {
  em: () => EntityManager;
  limiter: SignInLimiter;
  secureCookies: boolean;
  /** The label of the OpenID Connect button; absent when no provider is configured. */
  oidcLabel?: string | undefined;
}

/** Only paths on this site, so the sign-in form cannot be used to send people elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

// A real hash of a random password, so an unknown email costs as much time as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$c2Ftc3BpbGwtZHVtbXk$0nq3nN6Xh0Yr3f4V8lq5Q9zR2kW1mB7cT6aE4dJ8uHs';

/** `/sign-in` and `/sign-out` for staff with a local password. */
export function signInRouter({ em, limiter, secureCookies, oidcLabel }: SignInDeps): Router {
  const router = Router();

  function showForm(req: Request, res: Response, status: number, extra: { email?: string; problem?: string } = {}) {
    const language = languageOf(req, res);
    const next = safeNext(req.query.next ?? (req.body as { next?: unknown } | undefined)?.next);
    render(req, res, {
      title: t(language, 'signIn.title'),
      status,
      body: signInBody({ language, csrfToken: csrfToken(req, res), next, oidcLabel, ...extra }),
    });
  }

  router.get('/sign-in', (req, res) => {
    showForm(req, res, 200);
  });

  router.post('/sign-in', async (req, res) => {
    const language = languageOf(req, res);
    const body = (req.body ?? {}) as { email?: unknown; password?: unknown; next?: unknown };
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
    const address = req.ip ?? 'unknown';
    const wait = await limiter.retryAfter(address, email);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      const minutes = Math.ceil(wait / 60);
      showForm(req, res, 429, {
        email,
        problem: t(language, 'signIn.tooMany', { minutes }),
      });
      return;
    }
    const user = email ? await em().findOne(StaffUser, { email, disabledAt: null }) : null;
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      await limiter.recordFailure(address, email);
      showForm(req, res, 401, { email, problem: t(language, 'signIn.wrong') });
      return;
    }
    await limiter.recordSuccess(email);
    await startSession(em(), res, user, secureCookies);
    res.redirect(303, safeNext(body.next));
  });

  router.post('/sign-out', async (req, res) => {
    await endSession(em(), res, readCookie(req, SESSION_COOKIE), secureCookies);
    res.redirect(303, '/sign-in');
  });

  return router;
}
