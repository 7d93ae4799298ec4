import type { FieldProblem } from '../../http/errors.ts';
import { STEPS } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { pagination } from '../../views/pagination.ts';
import { actionName, stepName } from '../../volunteers/views/labels.ts';
import { when } from '../../volunteers/views/time.ts';

export interface AuditRow {
  at: Date;
  actorName: string;
  action: string;
  step: string | null;
  volunteerId: string | null;
  agreementId: string | null;
  details: Record<string, string | boolean> | null;
}

/** The filters as typed, so the form shows them again and the page links keep them. */
export type AuditFilterValues = Partial<Record<'action' | 'step' | 'actor' | 'from' | 'to' | 'volunteerId' | 'agreementId', string>>;

export interface AuditPageView {
  language: Language;
  filters: AuditFilterValues;
  problems: FieldProblem[];
  /** The actions and actors the log holds, for the filter's choices; actors with their names. */
  actions: string[];
  actors: { value: string; label: string }[];
  rows: AuditRow[];
  page: number;
  total: number;
}

function subject(row: AuditRow, language: Language): string {
  if (row.volunteerId) {
    return `<a href="/volunteers/${escapeHtml(row.volunteerId)}">${tr(language, 'Frivillig', 'Volunteer')} ${escapeHtml(row.volunteerId.slice(0, 8))}</a>`;
  }
  if (row.agreementId) {
    return `<a href="/agreements/${escapeHtml(row.agreementId)}">${tr(language, 'Avtale', 'Agreement')} ${escapeHtml(row.agreementId.slice(0, 8))}</a>`;
  }
  return '–';
}

function details(row: AuditRow): string {
  return row.details ? escapeHtml(Object.entries(row.details).map(([key, value]) => `${key}: ${String(value)}`).join(', ')) : '';
}

function filterForm(view: AuditPageView): string {
  const { language, filters, problems } = view;
  const error = (name: string) => fieldError(problems, name);
  return `${errorSummary(tr(language, 'Filteret kan ikke brukes', 'The filter cannot be used'), problems)}
<form method="get" action="/audit" class="filters" aria-label="${tr(language, 'Filtrer loggen', 'Filter the log')}">
${select({ name: 'action', label: tr(language, 'Hva', 'What'), empty: tr(language, 'Alle handlinger', 'All actions'), value: filters.action, error: error('action'), options: view.actions.map((a) => ({ value: a, label: actionName(a, language) })) })}
${select({ name: 'step', label: tr(language, 'Steg', 'Step'), empty: tr(language, 'Alle steg', 'All steps'), value: filters.step, error: error('step'), options: STEPS.map((s) => ({ value: s, label: stepName(s, language) })) })}
${select({ name: 'actor', label: tr(language, 'Hvem', 'Who'), empty: tr(language, 'Alle', 'Everyone'), value: filters.actor, error: error('actor'), options: view.actors })}
${input({ name: 'from', label: tr(language, 'Fra og med', 'From'), type: 'date', value: filters.from, error: error('from') })}
${input({ name: 'to', label: tr(language, 'Til og med', 'To'), type: 'date', value: filters.to, error: error('to') })}
${input({ name: 'volunteerId', label: tr(language, 'Frivillig (ID)', 'Volunteer (ID)'), value: filters.volunteerId, error: error('volunteerId') })}
${input({ name: 'agreementId', label: tr(language, 'Avtale (ID)', 'Agreement (ID)'), value: filters.agreementId, error: error('agreementId') })}
<div class="field"><button type="submit">${tr(language, 'Vis', 'Show')}</button></div>
</form>`;
}

/** `/audit`: every recorded action, newest first, filtered and a page at a time. */
export function auditPageBody(view: AuditPageView): string {
  const { language } = view;
  const rows = view.rows.map(
    (r) => `<tr><td>${when(r.at, language)}</td><td>${escapeHtml(r.actorName)}</td><td>${escapeHtml(actionName(r.action, language))}</td><td>${r.step ? escapeHtml(stepName(r.step, language)) : '–'}</td><td>${subject(r, language)}</td><td>${details(r)}</td></tr>`,
  );
  const table = rows.length
    ? `<table><caption>${tr(language, `${view.total} hendelser, nyeste først`, `${view.total} entries, newest first`)}</caption>
<thead><tr><th scope="col">${tr(language, 'Når', 'When')}</th><th scope="col">${tr(language, 'Hvem', 'Who')}</th><th scope="col">${tr(language, 'Hva', 'What')}</th><th scope="col">${tr(language, 'Steg', 'Step')}</th><th scope="col">${tr(language, 'Gjelder', 'Concerns')}</th><th scope="col">${tr(language, 'Detaljer', 'Details')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen hendelser passer filteret.', 'No entries match the filter.')}</p>`;
  return `<h1>${tr(language, 'Logg', 'Audit log')}</h1>
<p>${tr(language, 'Hvem gjorde hva, og når, for alle frivillige og avtaler. Loggen inneholder ID-er, ikke navn på frivillige.', 'Who did what, and when, for every volunteer and agreement. The log holds IDs, not volunteers\' names.')}</p>
${filterForm(view)}
${table}
${pagination(language, '/audit', view.filters, view.page, view.total)}`;
}
