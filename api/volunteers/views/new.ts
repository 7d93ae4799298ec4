import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select, textarea } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';

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
export function registrationFormBody(form: RegistrationForm): string {
  const { language, values, problems } = form;
  const error = (name: string) => fieldError(problems, name);
  return `<h1>${tr(language, 'Registrer frivillig', 'Register a volunteer')}</h1>
${errorSummary(tr(language, 'Noe må rettes', 'Something needs fixing'), problems)}
<form method="post" action="/volunteers" novalidate>
${csrfField(form.csrfToken)}
<input type="hidden" name="idempotencyKey" value="${escapeHtml(form.idempotencyKey)}">
<fieldset><legend>${tr(language, 'Personen', 'The person')}</legend>
${input({ name: 'name', label: tr(language, 'Navn', 'Name'), value: values.name, error: error('name'), required: true, autocomplete: 'off' })}
${input({ name: 'email', label: tr(language, 'E-post', 'Email'), type: 'email', value: values.email, error: error('email'), required: true, autocomplete: 'off' })}
${input({ name: 'phone', label: tr(language, 'Telefon', 'Phone'), type: 'tel', value: values.phone, error: error('phone'), hint: tr(language, 'Valgfritt, f.eks. +47 912 34 567', 'Optional, e.g. +47 912 34 567'), autocomplete: 'off' })}
${input({ name: 'birthYear', label: tr(language, 'Fødselsår', 'Birth year'), type: 'number', value: values.birthYear, error: error('birthYear'), required: true, hint: tr(language, 'Brukes bare for aktivitetens minstealder.', 'Used only for the activity\'s minimum age.'), attributes: 'inputmode="numeric" min="1900"' })}
${select({ name: 'language', label: tr(language, 'Språk i e-poster', 'Language of emails'), options: [{ value: 'nb', label: 'Norsk (bokmål)' }, { value: 'en', label: 'English' }], value: values.language ?? 'nb', error: error('language') })}
</fieldset>
<fieldset><legend>${tr(language, 'Oppdraget', 'The assignment')}</legend>
${select({ name: 'serviceUnitId', label: tr(language, 'Enhet', 'Unit'), options: form.units.map((u) => ({ value: u.id, label: u.name })), value: values.serviceUnitId, error: error('serviceUnitId'), required: true, empty: tr(language, 'Velg enhet', 'Choose a unit') })}
${select({ name: 'activityTypeId', label: tr(language, 'Aktivitet', 'Activity type'), options: form.activityTypes.map((a) => ({ value: a.id, label: tr(language, `${a.name} (fra ${a.minimumAge} år)`, `${a.name} (from age ${a.minimumAge})`) })), value: values.activityTypeId, error: error('activityTypeId'), required: true, empty: tr(language, 'Velg aktivitet', 'Choose an activity') })}
${textarea({ name: 'suitabilityNote', label: tr(language, 'Egnethet (notat fra samtalen)', 'Suitability (note from the conversation)'), value: values.suitabilityNote, error: error('suitabilityNote'), hint: tr(language, 'Bare det som trengs for oppdraget; aldri helseopplysninger.', 'Only what the assignment needs; never health information.') })}
</fieldset>
<button type="submit">${tr(language, 'Registrer', 'Register')}</button>
</form>`;
}
