import type { ActivityType } from '../../../infra/policy/policy.ts';
import { PHASES, STEPS, type Phase, type StepName, type StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import { LANGUAGE_NAMES, type Language } from '../../../infra/i18n/languages.ts';
import { isStepName, phaseName, stepName, stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { t } from '../messages/index.ts';
import { actionForms, type ActionFormsView } from './action-forms.ts';
import { actionName, phaseBadge, stateBadge, stepLabel, templateName } from './labels.ts';
import { when } from './time.ts';

export interface TimelineStep {
  step: StepName;
  state: StepState;
  openedAt: string | null;
  dueAt: string | null;
  sessionAt: string | null;
  completedAt: string | null;
  /** Who completed it, as a person reads it. */
  completedBy: string | null;
  remindersSent: number;
}

export interface VolunteerPageView extends ActionFormsView {
  person: {
    name: string;
    email: string;
    phone: string | null;
    birthYear: number | null;
    language: Language;
    suitabilityNote: string | null;
    createdAt: Date;
    closedAt: Date | null;
    anonymisedAt: Date | null;
    lifecycleStarted: boolean;
  };
  phase: Phase;
  unit: { name: string; mailbox: string | null };
  activityType: ActivityType | undefined;
  steps: TimelineStep[];
  emails: { template: string; recipient: string; createdAt: Date; sentAt: Date | null; status: 'pending' | 'sent'; attempts: number }[];
  /** `actor` as a person reads it: a staff member's name, or who else acted. */
  audit: { at: Date; actor: string; action: string; step: string | null; details: Record<string, string | boolean> | null }[];
  showPrivacyLink: boolean;
}

type Item = [term: string, value: Html | string | number];

function definitionList(items: Item[]): Html {
  return html`<dl>${items.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
}

/** Rows of a table body, one a line. */
function lines(rows: Html[]): Html[] {
  return rows.map((row, index) => html`${index ? '\n' : null}${row}`);
}

function person(view: VolunteerPageView): Html {
  const { language, person: p, contact, unit } = view;
  const contactText = contact
    ? html`${contact.name}${contact.email ? html` &lt;${contact.email}&gt;` : null}`
    : html`${t(language, 'page.noContact')}${unit.mailbox ? html` ${unit.mailbox}` : null}`;
  const items: Item[] = [
    [t(language, 'field.email'), p.email],
    [t(language, 'field.phone'), p.phone ?? '–'],
    [t(language, 'field.birthYear'), String(p.birthYear ?? '–')],
    [t(language, 'page.language'), LANGUAGE_NAMES[p.language]],
    [t(language, 'field.unit'), unit.name],
    [t(language, 'field.activityType'), view.activityType?.name[language] ?? view.activityTypeId],
    [t(language, 'page.contact'), contactText],
    [t(language, 'page.registered'), when(p.createdAt, language)],
  ];
  if (p.closedAt) items.push([t(language, 'page.closed'), when(p.closedAt, language)]);
  if (p.suitabilityNote) items.push([t(language, 'page.suitability'), p.suitabilityNote]);
  return html`<section aria-labelledby="person-heading"><h2 id="person-heading">${t(language, 'page.personHeading')}</h2>
${definitionList(items)}</section>`;
}

function activity(view: VolunteerPageView): Html | null {
  const { language, activityType: a } = view;
  if (!a) return null;
  const yes = t(language, 'yes');
  const no = t(language, 'no');
  const certificate = a.requiresPoliceCertificate ? (a.legalBasis ? t(language, 'page.legalBasis', { basis: a.legalBasis }) : yes) : no;
  return html`<section aria-labelledby="activity-heading"><h2 id="activity-heading">${t(language, 'page.activityHeading')}</h2>
${definitionList([
  [t(language, 'page.may'), a.allowedTasks[language]],
  [t(language, 'page.mustNot'), a.forbiddenTasks[language]],
  [t(language, 'page.minimumAge'), String(a.minimumAge)],
  [stepTitle('introductionCourse', language), a.requiresIntroductionCourse ? yes : no],
  [stepTitle('policeCertificate', language), certificate],
  [t(language, 'page.aloneAtHome'), a.oneToOneInHome ? t(language, 'page.aloneAtHomeYes') : no],
])}</section>`;
}

function timeline(view: VolunteerPageView): Html {
  const { language } = view;
  const steps = [...view.steps].sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step));
  const rows = steps.map(
    (s) =>
      html`<tr><th scope="row">${stepTitle(s.step, language)}</th><td>${stateBadge(s.state, language)}</td><td>${when(s.openedAt, language)}</td><td>${when(s.dueAt, language)}</td><td>${when(s.sessionAt, language)}</td><td>${when(s.completedAt, language)}</td><td>${s.completedBy ?? '–'}</td><td class="number">${s.remindersSent}</td></tr>`,
  );
  const missingItems = view.actions.missingForActivation.map((m) => (isStepName(m) ? stepName(m, language) : t(language, 'page.missingContact')));
  const missing = missingItems.length ? html`<p>${t(language, 'page.missing', { missing: missingItems.join(', ') })}</p>` : null;
  return html`<section aria-labelledby="steps-heading"><h2 id="steps-heading">${t(language, 'page.stepsHeading')}</h2>
<table><caption>${t(language, 'page.stepsCaption')}</caption>
<thead><tr><th scope="col">${t(language, 'field.step')}</th><th scope="col">${t(language, 'page.column.state')}</th><th scope="col">${t(language, 'page.column.opened')}</th><th scope="col">${t(language, 'page.column.due')}</th><th scope="col">${t(language, 'page.column.session')}</th><th scope="col">${t(language, 'page.column.completed')}</th><th scope="col">${t(language, 'page.column.by')}</th><th scope="col" class="number">${t(language, 'page.column.reminders')}</th></tr></thead>
<tbody>${lines(rows)}</tbody></table>
${rows.length ? null : html`<p role="status">${t(language, 'page.settingUp')}</p>`}
${missing}</section>`;
}

function emailState(view: VolunteerPageView, email: VolunteerPageView['emails'][number]): Html {
  const { language } = view;
  if (email.status === 'sent') return html`<span class="badge done">${t(language, 'page.email.sent')}</span>`;
  return html`<span class="badge pending">${t(language, 'page.email.waiting')}</span>${email.attempts ? html` ${t(language, 'page.email.attempts', { attempts: String(email.attempts) })}` : null}`;
}

function emails(view: VolunteerPageView): Html {
  const { language } = view;
  const rows = view.emails.map(
    (e) => html`<tr><td>${templateName(e.template, language)}</td><td>${e.recipient}</td><td>${when(e.sentAt ?? e.createdAt, language)}</td><td>${emailState(view, e)}</td></tr>`,
  );
  const body = rows.length
    ? html`<table><caption>${t(language, 'page.emailsCaption')}</caption>
<thead><tr><th scope="col">${t(language, 'field.email')}</th><th scope="col">${t(language, 'page.column.recipient')}</th><th scope="col">${t(language, 'field.when')}</th><th scope="col">${t(language, 'page.column.status')}</th></tr></thead>
<tbody>${lines(rows)}</tbody></table>`
    : html`<p>${t(language, 'page.noEmails')}</p>`;
  return html`<section aria-labelledby="emails-heading"><h2 id="emails-heading">${t(language, 'page.emailsHeading')}</h2>${body}</section>`;
}

function details(view: VolunteerPageView, entry: VolunteerPageView['audit'][number]): string {
  if (!entry.details) return '';
  const { language } = view;
  const phase = (value: string | boolean) => (typeof value === 'string' && (PHASES as readonly string[]).includes(value) ? phaseName(value as Phase, language) : String(value));
  if (entry.action === 'phaseChanged') return `${phase(entry.details.from ?? '')} → ${phase(entry.details.to ?? '')}`;
  return Object.entries(entry.details).map(([key, value]) => `${key}: ${String(value)}`).join(', ');
}

function audit(view: VolunteerPageView): Html {
  const { language } = view;
  const rows = view.audit.map(
    (e) => html`<tr><td>${when(e.at, language)}</td><td>${e.actor}</td><td>${actionName(e.action, language)}</td><td>${e.step ? stepLabel(e.step, language) : '–'}</td><td>${details(view, e)}</td></tr>`,
  );
  return html`<section aria-labelledby="audit-heading"><h2 id="audit-heading">${t(language, 'page.auditHeading')}</h2>
<details><summary>${t(language, 'page.showLog', { count: String(rows.length) })}</summary>
<table><caption>${t(language, 'page.auditCaption')}</caption>
<thead><tr><th scope="col">${t(language, 'field.when')}</th><th scope="col">${t(language, 'page.column.who')}</th><th scope="col">${t(language, 'page.column.what')}</th><th scope="col">${t(language, 'field.step')}</th><th scope="col">${t(language, 'page.column.details')}</th></tr></thead>
<tbody>${lines(rows)}</tbody></table></details></section>`;
}

/** `/volunteers/:id`: the person, what their activity allows, their steps, the forms for what can be done now, emails and log. */
export function volunteerPageBody(view: VolunteerPageView): Html {
  const { language, person: p } = view;
  const notStarted = p.lifecycleStarted ? null : html`<p class="flash error" role="status">${t(language, 'page.notStarted')}</p>`;
  const anonymised = p.anonymisedAt ? html`<p>${t(language, 'page.anonymised', { date: when(p.anonymisedAt, language, false) })}</p>` : null;
  const privacy = view.showPrivacyLink ? html`<p><a href="/volunteers/${view.volunteerId}/privacy">${t(language, 'page.privacyLink')}</a></p>` : null;
  return html`<p><a href="/volunteers">${t(language, 'page.back')}</a></p>
<h1>${p.name}</h1>
<p>${t(language, 'field.phase')}: ${phaseBadge(view.phase, language)}</p>
${notStarted}${anonymised}
${person(view)}
${activity(view)}
${timeline(view)}
${actionForms(view)}
${emails(view)}
${audit(view)}
${privacy}`;
}
