import { html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';

export type Role = Policy['activityTypes'][number];

/** An organisation as the public sees it: its name only, as its contact person agreed to be the municipality's contact, not the public's. */
export interface PublicOrganisation {
  id: string;
  name: string;
}

/** `/bli-frivillig`: every role the municipality recruits for, and the organisations it works with. */
export function rolesPage(language: Language, municipality: string, roles: Role[], organisations: PublicOrganisation[]): string {
  const title = t(language, 'roles.title', { municipality });
  const items = roles.map(
    (role) => html`<li><h3><a href="/bli-frivillig/${role.id}?lang=${language}" aria-label="${t(language, 'roles.more', { role: role.name[language] })}">${role.name[language]}</a></h3>
<p>${role.allowedTasks[language]}</p>
<p>${t(language, 'roles.age', { age: role.minimumAge })} · ${t(language, role.requiresPoliceCertificate ? 'roles.certificateNeeded' : 'roles.noCertificate')}</p></li>`,
  );
  const partners = organisations.length
    ? html`<h2>${t(language, 'roles.organisations')}</h2>
<p>${t(language, 'roles.organisationsIntro')}</p>
<ul>${organisations.map((o) => html`<li><a href="/bli-frivillig/organisasjoner/${o.id}?lang=${language}">${o.name}</a></li>`)}</ul>`
    : null;
  return page(
    language,
    title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'roles.intro')}</p>
<h2>${t(language, 'roles.heading')}</h2>
<ul class="roles">${items}</ul>
${partners}`,
  );
}
