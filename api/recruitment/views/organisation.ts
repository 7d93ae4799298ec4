import { html } from '../../../infra/html/html.ts';
import { formatList } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import type { OrganisationInForce } from '../../agreements/organisation-queries.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';

/**
 * `/bli-frivillig/organisasjoner/<id>`: an organisation the municipality has an agreement with, what
 * that agreement covers, and the way to volunteer with it: its own recruitment page, or the coordinator.
 */
export function organisationPage(language: Language, policy: Policy, organisation: OrganisationInForce): string {
  const roles = policy.activityTypes.filter((a) => organisation.activityTypeIds.includes(a.id));
  const units = policy.serviceUnits.filter((u) => organisation.serviceUnitIds.includes(u.id)).map((u) => u.name);
  const email = policy.municipality.coordinatorEmail;
  const join = organisation.recruitmentUrl
    ? html`<p><a href="${organisation.recruitmentUrl}">${t(language, 'organisation.ownRecruitment', { organisation: organisation.name })}</a></p>`
    : html`<p>${t(language, 'organisation.askCoordinator', { organisation: organisation.name })} <a href="mailto:${email}">${email}</a></p>`;
  return page(
    language,
    organisation.name,
    html`${languageSwitch(language)}
<p><a href="/bli-frivillig?lang=${language}">${t(language, 'role.back')}</a></p>
<h1>${organisation.name}</h1>
<p>${t(language, 'organisation.cooperates', { municipality: policy.municipality.name, units: formatList(units, language) })}</p>
${roles.length ? html`<ul>${roles.map((r) => html`<li><a href="/bli-frivillig/${r.id}?lang=${language}">${r.name[language]}</a></li>`)}</ul>` : null}
<h2>${t(language, 'organisation.join')}</h2>
${join}`,
  );
}

export function organisationNotFoundPage(language: Language): string {
  const title = t(language, 'organisation.notFound');
  return page(language, title, html`<h1>${title}</h1>\n<p><a href="/bli-frivillig?lang=${language}">${t(language, 'role.notFoundText')}</a></p>`);
}
