import type { ImportJobState } from '../import-job.ts';
import type { ImportedRow, ImportResult } from '../import-rows.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';

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

function stateWords(state: ImportJobState, language: Language): string {
  const words: Record<ImportJobState, [string, string, string]> = {
    running: ['pending', 'Pågår', 'Running'],
    done: ['done', 'Ferdig', 'Done'],
    failed: ['overdue', 'Stoppet', 'Stopped'],
    interrupted: ['overdue', 'Avbrutt', 'Interrupted'],
  };
  const [badge, nb, en] = words[state];
  return `<span class="badge ${badge}">${tr(language, nb, en)}</span>`;
}

function recentTable(view: HoursImportView): string {
  const { language } = view;
  if (!view.recent.length) return '';
  const rows = view.recent.map(
    (job) => `<tr><th scope="row"><a href="/hours/imports/${job.id}">${when(job.createdAt, language)}</a></th>
<td>${stateWords(job.state, language)}</td><td class="number">${job.processed} / ${job.total}</td></tr>`,
  );
  return `<table><caption>${tr(language, 'Siste importer', 'Latest imports')}</caption>
<thead><tr><th scope="col">${tr(language, 'Startet', 'Started')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col" class="number">${tr(language, 'Rader behandlet', 'Rows processed')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** `/hours/imports/new`: what the file must look like, the upload form, and the latest imports. */
export function hoursImportBody(view: HoursImportView): string {
  const { language } = view;
  // The global CSRF check runs before the upload is read, so the token also rides in the action URL.
  const action = `/hours/imports?_csrf=${encodeURIComponent(view.csrfToken)}`;
  return `<h1>${tr(language, 'Importer timer fra CSV', 'Import hours from CSV')}</h1>
${errorSummary(tr(language, 'Filen kunne ikke leses', 'The file could not be read'), view.problems.map((message) => ({ field: 'file', message })))}
<p>${tr(
    language,
    'Første rad må navngi kolonnene <code>volunteerId</code>, <code>month</code> (ÅÅÅÅ-MM) og <code>hours</code>, og gjerne <code>serviceUnitId</code> og <code>activityTypeId</code>, i valgfri rekkefølge. Skill verdiene med komma eller semikolon; desimalkomma går fint. Lagre filen som «CSV UTF-8». Timer for samme frivillige, virksomhet, aktivitet og måned erstatter det som var registrert, så en fil kan importeres på nytt.',
    'The first row must name the columns <code>volunteerId</code>, <code>month</code> (YYYY-MM) and <code>hours</code>, and optionally <code>serviceUnitId</code> and <code>activityTypeId</code>, in any order. Separate values with commas or semicolons; decimal commas are fine. Save the file as “CSV UTF-8”. Hours for the same volunteer, unit, activity and month replace what was recorded, so a file can be imported again.',
  )}</p>
<form method="post" action="${escapeHtml(action)}" enctype="multipart/form-data">
<div class="field${view.problems.length ? ' invalid' : ''}">
<label for="file">${tr(language, 'CSV-fil', 'CSV file')}</label>
<p class="hint" id="file-hint">${tr(language, 'Høyst 10 000 rader og 2 MB.', 'At most 10,000 rows and 2 MB.')}</p>
<input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint"${view.problems.length ? ' aria-invalid="true"' : ''}>
</div>
<button type="submit">${tr(language, 'Importer', 'Import')}</button>
</form>
${recentTable(view)}
<p><a href="/hours">${tr(language, 'Tilbake til timene', 'Back to the hours')}</a></p>`;
}

function problemsOf(row: Extract<ImportedRow, { status: 'error' }>, language: Language): string {
  return row.errors
    .map((e) => `${e.field === '(row)' ? tr(language, 'Raden', 'The row') : `<code>${escapeHtml(e.field)}</code>`}: ${escapeHtml(e.message)}`)
    .join('<br>');
}

function results(result: ImportResult, language: Language): string {
  const failed = result.rows.filter((r): r is Extract<ImportedRow, { status: 'error' }> => r.status === 'error');
  const stored = result.rows.filter((r): r is Extract<ImportedRow, { status: 'imported' | 'replaced' }> => r.status !== 'error');
  const replaced = stored.filter((r) => r.status === 'replaced').length;
  const failedTable = failed.length
    ? `<table><caption>${tr(language, 'Rader som ikke ble importert', 'Rows not imported')}</caption>
<thead><tr><th scope="col" class="number">${tr(language, 'Rad', 'Row')}</th><th scope="col">${tr(language, 'Hva er feil', 'What is wrong')}</th></tr></thead>
<tbody>${failed.map((r) => `<tr><th scope="row" class="number">${r.row}</th><td>${problemsOf(r, language)}</td></tr>`).join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Alle radene ble importert.', 'Every row was imported.')}</p>`;
  const storedList = stored.length
    ? `<details><summary>${tr(language, 'Importerte rader', 'Imported rows')} (${stored.length})</summary>
<table><caption>${tr(language, 'Importerte rader', 'Imported rows')}</caption>
<thead><tr><th scope="col" class="number">${tr(language, 'Rad', 'Row')}</th><th scope="col">${tr(language, 'Resultat', 'Result')}</th></tr></thead>
<tbody>${stored.map((r) => `<tr><th scope="row" class="number">${r.row}</th><td>${r.status === 'replaced' ? tr(language, 'Erstattet tidligere timer', 'Replaced earlier hours') : tr(language, 'Ny', 'New')}</td></tr>`).join('\n')}</tbody></table>
</details>`
    : '';
  return `<div class="cards">
<div class="card"><p>${tr(language, 'Importert', 'Imported')}</p><p class="figure">${result.imported}</p><p>${tr(language, `herav ${replaced} erstattet`, `of which ${replaced} replaced`)}</p></div>
<div class="card"><p>${tr(language, 'Feilet', 'Failed')}</p><p class="figure">${result.failed}</p></div>
</div>
${failedTable}
${storedList}`;
}

/** `/hours/imports/:id`: a progress bar while the import runs (the page reloads itself), then what became of each row. */
export function importJobBody(view: ImportJobView): string {
  const { language, job } = view;
  const progress = `<div class="field"><label for="progress">${tr(language, 'Fremdrift', 'Progress')}</label>
<progress id="progress" max="${Math.max(job.total, 1)}" value="${job.processed}">${job.processed} / ${job.total}</progress></div>`;
  const partial = tr(
    language,
    `${job.processed} av ${job.total} rader ble behandlet, og de er lagret. Importer filen på nytt for å fullføre; rader som allerede er importert blir erstattet, ikke lagt til to ganger.`,
    `${job.processed} of ${job.total} rows were processed, and they are saved. Import the file again to finish; rows already imported are replaced, not added twice.`,
  );
  const body: Record<ImportJobState, string> = {
    running: `<p role="status">${tr(language, `Importerer … ${job.processed} av ${job.total} rader er behandlet. Siden oppdateres av seg selv.`, `Importing … ${job.processed} of ${job.total} rows processed. The page updates itself.`)}</p>
${progress}`,
    done: `<p role="status">${tr(language, `Importen er ferdig: ${job.total} rader behandlet.`, `The import is done: ${job.total} rows processed.`)}</p>
${view.result ? results(view.result, language) : ''}`,
    failed: `<div class="error-summary" role="alert"><p>${tr(language, 'Importen stoppet på grunn av en feil hos oss; feilen er logget.', 'The import stopped because of an error on our side; it has been logged.')} ${partial}</p></div>`,
    interrupted: `<div class="error-summary" role="alert"><p>${tr(language, 'Importen ble avbrutt, trolig fordi tjenesten startet på nytt.', 'The import was interrupted, probably because the service restarted.')} ${partial}</p></div>`,
  };
  return `<h1>${tr(language, 'Import av timer', 'Hours import')}</h1>
<p>${tr(language, 'Startet', 'Started')} ${when(job.createdAt, language)}. ${stateWords(job.state, language)}</p>
${body[job.state]}
<p><a href="/hours/imports/new">${tr(language, 'Importer en annen fil', 'Import another file')}</a> · <a href="/hours">${tr(language, 'Til timene', 'To the hours')}</a></p>`;
}
