import type { ActivityType } from '../../../infra/policy/policy.ts';
import { PHASES, STEPS, type Phase, type StepName, type StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { tr } from '../../views/layout.ts';
import { actionForms, type ActionFormsView } from './action-forms.ts';
import { actionName, PHASE_NAMES, phaseBadge, stateBadge, stepName, templateName } from './labels.ts';
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

function definitionList(items: [string, string][]): string {
  return `<dl>${items.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function person(view: VolunteerPageView): string {
  const { language, person: p, contact, unit } = view;
  const contactText = contact
    ? `${escapeHtml(contact.name)}${contact.email ? ` &lt;${escapeHtml(contact.email)}&gt;` : ''}`
    : `${tr(language, 'Ingen ennå; enhetens postkasse', 'None yet; the unit\'s mailbox')}${unit.mailbox ? ` ${escapeHtml(unit.mailbox)}` : ''}`;
  return `<section aria-labelledby="person-heading"><h2 id="person-heading">${tr(language, 'Person og oppdrag', 'Person and assignment')}</h2>
${definitionList([
  [tr(language, 'E-post', 'Email'), escapeHtml(p.email)],
  [tr(language, 'Telefon', 'Phone'), escapeHtml(p.phone ?? '–')],
  [tr(language, 'Fødselsår', 'Birth year'), escapeHtml(String(p.birthYear ?? '–'))],
  [tr(language, 'Språk', 'Language'), p.language === 'nb' ? 'Norsk (bokmål)' : 'English'],
  [tr(language, 'Enhet', 'Unit'), escapeHtml(unit.name)],
  [tr(language, 'Aktivitet', 'Activity type'), escapeHtml(view.activityType?.name[language] ?? view.activityTypeId)],
  [tr(language, 'Kontaktperson', 'Contact'), contactText],
  [tr(language, 'Registrert', 'Registered'), when(p.createdAt, language)],
  ...(p.closedAt ? [[tr(language, 'Avsluttet', 'Closed'), when(p.closedAt, language)] as [string, string]] : []),
  ...(p.suitabilityNote ? [[tr(language, 'Egnethet', 'Suitability'), escapeHtml(p.suitabilityNote)] as [string, string]] : []),
])}</section>`;
}

function activity(view: VolunteerPageView): string {
  const { language, activityType: a } = view;
  if (!a) return '';
  const yes = tr(language, 'Ja', 'Yes');
  const no = tr(language, 'Nei', 'No');
  return `<section aria-labelledby="activity-heading"><h2 id="activity-heading">${tr(language, 'Hva aktiviteten tillater', 'What the activity type allows')}</h2>
${definitionList([
  [tr(language, 'Den frivillige kan', 'The volunteer may'), escapeHtml(a.allowedTasks[language])],
  [tr(language, 'Den frivillige skal ikke', 'The volunteer must not'), escapeHtml(a.forbiddenTasks[language])],
  [tr(language, 'Minstealder', 'Minimum age'), String(a.minimumAge)],
  [tr(language, 'Introduksjonskurs', 'Introduction course'), a.requiresIntroductionCourse ? yes : no],
  [tr(language, 'Politiattest', 'Police certificate'), a.requiresPoliceCertificate ? `${yes}${a.legalBasis ? `; ${tr(language, 'hjemmel', 'legal basis')}: ${escapeHtml(a.legalBasis)}` : ''}` : no],
  [tr(language, 'Alene med bruker i hjemmet', 'Alone with the person at home'), a.oneToOneInHome ? tr(language, 'Ja – gå gjennom ekstra veiledning i første samtale', 'Yes – give the extra guidance in the first conversation') : no],
])}</section>`;
}

function timeline(view: VolunteerPageView): string {
  const { language } = view;
  const steps = [...view.steps].sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step));
  const rows = steps.map(
    (s) => `<tr><th scope="row">${escapeHtml(stepName(s.step, language))}</th><td>${stateBadge(s.state, language)}</td><td>${when(s.openedAt, language)}</td><td>${when(s.dueAt, language)}</td><td>${when(s.sessionAt, language)}</td><td>${when(s.completedAt, language)}</td><td>${escapeHtml(s.completedBy ?? '–')}</td><td class="number">${s.remindersSent}</td></tr>`,
  );
  const missing = view.actions.missingForActivation.length
    ? `<p>${tr(language, 'Første samtale kan holdes når dette er på plass:', 'The first conversation can be held once this is in place:')} ${view.actions.missingForActivation
        .map((m) => escapeHtml(m === 'contact' ? tr(language, 'kontaktperson', 'a contact') : stepName(m, language).toLowerCase()))
        .join(', ')}.</p>`
    : '';
  return `<section aria-labelledby="steps-heading"><h2 id="steps-heading">${tr(language, 'Steg', 'Steps')}</h2>
<table><caption>${tr(language, 'Stegene i rekkefølge', 'The steps in order')}</caption>
<thead><tr><th scope="col">${tr(language, 'Steg', 'Step')}</th><th scope="col">${tr(language, 'Status', 'State')}</th><th scope="col">${tr(language, 'Åpnet', 'Opened')}</th><th scope="col">${tr(language, 'Frist', 'Due')}</th><th scope="col">${tr(language, 'Tidspunkt', 'Session')}</th><th scope="col">${tr(language, 'Fullført', 'Completed')}</th><th scope="col">${tr(language, 'Av', 'By')}</th><th scope="col" class="number">${tr(language, 'Påminnelser', 'Reminders')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${rows.length ? '' : `<p role="status">${tr(language, 'Samspill setter opp stegene; siden oppdateres av seg selv.', 'Samspill is setting up the steps; the page refreshes by itself.')}</p>`}
${missing}</section>`;
}

function emails(view: VolunteerPageView): string {
  const { language } = view;
  const rows = view.emails.map(
    (e) => `<tr><td>${escapeHtml(templateName(e.template, language))}</td><td>${escapeHtml(e.recipient)}</td><td>${when(e.sentAt ?? e.createdAt, language)}</td><td>${
      e.status === 'sent'
        ? `<span class="badge done">${tr(language, 'Sendt', 'Sent')}</span>`
        : `<span class="badge pending">${tr(language, 'Venter', 'Waiting')}</span>${e.attempts ? ` ${tr(language, `(${e.attempts} forsøk)`, `(${e.attempts} attempts)`)}` : ''}`
    }</td></tr>`,
  );
  const body = rows.length
    ? `<table><caption>${tr(language, 'E-poster om den frivillige', 'Emails about the volunteer')}</caption>
<thead><tr><th scope="col">${tr(language, 'E-post', 'Email')}</th><th scope="col">${tr(language, 'Mottaker', 'Recipient')}</th><th scope="col">${tr(language, 'Når', 'When')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen e-poster ennå.', 'No emails yet.')}</p>`;
  return `<section aria-labelledby="emails-heading"><h2 id="emails-heading">${tr(language, 'Sendte e-poster', 'Emails sent')}</h2>${body}</section>`;
}

function details(view: VolunteerPageView, entry: VolunteerPageView['audit'][number]): string {
  if (!entry.details) return '';
  const { language } = view;
  const phase = (value: string | boolean) => (typeof value === 'string' && (PHASES as readonly string[]).includes(value) ? PHASE_NAMES[value as Phase][language] : String(value));
  if (entry.action === 'phaseChanged') return escapeHtml(`${phase(entry.details.from ?? '')} → ${phase(entry.details.to ?? '')}`);
  return escapeHtml(Object.entries(entry.details).map(([key, value]) => `${key}: ${String(value)}`).join(', '));
}

function audit(view: VolunteerPageView): string {
  const { language } = view;
  const rows = view.audit.map(
    (e) => `<tr><td>${when(e.at, language)}</td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(actionName(e.action, language))}</td><td>${e.step ? escapeHtml(stepName(e.step, language)) : '–'}</td><td>${details(view, e)}</td></tr>`,
  );
  return `<section aria-labelledby="audit-heading"><h2 id="audit-heading">${tr(language, 'Logg', 'Audit log')}</h2>
<details><summary>${tr(language, `Vis loggen (${rows.length})`, `Show the log (${rows.length})`)}</summary>
<table><caption>${tr(language, 'Hvem gjorde hva, og når', 'Who did what, and when')}</caption>
<thead><tr><th scope="col">${tr(language, 'Når', 'When')}</th><th scope="col">${tr(language, 'Hvem', 'Who')}</th><th scope="col">${tr(language, 'Hva', 'What')}</th><th scope="col">${tr(language, 'Steg', 'Step')}</th><th scope="col">${tr(language, 'Detaljer', 'Details')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></details></section>`;
}

/** `/volunteers/:id`: the person, what their activity allows, their steps, the forms for what can be done now, emails and log. */
export function volunteerPageBody(view: VolunteerPageView): string {
  const { language, person: p } = view;
  const notStarted = p.lifecycleStarted
    ? ''
    : `<p class="flash error" role="status">${tr(language, 'Oppfølgingen har ikke startet ennå fordi arbeidsflytmotoren ikke svarte. Samspill starter den selv når motoren er tilbake.', 'Onboarding has not started yet because the workflow engine did not answer. Samspill starts it by itself when the engine is back.')}</p>`;
  const anonymised = p.anonymisedAt ? `<p>${tr(language, 'Personopplysningene er anonymisert', 'The personal data was anonymised on')} ${when(p.anonymisedAt, language, false)}.</p>` : '';
  const privacy = view.showPrivacyLink
    ? `<p><a href="/volunteers/${escapeHtml(view.volunteerId)}/privacy">${tr(language, 'Personvern: innsyn, eksport og sletting', 'Privacy: access, export and erasure')}</a></p>`
    : '';
  return `<p><a href="/volunteers">${tr(language, '← Alle frivillige', '← All volunteers')}</a></p>
<h1>${escapeHtml(p.name)}</h1>
<p>${tr(language, 'Fase', 'Phase')}: ${phaseBadge(view.phase, language)}</p>
${notStarted}${anonymised}
${person(view)}
${activity(view)}
${timeline(view)}
${actionForms(view)}
${emails(view)}
${audit(view)}
${privacy}`;
}
