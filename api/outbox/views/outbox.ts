import type { OutboxEmail } from '../../../infra/db/entities/index.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { isStepName, stepName } from '../../../infra/i18n/vocabulary/index.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { pagination } from '../../views/pagination.ts';
import { when } from '../../volunteers/views/time.ts';
import { t } from '../messages/index.ts';

/** `/outbox`: every email the service has sent or is about to send, for the coordinator. */

export type OutboxRow = Pick<
  OutboxEmail,
  'id' | 'createdAt' | 'sentAt' | 'recipient' | 'template' | 'subject' | 'step' | 'status' | 'attempts' | 'lastError' | 'volunteerId' | 'agreementId'
>;

export interface OutboxView {
  language: Language;
  /** The filters as given: `status`, `template`, `recipient`. */
  filters: Record<string, string | undefined>;
  problems: { field: string; message: string }[];
  templates: string[];
  rows: OutboxRow[];
  total: number;
  page: number;
}

function statusBadge(row: OutboxRow, language: Language): Html {
  if (row.status === 'sent') return html`<span class="badge done">${t(language, 'status.sent')}</span>`;
  return row.lastError
    ? html`<span class="badge overdue">${t(language, 'status.failed')}</span>`
    : html`<span class="badge pending">${t(language, 'status.pending')}</span>`;
}

/** A step Samspill knows by its name; any other keeps its id. */
function stepText(step: string | null | undefined, language: Language): string {
  if (!step) return '–';
  return isStepName(step) ? stepName(step, language) : step;
}

function concerning(row: OutboxRow, language: Language): Html | string {
  const links = [
    row.volunteerId ? html`<a href="/volunteers/${row.volunteerId}">${t(language, 'concerns.volunteer')}</a>` : null,
    row.agreementId ? html`<a href="/agreements/${row.agreementId}">${t(language, 'concerns.agreement')}</a>` : null,
  ].filter((link): link is Html => link !== null);
  return links.length ? html`${links.map((link, index) => html`${index ? ' · ' : null}${link}`)}` : '–';
}

function filtersForm(view: OutboxView): Html {
  const { language, filters, problems } = view;
  const statuses = [
    { value: 'pending', label: t(language, 'status.pending') },
    { value: 'sent', label: t(language, 'status.sent') },
  ];
  const all = t(language, 'filters.all');
  return html`<form method="get" action="/outbox" class="filters" aria-label="${t(language, 'filters.label')}">
${select({ name: 'status', label: t(language, 'filters.status'), options: statuses, value: filters.status, empty: all, error: fieldError(problems, 'status') })}
${select({ name: 'template', label: t(language, 'filters.template'), options: view.templates.map((template) => ({ value: template, label: template })), value: filters.template, empty: all, error: fieldError(problems, 'template') })}
${input({ name: 'recipient', label: t(language, 'filters.recipient'), type: 'search', value: filters.recipient, error: fieldError(problems, 'recipient') })}
<div class="field"><button type="submit">${t(language, 'filters.show')}</button></div>
</form>`;
}

function table(view: OutboxView): Html {
  const { language } = view;
  if (!view.rows.length) return html`<p>${t(language, 'outbox.empty')}</p>`;
  const rows = view.rows.map(
    (row, index) => html`${index ? '\n' : null}<tr><th scope="row">${when(row.createdAt, language)}</th><td>${when(row.sentAt, language)}</td><td>${row.recipient}</td>
<td>${row.template}</td><td>${row.subject}</td><td>${stepText(row.step, language)}</td><td>${statusBadge(row, language)}</td>
<td class="number">${row.attempts}</td><td>${row.lastError ? row.lastError : '–'}</td><td>${concerning(row, language)}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'outbox.caption', { total: String(view.total) })}</caption>
<thead><tr><th scope="col">${t(language, 'column.created')}</th><th scope="col">${t(language, 'column.sent')}</th><th scope="col">${t(language, 'column.to')}</th>
<th scope="col">${t(language, 'column.template')}</th><th scope="col">${t(language, 'column.subject')}</th><th scope="col">${t(language, 'column.step')}</th>
<th scope="col">${t(language, 'column.status')}</th><th scope="col" class="number">${t(language, 'column.attempts')}</th>
<th scope="col">${t(language, 'column.lastError')}</th><th scope="col">${t(language, 'column.concerns')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function outboxBody(view: OutboxView): Html {
  const { language } = view;
  return html`<h1>${t(language, 'outbox.title')}</h1>
<p>${t(language, 'outbox.intro')}</p>
${errorSummary(t(language, 'outbox.problems'), view.problems)}
${filtersForm(view)}
${table(view)}
${pagination(language, '/outbox', view.filters, view.page, view.total)}`;
}
