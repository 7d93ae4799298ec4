import { html, type Html } from '../../../infra/html/html.ts';
import { LANGUAGES, type Language } from '../../../infra/i18n/languages.ts';
import type { ServiceUnit } from '../../../infra/policy/policy.ts';
import { checkboxes, errorSummary, input, radios, textarea } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import type { ApplicationValues, ApplyProblem } from '../apply.ts';
import { t, type RecruitmentKey } from '../messages/index.ts';
import { MAX_MOTIVATION_LENGTH, type ApplicationField } from '../schemas.ts';
import type { Role } from './roles.ts';

/** What the form needs to be shown: the CSRF token, a fresh signed time, and what was typed and wrong last time. */
export interface ApplicationFormState {
  csrf: string;
  shownAt: string;
  values: ApplicationValues;
  problems: ApplyProblem[];
}

const FIELD_PROBLEMS = {
  name: 'apply.error.name',
  email: 'apply.error.email',
  phone: 'apply.error.phone',
  birthYear: 'apply.error.birthYear',
  serviceUnitIds: 'apply.error.serviceUnitIds',
  motivation: 'apply.error.motivation',
  language: 'apply.error.language',
} as const satisfies Record<ApplicationField, RecruitmentKey>;

const LANGUAGE_NAMES = { nb: 'apply.language.nb', nn: 'apply.language.nn', en: 'apply.language.en' } as const satisfies Record<Language, RecruitmentKey>;

/** The message for a problem, in the applicant's words and naming the field as its label does. */
export function problemText(language: Language, problem: ApplyProblem): string {
  if (problem.kind === 'tooYoung') return t(language, 'apply.error.tooYoung', { age: problem.age });
  if (problem.field === 'form') return t(language, problem.kind === 'tooFast' ? 'apply.error.tooFast' : 'apply.error.expired');
  return t(language, FIELD_PROBLEMS[problem.field]);
}

/**
 * The application form of one role. The `website` field is a honeypot: hidden from people (and from
 * screen readers), it is filled in only by machines.
 */
export function applicationForm(language: Language, role: Role, units: ServiceUnit[], form: ApplicationFormState): Html {
  const error = (name: ApplyProblem['field']) => {
    const problem = form.problems.find((p) => p.field === name);
    return problem && problemText(language, problem);
  };
  const summary = form.problems.map((p) => ({ field: p.field === 'form' ? 'name' : p.field, message: problemText(language, p) }));
  const { values } = form;
  return html`<h2 id="apply">${t(language, 'apply.heading')}</h2>
<p>${t(language, 'apply.intro')}</p>
${errorSummary(t(language, 'apply.problems'), summary)}
<form method="post" action="/bli-frivillig/${role.id}#apply" novalidate>
${csrfField(form.csrf)}
<input type="hidden" name="lang" value="${language}">
<input type="hidden" name="shownAt" value="${form.shownAt}">
${input({ name: 'name', label: t(language, 'apply.name'), value: values.name, error: error('name'), required: true, autocomplete: 'name', attributes: { maxlength: 200 } })}
${input({ name: 'email', type: 'email', label: t(language, 'apply.email'), hint: t(language, 'apply.emailHint'), value: values.email, error: error('email'), required: true, autocomplete: 'email', attributes: { maxlength: 254 } })}
${input({ name: 'phone', type: 'tel', label: t(language, 'apply.phone'), value: values.phone, error: error('phone'), autocomplete: 'tel', attributes: { maxlength: 40 } })}
${input({ name: 'birthYear', label: t(language, 'apply.birthYear'), hint: t(language, 'apply.birthYearHint', { age: role.minimumAge }), value: values.birthYear, error: error('birthYear'), required: true, autocomplete: 'bday-year', attributes: { inputmode: 'numeric', maxlength: 4 } })}
${checkboxes({ name: 'serviceUnitIds', legend: t(language, 'apply.units'), hint: t(language, 'apply.unitsHint'), error: error('serviceUnitIds'), choices: units.map((u) => ({ value: u.id, label: u.name })), checked: values.serviceUnitIds ?? [] })}
${textarea({ name: 'motivation', label: t(language, 'apply.motivation'), hint: t(language, 'apply.motivationHint'), value: values.motivation, error: error('motivation'), attributes: { maxlength: MAX_MOTIVATION_LENGTH } })}
${radios({ name: 'language', legend: t(language, 'apply.language'), error: error('language'), choices: LANGUAGES.map((l) => ({ value: l, label: t(language, LANGUAGE_NAMES[l]) })), checked: values.language ?? language })}
<div class="hp" aria-hidden="true"><label for="website">${t(language, 'apply.honeypot')}</label> <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p>${t(language, 'apply.next')}</p>
<p><button type="submit">${t(language, 'apply.submit')}</button></p>
</form>`;
}
