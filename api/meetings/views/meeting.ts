import { html, type Html } from '../../../infra/html/html.ts';
import type { RsvpAnswer } from '../../../infra/db/entities/meeting.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { toOsloLocal, when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { input } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { InvitationEntry, MeetingView } from '../queries.ts';
import { answersWords, kindWords, statusWords } from './meetings.ts';

const RSVP = { pending: 'rsvp.pending', yes: 'rsvp.yes', no: 'rsvp.no' } as const;
export const rsvpWords = (answer: RsvpAnswer, language: Language) => t(language, RSVP[answer]);

export interface MeetingPage {
  meeting: MeetingView;
  csrf: string;
  /** What the principal may do, and whether the meeting has begun. */
  may: { manage: boolean };
  begun: boolean;
}

function invited(language: Language, entries: InvitationEntry[]): Html {
  const rows = entries.map(
    (e, index) => html`${index ? '\n' : null}<tr><th scope="row">${e.name}</th><td>${e.email}</td><td>${rsvpWords(e.rsvp, language)}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'invited.heading')}</caption>
<thead><tr><th scope="col">${t(language, 'col.name')}</th><th scope="col">${t(language, 'col.email')}</th><th scope="col">${t(language, 'col.rsvp')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** One form for everyone invited: a box each, ticked for those who came (as recorded before, when correcting). */
function attendanceForm(language: Language, page: MeetingPage): Html {
  const boxes = page.meeting.invitations.map(
    (e) => html`<li><input type="checkbox" id="came-${e.id}" name="attended" value="${e.id}"${e.attended ? html` checked` : null}> <label for="came-${e.id}">${t(language, 'attendance.came', { name: e.name })}</label></li>`,
  );
  return html`<section aria-labelledby="attendance-heading"><h2 id="attendance-heading">${t(language, 'attendance.heading')}</h2>
<p>${t(language, 'attendance.intro')}</p>
<form method="post" action="/meetings/${page.meeting.id}/attendance">
${csrfField(page.csrf)}
<ul class="checkboxes">${boxes}</ul>
<div class="field"><button type="submit">${t(language, 'attendance.submit')}</button></div>
</form></section>`;
}

function minutesForm(language: Language, page: MeetingPage): Html {
  return html`<section aria-labelledby="minutes-heading"><h2 id="minutes-heading">${t(language, 'minutes.heading')}</h2>
<p>${t(language, 'minutes.intro')}</p>
<form method="post" action="/meetings/${page.meeting.id}/minutes" novalidate>
${csrfField(page.csrf)}
${input({ name: 'minutesReference', label: t(language, 'minutes.field'), value: page.meeting.minutesReference, required: true })}
<div class="field"><button type="submit">${t(language, 'minutes.submit')}</button></div>
</form></section>`;
}

function aheadForms(language: Language, page: MeetingPage): Html {
  const { meeting } = page;
  return html`<section aria-labelledby="move-heading"><h2 id="move-heading">${t(language, 'move.heading')}</h2>
<p>${t(language, 'move.intro')}</p>
<form method="post" action="/meetings/${meeting.id}/move" novalidate>
${csrfField(page.csrf)}
${input({ name: 'startsAt', label: t(language, 'field.startsAt'), type: 'datetime-local', hint: t(language, 'field.startsAt.hint'), value: toOsloLocal(meeting.startsAt), required: true })}
<div class="field"><button type="submit">${t(language, 'move.submit')}</button></div>
</form></section>
<section aria-labelledby="cancel-heading"><h2 id="cancel-heading">${t(language, 'cancel.heading')}</h2>
<p>${t(language, 'cancel.intro')}</p>
<form method="post" action="/meetings/${meeting.id}/cancel">
${csrfField(page.csrf)}
<div class="field"><button type="submit" class="secondary">${t(language, 'cancel.submit')}</button></div>
</form></section>`;
}

/** A meeting: its facts and agenda, who is invited and what they answered, and the forms its state allows. */
export function meetingBody(language: Language, page: MeetingPage): Html {
  const { meeting } = page;
  const open = meeting.status !== 'cancelled';
  const reference = meeting.minutesReference;
  return html`<p><a href="/meetings">${t(language, 'back')}</a></p>
<h1>${t(language, 'meeting.title', { kind: kindWords(meeting.kind, language), title: meeting.title })}</h1>
<p>${t(language, 'meeting.facts', { when: when(meeting.startsAt, language), place: meeting.place, minutes: String(meeting.minutes) })}</p>
<p>${meeting.units.length ? t(language, 'meeting.units', { units: meeting.units.join(', ') }) : t(language, 'meeting.allUnits')}</p>
<p>${statusWords(meeting.status, language)} · ${answersWords(meeting, language)}</p>
${reference ? html`<p>${/^https?:\/\//.test(reference) ? html`<a href="${reference}">${t(language, 'meeting.minutesAt', { reference })}</a>` : t(language, 'meeting.minutesAt', { reference })}</p>` : null}
<h2>${t(language, 'meeting.agenda')}</h2>
<p class="pre-line">${meeting.agenda}</p>
${invited(language, meeting.invitations)}
${open && page.may.manage && page.begun ? attendanceForm(language, page) : null}
${open && page.may.manage && page.begun ? minutesForm(language, page) : null}
${open && page.may.manage && !page.begun ? aheadForms(language, page) : null}`;
}
