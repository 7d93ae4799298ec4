import { html, type Html } from '../../../infra/html/html.ts';
import { formatMonth, formatNumber } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { roleName, unitName, unitNames } from '../../recruitment/views/queue.ts';
import { when } from '../../volunteers/views/time.ts';
import { FOLLOW_UP_HORIZON_DAYS, type ContactToday, type CoordinatorToday, type OverdueTask, type StepTask } from '../queries.ts';
import { t } from '../messages/index.ts';

interface Page {
  language: Language;
  policy: Policy;
}

/** A heading and its lines, or the empty state that says what to do next; `more` links to the whole list when lines were left out. */
function section(id: string, heading: string, lines: Html[], empty: Html | string, more?: { total: number; capped?: boolean; href: string; language: Language }): Html {
  const seeAll = more && t(more.language, more.capped ? 'today.seeAllOver' : 'today.seeAll', { count: more.total });
  const rest = more && more.total > lines.length ? html`<p><a href="${more.href}">${seeAll}</a></p>` : null;
  const body = lines.length ? html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>${rest}` : html`<p class="hint">${empty}</p>`;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${body}</section>`;
}

function taskLine(task: StepTask, { language, policy }: Page): Html {
  const due = task.overdue ? html` <span class="badge overdue">${t(language, 'today.overdue')}</span>` : null;
  const date = task.dueAt ? t(language, 'today.due', { on: when(task.dueAt, language, false) }) : null;
  return html`<a href="/volunteers/${task.volunteerId}">${task.name}</a> – ${stepTitle(task.step, language)}, ${unitName(policy, task.serviceUnitId)}${date ? html`, ${date}` : null}${due}`;
}

const ACTOR_HEADINGS = { volunteer: 'actor.volunteer', contact: 'actor.contact', coordinator: 'actor.coordinator' } as const;

/** A contact follows up every step but the police certificate, which the certificate officer checks. */
function overdueLine(task: OverdueTask, page: Page): Html {
  const line = taskLine(task, page);
  if (!task.contactName) return html`${line} – ${t(page.language, 'task.noContact')}`;
  return task.step === 'policeCertificate' ? line : html`${line} – ${t(page.language, 'task.followedUpBy', { name: task.contactName })}`;
}

function overdue(view: CoordinatorToday, page: Page): Html {
  const { language } = page;
  const wrap = (body: Html) => html`<section aria-labelledby="overdue-heading"><h2 id="overdue-heading">${t(language, 'overdue.heading')}</h2>${body}</section>`;
  if (!view.hasVolunteers) return wrap(html`<p class="hint"><a href="/volunteers/new">${t(language, 'overdue.noVolunteers')}</a></p>`);
  if (!view.overdue.total) return wrap(html`<p class="hint"><a href="/overview">${t(language, 'overdue.none')}</a></p>`);
  const groups = view.overdue.groups.map((group) => {
    const rest = group.total > group.tasks.length ? html`<p><a href="/volunteers?overdue=true">${t(language, 'today.seeAll', { count: group.total })}</a></p>` : null;
    return html`<h3>${t(language, ACTOR_HEADINGS[group.actor])} <span class="hint">(${t(language, 'actor.count', { count: group.total })})</span></h3>
<ul>${group.tasks.map((task) => html`<li>${overdueLine(task, page)}</li>`)}</ul>${rest}`;
  });
  return wrap(html`<p>${t(language, 'overdue.summary', { count: view.overdue.total })}</p>${groups}`);
}

function applications(view: CoordinatorToday['applications'], page: Page, empty: string): Html {
  const { language, policy } = page;
  const lines = view.shown.map(
    (a) => html`<a href="/applications/${a.id}">${t(language, 'applications.line', { role: roleName(policy, a.activityTypeId, language), units: unitNames(policy, a.serviceUnitIds), on: when(a.confirmedAt, language, false) })}</a>`,
  );
  return section('applications-heading', t(language, 'applications.heading'), lines, html`<a href="/bli-frivillig">${empty}</a>`, { total: view.total, href: '/applications', language });
}

