import type { OutboxEmail } from '../../../infra/db/entities/index.ts';
import type { StepName } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { STEP_NAMES } from '../../../activities/emails/context.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input, select } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { pagination } from '../../views/pagination.ts';
import { when } from '../../volunteers/views/time.ts';

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

function statusBadge(row: OutboxRow, language: Language): string {
  if (row.status === 'sent') return `<span class="badge done">${tr(language, 'Sendt', 'Sent')}</span>`;
  return row.lastError
    ? `<span class="badge overdue">${tr(language, 'Feilet, prøver igjen', 'Failed, retrying')}</span>`
    : `<span class="badge pending">${tr(language, 'Venter', 'Pending')}</span>`;
}

function stepName(step: string | null | undefined, language: Language): string {
  if (!step) return '–';
  return escapeHtml(Object.hasOwn(STEP_NAMES, step) ? STEP_NAMES[step as StepName][language] : step);
}

function concerning(row: OutboxRow, language: Language): string {
  const links = [
    row.volunteerId ? `<a href="/volunteers/${escapeHtml(row.volunteerId)}">${tr(language, 'Frivillig', 'Volunteer')}</a>` : '',
    row.agreementId ? `<a href="/agreements/${escapeHtml(row.agreementId)}">${tr(language, 'Avtale', 'Agreement')}</a>` : '',
  ].filter(Boolean);
  return links.length ? links.join(' · ') : '–';
}

function filtersForm(view: OutboxView): string {
  const { language, filters, problems } = view;
  const statuses = [
    { value: 'pending', label: tr(language, 'Venter', 'Pending') },
    { value: 'sent', label: tr(language, 'Sendt', 'Sent') },
  ];
  return `<form method="get" action="/outbox" class="filters" aria-label="${tr(language, 'Filtrer e-poster', 'Filter emails')}">
${select({ name: 'status', label: tr(language, 'Status', 'Status'), options: statuses, value: filters.status, empty: tr(language, 'Alle', 'All'), error: fieldError(problems, 'status') })}
${select({ name: 'template', label: tr(language, 'Mal', 'Template'), options: view.templates.map((t) => ({ value: t, label: t })), value: filters.template, empty: tr(language, 'Alle', 'All'), error: fieldError(problems, 'template') })}
${input({ name: 'recipient', label: tr(language, 'Mottaker inneholder', 'Recipient contains'), type: 'search', value: filters.recipient, error: fieldError(problems, 'recipient') })}
<div class="field"><button type="submit">${tr(language, 'Vis', 'Show')}</button></div>
</form>`;
}

export function outboxBody(view: OutboxView): string {
  const { language } = view;
  const rows = view.rows.map(
    (row) => `<tr><th scope="row">${when(row.createdAt, language)}</th><td>${when(row.sentAt, language)}</td><td>${escapeHtml(row.recipient)}</td>
<td>${escapeHtml(row.template)}</td><td>${escapeHtml(row.subject)}</td><td>${stepName(row.step, language)}</td><td>${statusBadge(row, language)}</td>
<td class="number">${row.attempts}</td><td>${row.lastError ? escapeHtml(row.lastError) : '–'}</td><td>${concerning(row, language)}</td></tr>`,
  );
  const table = rows.length
    ? `<table><caption>${tr(language, `E-poster (${view.total})`, `Emails (${view.total})`)}</caption>
<thead><tr><th scope="col">${tr(language, 'Laget', 'Created')}</th><th scope="col">${tr(language, 'Sendt', 'Sent')}</th><th scope="col">${tr(language, 'Til', 'To')}</th>
<th scope="col">${tr(language, 'Mal', 'Template')}</th><th scope="col">${tr(language, 'Emne', 'Subject')}</th><th scope="col">${tr(language, 'Steg', 'Step')}</th>
<th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col" class="number">${tr(language, 'Forsøk', 'Attempts')}</th>
<th scope="col">${tr(language, 'Siste feil', 'Last error')}</th><th scope="col">${tr(language, 'Gjelder', 'Concerns')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen e-poster passer filteret.', 'No emails match the filter.')}</p>`;
  return `<h1>${tr(language, 'Utsendte e-poster', 'Sent emails')}</h1>
<p>${tr(language, 'Alle e-poster Samspill har sendt eller skal sende, nyeste først. En e-post som feiler, prøves igjen til den går.', 'Every email Samspill has sent or is about to send, newest first. An email that fails is tried again until it goes.')}</p>
${errorSummary(tr(language, 'Filteret kan ikke brukes', 'The filter cannot be used'), view.problems)}
${filtersForm(view)}
${table}
${pagination(language, '/outbox', view.filters, view.page, view.total)}`;
}
