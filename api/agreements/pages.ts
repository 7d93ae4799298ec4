import { Router, type Request, type Response } from 'express';
import { Organisation } from '../../infra/db/entities/index.ts';
import { emptyContent, type ContentValues } from './views/fields.ts';
import { agreementListBody } from './views/list.ts';
import { newAgreementBody } from './views/new.ts';
import { pageNumber, PAGE_SIZE } from '../views/pagination.ts';
import { createAgreement } from './commands.ts';
import { listAgreements } from './queries.ts';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { FieldProblem } from '../http/errors.ts';
import { listOrganisations } from './organisation-queries.ts';
import { agreementActionsRouter } from './action-pages.ts';
import { answerRefusal } from './form-errors.ts';
import { contentInput, filledText, type FormBody } from './form-input.ts';
import { agreementRow, policyChoices, showAgreement } from './agreement-page.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { csrfToken, languageOf, render, setFlash } from '../views/render.ts';
import { t } from './messages/index.ts';

/** `/agreements`: the list, a new draft, and each agreement's page with the forms for its next step. */
export function agreementsPagesRouter(deps: DashboardDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.get('/agreements', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const query = req.query;
    const filters = { status: filledText(query, 'status'), organisationId: filledText(query, 'organisationId') };
    const page = pageNumber(query.page);
    const list = await listAgreements(em(), policy, principal, { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const organisations = await listOrganisations(em(), principal);
    const nowMs = Date.now();
    render(req, res, {
      title: t(language, 'list.title'),
      section: 'agreements',
      body: agreementListBody({
        language,
        rows: list.items.map((a) => agreementRow(a, nowMs)),
        total: list.total,
        page,
        filters,
        organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
        canCreate: permits(principal, 'coordinator'),
      }),
    });
  });

  async function showNewForm(req: Request, res: Response, values: ContentValues, organisationId: string | undefined, problems: FieldProblem[], status = 200) {
    const language = languageOf(req, res);
    const organisations = await em().find(Organisation, {}, { orderBy: { name: 'asc' } });
    render(req, res, {
      title: t(language, 'new.title'),
      section: 'agreements',
      status,
      body: newAgreementBody({
        language,
        csrfToken: csrfToken(req, res),
        organisations: organisations.map((o) => ({ value: o.id, label: o.name })),
        organisationId,
        values,
        problems,
        ...policyChoices(policy, language),
      }),
    });
  }

  router.get('/agreements/new', allow('coordinator'), async (req, res) => {
    await showNewForm(req, res, emptyContent, filledText(req.query, 'organisationId'), []);
  });

  router.post('/agreements', allow('coordinator'), async (req, res) => {
    const form = (req.body ?? {}) as FormBody;
    const organisationId = filledText(form, 'organisationId');
    const values = contentInput(form);
    try {
      const id = await createAgreement(deps, principalOf(res), { organisationId, ...values });
      setFlash(req, res, t(languageOf(req, res), 'new.saved'));
      res.redirect(303, `/agreements/${id}`);
    } catch (error) {
      await answerRefusal(req, res, error, { field: 'organisationId', showForm: (problems, status) => showNewForm(req, res, values, organisationId, problems, status) });
    }
  });

  router.get('/agreements/:id', allow('staff'), async (req, res) => {
    await showAgreement(deps, req, res, String(req.params.id));
  });

  router.use('/agreements/:id', agreementActionsRouter(deps));
  return router;
}
