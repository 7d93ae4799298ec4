import { MIN_PASSWORD_LENGTH } from '../../../infra/auth/passwords.ts';
import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { ROLE_NAMES, unitNames } from '../../staff/views/staff.ts';

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

function passwordForm(page: AccountPage): string {
  const { language } = page;
  if (!page.user.hasPassword) {
    return `<p>${tr(language, 'Du logger inn med kommunens pålogging og har ikke noe passord i Samspill.', 'You sign in with the municipal sign-in and have no password in Samspill.')}</p>`;
  }
  const problems = page.passwordProblems ?? [];
  return `${errorSummary(tr(language, 'Passordet ble ikke byttet', 'The password was not changed'), problems)}
<form method="post" action="/account/password" novalidate>
${csrfField(page.csrfToken)}
${input({ name: 'currentPassword', label: tr(language, 'Nåværende passord', 'Current password'), type: 'password', autocomplete: 'current-password', required: true, error: fieldError(problems, 'currentPassword') })}
${input({ name: 'newPassword', label: tr(language, 'Nytt passord', 'New password'), type: 'password', autocomplete: 'new-password', required: true, error: fieldError(problems, 'newPassword'), hint: tr(language, `Minst ${MIN_PASSWORD_LENGTH} tegn. Gjerne flere ord etter hverandre.`, `At least ${MIN_PASSWORD_LENGTH} characters. Several words in a row work well.`) })}
${input({ name: 'confirmPassword', label: tr(language, 'Nytt passord en gang til', 'New password again'), type: 'password', autocomplete: 'new-password', required: true, error: fieldError(problems, 'confirmPassword') })}
<p class="hint">${tr(language, 'Du blir logget ut av Samspill på alle andre enheter.', 'You will be signed out of Samspill on every other device.')}</p>
<button type="submit">${tr(language, 'Bytt passord', 'Change password')}</button>
</form>`;
}

export function accountBody(page: AccountPage): string {
  const { language, user } = page;
  const row = (label: string, value: string) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const yesNo = (value: boolean) => (value ? tr(language, 'Ja', 'Yes') : tr(language, 'Nei', 'No'));
  return `<h1>${tr(language, 'Min konto', 'My account')}</h1>
<table>
<caption>${tr(language, 'Slik er kontoen din satt opp', 'How your account is set up')}</caption>
<tbody>
${row(tr(language, 'Navn', 'Name'), escapeHtml(user.name))}
${row(tr(language, 'E-post', 'Email'), escapeHtml(user.email))}
${row(tr(language, 'Rolle', 'Role'), escapeHtml(ROLE_NAMES[user.role][language]))}
${row(tr(language, 'Virksomheter', 'Units'), unitNames(page.policy, user.role, user.serviceUnitIds, language))}
${row(tr(language, 'Politiattestansvarlig', 'Certificate officer'), yesNo(user.certificateOfficer))}
${row(tr(language, 'Koblet til kommunens pålogging', 'Linked to the municipal sign-in'), yesNo(user.oidcLinked))}
</tbody>
</table>
<p>${tr(language, 'Frivilligkoordinatoren endrer rolle og virksomheter.', 'The volunteer coordinator changes roles and units.')}</p>
<h2>${tr(language, 'Passord', 'Password')}</h2>
${passwordForm(page)}
<h2>${tr(language, 'Språk', 'Language')}</h2>
${errorSummary(tr(language, 'Språket ble ikke lagret', 'The language was not saved'), page.languageProblems ?? [])}
<form method="post" action="/account/language">
${csrfField(page.csrfToken)}
${select({
  name: 'language',
  label: tr(language, 'Språket Samspill viser deg og skriver til deg på', 'The language Samspill shows you and writes to you in'),
  options: [
    { value: 'nb', label: 'Norsk (bokmål)' },
    { value: 'en', label: 'English' },
  ],
  value: user.language,
  error: fieldError(page.languageProblems ?? [], 'language'),
})}
<button type="submit">${tr(language, 'Lagre språk', 'Save language')}</button>
</form>`;
}
