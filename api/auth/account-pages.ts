import { Router, type Request, type Response } from 'express';
import { changeOwnPassword } from '../../infra/auth/staff-accounts.ts';
import { hashToken } from '../../infra/auth/tokens.ts';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { accountBody, type AccountPage } from './views/account.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { allow } from './access.ts';
import { cookieOptions, LANGUAGE_COOKIE, readCookie, SESSION_COOKIE } from './cookies.ts';
import { principalOf } from './principal.ts';
import { parse } from '../http/parse.ts';
import { staffSchemas } from '../staff/schemas.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { problemsOf } from '../staff/forms.ts';
import { t } from './messages/index.ts';

/** The session this request came with, which a change of one's own password leaves signed in. */
export function currentSessionTokenHash(req: Request): string | undefined {
  const token = readCookie(req, SESSION_COOKIE);
  return token ? hashToken(token) : undefined;
}

/** `/account`: every signed-in person's own details, password and preferred language. */
export function accountRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();
  router.use('/account', allow('staff'));

  async function me(res: Response): Promise<StaffUser> {
    return em().findOneOrFail(StaffUser, { id: principalOf(res).userId });
  }

  async function show(req: Request, res: Response, status = 200, problems: Pick<AccountPage, 'passwordProblems' | 'languageProblems'> = {}) {
    const language = languageOf(req, res);
    const user = await me(res);
    const body = accountBody({
      language,
      policy,
      csrfToken: csrfToken(req, res),
      user: { ...user, hasPassword: user.passwordHash !== null, oidcLinked: user.oidcSubject !== null },
      ...problems,
    });
    render(req, res, { title: t(language, 'account.title'), section: 'account', status, body });
  }

  router.get('/account', async (req, res) => {
    await show(req, res);
  });

  router.post('/account/password', async (req, res) => {
    const language = languageOf(req, res);
    let change: { currentPassword: string; newPassword: string };
    try {
      change = parse(staffSchemas(language).password, req.body ?? {});
    } catch (error) {
      await show(req, res, 422, { passwordProblems: problemsOf(error) });
      return;
    }
    const changed = await changeOwnPassword(em(), await me(res), {
      current: change.currentPassword,
      next: change.newPassword,
      keepSessionTokenHash: currentSessionTokenHash(req),
    });
    if (!changed) {
      await show(req, res, 422, { passwordProblems: [{ field: 'currentPassword', message: t(language, 'account.password.wrong') }] });
      return;
    }
    setFlash(req, res, t(language, 'account.password.changed'));
    res.redirect(303, '/account');
  });

  router.post('/account/language', async (req, res) => {
    let language: Language;
    try {
      ({ language } = parse(staffSchemas(languageOf(req, res)).language, req.body ?? {}));
    } catch (error) {
      await show(req, res, 422, { languageProblems: problemsOf(error) });
      return;
    }
    const user = await me(res);
    user.language = language;
    await em().flush();
    // The page language follows a remembered choice first (render.ts), so the choice made here is remembered too.
    res.cookie(LANGUAGE_COOKIE, language, cookieOptions(req.app.locals.secureCookies === true, 365 * 86_400_000));
    // Said in the language just chosen, as the next page will be.
    setFlash(req, res, t(language, 'account.language.saved'));
    res.redirect(303, '/account');
  });

  return router;
}
