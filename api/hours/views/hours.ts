import type { HoursEntry } from '../../../infra/db/entities/index.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { pagination } from '../../views/pagination.ts';

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

const locale = (language: Language) => (language === 'nb' ? 'nb-NO' : 'en-GB');

/** `2025-03` as "mars 2025" / "March 2025". */
export function monthLabel(month: string, language: Language): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(Date.UTC(year, number - 1));
}

/** Hours with up to two decimals, the Norwegian way in Norwegian (2,5). */
export function hoursNumber(hours: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(hours);
}

function statusBadge(status: HoursEntry['status'], language: Language): string {
  return status === 'approved'
    ? `<span class="badge done">${tr(language, 'Godkjent', 'Approved')}</span>`
    : `<span class="badge pending">${tr(language, 'Venter på godkjenning', 'Awaiting approval')}</span>`;
}

const SOURCES: Record<HoursEntry['source'], [string, string]> = {
  contact: ['Ansatt', 'Staff'],
  volunteer: ['Frivillig selv', 'The volunteer'],
  import: ['CSV-import', 'CSV import'],
};

function filtersForm(view: HoursListView): string {
  const { language, filters, problems } = view;
  const statuses = [
    { value: 'pending', label: tr(language, 'Venter på godkjenning', 'Awaiting approval') },
    { value: 'approved', label: tr(language, 'Godkjent', 'Approved') },
  ];
  return `<form method="get" action="/hours" class="filters" aria-label="${tr(language, 'Filtrer timer', 'Filter hours')}">
${filters.volunteerId ? `<input type="hidden" name="volunteerId" value="${escapeHtml(filters.volunteerId)}">` : ''}
${select({ name: 'serviceUnitId', label: tr(language, 'Virksomhet', 'Service unit'), options: view.units, value: filters.serviceUnitId, empty: tr(language, 'Alle', 'All'), error: fieldError(problems, 'serviceUnitId') })}
${input({ name: 'month', label: tr(language, 'Måned', 'Month'), type: 'month', value: filters.month, error: fieldError(problems, 'month') })}
${input({ name: 'year', label: tr(language, 'År', 'Year'), type: 'number', value: filters.year, error: fieldError(problems, 'year'), attributes: 'min="2000" max="2099"' })}
${select({ name: 'status', label: tr(language, 'Status', 'Status'), options: statuses, value: filters.status, empty: tr(language, 'Alle', 'All'), error: fieldError(problems, 'status') })}
<div class="field"><button type="submit">${tr(language, 'Vis', 'Show')}</button></div>
</form>`;
}

function approveForm(view: HoursListView, row: HoursRow): string {
  const { language } = view;
  const what = `${hoursNumber(row.hours, language)} ${tr(language, 'timer', 'hours')}, ${row.volunteerName}, ${monthLabel(row.month, language)}`;
  return `<form method="post" action="/hours/${row.id}/approve">${csrfField(view.csrfToken)}
<input type="hidden" name="back" value="${escapeHtml(view.currentUrl)}">
<button type="submit" class="secondary" aria-label="${escapeHtml(`${tr(language, 'Godkjenn', 'Approve')} ${what}`)}">${tr(language, 'Godkjenn', 'Approve')}</button></form>`;
}

