import { Router, type Request, type Response } from 'express';
import type { AgreementProblem } from './views/actions.ts';
import { dayInWords, outcomeWords } from './views/texts.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { completeReview, editDraft, registerAgreementDeviation, signAgreement, startReview, type AgreementDeps } from './commands.ts';
import { agreementDetails } from './queries.ts';
import type { AgreementView } from './view.ts';
import { allow, type Access } from '../auth/access.ts';
import { principalOf, type Principal } from '../auth/principal.ts';
import { answerRefusal } from './form-errors.ts';
import { contentInput, filledText, formText, reviewBody, reviewInput, type FormBody } from './form-input.ts';
import { showAgreement } from './agreement-page.ts';
import { languageOf, setFlash } from '../views/render.ts';
import { t } from './messages/index.ts';

/** The review's due date in words, for the flash messages. */
const due = (language: Language, agreement: AgreementView) => (agreement.reviewDueOn ? dayInWords(agreement.reviewDueOn, language) : '–');

interface Action<Values> {
  access: Access;
  /** The form's fields as the API's body. */
  input: (form: FormBody) => Values;
  run: (deps: AgreementDeps, principal: Principal, id: string, values: Values) => Promise<void>;
  /** The flash after it succeeded, from the agreement as it now is. */
  done: (language: Language, agreement: AgreementView) => string;
  /** The form sent back with its problems. */
  problem: (fields: AgreementProblem['fields'], values: Values) => AgreementProblem;
  /** The field a refusal without `fields` is shown at. */
  field: string;
}

/**
 * `POST /agreements/:id/<action>` for each form on an agreement's page: runs the same command as the
 * JSON API, then redirects back with a flash, or shows the page again with the form's problems.
 */
export function agreementActionsRouter(deps: AgreementDeps): Router {
  const router = Router({ mergeParams: true });

  function post<Values>(path: string, definition: Action<Values>): void {
    router.post(`/${path}`, allow(definition.access), async (req: Request<{ id: string }>, res: Response) => {
      const id = String(req.params.id);
      const page = `/agreements/${id}`;
      const values = definition.input((req.body ?? {}) as FormBody);
      try {
        await definition.run(deps, principalOf(res), id, values);
      } catch (error) {
        await answerRefusal(req, res, error, {
          field: definition.field,
          back: page,
          showForm: (fields, status) => showAgreement(deps, req, res, id, definition.problem(fields, values), status),
        });
        return;
      }
      setFlash(req, res, definition.done(languageOf(req, res), await agreementDetails(deps.em(), deps.policy, id)));
      res.redirect(303, page);
    });
  }

  post('draft', {
    access: 'coordinator',
    input: (form) => contentInput(form),
    run: editDraft,
    done: (language) => t(language, 'flash.draftSaved'),
    problem: (fields, values) => ({ form: 'draft', fields, values }),
    field: 'startDate',
  });
  post('sign', {
    access: 'coordinator',
    input: (form) => ({ signedOn: formText(form, 'signedOn') }),
    run: signAgreement,
    done: (language, a) => t(language, 'flash.signed', { due: due(language, a) }),
    problem: (fields, values) => ({ form: 'sign', fields, values }),
    field: 'signedOn',
  });
  post('review/start', {
    access: 'writer',
    input: () => ({}),
    run: startReview,
    done: (language) => t(language, 'flash.reviewStarted'),
    problem: (fields) => ({ form: 'review', fields, values: { answers: {} } }),
    field: 'outcome',
  });
  post('review/complete', {
    access: 'writer',
    input: reviewInput,
    run: (deps, principal, id, values) => completeReview(deps, principal, id, reviewBody(values)),
    done: (language, a) => {
      const outcome = a.lastOutcome ? outcomeWords(a.lastOutcome, language) : '';
      return a.status === 'terminated'
        ? t(language, 'flash.reviewEnded', { outcome })
        : t(language, 'flash.reviewRecorded', { outcome, version: a.currentVersion, due: due(language, a) });
    },
    problem: (fields, values) => ({ form: 'review', fields, values }),
    field: 'outcome',
  });
  post('deviations', {
    access: 'writer',
    input: (form) => ({ occurredOn: formText(form, 'occurredOn'), externalId: filledText(form, 'externalId') }),
    run: registerAgreementDeviation,
    done: (language, a) =>
      a.earlyReview && a.status === 'reviewDue'
        ? t(language, 'flash.deviationEarly')
        : t(language, 'flash.deviation'),
    problem: (fields, values) => ({ form: 'deviation', fields, values }),
    field: 'occurredOn',
  });

  return router;
}
