import type { FieldProblem } from '../../http/errors.ts';
import { STEPS } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { isStepName, stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { pagination } from '../../views/pagination.ts';
import { actionName } from '../../volunteers/views/labels.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';

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

/** A step as the log names it; a step the log holds but the lifecycle no longer knows, as stored. */
const stepLabel = (step: string, language: Language) => (isStepName(step) ? stepTitle(step, language) : step);

function subject(row: AuditRow, language: Language): Html | string {
  if (row.volunteerId) {
    return html`<a href="/volunteers/${row.volunteerId}">${t(language, 'audit.subject.volunteer', { id: row.volunteerId.slice(0, 8) })}</a>`;
  }
  if (row.agreementId) {
    return html`<a href="/agreements/${row.agreementId}">${t(language, 'audit.subject.agreement', { id: row.agreementId.slice(0, 8) })}</a>`;
  }
  return '–';
}

function details(row: AuditRow): string {
  return row.details ? Object.entries(row.details).map(([key, value]) => `${key}: ${String(value)}`).join(', ') : '';
}

function filterForm(view: AuditPageView): Html {
  const { language, filters, problems } = view;
  const error = (name: string) => fieldError(problems, name);
  return html`${errorSummary(t(language, 'audit.filter.problems'), problems)}
<form method="get" action="/audit" class="filters" aria-label="${t(language, 'audit.filter.label')}">
${select({ name: 'action', label: t(language, 'audit.what'), empty: t(language, 'audit.filter.allActions'), value: filters.action, error: error('action'), options: view.actions.map((a) => ({ value: a, label: actionName(a, language) })) })}
${select({ name: 'step', label: t(language, 'audit.step'), empty: t(language, 'audit.filter.allSteps'), value: filters.step, error: error('step'), options: STEPS.map((s) => ({ value: s, label: stepTitle(s, language) })) })}
${select({ name: 'actor', label: t(language, 'audit.who'), empty: t(language, 'audit.filter.everyone'), value: filters.actor, error: error('actor'), options: view.actors })}
${input({ name: 'from', label: t(language, 'audit.filter.from'), type: 'date', value: filters.from, error: error('from') })}
${input({ name: 'to', label: t(language, 'audit.filter.to'), type: 'date', value: filters.to, error: error('to') })}
${input({ name: 'volunteerId', label: t(language, 'audit.filter.volunteerId'), value: filters.volunteerId, error: error('volunteerId') })}
${input({ name: 'agreementId', label: t(language, 'audit.filter.agreementId'), value: filters.agreementId, error: error('agreementId') })}
<div class="field"><button type="submit">${t(language, 'audit.filter.show')}</button></div>
</form>`;
}

/** `/audit`: every recorded action, newest first, filtered and a page at a time. */
export function auditPageBody(view: AuditPageView): Html {
  const { language } = view;
  const rows = view.rows.map(
    (r, index) =>
      html`${index ? '\n' : null}<tr><td>${when(r.at, language)}</td><td>${r.actorName}</td><td>${actionName(r.action, language)}</td><td>${r.step ? stepLabel(r.step, language) : '–'}</td><td>${subject(r, language)}</td><td>${details(r)}</td></tr>`,
  );
  const table = rows.length
    ? html`<table><caption>${t(language, 'audit.caption', { total: view.total })}</caption>
<thead><tr><th scope="col">${t(language, 'audit.when')}</th><th scope="col">${t(language, 'audit.who')}</th><th scope="col">${t(language, 'audit.what')}</th><th scope="col">${t(language, 'audit.step')}</th><th scope="col">${t(language, 'audit.concerns')}</th><th scope="col">${t(language, 'audit.details')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'audit.empty')}</p>`;
  return html`<h1>${t(language, 'audit.title')}</h1>
<p>${t(language, 'audit.about')}</p>
${filterForm(view)}
${table}
${pagination(language, '/audit', view.filters, view.page, view.total)}`;
}
