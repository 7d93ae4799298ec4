import { html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { ServiceUnit } from '../../../infra/policy/policy.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';
import { applicationForm, type ApplicationFormState } from './application-form.ts';
import type { Role } from './roles.ts';

export interface RolePageContent {
  role: Role;
  sessions: { startsAt: Date; place: string }[];
  units: ServiceUnit[];
  coordinatorEmail: string;
  form: ApplicationFormState;
}

/** `/bli-frivillig/<role>`: what the role is and is not, what it asks of you, the next courses, and its application form. */
export function rolePage(language: Language, { role, sessions, units, coordinatorEmail, form }: RolePageContent): string {
  const name = role.name[language];
  const certificate = role.requiresPoliceCertificate ? t(language, 'role.certificate', { legalBasis: role.legalBasis ?? '' }) : t(language, 'role.noCertificate');
  const course = role.requiresIntroductionCourse
    ? html`<p>${t(language, 'role.course')}</p>
<h2>${t(language, 'role.sessions')}</h2>
${sessions.length ? html`<ul>${sessions.map((s) => html`<li>${t(language, 'role.session', { when: when(s.startsAt, language), place: s.place })}</li>`)}</ul>` : html`<p>${t(language, 'role.noSessions')}</p>`}`
    : html`<p>${t(language, 'role.noCourse')}</p>`;
  return page(
    language,
    form.problems.length ? errorTitle(language, name) : name,
    html`${languageSwitch(language)}
<p><a href="/bli-frivillig?lang=${language}">${t(language, 'role.back')}</a></p>
<h1>${name}</h1>
<h2>${t(language, 'role.does')}</h2>
<p>${role.allowedTasks[language]}</p>
<h2>${t(language, 'role.doesNot')}</h2>
<p>${role.forbiddenTasks[language]}</p>
<p>${t(language, 'role.age', { age: role.minimumAge })}</p>
<p>${certificate}</p>
${role.oneToOneInHome ? html`<p>${t(language, 'role.alone')}</p>` : null}
${course}
${applicationForm(language, role, units, form)}
<p>${t(language, 'role.questions')} <a href="mailto:${coordinatorEmail}">${coordinatorEmail}</a></p>`,
  );
}

export function roleNotFoundPage(language: Language): string {
  const title = t(language, 'role.notFound');
  return page(language, title, html`<h1>${title}</h1>\n<p><a href="/bli-frivillig?lang=${language}">${t(language, 'role.notFoundText')}</a></p>`);
}