function coordinatorSessions(view: CoordinatorToday, { language }: Page): Html {
  const lines = view.sessionsWithSeats.map(
    (s) => html`<a href="/courses/${s.id}">${t(language, 'sessions.line', { on: when(s.startsAt, language), place: s.place, seats: s.seatsLeft })}</a>`,
  );
  const waiting = view.waitingForCourse ? html`<p><a href="/courses">${t(language, 'sessions.waiting', { count: view.waitingForCourse })}</a></p>` : null;
  return html`${section('sessions-heading', t(language, 'sessions.heading'), lines, html`<a href="/courses">${t(language, 'sessions.none')}</a>`)}${waiting}`;
}

function agreements(view: CoordinatorToday, { language }: Page): Html {
  const lines = view.agreements.map((a) => {
    const badge = a.overdue ? html` <span class="badge overdue">${t(language, 'today.overdue')}</span>` : null;
    return html`<a href="/agreements/${a.id}">${t(language, 'agreements.line', { organisation: a.organisationName, on: when(a.reviewDueOn, language, false) })}</a>${badge}`;
  });
  const empty = view.hasOrganisations ? html`<a href="/agreements">${t(language, 'agreements.none')}</a>` : html`<a href="/organisations/new">${t(language, 'agreements.noOrganisations')}</a>`;
  return section('agreements-heading', t(language, 'agreements.heading'), lines, empty);
}

function meetings(view: CoordinatorToday, { language }: Page): Html {
  const { network, dialogue } = view.meetings;
  const behind = network.held + network.planned < network.perYear || dialogue.held + dialogue.planned < dialogue.perYear;
  return html`<section aria-labelledby="meetings-heading"><h2 id="meetings-heading">${t(language, 'meetings.heading')}</h2>
<ul><li>${t(language, 'meetings.network', { ...network })}</li><li>${t(language, 'meetings.dialogue', { ...dialogue })}</li></ul>
${behind ? html`<p><a href="/meetings">${t(language, 'meetings.behind')}</a></p>` : null}</section>`;
}

export function coordinatorTodayBody(view: CoordinatorToday, page: Page): Html {
  const { language } = page;
  return html`<h1>${t(language, 'today.title')}</h1>
<p>${t(language, 'today.intro')}</p>
${overdue(view, page)}
${applications(view.applications, page, t(language, 'applications.none'))}
${coordinatorSessions(view, page)}
${agreements(view, page)}
${meetings(view, page)}
<p class="hint"><a href="/overview">${t(language, 'today.toOverview')}</a></p>`;
}

export function contactTodayBody(view: ContactToday, page: Page): Html {
  const { language } = page;
  const days = FOLLOW_UP_HORIZON_DAYS;
  const hours = view.hours.shown.map(
    (h) => html`<a href="/hours?status=pending">${t(language, 'hours.line', { name: h.name, hours: formatNumber(h.hours, language), month: formatMonth(h.month, language) })}</a>`,
  );
  const sessions = view.sessions.map(
    (s) => html`<a href="/courses/${s.id}">${t(language, 'contactSessions.line', { on: when(s.startsAt, language), place: s.place, seats: s.seatsLeft })}</a>`,
  );
  const meetings = view.meetings.map((m) => html`<a href="/meetings/${m.id}">${t(language, 'contactMeetings.line', { on: when(m.startsAt, language), title: m.title })}</a>`);
  return html`<h1>${t(language, 'today.title')}</h1>
<p>${t(language, 'today.intro')}</p>
${section('first-heading', t(language, 'firstConversations.heading'), view.firstConversations.tasks.map((task) => taskLine(task, page)), t(language, 'firstConversations.none'), {
  total: view.firstConversations.total,
  capped: view.firstConversations.capped,
  href: '/volunteers?step=firstConversation',
  language,
})}
${section('follow-ups-heading', t(language, 'followUps.heading', { days }), view.followUps.tasks.map((task) => taskLine(task, page)), t(language, 'followUps.none', { days }), {
  total: view.followUps.total,
  capped: view.followUps.capped,
  href: '/volunteers?step=followUp',
  language,
})}
${section('hours-heading', t(language, 'hours.heading'), hours, t(language, 'hours.none'), { total: view.hours.total, capped: view.hours.capped, href: '/hours?status=pending', language })}
${applications(view.applications, page, t(language, 'contactApplications.none'))}
${section('sessions-heading', t(language, 'contactSessions.heading'), sessions, html`<a href="/courses">${t(language, 'contactSessions.none')}</a>`)}
${section('meetings-heading', t(language, 'contactMeetings.heading'), meetings, html`<a href="/meetings">${t(language, 'contactMeetings.none')}</a>`)}`;
}
