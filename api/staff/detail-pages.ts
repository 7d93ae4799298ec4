import { Router, type Request, type Response } from 'express';
import {
  apiTokensOf,
  disableStaffUser,
  enableStaffUser,
  issueApiToken,
  revokeApiToken,
  setPassword,
  StaffAccountConflict,
  unlinkOidc,
  updateStaffUser,
} from '../../infra/auth/staff-accounts.ts';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { shownOnceBody } from './views/staff.ts';
import { staffDetailBody, type StaffDetailPage } from './views/staff-detail.ts';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { checkUnits, staffSchemas } from './schemas.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { currentSessionTokenHash } from '../auth/account-pages.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { conflictProblem, problemsOf, staffChangesOf, staffFormValues } from './forms.ts';
import { field } from '../volunteers/forms.ts';
import { t } from './messages/index.ts';

/** `/staff/:id`: one account, its edit form, disabling, a new password, and its API tokens. */
export function staffDetailRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();
  router.use('/staff/:id', allow('coordinator'));

  async function staffUser(req: Request): Promise<StaffUser> {
    const id = String(req.params.id);
    const user = isUuid(id) ? await em().findOne(StaffUser, { id }) : null;
    if (!user) throw notFound(`Staff account ${id}`);
    return user;
  }

  async function show(req: Request, res: Response, user: StaffUser, extra: Pick<StaffDetailPage, 'edit' | 'tokenProblems'> & { status?: number } = {}) {
    const language = languageOf(req, res);
    const detail = { ...user, hasPassword: user.passwordHash !== null, oidcLinked: user.oidcSubject !== null };
    const body = staffDetailBody({ language, policy, csrfToken: csrfToken(req, res), user: detail, tokens: await apiTokensOf(em(), user.id), ...extra });
    render(req, res, { title: user.name, section: 'staff', status: extra.status ?? 200, body });
  }

  /** A new password or token, shown once, with what to do with it. */
  function showSecret(req: Request, res: Response, user: StaffUser, secret: { title: string; about: string; label: string; value: string }) {
    const language = languageOf(req, res);
    const { title, about, label, value } = secret;
    res.set('Cache-Control', 'no-store');
    render(req, res, {
      title,
      section: 'staff',
      body: shownOnceBody(language, { title, about, label, secret: value, back: { href: `/staff/${user.id}`, text: t(language, 'secret.back') } }),
    });
  }

  router.get('/staff/:id', async (req, res) => {
    await show(req, res, await staffUser(req));
  });

  router.post('/staff/:id', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    const values = staffFormValues((req.body ?? {}) as Record<string, unknown>);
    try {
      const changes = parse(staffSchemas(language).update, staffChangesOf(values));
      checkUnits(policy, changes.serviceUnitIds, language);
      await updateStaffUser(em(), user, changes);
    } catch (error) {
      const conflict = error instanceof StaffAccountConflict;
      const problems = conflict ? [conflictProblem(error, language)] : problemsOf(error);
      await show(req, res, user, { edit: { values, problems }, status: conflict ? 409 : 422 });
      return;
    }
    setFlash(req, res, t(language, 'flash.saved'));
    res.redirect(303, `/staff/${user.id}`);
  });

  router.post('/staff/:id/disable', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    try {
      await disableStaffUser(em(), user);
      setFlash(req, res, t(language, 'flash.disabled', { name: user.name }));
    } catch (error) {
      setFlash(req, res, conflictProblem(error, language).message, 'error');
    }
    res.redirect(303, `/staff/${user.id}`);
  });

  router.post('/staff/:id/enable', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    await enableStaffUser(em(), user);
    setFlash(req, res, t(language, 'flash.enabled', { name: user.name }));
    res.redirect(303, `/staff/${user.id}`);
  });

  router.post('/staff/:id/password', async (req, res) => {
    const user = await staffUser(req);
    // Resetting one's own password keeps the session it was done from, like a change on /account.
    const keep = user.id === principalOf(res).userId ? currentSessionTokenHash(req) : undefined;
    const password = await setPassword(em(), user, undefined, keep);
    const language = languageOf(req, res);
    showSecret(req, res, user, {
      title: t(language, 'newPassword.title'),
      about: t(language, 'newPassword.about', { name: user.name }),
      label: t(language, 'secret.password'),
      value: password,
    });
  });

  router.post('/staff/:id/oidc/unlink', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    await unlinkOidc(em(), user);
    setFlash(req, res, t(language, 'flash.unlinked'));
    res.redirect(303, `/staff/${user.id}`);
  });

  router.post('/staff/:id/tokens', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    let name: string;
    try {
      name = parse(staffSchemas(language).token, { name: field((req.body ?? {}) as Record<string, unknown>, 'tokenName') }).name;
    } catch (error) {
      const tokenProblems = problemsOf(error).map((p) => ({ ...p, field: 'tokenName' }));
      await show(req, res, user, { tokenProblems, status: 422 });
      return;
    }
    const { token } = await issueApiToken(em(), user.id, name);
    showSecret(req, res, user, {
      title: t(language, 'token.title'),
      about: t(language, 'token.about', { name, user: user.name }),
      label: t(language, 'token.label'),
      value: token,
    });
  });

  router.post('/staff/:id/tokens/:tokenId/revoke', async (req, res) => {
    const language = languageOf(req, res);
    const user = await staffUser(req);
    const tokenId = String(req.params.tokenId);
    const record = isUuid(tokenId) ? await revokeApiToken(em(), user.id, tokenId) : null;
    if (!record) throw notFound(`API token ${tokenId}`);
    setFlash(req, res, t(language, 'flash.revoked', { name: record.name }));
    res.redirect(303, `/staff/${user.id}`);
  });

  return router;
}
