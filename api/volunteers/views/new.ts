import { html, type Html } from '../../../infra/html/html.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input, select, textarea } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t } from '../messages/index.ts';

export interface RegistrationForm {
  language: Language;
  csrfToken: string;
  /** Sent with the form, so a double click registers the volunteer once. */
  idempotencyKey: string;
  units: { id: string; name: string }[];
  activityTypes: { id: string; name: string; minimumAge: number }[];
  values: Record<string, string | undefined>;
  problems: { field: string; message: string }[];
}

/** `/volunteers/new`: the registration form, sent back with every problem listed when something is wrong. */
export function registrationFormBody(form: RegistrationForm): Html {
  const { language, values, problems } = form;
  const error = (name: string) => fieldError(problems, name);
  const activities = form.activityTypes.map((a) => ({ value: a.id, label: t(language, 'register.activityOption', { name: a.name, minimumAge: String(a.minimumAge) }) }));
  return html`<h1>${t(language, 'register.title')}</h1>
${errorSummary(t(language, 'register.problems'), problems)}
<form method="post" action="/volunteers" novalidate>
${csrfField(form.csrfToken)}
<input type="hidden" name="idempotencyKey" value="${form.idempotencyKey}">
<fieldset><legend>${t(language, 'register.person')}</legend>
${input({ name: 'name', label: t(language, 'field.name'), value: values.name, error: error('name'), required: true, autocomplete: 'off' })}
${input({ name: 'email', label: t(language, 'field.email'), type: 'email', value: values.email, error: error('email'), required: true, autocomplete: 'off' })}
${input({ name: 'phone', label: t(language, 'field.phone'), type: 'tel', value: values.phone, error: error('phone'), hint: t(language, 'register.phoneHint'), autocomplete: 'off' })}
${input({ name: 'birthYear', label: t(language, 'field.birthYear'), type: 'number', value: values.birthYear, error: error('birthYear'), required: true, hint: t(language, 'register.birthYearHint'), attributes: { inputmode: 'numeric', min: 1900 } })}
${select({ name: 'language', label: t(language, 'register.emailLanguage'), options: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })), value: values.language ?? 'nb', error: error('language') })}
</fieldset>
<fieldset><legend>${t(language, 'register.assignment')}</legend>
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: form.units.map((u) => ({ value: u.id, label: u.name })), value: values.serviceUnitId, error: error('serviceUnitId'), required: true, empty: t(language, 'register.chooseUnit') })}
${select({ name: 'activityTypeId', label: t(language, 'field.activityType'), options: activities, value: values.activityTypeId, error: error('activityTypeId'), required: true, empty: t(language, 'register.chooseActivity') })}
${textarea({ name: 'suitabilityNote', label: t(language, 'register.suitability'), value: values.suitabilityNote, error: error('suitabilityNote'), hint: t(language, 'register.suitabilityHint') })}
</fieldset>
<button type="submit">${t(language, 'register.submit')}</button>
</form>`;
}
