import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import type { SeatState } from '../../../workflows/course-session/definitions.ts';
import { toOsloLocal, when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { input } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { RosterEntry, SessionView, WaitingVolunteer } from '../queries.ts';
import { seatsWords, statusWords } from './courses.ts';

const SEAT = {
  enrolled: 'seat.enrolled',
  waitlisted: 'seat.waitlisted',
  offered: 'seat.offered',
  attended: 'seat.attended',
  absent: 'seat.absent',
  released: 'seat.released',
  expired: 'seat.expired',
  refused: 'seat.refused',
  cancelled: 'seat.cancelled',
} as const satisfies Record<SeatState, Parameters<typeof t>[1]>;

export interface SessionPage {
  session: SessionView;
  waiting: WaitingVolunteer[];
  csrf: string;
  /** What the principal may do here. */
  may: { enrol: boolean; manage: boolean };
  /** The check-in section with its one-time code, on the day. */
  checkIn?: Html | undefined;
}

const unitName = (policy: Policy, id: string) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id;

function seatWords(entry: RosterEntry, language: Language): string {
  return t(language, SEAT[entry.state], { until: when(entry.offeredUntil, language) });
}

function roster(language: Language, policy: Policy, entries: RosterEntry[]): Html {
  if (!entries.length) return html`<p>${t(language, 'roster.empty')}</p>`;
  const rows = entries.map(
    (e, index) => html`${index ? '\n' : null}<tr><th scope="row"><a href="/volunteers/${e.volunteerId}">${e.name}</a></th><td>${unitName(policy, e.serviceUnitId)}</td><td>${seatWords(e, language)}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'roster.heading')}</caption>
<thead><tr><th scope="col">${t(language, 'col.name')}</th><th scope="col">${t(language, 'col.unit')}</th><th scope="col">${t(language, 'col.status')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** One form for the whole roster: a box per enrolled volunteer, ticked for those who came. */
function attendanceForm(language: Language, page: SessionPage): Html | null {
  const enrolled = page.session.roster.filter((e) => e.state === 'enrolled');
  if (!enrolled.length) return null;
  const boxes = enrolled.map(
    (e) => html`<li><input type="checkbox" id="came-${e.volunteerId}" name="attended" value="${e.volunteerId}"> <label for="came-${e.volunteerId}">${t(language, 'attendance.came', { name: e.name })}</label></li>`,
  );
  return html`<section aria-labelledby="attendance-heading"><h2 id="attendance-heading">${t(language, 'attendance.heading')}</h2>
<p>${t(language, 'attendance.intro')}</p>
<form method="post" action="/courses/${page.session.id}/attendance">
${csrfField(page.csrf)}
<ul class="checkboxes">${boxes}</ul>
<div class="field"><button type="submit">${t(language, 'attendance.submit')}</button></div>
</form></section>`;
}

/** Everyone waiting for a course, with a box each, so several are enrolled in one submit. */
function enrolForm(language: Language, policy: Policy, page: SessionPage): Html {
  const heading = html`<h2 id="enrol-heading">${t(language, 'enrol.heading')}</h2>`;
  if (!page.waiting.length) return html`<section aria-labelledby="enrol-heading">${heading}<p>${t(language, 'enrol.none')}</p></section>`;
  const rows = page.waiting.map(
    (v, index) => html`${index ? '\n' : null}<tr><th scope="row"><input type="checkbox" id="enrol-${v.id}" name="volunteerIds" value="${v.id}"> <label for="enrol-${v.id}">${v.name}</label></th><td>${unitName(policy, v.serviceUnitId)}</td><td>${when(v.waitingSince, language, false)}</td></tr>`,
  );
  return html`<section aria-labelledby="enrol-heading">${heading}
<p>${t(language, 'enrol.intro')}</p>
<form method="post" action="/courses/${page.session.id}/enrolments">
${csrfField(page.csrf)}
<table>
<thead><tr><th scope="col">${t(language, 'col.name')}</th><th scope="col">${t(language, 'col.unit')}</th><th scope="col">${t(language, 'col.waitingSince')}</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="field"><button type="submit">${t(language, 'enrol.submit')}</button></div>
</form></section>`;
}

function manageForms(language: Language, page: SessionPage): Html {
  const { session } = page;
  return html`<section aria-labelledby="move-heading"><h2 id="move-heading">${t(language, 'move.heading')}</h2>
<p>${t(language, 'move.intro')}</p>
<form method="post" action="/courses/${session.id}/move" novalidate>
${csrfField(page.csrf)}
${input({ name: 'startsAt', label: t(language, 'field.startsAt'), type: 'datetime-local', hint: t(language, 'field.startsAt.hint'), value: toOsloLocal(session.startsAt), required: true })}
<div class="field"><button type="submit">${t(language, 'move.submit')}</button></div>
</form></section>
<section aria-labelledby="cancel-heading"><h2 id="cancel-heading">${t(language, 'cancel.heading')}</h2>
<p>${t(language, 'cancel.intro')}</p>
<form method="post" action="/courses/${session.id}/cancel">
${csrfField(page.csrf)}
<div class="field"><button type="submit" class="secondary">${t(language, 'cancel.submit')}</button></div>
</form></section>`;
}

/** A session: its facts, its roster, and (while it is scheduled) attendance, enrolment, moving and cancelling. */
export function sessionBody(language: Language, policy: Policy, page: SessionPage): Html {
  const { session } = page;
  const open = session.status === 'scheduled';
  return html`<p><a href="/courses">${t(language, 'back')}</a></p>
<h1>${t(language, 'session.title', { when: when(session.startsAt, language) })}</h1>
<p>${t(language, 'session.facts', { place: session.place, minutes: String(session.minutes), leader: session.leader })}</p>
<p>${statusWords(session.status, language)} · ${seatsWords(session, language)}</p>
${roster(language, policy, session.roster)}
${open && page.may.manage ? page.checkIn ?? null : null}
${open && page.may.manage ? attendanceForm(language, page) : null}
${open && page.may.enrol ? enrolForm(language, policy, page) : null}
${open && page.may.manage ? manageForms(language, page) : null}`;
}
