import type { organisationView } from '../view.ts';
import type { FieldProblem } from '../../http/errors.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { namedErrorSummary } from './fields.ts';
import { checkboxes, lines } from '../../views/forms.ts';
import { agreementsTable, type AgreementRow } from './list.ts';
import { fieldError, input } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t, type MessageKey } from '../messages/index.ts';

/** The organisation pages: the list, the registration form, and one organisation with its agreements. */

type OrganisationView = ReturnType<typeof organisationView>;

const yesNo = (language: Language, value: boolean) => t(language, value ? 'common.yes' : 'common.no');

function contact(organisation: OrganisationView): Html {
  const { name, email, phone } = organisation.contact;
  return html`${name}, <a href="mailto:${email}">${email}</a>${phone ? html`, ${phone}` : null}`;
}

export function organisationListBody(language: Language, organisations: OrganisationView[], canCreate: boolean): Html {
  const create = canCreate ? html`<p><a class="button" href="/organisations/new">${t(language, 'organisations.new')}</a></p>` : null;
  const rows = organisations.map(
    (o) => html`<tr><td><a href="/organisations/${o.id}">${o.name}</a></td><td>${o.organisationNumber}</td><td>${yesNo(language, o.registeredInFrivillighetsregisteret)}</td><td>${contact(o)}</td></tr>`,
  );
  const table = rows.length
    ? html`<table><caption>${t(language, 'organisations.caption', { count: rows.length })}</caption>
<thead><tr><th scope="col">${t(language, 'common.name')}</th><th scope="col">${t(language, 'organisations.number')}</th><th scope="col">${t(language, 'organisations.inRegister')}</th><th scope="col">${t(language, 'organisations.contact')}</th></tr></thead>
<tbody>${lines(rows)}</tbody></table>`
    : html`<p>${t(language, 'organisations.empty')}</p>`;
  return html`<h1>${t(language, 'organisations.title')}</h1>\n${create}\n${table}`;
}

export interface OrganisationFormValues {
  name?: string | undefined;
  organisationNumber?: string | undefined;
  registeredInFrivillighetsregisteret?: boolean | undefined;
  contact: { name?: string | undefined; email?: string | undefined; phone?: string | null | undefined };
  recruitmentUrl?: string | null | undefined;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'common.name',
  organisationNumber: 'organisations.number',
  registeredInFrivillighetsregisteret: 'organisations.register',
  'contact.name': 'organisations.contactName',
  'contact.email': 'organisations.contactEmail',
  'contact.phone': 'organisations.contactPhone',
  recruitmentUrl: 'organisations.recruitmentUrl',
};

function recruitmentUrlInput(language: Language, value: string | null | undefined, error: string | undefined): Html {
  return input({ name: 'recruitmentUrl', type: 'text', label: t(language, 'organisations.recruitmentUrl'), hint: t(language, 'organisations.recruitmentUrlHint'), value, error, autocomplete: 'url', attributes: { inputmode: 'url' } });
}

export function newOrganisationBody(language: Language, csrfToken: string, values: OrganisationFormValues, problems: FieldProblem[]): Html {
  const words = (field: string) => {
    const key = Object.hasOwn(FIELD_KEYS, field) ? FIELD_KEYS[field] : undefined;
    return key ? t(language, key) : undefined;
  };
  const error = (name: string) => fieldError(problems, name);
  return html`<h1>${t(language, 'organisations.new')}</h1>
${namedErrorSummary(t(language, 'organisations.problems'), problems, words)}
<form method="post" action="/organisations" novalidate>
${csrfField(csrfToken)}
${input({ name: 'name', label: t(language, 'common.name'), value: values.name, error: error('name'), required: true, autocomplete: 'organization' })}
${input({ name: 'organisationNumber', label: t(language, 'organisations.number'), hint: t(language, 'organisations.numberHint'), value: values.organisationNumber, error: error('organisationNumber'), required: true, attributes: { inputmode: 'numeric' } })}
${checkboxes({
  name: 'registeredInFrivillighetsregisteret',
  legend: t(language, 'organisations.register'),
  choices: [{ value: 'true', label: t(language, 'organisations.isRegistered') }],
  checked: values.registeredInFrivillighetsregisteret ? ['true'] : [],
  error: error('registeredInFrivillighetsregisteret'),
})}
<fieldset id="contact"><legend>${t(language, 'organisations.contactLegend')}</legend>
<p class="hint">${t(language, 'organisations.contactHint')}</p>
${input({ name: 'contact.name', label: t(language, 'common.name'), value: values.contact.name, error: error('contact.name'), required: true })}
${input({ name: 'contact.email', label: t(language, 'common.email'), type: 'email', value: values.contact.email, error: error('contact.email'), required: true })}
${input({ name: 'contact.phone', label: t(language, 'organisations.phone'), type: 'tel', value: values.contact.phone, error: error('contact.phone') })}
</fieldset>
${recruitmentUrlInput(language, values.recruitmentUrl, error('recruitmentUrl'))}
<button type="submit">${t(language, 'organisations.submit')}</button>
</form>`;
}

/** The coordinator's form for the link to the organisation's own recruitment, shown on its public page. */
function recruitmentUrlForm(language: Language, organisation: OrganisationView, csrfToken: string): Html {
  return html`<form method="post" action="/organisations/${organisation.id}/recruitment-url" novalidate>
${csrfField(csrfToken)}
${recruitmentUrlInput(language, organisation.recruitmentUrl, undefined)}
<button type="submit">${t(language, 'organisations.recruitmentSave')}</button>
</form>`;
}

export function organisationPageBody(language: Language, organisation: OrganisationView, agreements: AgreementRow[], canCreateAgreement: boolean, csrfToken: string): Html {
  const recruitment = organisation.recruitmentUrl ? html`<a href="${organisation.recruitmentUrl}">${organisation.recruitmentUrl}</a>` : t(language, 'organisations.noRecruitmentUrl');
  const create = canCreateAgreement
    ? html`<p><a class="button" href="/agreements/new?organisationId=${organisation.id}">${t(language, 'organisations.newAgreement')}</a></p>`
    : null;
  return html`<h1>${organisation.name}</h1>
<dl>
<dt>${t(language, 'organisations.number')}</dt><dd>${organisation.organisationNumber}</dd>
<dt>${t(language, 'organisations.registeredInRegister')}</dt><dd>${yesNo(language, organisation.registeredInFrivillighetsregisteret)}</dd>
<dt>${t(language, 'organisations.contact')}</dt><dd>${contact(organisation)}</dd>
<dt>${t(language, 'organisations.recruitmentUrl')}</dt><dd class="pre-line">${recruitment}</dd>
</dl>
${canCreateAgreement ? recruitmentUrlForm(language, organisation, csrfToken) : null}
<h2>${t(language, 'list.title')}</h2>
${create}
${agreementsTable(language, agreements, t(language, 'organisations.agreements', { organisation: organisation.name }))}`;
}
