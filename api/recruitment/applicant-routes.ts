import { Router, type Request, type Response } from 'express';
import { Application } from '../../infra/db/entities/index.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { applicationWorkflowId, confirmApplicationUpdate, withdrawApplicationUpdate } from '../../workflows/application/definitions.ts';
import { HttpError } from '../http/errors.ts';
import { updateWorkflow } from '../http/temporal-calls.ts';
import { renewalFor, volunteerLanguage } from '../self-service/link-pages.ts';
import { LINK_PROBLEMS, linkMessagePage } from '../self-service/views/link-message.ts';
import { csrfToken } from '../views/render.ts';
import { field, type Form } from '../volunteers/forms.ts';
import { isUuid } from '../volunteers/schemas.ts';
import type { RecruitmentDeps } from './apply.ts';
import { t } from './messages/index.ts';
import { applicantPage } from './views/applicant.ts';

/**
 * `/s/application/<token>`: the applicant's own page, from the link in their emails. Unconfirmed, it
 * shows the privacy notice and confirms the address (the double opt-in); afterwards it shows the
 * status and lets them withdraw while the application waits.
 */
export function applicantRouter({ em, policy, temporal, links }: RecruitmentDeps): Router {
  const router = Router();

  async function resolve(req: Request<{ token: string }>, res: Response): Promise<{ application: Application; language: Language } | undefined> {
    const check = links.verify(req.params.token, 'application');
    const id = check.claims?.subjectId;
    const found = id && isUuid(id) ? await em().findOne(Application, { id }) : null;
    const application = found?.email ? found : undefined;
    const language = volunteerLanguage(req, application);
    if (!check.ok && check.reason === 'expired') {
      res.status(410).type('html').send(linkMessagePage(language, LINK_PROBLEMS.expired, { renewal: renewalFor(req, res) }));
      return undefined;
    }
    if (!check.ok || !application) {
      res.status(404).type('html').send(linkMessagePage(language, LINK_PROBLEMS.invalid));
      return undefined;
    }
    return { application, language };
  }

  function show(req: Request, res: Response, application: Application, language: Language, problem?: { status: number; text: string }) {
    const role = policy.activityTypes.find((a) => a.id === application.activityTypeId);
    const view = {
      status: application.status,
      roleName: role?.name[language] ?? application.activityTypeId,
      unitNames: policy.serviceUnits.filter((u) => application.serviceUnitIds.includes(u.id)).map((u) => u.name),
      coordinatorEmail: policy.municipality.coordinatorEmail,
      privacyNotice: { version: policy.recruitment.privacyNotice.version, text: policy.recruitment.privacyNotice.text[language] },
      csrf: csrfToken(req, res),
    };
    res.status(problem?.status ?? 200).type('html').send(applicantPage(language, view, problem?.text));
  }

  router.get('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (found) show(req, res, found.application, found.language);
  });

  router.post('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    const { application, language } = found;
    const action = field((req.body ?? {}) as Form, 'action');
    if (action !== 'confirm' && action !== 'withdraw') return show(req, res, application, language, { status: 422, text: t(language, 'applicant.chooseAction') });
    try {
      const workflowId = applicationWorkflowId(application.id);
      if (action === 'confirm') await updateWorkflow(temporal, workflowId, confirmApplicationUpdate, { privacyNoticeVersion: policy.recruitment.privacyNotice.version });
      else await updateWorkflow(temporal, workflowId, withdrawApplicationUpdate, {});
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 409 && error.status !== 503)) throw error;
      em().clear();
      const now = (await em().findOne(Application, { id: application.id })) ?? application;
      return show(req, res, now, language, { status: error.status, text: t(language, error.status === 409 ? 'applicant.closed' : 'applicant.unavailable') });
    }
    res.redirect(303, `${req.baseUrl}/${req.params.token}?lang=${language}`);
  });

  return router;
}
