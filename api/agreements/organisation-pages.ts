import { Router, type Request, type Response } from 'express';
import { newOrganisationBody, organisationListBody, organisationPageBody, type OrganisationFormValues } from './views/organisations.ts';
import { listAgreements } from './queries.ts';
import { organisationView } from './view.ts';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { FieldProblem } from '../http/errors.ts';
import { registerOrganisation, setRecruitmentUrl } from './organisation-commands.ts';
import { HttpError } from '../http/errors.ts';
import { listOrganisations, loadOrganisation } from './organisation-queries.ts';
import { answerRefusal } from './form-errors.ts';
import { filledText, formText, type FormBody } from './form-input.ts';
import { agreementRow } from './agreement-page.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { t } from './messages/index.ts';

/** The registration form as an `organisationBody`: the checkbox is sent only when ticked. */
function organisationInput(form: FormBody): OrganisationFormValues {
  return {
    name: formText(form, 'name'),
    organisationNumber: formText(form, 'organisationNumber'),
    registeredInFrivillighetsregisteret: formText(form, 'registeredInFrivillighetsregisteret') === 'true',
    contact: { name: formText(form, 'contact.name'), email: formText(form, 'contact.email'), phone: filledText(form, 'contact.phone') ?? null },
    recruitmentUrl: filledText(form, 'recruitmentUrl') ?? null,
  };
}

/** `/organisations`: the organisations the user may see, registering one, and each with its agreements. */
export function organisationsPagesRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  router.get('/organisations', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const organisations = await listOrganisations(em(), principal);
    render(req, res, {
      title: t(language, 'organisations.title'),
      section: 'organisations',
      body: organisationListBody(language, organisations.map(organisationView), permits(principal, 'coordinator')),
    });
  });

  function showForm(req: Request, res: Response, values: OrganisationFormValues, problems: FieldProblem[], status = 200) {
    const language = languageOf(req, res);
    render(req, res, {
      title: t(language, 'organisations.new'),
      section: 'organisations',
      status,
      body: newOrganisationBody(language, csrfToken(req, res), values, problems),
    });
  }

  router.get('/organisations/new', allow('coordinator'), (req, res) => {
    showForm(req, res, { contact: {} }, []);
  });

  router.post('/organisations', allow('coordinator'), async (req, res) => {
    const values = organisationInput((req.body ?? {}) as FormBody);
    try {
      const organisation = await registerOrganisation(em(), values);
      setFlash(req, res, t(languageOf(req, res), 'organisations.registered', { organisation: organisation.name }));
      res.redirect(303, `/organisations/${organisation.id}`);
    } catch (error) {
      await answerRefusal(req, res, error, { field: 'organisationNumber', showForm: (problems, status) => showForm(req, res, values, problems, status) });
    }
  });

  router.get('/organisations/:id', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const organisation = await loadOrganisation(em(), String(req.params.id), principal);
    const agreements = await listAgreements(em(), policy, principal, { organisationId: organisation.id, limit: '200' });
    const nowMs = Date.now();
    render(req, res, {
      title: organisation.name,
      section: 'organisations',
      body: organisationPageBody(language, organisationView(organisation), agreements.items.map((a) => agreementRow(a, nowMs)), permits(principal, 'coordinator'), csrfToken(req, res)),
    });
  });

  router.post('/organisations/:id/recruitment-url', allow('coordinator'), async (req, res) => {
    const language = languageOf(req, res);
    const id = String(req.params.id);
    try {
      await setRecruitmentUrl(em(), principalOf(res), id, { recruitmentUrl: filledText((req.body ?? {}) as FormBody, 'recruitmentUrl') ?? null });
      setFlash(req, res, t(language, 'organisations.recruitmentSaved'));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 422) throw error;
      setFlash(req, res, t(language, 'organisations.recruitmentInvalid'), 'error');
    }
    res.redirect(303, `/organisations/${id}`);
  });

  return router;
}
