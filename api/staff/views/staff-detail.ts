import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';
import { lastTime, roleName, statusBadge, unitNames, yesNo } from './staff.ts';
import { staffFields, type StaffFormValues } from './staff-form.ts';

/** One staff account for the coordinator: what it is, the edit form, access actions and API tokens. */

type Problems = { field: string; message: string }[];

export interface StaffDetail {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  serviceUnitIds: string[];
  certificateOfficer: boolean;
  hasPassword: boolean;
  oidcLinked: boolean;
  lastSignInAt?: Date | null | undefined;
  disabledAt?: Date | null | undefined;
}

export interface TokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt?: Date | null | undefined;
  revokedAt?: Date | null | undefined;
}

export interface StaffDetailPage {
  language: Language;
  policy: Policy;
  csrfToken: string;
  user: StaffDetail;
  tokens: TokenRow[];
  /** The edit form as sent back with problems; absent: the account's current values. */
  edit?: { values: StaffFormValues; problems: Problems };
  tokenProblems?: Problems;
}

function facts(language: Language, policy: Policy, user: StaffDetail): Html {
  const row = (label: string, value: Html | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table>
<caption>${t(language, 'detail.caption')}</caption>
<tbody>
${row(t(language, 'field.email'), user.email)}
${row(t(language, 'field.role'), roleName(user.role, language))}
${row(t(language, 'field.units'), unitNames(policy, user.role, user.serviceUnitIds, language))}
${row(t(language, 'field.certificateOfficer'), yesNo(language, user.certificateOfficer))}
${row(t(language, 'detail.hasPassword'), yesNo(language, user.hasPassword))}
${row(t(language, 'detail.oidcLinked'), yesNo(language, user.oidcLinked))}
${row(t(language, 'field.lastSignIn'), lastTime(user.lastSignInAt, language))}
${row(t(language, 'field.status'), statusBadge(language, user.disabledAt))}
</tbody>
</table>`;
}

function action(csrfToken: string, path: string, label: string, hint: string, danger = false): Html {
  return html`<form method="post" action="${path}">
${csrfField(csrfToken)}
<p class="hint">${hint}</p>
<button type="submit"${danger ? html` class="danger"` : html` class="secondary"`}>${label}</button>
</form>`;
}

function accessActions(language: Language, csrfToken: string, user: StaffDetail): Html {
  const base = `/staff/${user.id}`;
  const forms = [
    user.disabledAt
      ? action(csrfToken, `${base}/enable`, t(language, 'access.enable'), t(language, 'access.enable.hint'))
      : action(csrfToken, `${base}/disable`, t(language, 'access.disable'), t(language, 'access.disable.hint'), true),
    action(csrfToken, `${base}/password`, t(language, 'access.password'), t(language, 'access.password.hint')),
  ];
  if (user.oidcLinked) forms.push(action(csrfToken, `${base}/oidc/unlink`, t(language, 'access.unlink'), t(language, 'access.unlink.hint')));
  return html`<h2>${t(language, 'access.heading')}</h2>
<div class="actions">${forms.map((form, index) => html`${index ? '\n' : null}${form}`)}</div>`;
}

function tokens(language: Language, csrfToken: string, user: StaffDetail, rows: TokenRow[], problems: Problems): Html {
  const body = rows.map((token, index) => {
    const status = token.revokedAt
      ? t(language, 'tokens.revokedAt', { at: when(token.revokedAt, language) })
      : html`<form method="post" action="/staff/${user.id}/tokens/${token.id}/revoke">${csrfField(csrfToken)}<button type="submit" class="danger" aria-label="${t(language, 'tokens.revoke.label', { name: token.name })}">${t(language, 'tokens.revoke')}</button></form>`;
    return html`${index ? '\n' : null}<tr><th scope="row">${token.name}</th><td>${when(token.createdAt, language)}</td><td>${lastTime(token.lastUsedAt, language)}</td><td>${status}</td></tr>`;
  });
  const table = rows.length
    ? html`<table>
<caption>${t(language, 'tokens.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'field.name')}</th><th scope="col">${t(language, 'tokens.created')}</th><th scope="col">${t(language, 'tokens.lastUsed')}</th><th scope="col">${t(language, 'field.status')}</th></tr></thead>
<tbody>${body}</tbody>
</table>`
    : html`<p>${t(language, 'tokens.none')}</p>`;
  return html`<h2>${t(language, 'tokens.heading')}</h2>
<p>${t(language, 'tokens.about')}</p>
${table}
${errorSummary(t(language, 'form.problems'), problems)}
<form method="post" action="/staff/${user.id}/tokens">
${csrfField(csrfToken)}
${input({ name: 'tokenName', label: t(language, 'tokens.name.label'), value: undefined, error: fieldError(problems, 'tokenName'), required: true, hint: t(language, 'tokens.name.hint') })}
<button type="submit">${t(language, 'tokens.submit')}</button>
</form>`;
}

export function staffDetailBody(page: StaffDetailPage): Html {
  const { language, policy, csrfToken, user } = page;
  const edit = page.edit ?? { values: { ...user }, problems: [] };
  return html`<h1>${user.name}</h1>
<p><a href="/staff">${t(language, 'back.list')}</a></p>
${facts(language, policy, user)}
<h2>${t(language, 'detail.change')}</h2>
${errorSummary(t(language, 'form.problems'), edit.problems)}
<form method="post" action="/staff/${user.id}" novalidate>
${csrfField(csrfToken)}
${staffFields(language, policy, edit.values, edit.problems)}
<button type="submit">${t(language, 'detail.save')}</button>
</form>
${accessActions(language, csrfToken, user)}
${tokens(language, csrfToken, user, page.tokens, page.tokenProblems ?? [])}`;
}
