import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { MEETING_KINDS, type MeetingKind, type MeetingStatus } from '../../../workflows/meeting/definitions.ts';
import type { MeetingCount } from '../../../workflows/meeting-count/definitions.ts';
import { fallingShort } from '../../../workflows/meeting-count/shortfall.ts';
import { when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { checkboxes, errorSummary, fieldError, input, radios, textarea } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { MeetingSummary } from '../queries.ts';

export type Problems = { field: string; message: string }[];

const STATUS = { scheduled: 'status.scheduled', cancelled: 'status.cancelled', held: 'status.held' } as const;
const KIND = { network: 'kind.network', dialogue: 'kind.dialogue' } as const;
const KIND_CHOICE = { network: 'field.kind.network', dialogue: 'field.kind.dialogue' } as const;

export const statusWords = (status: MeetingStatus, language: Language) => t(language, STATUS[status]);
export const kindWords = (kind: MeetingKind, language: Language) => t(language, KIND[kind]);

export function answersWords(meeting: Pick<MeetingSummary, 'yes' | 'no' | 'invited'>, language: Language): string {
  return t(language, 'answers.count', { yes: String(meeting.yes), no: String(meeting.no), invited: String(meeting.invited) });
}

/** What the coordinator typed into the new-meeting form, as typed. */
export interface NewMeetingValues {
  kind?: string | undefined;
  title?: string | undefined;
  agenda?: string | undefined;
  place?: string | undefined;
  startsAt?: string | undefined;
  minutes?: string | undefined;
  serviceUnitIds?: string[];
}

function newMeetingForm(language: Language, policy: Policy, csrf: string, values: NewMeetingValues, problems: Problems): Html {
  const error = (name: string) => fieldError(problems, name);
  const kinds = MEETING_KINDS.map((kind) => ({ value: kind, label: t(language, KIND_CHOICE[kind]) }));
  return html`<section aria-labelledby="new-heading"><h2 id="new-heading">${t(language, 'new.heading')}</h2>
${errorSummary(t(language, 'form.errors'), problems)}
<form method="post" action="/meetings" novalidate>
${csrfField(csrf)}
${radios({ name: 'kind', legend: t(language, 'field.kind'), choices: kinds, checked: values.kind ?? 'network', error: error('kind') })}
${input({ name: 'title', label: t(language, 'field.title'), value: values.title, error: error('title'), required: true })}
${textarea({ name: 'agenda', label: t(language, 'field.agenda'), value: values.agenda, error: error('agenda'), required: true })}
${input({ name: 'place', label: t(language, 'field.place'), value: values.place, error: error('place'), required: true })}
${input({ name: 'startsAt', label: t(language, 'field.startsAt'), type: 'datetime-local', hint: t(language, 'field.startsAt.hint'), value: values.startsAt, error: error('startsAt'), required: true })}
${input({ name: 'minutes', label: t(language, 'field.minutes'), type: 'number', value: values.minutes ?? '120', error: error('minutes'), attributes: { min: 15, max: 720 } })}
${checkboxes({ name: 'serviceUnitIds', legend: t(language, 'field.units'), hint: t(language, 'field.units.hint'), choices: policy.serviceUnits.map((u) => ({ value: u.id, label: u.name })), checked: values.serviceUnitIds ?? [], error: error('serviceUnitIds') })}
<div class="field"><button type="submit">${t(language, 'new.submit')}</button></div>
</form></section>`;
}

function countsSection(language: Language, year: number, counts: Record<MeetingKind, MeetingCount>, month: number): Html {
  const items = MEETING_KINDS.map((kind) => {
    const count = counts[kind];
    const line = t(language, 'counts.line', { kind: kindWords(kind, language), held: String(count.held), planned: String(count.planned), perYear: String(count.perYear) });
    return html`<li>${line}${fallingShort(count, month) ? html` – <strong>${t(language, 'counts.short')}</strong>` : null}</li>`;
  });
  return html`<section aria-labelledby="counts-heading"><h2 id="counts-heading">${t(language, 'counts.heading', { year: String(year) })}</h2><ul>${items}</ul></section>`;
}

export interface MeetingsPage {
  meetings: MeetingSummary[];
  year: number;
  month: number;
  counts: Record<MeetingKind, MeetingCount>;
  form: { csrf: string; values: NewMeetingValues; problems: Problems } | undefined;
}

/** The year's count against the policy, the coming and recent meetings, and for the coordinator the form to plan one. */
export function meetingsBody(language: Language, policy: Policy, page: MeetingsPage): Html {
  const rows = page.meetings.map(
    (m, index) =>
      html`${index ? '\n' : null}<tr><th scope="row"><a href="/meetings/${m.id}">${when(m.startsAt, language)}</a></th><td>${kindWords(m.kind, language)}</td><td>${m.title}</td><td>${answersWords(m, language)}</td><td>${statusWords(m.status, language)}</td></tr>`,
  );
  const table = page.meetings.length
    ? html`<table><caption>${t(language, 'list.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'col.when')}</th><th scope="col">${t(language, 'col.kind')}</th><th scope="col">${t(language, 'col.title')}</th><th scope="col">${t(language, 'col.answers')}</th><th scope="col">${t(language, 'col.status')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'list.empty')}</p>`;
  return html`<h1>${t(language, 'list.title')}</h1>
<p>${t(language, 'list.intro')}</p>
${countsSection(language, page.year, page.counts, page.month)}
${table}
${page.form ? newMeetingForm(language, policy, page.form.csrf, page.form.values, page.form.problems) : null}`;
}
