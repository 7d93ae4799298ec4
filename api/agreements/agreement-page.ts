import type { Request, Response } from 'express';
import type { Policy } from '../../infra/policy/policy.ts';
import type { AgreementProblem } from './views/actions.ts';
import type { Choice } from '../views/forms.ts';
import type { AgreementRow } from './views/list.ts';
import { agreementPageBody, agreementPageTitle } from './views/agreement-page.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { AgreementDeps } from './commands.ts';
import { staffNames } from '../staff/actor-names.ts';
import { agreementDetails, loadAgreement } from './queries.ts';
import { isReviewOverdue, type AgreementView } from './view.ts';
import { permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { csrfToken, languageOf, render } from '../views/render.ts';

/** The pieces the agreement pages share: rows for the lists, the policy's choices, and the agreement's own page. */

const osloDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Norway, as YYYY-MM-DD: the default date of the sign and deviation forms. */
export function osloToday(): string {
  return osloDay.format(new Date());
}

export function agreementRow(agreement: AgreementView, nowMs: number): AgreementRow {
  const current = agreement.versions.find((v) => v.version === agreement.currentVersion);
  return {
    id: agreement.id,
    organisationName: agreement.organisation.name,
    status: agreement.status,
    units: current?.serviceUnits.map((u) => u.name ?? u.id) ?? [],
    reviewDueOn: agreement.reviewDueOn ?? null,
    overdue: isReviewOverdue(agreement, nowMs),
    lastOutcome: agreement.lastOutcome ?? null,
  };
}

/** The policy's service units and activity types, as the checkboxes offer them. */
export function policyChoices(policy: Policy, language: Language): { units: Choice[]; activityTypes: Choice[] } {
  return {
    units: policy.serviceUnits.map((u) => ({ value: u.id, label: u.name })),
    activityTypes: policy.activityTypes.map((a) => ({ value: a.id, label: a.name[language] })),
  };
}

/** Renders `/agreements/:id` for the signed-in user, with a form sent back with its problems when there is one. */
export async function showAgreement(deps: AgreementDeps, req: Request, res: Response, id: string, problem?: AgreementProblem, status = 200): Promise<void> {
  const { em, policy } = deps;
  const principal = principalOf(res);
  const language = languageOf(req, res);
  const agreement = await agreementDetails(em(), policy, (await loadAgreement(em(), id, principal)).id);
  const names = await staffNames(em(), [...agreement.versions.flatMap((v) => [v.createdBy, v.signedBy]), ...agreement.reviews.map((r) => r.reviewedBy)]);
  render(req, res, {
    title: agreementPageTitle(language, agreement.organisation.name),
    section: 'agreements',
    status,
    body: agreementPageBody({
      language,
      csrfToken: csrfToken(req, res),
      agreement,
      overdue: isReviewOverdue(agreement, Date.now()),
      names,
      can: { edit: permits(principal, 'coordinator'), review: permits(principal, 'writer') },
      ...policyChoices(policy, language),
      today: osloToday(),
      problem,
    }),
  });
}
