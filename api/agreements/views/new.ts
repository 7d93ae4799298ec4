import type { FieldProblem } from '../../http/errors.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { contentFields, namedErrorSummary, type ContentValues } from './fields.ts';
import type { Choice } from '../../views/forms.ts';
import { agreementFieldWords } from './texts.ts';
import { fieldError, select } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t } from '../messages/index.ts';

export interface NewAgreementForm {
  language: Language;
  csrfToken: string;
  organisations: Choice[];
  organisationId?: string | undefined;
  values: ContentValues;
  problems: FieldProblem[];
  units: Choice[];
  activityTypes: Choice[];
}

/** `/agreements/new`: a draft agreement with an organisation; it can be saved incomplete and signed once every part is there. */
export function newAgreementBody(form: NewAgreementForm): Html {
  const { language } = form;
  if (!form.organisations.length) {
    return html`<h1>${t(language, 'new.title')}</h1>
<p>${t(language, 'new.registerFirst')} <a href="/organisations/new">${t(language, 'organisations.new')}</a></p>`;
  }
  return html`<h1>${t(language, 'new.title')}</h1>
${namedErrorSummary(t(language, 'new.problems'), form.problems, (field) => agreementFieldWords(field, language))}
<p>${t(language, 'new.intro')}</p>
<form method="post" action="/agreements" novalidate>
${csrfField(form.csrfToken)}
${select({
  name: 'organisationId',
  label: t(language, 'field.organisationId'),
  options: form.organisations,
  value: form.organisationId,
  empty: t(language, 'new.chooseOrganisation'),
  error: fieldError(form.problems, 'organisationId'),
  required: true,
})}
${contentFields({ language, values: form.values, problems: form.problems, units: form.units, activityTypes: form.activityTypes })}
<button type="submit">${t(language, 'draft.save')}</button>
</form>`;
}
