import type { FieldProblem } from '../../http/errors.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { contentFields, namedErrorSummary, type Choice, type ContentValues } from './fields.ts';
import { agreementFieldWords } from './texts.ts';
import { fieldError, select } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';

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
export function newAgreementBody(form: NewAgreementForm): string {
  const { language } = form;
  if (!form.organisations.length) {
    return `<h1>${tr(language, 'Ny samarbeidsavtale', 'New cooperation agreement')}</h1>
<p>${tr(language, 'Registrer organisasjonen først.', 'Register the organisation first.')} <a href="/organisations/new">${tr(language, 'Ny organisasjon', 'New organisation')}</a></p>`;
  }
  return `<h1>${tr(language, 'Ny samarbeidsavtale', 'New cooperation agreement')}</h1>
${namedErrorSummary(tr(language, 'Avtalen er ikke lagret', 'The agreement was not saved'), form.problems, (field) => agreementFieldWords(field, language))}
<p>${tr(language, 'Avtalen lagres som utkast. Den kan signeres når alle delene er fylt ut.', 'The agreement is saved as a draft. It can be signed once every part is filled in.')}</p>
<form method="post" action="/agreements" novalidate>
${csrfField(form.csrfToken)}
${select({
  name: 'organisationId',
  label: tr(language, 'Organisasjon', 'Organisation'),
  options: form.organisations,
  value: form.organisationId,
  empty: tr(language, 'Velg organisasjon', 'Choose an organisation'),
  error: fieldError(form.problems, 'organisationId'),
  required: true,
})}
${contentFields({ language, values: form.values, problems: form.problems, units: form.units, activityTypes: form.activityTypes })}
<button type="submit">${tr(language, 'Lagre utkastet', 'Save the draft')}</button>
</form>`;
}
