import { html, type Html } from '../../../infra/html/html.ts';
import { formatNumber } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { fte } from '../../../workflows/annual-evaluation/report.ts';
import { errorSummary } from '../../views/forms.ts';
import type { HistoryItem, HistoryYear } from '../history.ts';
import { HISTORY_COLUMNS } from '../history-file.ts';
import { t } from '../messages/index.ts';
import { hoursNumber } from './hours.ts';
import { columnsHelp, uploadForm } from './import.ts';

export interface HistoryView {
  language: Language;
  csrfToken: string;
  /** Why the last file was refused, one line per problem with its row number. */
  problems: string[];
  items: HistoryItem[];
  years: HistoryYear[];
  hoursPerFte: number;
  unitName: (id: string) => string;
  activityName: (id: string) => string;
}

/** Årsverk with two decimals, as the annual report writes them (7,00). */
const fteNumber = (value: number, language: Language) => formatNumber(value, language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The imported rows, year by year, each year closed by its total. */
function historyTable(view: HistoryView): Html {
  const { language } = view;
  if (!view.items.length) return html`<p>${t(language, 'history.empty')}</p>`;
  const rows = view.years.map((year) => {
    const lines = view.items
      .filter((item) => item.year === year.year)
      .map(
        (item) => html`<tr><th scope="row">${String(item.year)}</th><td>${view.unitName(item.serviceUnitId)}</td><td>${item.activityTypeId ? view.activityName(item.activityTypeId) : t(language, 'history.allActivities')}</td>
<td class="number">${hoursNumber(item.hours, language)}</td><td class="number">${fteNumber(fte(item.hours, view.hoursPerFte), language)}</td></tr>`,
      );
    return html`${lines}
<tr><th scope="row" colspan="3">${t(language, 'history.yearTotal', { year: String(year.year) })}</th><td class="number">${hoursNumber(year.hours, language)}</td><td class="number">${fteNumber(year.fte, language)}</td></tr>`;
  });
  return html`<div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex="0"><table><caption id="history-caption">${t(language, 'history.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'history.year')}</th><th scope="col">${t(language, 'field.unit')}</th><th scope="col">${t(language, 'field.activity')}</th>
<th scope="col" class="number">${t(language, 'field.hours')}</th><th scope="col" class="number">${t(language, 'history.fte')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** `/hours/history`: what an earlier years' file must look like, the upload form, and what is imported. */
export function historyBody(view: HistoryView): Html {
  const { language } = view;
  return html`<h1>${t(language, 'history.title')}</h1>
${errorSummary(t(language, 'history.problems'), view.problems.map((message) => ({ field: 'file', message })))}
<p>${t(language, 'history.intro')}</p>
<p>${columnsHelp(language, 'history.help', [...HISTORY_COLUMNS.required, ...HISTORY_COLUMNS.optional])}</p>
${uploadForm({ language, path: '/hours/history', csrfToken: view.csrfToken, invalid: view.problems.length > 0, hint: 'history.file.hint', submit: 'history.submit' })}
${historyTable(view)}
<p><a href="/hours">${t(language, 'entry.back')}</a></p>`;
}
