import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { input, select } from '../../views/forms.ts';
import { PAGE_SIZE, pagination } from '../../views/pagination.ts';
import { t } from '../messages/index.ts';
import { phaseBadge, phaseOptions, stateBadge } from './labels.ts';
import { bulkCheckbox, bulkControls, type BulkForm } from '../../bulk/views/form.ts';

export interface VolunteerFilters {
  q?: string | undefined;
  serviceUnitId?: string | undefined;
  phase?: Phase | undefined;
  step?: StepName | undefined;
  overdue?: boolean | undefined;
}

export interface VolunteerRow {
  id: string;
  name: string;
  email: string;
  unitName: string;
  activityName: string;
  phase: Phase;
  /** Steps that wait on someone, with their state. */
  openSteps: { step: StepName; state: StepState }[];
  /** Shown only to those who may see police certificates. */
  policeCertificate?: StepState | undefined;
}

export interface VolunteerListPage {
  language: Language;
  filters: VolunteerFilters;
  units: { id: string; name: string }[];
  /** The steps one may filter on (the police certificate only for those who may see it). */
  steps: StepName[];
  rows: VolunteerRow[];
  total: number;
  page: number;
  showPoliceCertificate: boolean;
  canRegister: boolean;
  /** For those who may act on several at once: a checkbox per row and the bulk form under the table. */
  bulk?: BulkForm | undefined;
}

/** The filters as the page links carry them. */
function filterQuery(filters: VolunteerFilters): Record<string, string | undefined> {
  return { q: filters.q, serviceUnitId: filters.serviceUnitId, phase: filters.phase, step: filters.step, overdue: filters.overdue ? 'true' : undefined };
}

function filterForm(view: VolunteerListPage): Html {
  const { language, filters } = view;
  return html`<form method="get" action="/volunteers" class="filters" role="search" aria-label="${t(language, 'list.searchAndFilter')}">
${input({ name: 'q', label: t(language, 'list.nameOrEmail'), type: 'search', value: filters.q })}
${select({ name: 'serviceUnitId', label: t(language, 'field.unit'), options: view.units.map((u) => ({ value: u.id, label: u.name })), value: filters.serviceUnitId, empty: t(language, 'list.allUnits') })}
${select({ name: 'phase', label: t(language, 'field.phase'), options: phaseOptions(language), value: filters.phase, empty: t(language, 'list.allPhases') })}
${select({ name: 'step', label: t(language, 'list.waitingAtStep'), options: view.steps.map((s) => ({ value: s, label: stepTitle(s, language) })), value: filters.step, empty: t(language, 'list.anyStep') })}
${select({ name: 'overdue', label: t(language, 'list.overdue'), options: [{ value: 'true', label: t(language, 'list.overdueOnly') }], value: filters.overdue ? 'true' : undefined, empty: t(language, 'list.all') })}
<div class="field"><button type="submit">${t(language, 'list.show')}</button> <a href="/volunteers">${t(language, 'list.clear')}</a></div>
</form>`;
}

function row(view: VolunteerListPage, volunteer: VolunteerRow): Html {
  const { language } = view;
  const open = volunteer.openSteps.length
    ? html`<ul>${volunteer.openSteps.map((s) => html`<li>${stepTitle(s.step, language)} ${stateBadge(s.state, language)}</li>`)}</ul>`
    : '–';
  const certificate = view.showPoliceCertificate ? html`<td>${volunteer.policeCertificate ? stateBadge(volunteer.policeCertificate, language) : '–'}</td>` : null;
  return html`<tr>${view.bulk ? bulkCheckbox(language, volunteer) : null}
<th scope="row"><a href="/volunteers/${volunteer.id}">${volunteer.name}</a></th>
<td>${volunteer.email}</td>
<td>${volunteer.unitName}</td>
<td>${volunteer.activityName}</td>
<td>${phaseBadge(volunteer.phase, language)}</td>
<td>${open}</td>${certificate}
</tr>`;
}

/** `/volunteers`: search, filters, one page of volunteers, and the page links. */
export function volunteerListBody(view: VolunteerListPage): Html {
  const { language } = view;
  const register = view.canRegister ? html`<p><a class="button" href="/volunteers/new">${t(language, 'register.title')}</a></p>` : null;
  const from = view.total === 0 ? 0 : (view.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(view.page * PAGE_SIZE, view.total);
  // As strings, so the counts read as before (no digit grouping).
  const summary = t(language, 'list.summary', { from: String(from), to: String(to), total: String(view.total) });
  const rows = view.rows.map((r, index) => html`${index ? '\n' : null}${row(view, r)}`);
  const table = view.rows.length
    ? html`<table><caption>${summary}</caption>
<thead><tr>${view.bulk ? html`<th scope="col">${t(language, 'list.column.choose')}</th>` : null}<th scope="col">${t(language, 'field.name')}</th><th scope="col">${t(language, 'field.email')}</th><th scope="col">${t(language, 'field.unit')}</th><th scope="col">${t(language, 'list.column.activity')}</th><th scope="col">${t(language, 'field.phase')}</th><th scope="col">${t(language, 'list.column.openSteps')}</th>${view.showPoliceCertificate ? html`<th scope="col">${stepTitle('policeCertificate', language)}</th>` : null}</tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'list.none')}</p>`;
  // The checkboxes and the bulk controls are one form; the filters above stay a search of their own.
  const body = view.bulk && view.rows.length ? html`<form method="post" action="/volunteers/bulk">
${table}
${bulkControls(view.bulk)}
</form>` : table;
  return html`<h1>${t(language, 'list.title')}</h1>
${register}${filterForm(view)}
${body}
${pagination(language, '/volunteers', filterQuery(view.filters), view.page, view.total)}`;
}
