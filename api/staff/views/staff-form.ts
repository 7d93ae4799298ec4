import { STAFF_ROLES } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { ROLE_NAMES } from './staff.ts';

/** The fields of a staff account, as the new-account form and the edit form show them. */

type Problems = { field: string; message: string }[];

export interface StaffFormValues {
  email?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
  serviceUnitIds: string[];
  certificateOfficer: boolean;
  language?: string | undefined;
  oidcOnly?: boolean;
}

function checkbox(options: { id: string; name: string; value: string; label: string; checked: boolean }): string {
  return `<div><input type="checkbox" id="${options.id}" name="${options.name}" value="${escapeHtml(options.value)}"${options.checked ? ' checked' : ''}>
<label for="${options.id}" style="display: inline; font-weight: normal;">${escapeHtml(options.label)}</label></div>`;
}

function radio(options: { id: string; name: string; value: string; label: string; checked: boolean }): string {
  return `<div><input type="radio" id="${options.id}" name="${options.name}" value="${options.value}"${options.checked ? ' checked' : ''}>
<label for="${options.id}" style="display: inline; font-weight: normal;">${escapeHtml(options.label)}</label></div>`;
}

/** Name, role, units and certificate officer: what the coordinator sets when creating and editing. */
export function staffFields(language: Language, policy: Policy, values: StaffFormValues, problems: Problems): string {
  const unitsError = fieldError(problems, 'serviceUnitIds');
  const units = policy.serviceUnits.map((unit) =>
    checkbox({ id: `unit-${unit.id}`, name: 'serviceUnitIds', value: unit.id, label: unit.name, checked: values.serviceUnitIds.includes(unit.id) }),
  );
  return `${input({ name: 'name', label: tr(language, 'Navn', 'Name'), value: values.name, error: fieldError(problems, 'name'), required: true, autocomplete: 'off' })}
${select({
  name: 'role',
  label: tr(language, 'Rolle', 'Role'),
  options: STAFF_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role][language] })),
  value: values.role,
  error: fieldError(problems, 'role'),
  hint: tr(language, 'Frivilligkoordinatoren ser og kan alt; en frivilligkontakt arbeider i sine virksomheter; en virksomhetsleder leser sine virksomheter.', 'The coordinator sees and may do everything; a contact works in their units; a unit manager reads their units.'),
  required: true,
})}
<fieldset id="serviceUnitIds" class="field${unitsError ? ' invalid' : ''}"${unitsError ? ' aria-describedby="serviceUnitIds-error"' : ''}>
<legend>${tr(language, 'Virksomheter', 'Units')}</legend>
<p class="hint">${tr(language, 'Gjelder frivilligkontakter og virksomhetsledere; koordinatoren ser alle.', 'For contacts and unit managers; the coordinator sees all.')}</p>
${unitsError ? `<p class="error" id="serviceUnitIds-error">${escapeHtml(unitsError)}</p>` : ''}
${units.join('\n')}
</fieldset>
<fieldset class="field">
<legend>${tr(language, 'Politiattest', 'Police certificates')}</legend>
${checkbox({ id: 'certificateOfficer', name: 'certificateOfficer', value: 'on', label: tr(language, 'Politiattestansvarlig: kan se og registrere politiattester i sine virksomheter', 'Certificate officer: may see and record police certificates in their units'), checked: values.certificateOfficer })}
</fieldset>`;
}

export function newStaffBody(language: Language, policy: Policy, csrfToken: string, values: StaffFormValues, problems: Problems): string {
  return `<h1>${tr(language, 'Ny ansatt', 'New staff member')}</h1>
${errorSummary(tr(language, 'Noe må rettes', 'Something needs correcting'), problems)}
<form method="post" action="/staff/new" novalidate>
${csrfField(csrfToken)}
${input({ name: 'email', label: tr(language, 'E-post', 'Email'), type: 'email', value: values.email, error: fieldError(problems, 'email'), required: true, autocomplete: 'off', hint: tr(language, 'Adressen personen bruker i kommunen; den kobler også kommunens pålogging til kontoen.', 'The address they use at the municipality; it also links the municipal sign-in to the account.') })}
${staffFields(language, policy, values, problems)}
${select({
  name: 'language',
  label: tr(language, 'Språk', 'Language'),
  options: [
    { value: 'nb', label: 'Norsk (bokmål)' },
    { value: 'en', label: 'English' },
  ],
  value: values.language ?? 'nb',
})}
<fieldset class="field">
<legend>${tr(language, 'Innlogging', 'Sign-in')}</legend>
${radio({ id: 'signIn-password', name: 'signIn', value: 'password', label: tr(language, 'Lag et passord (vises én gang etter at kontoen er opprettet)', 'Generate a password (shown once after the account is created)'), checked: !values.oidcOnly })}
${radio({ id: 'signIn-oidc', name: 'signIn', value: 'oidc', label: tr(language, 'Bare kommunens pålogging, uten passord', "Only the municipality's sign-in, no password"), checked: values.oidcOnly === true })}
</fieldset>
<button type="submit">${tr(language, 'Opprett kontoen', 'Create the account')}</button>
</form>
<p><a href="/staff">${tr(language, 'Tilbake til ansatte', 'Back to staff')}</a></p>`;
}
