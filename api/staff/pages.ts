import { Router } from 'express';
import { createStaffUser, StaffAccountConflict } from '../../infra/auth/staff-accounts.ts';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { shownOnceBody, staffListBody } from './views/staff.ts';
import { newStaffBody } from './views/staff-form.ts';
import { allow } from '../auth/access.ts';
import { parse } from '../http/parse.ts';
import { checkUnits, staffSchemas } from './schemas.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { conflictProblem, problemsOf, staffChangesOf, staffFormValues } from './forms.ts';
import { t } from './messages/index.ts';

/** `/staff` and `/staff/new`: the coordinator's list of everyone who can sign in, and new accounts. */
export function staffPagesRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  router.get('/staff', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const users = await em().find(StaffUser, {}, { orderBy: { name: 'asc' } });
    render(req, res, { title: t(language, 'list.title'), section: 'staff', body: staffListBody(language, policy, users) });
  });

  router.get('/staff/new', allow('coordinator'), (req, res) => {
    const language = languageOf(req, res);
    const body = newStaffBody(language, policy, csrfToken(req, res), { serviceUnitIds: [], certificateOfficer: false, role: 'contact' }, []);
    render(req, res, { title: t(language, 'new.title'), section: 'staff', body });
  });

  router.post('/staff/new', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const values = staffFormValues((req.body ?? {}) as Record<string, unknown>);
    try {
      const { oidcOnly, ...fields } = parse(staffSchemas(language).create, {
        ...staffChangesOf(values),
        email: values.email,
        // No language chosen: the municipality's written standard, as /api/staff does.
        language: values.language ?? policy.language,
        oidcOnly: values.oidcOnly,
      });
      checkUnits(policy, fields.serviceUnitIds, language);
      const { user, password } = await createStaffUser(em(), { ...fields, ...(oidcOnly ? { password: null } : {}) });
      if (password === null) {
        setFlash(req, res, t(language, 'flash.createdOidc', { name: user.name }));
        res.redirect(303, `/staff/${user.id}`);
        return;
      }
      res.set('Cache-Control', 'no-store');
      const title = t(language, 'created.title');
      render(req, res, {
        title,
        section: 'staff',
        body: shownOnceBody(language, {
          title,
          about: t(language, 'created.about', { name: user.name, email: user.email }),
          label: t(language, 'secret.password'),
          secret: password,
          back: { href: `/staff/${user.id}`, text: t(language, 'created.back') },
        }),
      });
    } catch (error) {
      const conflict = error instanceof StaffAccountConflict;
      const problems = conflict ? [conflictProblem(error, language)] : problemsOf(error);
      const body = newStaffBody(language, policy, csrfToken(req, res), values, problems);
      render(req, res, { title: t(language, 'new.title'), section: 'staff', status: conflict ? 409 : 422, body });
    }
  });

  return router;
}