function table(view: HoursListView): string {
  const { language } = view;
  if (!view.rows.length) return `<p>${tr(language, 'Ingen timer passer filteret.', 'No hours match the filter.')}</p>`;
  const rows = view.rows.map((row) => {
    const approve = view.canWrite ? `<td>${row.status === 'pending' ? approveForm(view, row) : ''}</td>` : '';
    return `<tr><th scope="row"><a href="/volunteers/${row.volunteerId}">${escapeHtml(row.volunteerName)}</a></th>
<td>${escapeHtml(row.unitName)}</td><td>${escapeHtml(row.activityName)}</td><td>${monthLabel(row.month, language)}</td>
<td class="number">${hoursNumber(row.hours, language)}</td><td>${statusBadge(row.status, language)}</td><td>${tr(language, ...SOURCES[row.source])}</td>${approve}</tr>`;
  });
  return `<table><caption>${tr(language, 'Registrerte timer', 'Recorded hours')}</caption>
<thead><tr><th scope="col">${tr(language, 'Frivillig', 'Volunteer')}</th><th scope="col">${tr(language, 'Virksomhet', 'Service unit')}</th>
<th scope="col">${tr(language, 'Aktivitet', 'Activity')}</th><th scope="col">${tr(language, 'Måned', 'Month')}</th>
<th scope="col" class="number">${tr(language, 'Timer', 'Hours')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th>
<th scope="col">${tr(language, 'Registrert av', 'Entered by')}</th>${view.canWrite ? `<th scope="col">${tr(language, 'Handling', 'Action')}</th>` : ''}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** `/hours`: the filters, the totals over every page, the entries with their approvals, and the way to enter or import more. */
export function hoursListBody(view: HoursListView): string {
  const { language } = view;
  const links = [
    view.canWrite ? `<a class="button" href="/hours/new">${tr(language, 'Registrer timer', 'Enter hours')}</a>` : '',
    view.canImport ? `<a class="button" href="/hours/imports/new">${tr(language, 'Importer fra CSV', 'Import from CSV')}</a>` : '',
  ].filter(Boolean);
  return `<h1>${tr(language, 'Frivilligtimer', 'Volunteer hours')}</h1>
${links.length ? `<p class="actions">${links.join('\n')}</p>` : ''}
${errorSummary(tr(language, 'Filteret kan ikke brukes', 'The filter cannot be used'), view.problems)}
${filtersForm(view)}
<div class="cards">
<div class="card"><p>${tr(language, 'Registreringer', 'Entries')}</p><p class="figure">${view.total}</p></div>
<div class="card"><p>${tr(language, 'Timer i alt', 'Total hours')}</p><p class="figure">${hoursNumber(view.totalHours, language)}</p></div>
</div>
${table(view)}
${pagination(language, '/hours', view.filters, view.page, view.total)}`;
}

/** `/hours/new`: a staff member enters a volunteer's hours for a month. */
export function hoursEntryBody(view: HoursEntryView): string {
  const { language, values, problems } = view;
  const own = (what: string, whatEn: string) => tr(language, `Den frivilliges ${what}`, `The volunteer's ${whatEn}`);
  return `<h1>${tr(language, 'Registrer timer', 'Enter hours')}</h1>
${errorSummary(tr(language, 'Timene ble ikke lagret', 'The hours were not saved'), problems)}
<p>${tr(language, 'Timer for samme frivillige, virksomhet, aktivitet og måned erstatter det som var registrert.', 'Hours for the same volunteer, unit, activity and month replace what was recorded.')}</p>
<form method="post" action="/hours">
${csrfField(view.csrfToken)}
${select({ name: 'volunteerId', label: tr(language, 'Frivillig', 'Volunteer'), options: view.volunteers, value: values.volunteerId, empty: tr(language, 'Velg frivillig', 'Choose a volunteer'), required: true, error: fieldError(problems, 'volunteerId') })}
${input({ name: 'month', label: tr(language, 'Måned', 'Month'), type: 'month', value: values.month, required: true, error: fieldError(problems, 'month'), attributes: `max="${view.latestMonth}"` })}
${input({ name: 'hours', label: tr(language, 'Timer', 'Hours'), value: values.hours, required: true, hint: tr(language, 'For eksempel 2,5', 'For example 2.5'), error: fieldError(problems, 'hours'), attributes: 'inputmode="decimal"' })}
${select({ name: 'serviceUnitId', label: tr(language, 'Virksomhet', 'Service unit'), options: view.units, value: values.serviceUnitId, empty: own('virksomhet', 'unit'), error: fieldError(problems, 'serviceUnitId') })}
${select({ name: 'activityTypeId', label: tr(language, 'Aktivitet', 'Activity'), options: view.activityTypes, value: values.activityTypeId, empty: own('aktivitet', 'activity'), error: fieldError(problems, 'activityTypeId') })}
<button type="submit">${tr(language, 'Lagre timene', 'Save the hours')}</button>
</form>
<p><a href="/hours">${tr(language, 'Tilbake til timene', 'Back to the hours')}</a></p>`;
}
