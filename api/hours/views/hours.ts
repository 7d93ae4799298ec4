import type { HoursEntry } from '../../../infra/db/entities/index.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import { formatNumber } from '../../../infra/i18n/format.ts';
import { LOCALES, type Language } from '../../../infra/i18n/languages.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { pagination } from '../../views/pagination.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';

/** The hours pages: the list with its filters and approvals, and the entry form. */

type Problem = { field: string; message: string };
type Choice = { value: string; label: string };

export interface HoursRow {
  id: number;
  volunteerId: string;
  volunteerName: string;
  unitName: string;
  activityName: string;
  month: string;
  hours: number;
  status: HoursEntry['status'];
  source: HoursEntry['source'];
}

export interface HoursListView {
  language: Language;
  csrfToken: string;
  /** The filters as given (`serviceUnitId`, `month`, `year`, `status`, `volunteerId`). */
  filters: Record<string, string | undefined>;
  problems: Problem[];
  units: Choice[];
  rows: HoursRow[];
  total: number;
  totalHours: number;
  page: number;
  /** This page's path and query, where an approval comes back to. */
  currentUrl: string;
  canWrite: boolean;
  canImport: boolean;
}

export interface HoursEntryView {
  language: Language;
  csrfToken: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  volunteers: Choice[];
  units: Choice[];
  activityTypes: Choice[];
  /** The newest month hours can be given for (this month), YYYY-MM. */
  latestMonth: string;
}

/** `2025-03` as "mars 2025" / "March 2025". */
export function monthLabel(month: string, language: Language): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(year, number - 1));
}

/** Hours with up to two decimals, the Norwegian way in Norwegian (2,5). */
export function hoursNumber(hours: number, language: Language): string {
  return formatNumber(hours, language, { maximumFractionDigits: 2 });
}

function statusBadge(status: HoursEntry['status'], language: Language): Html {
  return status === 'approved'
    ? html`<span class="badge done">${t(language, 'status.approved')}</span>`
    : html`<span class="badge pending">${t(language, 'status.pending')}</span>`;
}

const SOURCE_KEYS = {
  contact: 'source.contact',
  volunteer: 'source.volunteer',
  import: 'source.import',
} as const satisfies Record<HoursEntry['source'], keyof typeof nb>;

function filtersForm(view: HoursListView): Html {
  const { language, filters, problems } = view;
  const statuses = [
    { value: 'pending', label: t(language, 'status.pending') },
    { value: 'approved', label: t(language, 'status.approved') },
  ];
  return html`<form method="get" action="/hours" class="filters" aria-label="${t(language, 'filters.label')}">
${filters.volunteerId ? html`<input type="hidden" name="volunteerId" value="${filters.volunteerId}">` : null}
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: view.units, value: filters.serviceUnitId, empty: t(language, 'filters.all'), error: fieldError(problems, 'serviceUnitId') })}
${input({ name: 'month', label: t(language, 'field.month'), type: 'month', value: filters.month, error: fieldError(problems, 'month') })}
${input({ name: 'year', label: t(language, 'filters.year'), type: 'number', value: filters.year, error: fieldError(problems, 'year'), attributes: { min: 2000, max: 2099 } })}
${select({ name: 'status', label: t(language, 'field.status'), options: statuses, value: filters.status, empty: t(language, 'filters.all'), error: fieldError(problems, 'status') })}
<div class="field"><button type="submit">${t(language, 'filters.show')}</button></div>
</form>`;
}

function approveForm(view: HoursListView, row: HoursRow): Html {
  const { language } = view;
  const label = t(language, 'approve.label', { hours: hoursNumber(row.hours, language), volunteer: row.volunteerName, month: monthLabel(row.month, language) });
  return html`<form method="post" action="/hours/${row.id}/approve">${csrfField(view.csrfToken)}
<input type="hidden" name="back" value="${view.currentUrl}">
<button type="submit" class="secondary" aria-label="${label}">${t(language, 'approve.button')}</button></form>`;
}

