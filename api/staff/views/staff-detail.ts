import type { StaffRole } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { ROLE_NAMES, statusBadge, unitNames } from './staff.ts';
import { staffFields, type StaffFormValues } from './staff-form.ts';
import { when } from '../../volunteers/views/time.ts';

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

const yesNo = (language: Language, value: boolean) => (value ? tr(language, 'Ja', 'Yes') : tr(language, 'Nei', 'No'));

function facts(language: Language, policy: Policy, user: StaffDetail): string {
  const row = (label: string, value: string) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return `<table>
<caption>${tr(language, 'Kontoen', 'The account')}</caption>
<tbody>
${row(tr(language, 'E-post', 'Email'), escapeHtml(user.email))}
${row(tr(language, 'Rolle', 'Role'), escapeHtml(ROLE_NAMES[user.role][language]))}
${row(tr(language, 'Virksomheter', 'Units'), unitNames(policy, user.role, user.serviceUnitIds, language))}
${row(tr(language, 'Politiattestansvarlig', 'Certificate officer'), yesNo(language, user.certificateOfficer))}
${row(tr(language, 'Har passord', 'Has a password'), yesNo(language, user.hasPassword))}
${row(tr(language, 'Koblet til kommunens pålogging', 'Linked to the municipal sign-in'), yesNo(language, user.oidcLinked))}
${row(tr(language, 'Sist innlogget', 'Last sign-in'), user.lastSignInAt ? when(user.lastSignInAt, language) : tr(language, 'Aldri', 'Never'))}
${row(tr(language, 'Status', 'Status'), statusBadge(language, user.disabledAt))}
</tbody>
</table>`;
}

function action(csrfToken: string, path: string, label: string, hint: string, danger = false): string {
  return `<form method="post" action="${escapeHtml(path)}">
${csrfField(csrfToken)}
<p class="hint">${escapeHtml(hint)}</p>
<button type="submit"${danger ? ' class="danger"' : ' class="secondary"'}>${escapeHtml(label)}</button>
</form>`;
}

function accessActions(language: Language, csrfToken: string, user: StaffDetail): string {
  const base = `/staff/${user.id}`;
  const forms = [
    user.disabledAt
      ? action(csrfToken, `${base}/enable`, tr(language, 'Aktiver kontoen', 'Enable the account'), tr(language, 'Personen kan logge inn igjen. Tidligere API-nøkler forblir tilbakekalt.', 'They can sign in again. Earlier API tokens stay revoked.'))
      : action(csrfToken, `${base}/disable`, tr(language, 'Deaktiver kontoen', 'Disable the account'), tr(language, 'Logger personen ut overalt og tilbakekaller API-nøklene.', 'Signs them out everywhere and revokes their API tokens.'), true),
    action(csrfToken, `${base}/password`, tr(language, 'Lag nytt passord', 'Generate a new password'), tr(language, 'Det gamle passordet slutter å virke, og personen logges ut overalt.', 'The old password stops working and they are signed out everywhere.')),
  ];
  if (user.oidcLinked) {
    forms.push(action(csrfToken, `${base}/oidc/unlink`, tr(language, 'Fjern koblingen til kommunens pålogging', 'Remove the link to the municipal sign-in'), tr(language, 'Neste innlogging med kommunens pålogging kobles på nytt etter e-postadressen.', 'The next municipal sign-in links again by email address.')));
  }
  return `<h2>${tr(language, 'Tilgang', 'Access')}</h2>
<div class="actions">${forms.join('\n')}</div>`;
}

function tokens(language: Language, csrfToken: string, user: StaffDetail, rows: TokenRow[], problems: Problems): string {
  const body = rows.map((t) => {
    const status = t.revokedAt
      ? `${tr(language, 'Tilbakekalt', 'Revoked')} ${when(t.revokedAt, language)}`
      : `<form method="post" action="/staff/${user.id}/tokens/${t.id}/revoke">${csrfField(csrfToken)}<button type="submit" class="danger" aria-label="${escapeHtml(tr(language, `Tilbakekall ${t.name}`, `Revoke ${t.name}`))}">${tr(language, 'Tilbakekall', 'Revoke')}</button></form>`;
    return `<tr><th scope="row">${escapeHtml(t.name)}</th><td>${when(t.createdAt, language)}</td><td>${t.lastUsedAt ? when(t.lastUsedAt, language) : tr(language, 'Aldri', 'Never')}</td><td>${status}</td></tr>`;
  });
  const table = rows.length
    ? `<table>
<caption>${tr(language, 'API-nøkler for integrasjoner', 'API tokens for integrations')}</caption>
<thead><tr><th scope="col">${tr(language, 'Navn', 'Name')}</th><th scope="col">${tr(language, 'Laget', 'Created')}</th><th scope="col">${tr(language, 'Sist brukt', 'Last used')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th></tr></thead>
<tbody>${body.join('\n')}</tbody>
</table>`
    : `<p>${tr(language, 'Ingen API-nøkler.', 'No API tokens.')}</p>`;
  return `<h2>${tr(language, 'API-nøkler', 'API tokens')}</h2>
<p>${tr(language, 'En nøkkel lar et fagsystem bruke Samspills API med denne personens rolle og virksomheter.', "A token lets another system use Samspill's API with this person's role and units.")}</p>
${table}
${errorSummary(tr(language, 'Noe må rettes', 'Something needs correcting'), problems)}
<form method="post" action="/staff/${user.id}/tokens">
${csrfField(csrfToken)}
${input({ name: 'tokenName', label: tr(language, 'Navn på ny nøkkel', 'Name of a new token'), value: undefined, error: fieldError(problems, 'tokenName'), required: true, hint: tr(language, 'Hvilket system den er til, f.eks. «Fagsystem-integrasjon».', 'Which system it is for, e.g. "Case system integration".') })}
<button type="submit">${tr(language, 'Lag API-nøkkel', 'Issue an API token')}</button>
</form>`;
}

export function staffDetailBody(page: StaffDetailPage): string {
  const { language, policy, csrfToken, user } = page;
  const edit = page.edit ?? { values: { ...user }, problems: [] };
  return `<h1>${escapeHtml(user.name)}</h1>
<p><a href="/staff">${tr(language, 'Tilbake til ansatte', 'Back to staff')}</a></p>
${facts(language, policy, user)}
<h2>${tr(language, 'Endre', 'Change')}</h2>
${errorSummary(tr(language, 'Noe må rettes', 'Something needs correcting'), edit.problems)}
<form method="post" action="/staff/${user.id}" novalidate>
${csrfField(csrfToken)}
${staffFields(language, policy, edit.values, edit.problems)}
<button type="submit">${tr(language, 'Lagre endringene', 'Save the changes')}</button>
</form>
${accessActions(language, csrfToken, user)}
${tokens(language, csrfToken, user, page.tokens, page.tokenProblems ?? [])}`;
}
