import type { Phase, StepName, StepState } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { input, select } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { PAGE_SIZE, pagination } from '../../views/pagination.ts';
import { phaseBadge, phaseOptions, stateBadge, stepName } from './labels.ts';

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
}

/** The filters as the page links carry them. */
function filterQuery(filters: VolunteerFilters): Record<string, string | undefined> {
  return { q: filters.q, serviceUnitId: filters.serviceUnitId, phase: filters.phase, step: filters.step, overdue: filters.overdue ? 'true' : undefined };
}

function filterForm(view: VolunteerListPage): string {
  const { language, filters } = view;
  return `<form method="get" action="/volunteers" class="filters" role="search" aria-label="${tr(language, 'Søk og filtrer', 'Search and filter')}">
${input({ name: 'q', label: tr(language, 'Navn eller e-post', 'Name or email'), type: 'search', value: filters.q })}
${select({ name: 'serviceUnitId', label: tr(language, 'Enhet', 'Unit'), options: view.units.map((u) => ({ value: u.id, label: u.name })), value: filters.serviceUnitId, empty: tr(language, 'Alle enheter', 'All units') })}
${select({ name: 'phase', label: tr(language, 'Fase', 'Phase'), options: phaseOptions(language), value: filters.phase, empty: tr(language, 'Alle faser', 'All phases') })}
${select({ name: 'step', label: tr(language, 'Venter på steg', 'Waiting at step'), options: view.steps.map((s) => ({ value: s, label: stepName(s, language) })), value: filters.step, empty: tr(language, 'Alle steg', 'Any step') })}
${select({ name: 'overdue', label: tr(language, 'Forfalt', 'Overdue'), options: [{ value: 'true', label: tr(language, 'Bare forfalte', 'Overdue only') }], value: filters.overdue ? 'true' : undefined, empty: tr(language, 'Alle', 'All') })}
<div class="field"><button type="submit">${tr(language, 'Vis', 'Show')}</button> <a href="/volunteers">${tr(language, 'Nullstill', 'Clear')}</a></div>
</form>`;
}

function row(view: VolunteerListPage, volunteer: VolunteerRow): string {
  const { language } = view;
  const open = volunteer.openSteps.length
    ? `<ul>${volunteer.openSteps.map((s) => `<li>${escapeHtml(stepName(s.step, language))} ${stateBadge(s.state, language)}</li>`).join('')}</ul>`
    : '–';
  const certificate = view.showPoliceCertificate ? `<td>${volunteer.policeCertificate ? stateBadge(volunteer.policeCertificate, language) : '–'}</td>` : '';
  return `<tr>
<th scope="row"><a href="/volunteers/${escapeHtml(volunteer.id)}">${escapeHtml(volunteer.name)}</a></th>
<td>${escapeHtml(volunteer.email)}</td>
<td>${escapeHtml(volunteer.unitName)}</td>
<td>${escapeHtml(volunteer.activityName)}</td>
<td>${phaseBadge(volunteer.phase, language)}</td>
<td>${open}</td>${certificate}
</tr>`;
}

/** `/volunteers`: search, filters, one page of volunteers, and the page links. */
export function volunteerListBody(view: VolunteerListPage): string {
  const { language } = view;
  const register = view.canRegister ? `<p><a class="button" href="/volunteers/new">${tr(language, 'Registrer frivillig', 'Register a volunteer')}</a></p>` : '';
  const from = view.total === 0 ? 0 : (view.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(view.page * PAGE_SIZE, view.total);
  const summary = tr(language, `Viser ${from}–${to} av ${view.total} frivillige`, `Showing ${from}–${to} of ${view.total} volunteers`);
  const table = view.rows.length
    ? `<table><caption>${escapeHtml(summary)}</caption>
<thead><tr><th scope="col">${tr(language, 'Navn', 'Name')}</th><th scope="col">${tr(language, 'E-post', 'Email')}</th><th scope="col">${tr(language, 'Enhet', 'Unit')}</th><th scope="col">${tr(language, 'Aktivitet', 'Activity')}</th><th scope="col">${tr(language, 'Fase', 'Phase')}</th><th scope="col">${tr(language, 'Åpne steg', 'Open steps')}</th>${view.showPoliceCertificate ? `<th scope="col">${tr(language, 'Politiattest', 'Police certificate')}</th>` : ''}</tr></thead>
<tbody>${view.rows.map((r) => row(view, r)).join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen frivillige passer til søket.', 'No volunteers match.')}</p>`;
  return `<h1>${tr(language, 'Frivillige', 'Volunteers')}</h1>
${register}${filterForm(view)}
${table}
${pagination(language, '/volunteers', filterQuery(view.filters), view.page, view.total)}`;
}
