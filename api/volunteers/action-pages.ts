import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Language } from '../../infra/i18n/languages.ts';
import { isStepName, stepName } from '../../infra/i18n/vocabulary/index.ts';
import { stepLabel } from './views/labels.ts';
import type { nb } from './messages/nb.ts';
import { t } from './messages/index.ts';
import type { PhaseAction } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { allow, type Access } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import {
  assignContact,
  bookSession,
  changePhase,
  changeRole,
  COMMAND_ACCESS,
  completeStep,
  recordPoliceCertificate,
  registerDeviation,
  waiveStep,
} from './commands.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { languageOf, setFlash } from '../views/render.ts';
import { bodyOf, field, sessionBodyOf, type Form } from './forms.ts';

/** What one form does: run its command, and say in words what happened. */
type FormAction = (principal: Principal, id: string, form: Form, req: Request, language: Language) => Promise<string>;

/** A command's refusal, in words for the flash: the API's message, or each field's message for a 422. */
function refusal(error: HttpError, language: Language): string {
  const detail = error.fields?.length ? error.fields.map((f) => f.message).join(' ') : error.message;
  return t(language, 'flash.notDone', { detail });
}

/**
 * A form post on a volunteer's page: the same command the JSON API runs, then back to the page
 * with a message (POST/redirect/GET). Refusals the person can act on (409, 422, 503) come back as
 * an error message; others (403, 404) are the dashboard's error page.
 */
function formHandler(access: Access, action: FormAction): RequestHandler[] {
  return [
    allow(access),
    async (req: Request, res: Response) => {
      const id = String((req.params as { id: string }).id);
      const language = languageOf(req, res);
      try {
        setFlash(req, res, await action(principalOf(res), id, (req.body ?? {}) as Form, req, language));
      } catch (error) {
        if (!(error instanceof HttpError) || ![409, 422, 503].includes(error.status)) throw error;
        setFlash(req, res, refusal(error, language), 'error');
      }
      res.redirect(303, `/volunteers/${encodeURIComponent(id)}`);
    },
  ];
}

const PHASE_DONE = {
  pause: 'flash.pause',
  resume: 'flash.resume',
  withdraw: 'flash.withdraw',
  end: 'flash.end',
} as const satisfies Record<PhaseAction, keyof typeof nb>;

/** A step in running text, e.g. "første samtale"; a step Samspill does not know keeps its id. */
function stepInText(step: string, language: Language): string {
  return isStepName(step) ? stepName(step, language) : step.toLowerCase();
}

/** The forms on `/volunteers/:id`, each calling the command the matching `/api/volunteers/:id/…` endpoint calls. */
export function volunteerActionFormsRouter(deps: DashboardDeps): Router {
  const router = Router({ mergeParams: true });

  router.post(
    '/steps/policeCertificate/record',
    formHandler(COMMAND_ACCESS.recordPoliceCertificate, async (principal, id, form, _req, language) => {
      const status = await recordPoliceCertificate(deps, principal, id, bodyOf(form, ['issuedOn', 'presentedOn', 'outcome']));
      const done = status.steps.find((s) => s.step === 'policeCertificate')?.state === 'done';
      return done ? t(language, 'flash.certificateApproved') : t(language, 'flash.certificateNotApproved');
    }),
  );

  router.post(
    '/steps/:step/complete',
    formHandler(COMMAND_ACCESS.completeStep, async (principal, id, form, req, language) => {
      const step = String(req.params.step);
      await completeStep(deps, principal, id, step, bodyOf(form, step === 'confidentialityDeclaration' ? ['signedOn'] : []));
      return t(language, 'flash.stepDone', { step: stepLabel(step, language) });
    }),
  );

  router.post(
    '/sessions',
    formHandler(COMMAND_ACCESS.bookSession, async (principal, id, form, _req, language) => {
      const step = field(form, 'step') ?? '';
      await bookSession(deps, principal, id, step, sessionBodyOf(form));
      return t(language, 'flash.sessionSaved', { step: stepInText(step, language) });
    }),
  );

  router.post(
    '/steps/:step/waive',
    formHandler(COMMAND_ACCESS.waiveCourse, async (principal, id, form, req, language) => {
      await waiveStep(deps, principal, id, String(req.params.step), bodyOf(form, ['reason']));
      return t(language, 'flash.courseWaived');
    }),
  );

  router.post(
    '/contact',
    formHandler(COMMAND_ACCESS.assignContact, async (principal, id, form, _req, language) => {
      const status = await assignContact(deps, principal, id, bodyOf(form, ['name', 'email']));
      return t(language, 'flash.contactAssigned', { name: status.contact?.name ?? '' });
    }),
  );

  for (const action of ['pause', 'resume', 'withdraw', 'end'] as const satisfies PhaseAction[]) {
    router.post(
      `/${action}`,
      formHandler(COMMAND_ACCESS.changePhase, async (principal, id, _form, _req, language) => {
        await changePhase(deps, principal, id, action, {});
        return t(language, PHASE_DONE[action]);
      }),
    );
  }

  router.post(
    '/role',
    formHandler(COMMAND_ACCESS.changeRole, async (principal, id, form, _req, language) => {
      await changeRole(deps, principal, id, bodyOf(form, ['activityTypeId', 'serviceUnitId']));
      return t(language, 'flash.roleChanged');
    }),
  );

  router.post(
    '/deviations',
    formHandler(COMMAND_ACCESS.registerDeviation, async (principal, id, form, _req, language) => {
      await registerDeviation(deps, principal, id, bodyOf(form, ['occurredOn', 'externalId']));
      return t(language, 'flash.deviationRegistered');
    }),
  );

  return router;
}
