import type { organisationView } from '../view.ts';
import type { FieldProblem } from '../../http/errors.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { checkboxes, namedErrorSummary } from './fields.ts';
import { agreementsTable, type AgreementRow } from './list.ts';
import { fieldError, input } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';

/** The organisation pages: the list, the registration form, and one organisation with its agreements. */

type OrganisationView = ReturnType<typeof organisationView>;

const yesNo = (language: Language, value: boolean) => (value ? tr(language, 'Ja', 'Yes') : tr(language, 'Nei', 'No'));

function contact(organisation: OrganisationView): string {
  const { name, email, phone } = organisation.contact;
  return `${escapeHtml(name)}, <a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a>${phone ? `, ${escapeHtml(phone)}` : ''}`;
}

export function organisationListBody(language: Language, organisations: OrganisationView[], canCreate: boolean): string {
  const create = canCreate ? `<p><a class="button" href="/organisations/new">${tr(language, 'Ny organisasjon', 'New organisation')}</a></p>` : '';
  const rows = organisations.map(
    (o) => `<tr><td><a href="/organisations/${escapeHtml(o.id)}">${escapeHtml(o.name)}</a></td><td>${escapeHtml(o.organisationNumber)}</td><td>${yesNo(language, o.registeredInFrivillighetsregisteret)}</td><td>${contact(o)}</td></tr>`,
  );
  const table = rows.length
    ? `<table><caption>${tr(language, `${rows.length} organisasjoner`, `${rows.length} organisations`)}</caption>
<thead><tr><th scope="col">${tr(language, 'Navn', 'Name')}</th><th scope="col">${tr(language, 'Organisasjonsnummer', 'Organisation number')}</th><th scope="col">${tr(language, 'I Frivillighetsregisteret', 'In Frivillighetsregisteret')}</th><th scope="col">${tr(language, 'Kontaktperson', 'Contact')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen organisasjoner.', 'No organisations.')}</p>`;
  return `<h1>${tr(language, 'Organisasjoner', 'Organisations')}</h1>\n${create}\n${table}`;
}

export interface OrganisationFormValues {
  name?: string | undefined;
  organisationNumber?: string | undefined;
  registeredInFrivillighetsregisteret?: boolean | undefined;
  contact: { name?: string | undefined; email?: string | undefined; phone?: string | null | undefined };
}

const FIELD_WORDS: Record<string, [string, string]> = {
  name: ['Navn', 'Name'],
  organisationNumber: ['Organisasjonsnummer', 'Organisation number'],
  registeredInFrivillighetsregisteret: ['Frivillighetsregisteret', 'Frivillighetsregisteret'],
  'contact.name': ['Kontaktperson, navn', 'Contact, name'],
  'contact.email': ['Kontaktperson, e-post', 'Contact, email'],
  'contact.phone': ['Kontaktperson, telefon', 'Contact, phone'],
};

export function newOrganisationBody(language: Language, csrfToken: string, values: OrganisationFormValues, problems: FieldProblem[]): string {
  const words = (field: string) => {
    const pair = FIELD_WORDS[field];
    return pair ? tr(language, ...pair) : undefined;
  };
  const error = (name: string) => fieldError(problems, name);
  return `<h1>${tr(language, 'Ny organisasjon', 'New organisation')}</h1>
${namedErrorSummary(tr(language, 'Organisasjonen er ikke registrert', 'The organisation was not registered'), problems, words)}
<form method="post" action="/organisations" novalidate>
${csrfField(csrfToken)}
${input({ name: 'name', label: tr(language, 'Navn', 'Name'), value: values.name, error: error('name'), required: true, autocomplete: 'organization' })}
${input({ name: 'organisationNumber', label: tr(language, 'Organisasjonsnummer', 'Organisation number'), hint: tr(language, 'Ni siffer, som i Enhetsregisteret (Brønnøysundregistrene).', 'Nine digits, as in the Central Coordinating Register (Brønnøysundregistrene).'), value: values.organisationNumber, error: error('organisationNumber'), required: true, attributes: 'inputmode="numeric"' })}
${checkboxes({
  name: 'registeredInFrivillighetsregisteret',
  legend: 'Frivillighetsregisteret',
  choices: [{ value: 'true', label: tr(language, 'Organisasjonen er registrert i Frivillighetsregisteret', 'The organisation is registered in Frivillighetsregisteret') }],
  checked: values.registeredInFrivillighetsregisteret ? ['true'] : [],
  error: error('registeredInFrivillighetsregisteret'),
})}
<fieldset id="contact"><legend>${tr(language, 'Kontaktperson i organisasjonen', 'Contact in the organisation')}</legend>
<p class="hint">${tr(language, 'Får påminnelsene om den årlige gjennomgangen.', 'Receives the reminders about the yearly review.')}</p>
${input({ name: 'contact.name', label: tr(language, 'Navn', 'Name'), value: values.contact.name, error: error('contact.name'), required: true })}
${input({ name: 'contact.email', label: tr(language, 'E-post', 'Email'), type: 'email', value: values.contact.email, error: error('contact.email'), required: true })}
${input({ name: 'contact.phone', label: tr(language, 'Telefon (valgfritt)', 'Phone (optional)'), type: 'tel', value: values.contact.phone, error: error('contact.phone') })}
</fieldset>
<button type="submit">${tr(language, 'Registrer organisasjonen', 'Register the organisation')}</button>
</form>`;
}

export function organisationPageBody(language: Language, organisation: OrganisationView, agreements: AgreementRow[], canCreateAgreement: boolean): string {
  const create = canCreateAgreement
    ? `<p><a class="button" href="/agreements/new?organisationId=${escapeHtml(organisation.id)}">${tr(language, 'Ny avtale med organisasjonen', 'New agreement with the organisation')}</a></p>`
    : '';
  return `<h1>${escapeHtml(organisation.name)}</h1>
<dl>
<dt>${tr(language, 'Organisasjonsnummer', 'Organisation number')}</dt><dd>${escapeHtml(organisation.organisationNumber)}</dd>
<dt>${tr(language, 'Registrert i Frivillighetsregisteret', 'Registered in Frivillighetsregisteret')}</dt><dd>${yesNo(language, organisation.registeredInFrivillighetsregisteret)}</dd>
<dt>${tr(language, 'Kontaktperson', 'Contact')}</dt><dd>${contact(organisation)}</dd>
</dl>
<h2>${tr(language, 'Samarbeidsavtaler', 'Cooperation agreements')}</h2>
${create}
${agreementsTable(language, agreements, tr(language, `Avtaler med ${organisation.name}`, `Agreements with ${organisation.name}`))}`;
}
