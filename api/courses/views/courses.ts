import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { SessionSummary } from '../queries.ts';

export type Problems = { field: string; message: string }[];

const STATUS = { scheduled: 'status.scheduled', cancelled: 'status.cancelled', held: 'status.held' } as const;

export function statusWords(status: SessionSummary['status'], language: Language): string {
  return t(language, STATUS[status]);
}

export function seatsWords(session: SessionSummary, language: Language): string {
  const seats = t(language, 'seats.count', { taken: String(session.seatsTaken), capacity: String(session.capacity) });
  return session.waitlisted ? `${seats} · ${t(language, 'seats.waitlisted', { count: session.waitlisted })}` : seats;
}

/** What the coordinator typed into the new-session form, as typed. */
export interface NewSessionValues {
  startsAt?: string | undefined;
  minutes?: string | undefined;
  place?: string | undefined;
  leader?: string | undefined;
  capacity?: string | undefined;
  serviceUnitId?: string | undefined;
}

function newSessionForm(language: Language, policy: Policy, csrf: string, values: NewSessionValues, problems: Problems): Html {
  const units = policy.serviceUnits.map((u) => ({ value: u.id, label: u.name }));
  const error = (name: string) => fieldError(problems, name);
  return html`<section aria-labelledby="new-heading"><h2 id="new-heading">${t(language, 'new.heading')}</h2>
${errorSummary(t(language, 'form.errors'), problems)}
<form method="post" action="/courses" novalidate>
${csrfField(csrf)}
${input({ name: 'startsAt', label: t(language, 'field.startsAt'), type: 'datetime-local', hint: t(language, 'field.startsAt.hint'), value: values.startsAt, error: error('startsAt'), required: true })}
${input({ name: 'minutes', label: t(language, 'field.minutes'), type: 'number', value: values.minutes ?? '180', error: error('minutes'), attributes: { min: 15, max: 720 } })}
${input({ name: 'place', label: t(language, 'field.place'), value: values.place, error: error('place'), required: true })}
${input({ name: 'leader', label: t(language, 'field.leader'), value: values.leader, error: error('leader'), required: true })}
${input({ name: 'capacity', label: t(language, 'field.capacity'), type: 'number', value: values.capacity ?? '12', error: error('capacity'), required: true, attributes: { min: 1, max: 500 } })}
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: units, value: values.serviceUnitId, empty: t(language, 'field.allUnits'), error: error('serviceUnitIds') })}
<div class="field"><button type="submit">${t(language, 'new.submit')}</button></div>
</form></section>`;
}

/** The coming sessions, and for the coordinator the form to plan one. */
export function coursesBody(language: Language, policy: Policy, sessions: SessionSummary[], form: { csrf: string; values: NewSessionValues; problems: Problems } | undefined): Html {
  const rows = sessions.map(
    (s, index) => html`${index ? '\n' : null}<tr><th scope="row"><a href="/courses/${s.id}">${when(s.startsAt, language)}</a></th><td>${s.place}</td><td>${seatsWords(s, language)}</td><td>${statusWords(s.status, language)}</td></tr>`,
  );
  const table = sessions.length
    ? html`<table><caption>${t(language, 'list.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'col.when')}</th><th scope="col">${t(language, 'col.place')}</th><th scope="col">${t(language, 'col.seats')}</th><th scope="col">${t(language, 'col.status')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'list.empty')}</p>`;
  return html`<h1>${t(language, 'list.title')}</h1>
<p>${t(language, 'list.intro')}</p>
${table}
${form ? newSessionForm(language, policy, form.csrf, form.values, form.problems) : null}`;
}
