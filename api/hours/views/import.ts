import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { ImportJobState } from '../import-job.ts';
import type { ImportedRow, ImportResult } from '../import-rows.ts';
import { errorSummary } from '../../views/forms.ts';
import { when } from '../../volunteers/views/time.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';

/** The CSV import pages: the upload form with the latest imports, and one import's progress and results. */

export interface ImportJobSummary {
  id: string;
  state: ImportJobState;
  total: number;
  processed: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface HoursImportView {
  language: Language;
  csrfToken: string;
  /** Why the last file could not be read at all, one message per problem. */
  problems: string[];
  recent: ImportJobSummary[];
}

export interface ImportJobView {
  language: Language;
  job: ImportJobSummary;
  result: ImportResult | undefined;
}

const STATES = {
  running: { badge: 'pending', key: 'state.running' },
  done: { badge: 'done', key: 'state.done' },
  failed: { badge: 'overdue', key: 'state.failed' },
  interrupted: { badge: 'overdue', key: 'state.interrupted' },
} as const satisfies Record<ImportJobState, { badge: string; key: keyof typeof nb }>;

function stateWords(state: ImportJobState, language: Language): Html {
  const { badge, key } = STATES[state];
  return html`<span class="badge ${badge}">${t(language, key)}</span>`;
}

function recentTable(view: HoursImportView): Html | null {
  const { language } = view;
  if (!view.recent.length) return null;
  const rows = view.recent.map(
    (job, index) => html`${index ? '\n' : null}<tr><th scope="row"><a href="/hours/imports/${job.id}">${when(job.createdAt, language)}</a></th>
<td>${stateWords(job.state, language)}</td><td class="number">${job.processed} / ${job.total}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'import.recent')}</caption>
<thead><tr><th scope="col">${t(language, 'import.started')}</th><th scope="col">${t(language, 'field.status')}</th><th scope="col" class="number">${t(language, 'import.processed')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

const COLUMNS = ['volunteerId', 'month', 'hours', 'serviceUnitId', 'activityTypeId'] as const;
/** Marks where a column name sits in the formatted help text; never part of a message or a column name. */
const MARK = '\u0000';

/**
 * A help text with each column name as code. The message names the columns by placeholder, so
 * each language keeps its own word order; the text is split around them and the markup built here.
 */
export function columnsHelp(language: Language, key: keyof typeof nb, columns: readonly string[]): Html {
  const values = Object.fromEntries(columns.map((column) => [column, `${MARK}${column}${MARK}`]));
  const parts = t(language, key, values).split(MARK);
  return html`${parts.map((part, index) => (index % 2 ? html`<code>${part}</code>` : part))}`;
}

/** A form that uploads one CSV file to `path`, its field marked when the last file was refused. */
export function uploadForm(form: { language: Language; path: string; csrfToken: string; invalid: boolean; hint: keyof typeof nb; submit: keyof typeof nb }): Html {
  const { language, invalid } = form;
  // The global CSRF check runs before the upload is read, so the token also rides in the action URL.
  const action = `${form.path}?_csrf=${encodeURIComponent(form.csrfToken)}`;
  return html`<form method="post" action="${action}" enctype="multipart/form-data">
<div class="field${invalid ? ' invalid' : ''}">
<label for="file">${t(language, 'import.file')}</label>
<p class="hint" id="file-hint">${t(language, form.hint)}</p>
<input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint"${invalid ? html` aria-invalid="true"` : null}>
</div>
<button type="submit">${t(language, form.submit)}</button>
</form>`;
}

/** `/hours/imports/new`: what the file must look like, the upload form, and the latest imports. */
export function hoursImportBody(view: HoursImportView): Html {
  const { language } = view;
  return html`<h1>${t(language, 'import.heading')}</h1>
${errorSummary(t(language, 'import.problems'), view.problems.map((message) => ({ field: 'file', message })))}
<p>${columnsHelp(language, 'import.help', COLUMNS)}</p>
${uploadForm({ language, path: '/hours/imports', csrfToken: view.csrfToken, invalid: view.problems.length > 0, hint: 'import.file.hint', submit: 'import.submit' })}
${recentTable(view)}
<p><a href="/hours">${t(language, 'entry.back')}</a></p>`;
}

/**
 * What is wrong with a row, field by field. The messages are the API's (English): the import job
 * keeps them as the import gave them.
 */
function problemsOf(row: Extract<ImportedRow, { status: 'error' }>, language: Language): Html[] {
  return row.errors.map(
    (e, index) => html`${index ? html`<br>` : null}${e.field === '(row)' ? t(language, 'result.theRow') : html`<code>${e.field}</code>`}: ${e.message}`,
  );
}

function results(result: ImportResult, language: Language): Html {
  const failed = result.rows.filter((r): r is Extract<ImportedRow, { status: 'error' }> => r.status === 'error');
  const stored = result.rows.filter((r): r is Extract<ImportedRow, { status: 'imported' | 'replaced' }> => r.status !== 'error');
  const replaced = stored.filter((r) => r.status === 'replaced').length;
  const failedTable = failed.length
    ? html`<table><caption>${t(language, 'result.failedRows')}</caption>
<thead><tr><th scope="col" class="number">${t(language, 'result.row')}</th><th scope="col">${t(language, 'result.wrong')}</th></tr></thead>
<tbody>${failed.map((r, index) => html`${index ? '\n' : null}<tr><th scope="row" class="number">${r.row}</th><td>${problemsOf(r, language)}</td></tr>`)}</tbody></table>`
    : html`<p>${t(language, 'result.allImported')}</p>`;
  const storedList = stored.length
    ? html`<details><summary>${t(language, 'result.importedRowsCount', { count: stored.length })}</summary>
<table><caption>${t(language, 'result.importedRows')}</caption>
<thead><tr><th scope="col" class="number">${t(language, 'result.row')}</th><th scope="col">${t(language, 'result.outcome')}</th></tr></thead>
<tbody>${stored.map((r, index) => html`${index ? '\n' : null}<tr><th scope="row" class="number">${r.row}</th><td>${t(language, r.status === 'replaced' ? 'result.replaced' : 'result.new')}</td></tr>`)}</tbody></table>
</details>`
    : null;
  return html`<div class="cards">
<div class="card"><p>${t(language, 'result.imported')}</p><p class="figure">${result.imported}</p><p>${t(language, 'result.replacedCount', { count: replaced })}</p></div>
<div class="card"><p>${t(language, 'result.failed')}</p><p class="figure">${result.failed}</p></div>
</div>
${failedTable}
${storedList}`;
}

/** `/hours/imports/:id`: a progress bar while the import runs (the page reloads itself), then what became of each row. */
export function importJobBody(view: ImportJobView): Html {
  const { language, job } = view;
  const counts = { processed: job.processed, total: job.total };
  const progress = html`<div class="field"><label for="progress">${t(language, 'job.progress')}</label>
<progress id="progress" max="${Math.max(job.total, 1)}" value="${job.processed}">${job.processed} / ${job.total}</progress></div>`;
  const partial = t(language, 'job.partial', counts);
  const body: Record<ImportJobState, Html> = {
    running: html`<p role="status">${t(language, 'job.running', counts)}</p>
${progress}`,
    done: html`<p role="status">${t(language, 'job.done', counts)}</p>
${view.result ? results(view.result, language) : null}`,
    failed: html`<div class="error-summary" role="alert"><p>${t(language, 'job.failed')} ${partial}</p></div>`,
    interrupted: html`<div class="error-summary" role="alert"><p>${t(language, 'job.interrupted')} ${partial}</p></div>`,
  };
  return html`<h1>${t(language, 'job.title')}</h1>
<p>${t(language, 'import.started')} ${when(job.createdAt, language)}. ${stateWords(job.state, language)}</p>
${body[job.state]}
<p><a href="/hours/imports/new">${t(language, 'job.another')}</a> · <a href="/hours">${t(language, 'job.toHours')}</a></p>`;
}