function table(view: HoursListView): Html {
  const { language } = view;
  if (!view.rows.length) return html`<p>${t(language, 'list.empty')}</p>`;
  const rows = view.rows.map((row, index) => {
    const approve = view.canWrite ? html`<td>${row.status === 'pending' ? approveForm(view, row) : null}</td>` : null;
    return html`${index ? '\n' : null}<tr><th scope="row"><a href="/volunteers/${row.volunteerId}">${row.volunteerName}</a></th>
<td>${row.unitName}</td><td>${row.activityName}</td><td>${monthLabel(row.month, language)}</td>
<td class="number">${hoursNumber(row.hours, language)}</td><td>${statusBadge(row.status, language)}</td><td>${t(language, SOURCE_KEYS[row.source])}</td>${approve}</tr>`;
  });
  return html`<table><caption>${t(language, 'table.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'field.volunteer')}</th><th scope="col">${t(language, 'field.unit')}</th>
<th scope="col">${t(language, 'field.activity')}</th><th scope="col">${t(language, 'field.month')}</th>
<th scope="col" class="number">${t(language, 'field.hours')}</th><th scope="col">${t(language, 'field.status')}</th>
<th scope="col">${t(language, 'table.enteredBy')}</th>${view.canWrite ? html`<th scope="col">${t(language, 'table.action')}</th>` : null}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** `/hours`: the filters, the totals over every page, the entries with their approvals, and the way to enter or import more. */
export function hoursListBody(view: HoursListView): Html {
  const { language } = view;
  const links = [
    view.canWrite ? html`<a class="button" href="/hours/new">${t(language, 'list.enter')}</a>` : null,
    view.canImport ? html`<a class="button" href="/hours/imports/new">${t(language, 'list.import')}</a>` : null,
    view.canImport ? html`<a class="button" href="/hours/history">${t(language, 'list.history')}</a>` : null,
  ].filter((link) => link !== null);
  return html`<h1>${t(language, 'list.title')}</h1>
${links.length ? html`<p class="actions">${links.map((link, index) => html`${index ? '\n' : null}${link}`)}</p>` : null}
${errorSummary(t(language, 'list.problems'), view.problems)}
${filtersForm(view)}
<div class="cards">
<div class="card"><p>${t(language, 'list.entries')}</p><p class="figure">${view.total}</p></div>
<div class="card"><p>${t(language, 'list.totalHours')}</p><p class="figure">${hoursNumber(view.totalHours, language)}</p></div>
</div>
${table(view)}
${pagination(language, '/hours', view.filters, view.page, view.total)}`;
}

/** `/hours/new`: a staff member enters a volunteer's hours for a month. */
export function hoursEntryBody(view: HoursEntryView): Html {
  const { language, values, problems } = view;
  return html`<h1>${t(language, 'list.enter')}</h1>
${errorSummary(t(language, 'entry.problems'), problems)}
<p>${t(language, 'entry.intro')}</p>
<form method="post" action="/hours">
${csrfField(view.csrfToken)}
${select({ name: 'volunteerId', label: t(language, 'field.volunteer'), options: view.volunteers, value: values.volunteerId, empty: t(language, 'entry.volunteer.empty'), required: true, error: fieldError(problems, 'volunteerId') })}
${input({ name: 'month', label: t(language, 'field.month'), type: 'month', value: values.month, required: true, error: fieldError(problems, 'month'), attributes: { max: view.latestMonth } })}
${input({ name: 'hours', label: t(language, 'field.hours'), value: values.hours, required: true, hint: t(language, 'entry.hours.hint'), error: fieldError(problems, 'hours'), attributes: { inputmode: 'decimal' } })}
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: view.units, value: values.serviceUnitId, empty: t(language, 'entry.unit.empty'), error: fieldError(problems, 'serviceUnitId') })}
${select({ name: 'activityTypeId', label: t(language, 'field.activity'), options: view.activityTypes, value: values.activityTypeId, empty: t(language, 'entry.activity.empty'), error: fieldError(problems, 'activityTypeId') })}
<button type="submit">${t(language, 'entry.save')}</button>
</form>
<p><a href="/hours">${t(language, 'entry.back')}</a></p>`;
}
