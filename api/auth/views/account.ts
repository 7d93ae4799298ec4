import { MIN_PASSWORD_LENGTH } from '../../../infra/auth/passwords.ts';
import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { roleName, unitNames, yesNo } from '../../staff/views/staff.ts';
import { languageOptions } from '../../staff/views/staff-form.ts';
import { t } from '../messages/index.ts';

/** `/account`: a signed-in person's own details, password and preferred language. */

type Problems = { field: string; message: string }[];

export interface AccountPage {
  language: Language;
  policy: Policy;
  csrfToken: string;
  user: {
    name: string;
    email: string;
    role: StaffRole;
    serviceUnitIds: string[];
    certificateOfficer: boolean;
    language: Language;
    hasPassword: boolean;
    oidcLinked: boolean;
  };
  passwordProblems?: Problems;
  languageProblems?: Problems;
}

function passwordForm(page: AccountPage): Html {
  const { language } = page;
  if (!page.user.hasPassword) return html`<p>${t(language, 'account.password.oidcOnly')}</p>`;
  const problems = page.passwordProblems ?? [];
  return html`${errorSummary(t(language, 'account.password.problems'), problems)}
<form method="post" action="/account/password" novalidate>
${csrfField(page.csrfToken)}
${input({ name: 'currentPassword', label: t(language, 'account.password.current'), type: 'password', autocomplete: 'current-password', required: true, error: fieldError(problems, 'currentPassword') })}
${input({ name: 'newPassword', label: t(language, 'account.password.new'), type: 'password', autocomplete: 'new-password', required: true, error: fieldError(problems, 'newPassword'), hint: t(language, 'account.password.new.hint', { min: MIN_PASSWORD_LENGTH }) })}
${input({ name: 'confirmPassword', label: t(language, 'account.password.confirm'), type: 'password', autocomplete: 'new-password', required: true, error: fieldError(problems, 'confirmPassword') })}
<p class="hint">${t(language, 'account.password.signsOut')}</p>
<button type="submit">${t(language, 'account.password.submit')}</button>
</form>`;
}

export function accountBody(page: AccountPage): Html {
  const { language, user } = page;
  const row = (label: string, value: string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<h1>${t(language, 'account.title')}</h1>
<table>
<caption>${t(language, 'account.caption')}</caption>
<tbody>
${row(t(language, 'account.name'), user.name)}
${row(t(language, 'account.email'), user.email)}
${row(t(language, 'account.role'), roleName(user.role, language))}
${row(t(language, 'account.units'), unitNames(page.policy, user.role, user.serviceUnitIds, language))}
${row(t(language, 'account.certificateOfficer'), yesNo(language, user.certificateOfficer))}
${row(t(language, 'account.oidcLinked'), yesNo(language, user.oidcLinked))}
</tbody>
</table>
<p>${t(language, 'account.changedBy')}</p>
<h2>${t(language, 'account.password.heading')}</h2>
${passwordForm(page)}
<h2>${t(language, 'account.language.heading')}</h2>
${errorSummary(t(language, 'account.language.problems'), page.languageProblems ?? [])}
<form method="post" action="/account/language">
${csrfField(page.csrfToken)}
${select({
  name: 'language',
  label: t(language, 'account.language.label'),
  options: languageOptions(),
  value: user.language,
  error: fieldError(page.languageProblems ?? [], 'language'),
})}
<button type="submit">${t(language, 'account.language.submit')}</button>
</form>`;
}
