import { Router } from 'express';
import { createStaffUser, StaffAccountConflict } from '../../infra/auth/staff-accounts.ts';
import { StaffUser } from '../../infra/db/entities/index.ts';
import { tr } from '../views/layout.ts';
import { shownOnceBody, staffListBody } from './views/staff.ts';
import { newStaffBody } from './views/staff-form.ts';
import { allow } from '../auth/access.ts';
import { parse } from '../http/parse.ts';
import { checkUnits, staffSchemas } from './schemas.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { conflictProblem, problemsOf, staffChangesOf, staffFormValues } from './forms.ts';

/** `/staff` and `/staff/new`: the coordinator's list of everyone who can sign in, and new accounts. */
export function staffPagesRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  router.get('/staff', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const users = await em().find(StaffUser, {}, { orderBy: { name: 'asc' } });
    render(req, res, { title: tr(language, 'Ansatte', 'Staff'), section: 'staff', body: staffListBody(language, policy, users) });
  });

  router.get('/staff/new', allow('coordinator'), (req, res) => {
    const language = languageOf(req, res);
    const body = newStaffBody(language, policy, csrfToken(req, res), { serviceUnitIds: [], certificateOfficer: false, role: 'contact' }, []);
    render(req, res, { title: tr(language, 'Ny ansatt', 'New staff member'), section: 'staff', body });
  });

  router.post('/staff/new', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const values = staffFormValues((req.body ?? {}) as Record<string, unknown>);
    try {
      const { oidcOnly, ...fields } = parse(staffSchemas(language).create, {
        ...staffChangesOf(values),
        email: values.email,
        language: values.language ?? 'nb',
        oidcOnly: values.oidcOnly,
      });
      checkUnits(policy, fields.serviceUnitIds, language);
      const { user, password } = await createStaffUser(em(), { ...fields, ...(oidcOnly ? { password: null } : {}) });
      if (password === null) {
        setFlash(req, res, tr(language, `Kontoen er opprettet. ${user.name} logger inn med kommunens pålogging.`, `The account is created. ${user.name} signs in with the municipal sign-in.`));
        res.redirect(303, `/staff/${user.id}`);
        return;
      }
      res.set('Cache-Control', 'no-store');
      render(req, res, {
        title: tr(language, 'Kontoen er opprettet', 'The account is created'),
        section: 'staff',
        body: shownOnceBody(language, {
          title: tr(language, 'Kontoen er opprettet', 'The account is created'),
          about: tr(language, `Gi passordet til ${user.name} (${user.email}) på en trygg måte, f.eks. muntlig.`, `Give the password to ${user.name} (${user.email}) safely, e.g. in person.`),
          label: tr(language, 'Passord', 'Password'),
          secret: password,
          back: { href: `/staff/${user.id}`, text: tr(language, 'Til kontoen', 'To the account') },
        }),
      });
    } catch (error) {
      const conflict = error instanceof StaffAccountConflict;
      const problems = conflict ? [conflictProblem(error, language)] : problemsOf(error);
      const body = newStaffBody(language, policy, csrfToken(req, res), values, problems);
      render(req, res, { title: tr(language, 'Ny ansatt', 'New staff member'), section: 'staff', status: conflict ? 409 : 422, body });
    }
  });

  return router;
}
