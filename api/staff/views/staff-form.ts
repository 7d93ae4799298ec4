import { STAFF_ROLES } from '../../../infra/db/entities/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t } from '../messages/index.ts';
import { roleName } from './staff.ts';

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

function checkbox(options: { id: string; name: string; value: string; label: string; checked: boolean }): Html {
  return html`<div><input type="checkbox" id="${options.id}" name="${options.name}" value="${options.value}"${options.checked ? html` checked` : null}>
<label for="${options.id}" style="display: inline; font-weight: normal;">${options.label}</label></div>`;
}

function radio(options: { id: string; name: string; value: string; label: string; checked: boolean }): Html {
  return html`<div><input type="radio" id="${options.id}" name="${options.name}" value="${options.value}"${options.checked ? html` checked` : null}>
<label for="${options.id}" style="display: inline; font-weight: normal;">${options.label}</label></div>`;
}

/** Each written language by its own name, for a person choosing the language Samspill uses with them. */
export function languageOptions(): { value: string; label: string }[] {
  return LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }));
}

/** Name, role, units and certificate officer: what the coordinator sets when creating and editing. */
export function staffFields(language: Language, policy: Policy, values: StaffFormValues, problems: Problems): Html {
  const unitsError = fieldError(problems, 'serviceUnitIds');
  const units = policy.serviceUnits.map((unit, index) =>
    html`${index ? '\n' : null}${checkbox({ id: `unit-${unit.id}`, name: 'serviceUnitIds', value: unit.id, label: unit.name, checked: values.serviceUnitIds.includes(unit.id) })}`,
  );
  return html`${input({ name: 'name', label: t(language, 'field.name'), value: values.name, error: fieldError(problems, 'name'), required: true, autocomplete: 'off' })}
${select({
  name: 'role',
  label: t(language, 'field.role'),
  options: STAFF_ROLES.map((role) => ({ value: role, label: roleName(role, language) })),
  value: values.role,
  error: fieldError(problems, 'role'),
  hint: t(language, 'form.role.hint'),
  required: true,
})}
<fieldset id="serviceUnitIds" class="field${unitsError ? ' invalid' : ''}"${unitsError ? html` aria-describedby="serviceUnitIds-error"` : null}>
<legend>${t(language, 'field.units')}</legend>
<p class="hint">${t(language, 'form.units.hint')}</p>
${unitsError ? html`<p class="error" id="serviceUnitIds-error">${unitsError}</p>` : null}
${units}
</fieldset>
<fieldset class="field">
<legend>${t(language, 'form.certificate.legend')}</legend>
${checkbox({ id: 'certificateOfficer', name: 'certificateOfficer', value: 'on', label: t(language, 'form.certificate.label'), checked: values.certificateOfficer })}
</fieldset>`;
}

/** The new-account form; its language starts at the municipality's written standard (`policy.language`). */
export function newStaffBody(language: Language, policy: Policy, csrfToken: string, values: StaffFormValues, problems: Problems): Html {
  return html`<h1>${t(language, 'new.title')}</h1>
${errorSummary(t(language, 'form.problems'), problems)}
<form method="post" action="/staff/new" novalidate>
${csrfField(csrfToken)}
${input({ name: 'email', label: t(language, 'field.email'), type: 'email', value: values.email, error: fieldError(problems, 'email'), required: true, autocomplete: 'off', hint: t(language, 'form.email.hint') })}
${staffFields(language, policy, values, problems)}
${select({
  name: 'language',
  label: t(language, 'form.language'),
  options: languageOptions(),
  value: values.language ?? policy.language,
  error: fieldError(problems, 'language'),
})}
<fieldset class="field">
<legend>${t(language, 'form.signIn.legend')}</legend>
${radio({ id: 'signIn-password', name: 'signIn', value: 'password', label: t(language, 'form.signIn.password'), checked: !values.oidcOnly })}
${radio({ id: 'signIn-oidc', name: 'signIn', value: 'oidc', label: t(language, 'form.signIn.oidc'), checked: values.oidcOnly === true })}
</fieldset>
<button type="submit">${t(language, 'new.submit')}</button>
</form>
<p><a href="/staff">${t(language, 'back.list')}</a></p>`;
}
