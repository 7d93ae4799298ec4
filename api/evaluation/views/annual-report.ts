import { html, serialise, trustedHtml, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import type { AnnualReport } from '../../../workflows/annual-evaluation/report.ts';
import type { YearOverYear } from '../../../workflows/annual-evaluation/year-over-year.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';
import { agreementsOverYears, formatNumber, hoursOverYears, meetingsOverYears, volunteersOverYears } from './report-figures.ts';

const STATUS_KEYS = {
  collecting: 'report.status.collecting',
  reportReady: 'report.status.reportReady',
  approved: 'report.status.approved',
  sentToPolitics: 'report.status.sentToPolitics',
} as const satisfies Record<EvaluationStatus, keyof typeof nb>;

/**
 * The report's own layout on top of the link page's: tables of figures and charts that never
 * scroll the page sideways, and a clean A4 print with the municipality's name on top, where no
 * chart or table breaks across pages and the links are left out.
 */
const REPORT_CSS = trustedHtml(`  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  caption { text-align: left; font-weight: 600; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.4rem; text-align: left; overflow-wrap: normal; }
  td, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .municipality { margin: 0 0 0.5rem; font-weight: 600; color: #4a4a4a; border-bottom: 2px solid #0b5394; padding-bottom: 0.25rem; }
  .table-scroll { overflow-x: auto; }
  .chart { margin: 1rem 0 2rem; }
  .chart svg { display: block; width: 100%; height: auto; }
  @page { size: A4; margin: 20mm; }
  @media print { body { background: #fff; } main { max-width: none; padding: 0; } .no-print, a, button { display: none; } h2 { break-after: avoid; } table, .chart, .table-scroll { break-inside: avoid; } .table-scroll { overflow: visible; } }
`);

function activityTable(report: AnnualReport, language: Language): Html {
  const rows = report.hoursByActivityType.map(
    (l, index) =>
      html`${index ? '\n' : null}<tr><th scope="row">${l.id ? l.name : t(language, 'report.noActivity')}</th><td>${formatNumber(l.hours, language, 1)}</td><td>${formatNumber(l.fte, language, 2)}</td></tr>`,
  );
  return html`<div class="table-scroll" role="region" aria-labelledby="activities-caption" tabindex="0"><table><caption id="activities-caption">${t(language, 'report.byActivity', { year: String(report.year) })}</caption>
<thead><tr><th scope="col">${t(language, 'report.activity')}</th><th scope="col" class="number">${t(language, 'report.hours')}</th><th scope="col" class="number">${t(language, 'report.fte')}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${t(language, 'report.total')}</th><td>${formatNumber(report.totalHours, language, 1)}</td><td>${formatNumber(report.totalFte, language, 2)}</td></tr></tfoot>
</table></div>`;
}

/** The report year's evaluation as the page needs it, and what its figures are compared with. */
export interface ReportContext {
  status: EvaluationStatus;
  caseNumber: string | null;
  sentOn: string | null;
  municipalityName: string;
  /** The report year's and the two before it, oldest first (see yearOverYear). */
  overYears: YearOverYear;
}

function reportBody(report: AnnualReport, context: ReportContext, language: Language): Html {
  const { overYears } = context;
  const sent = context.caseNumber && context.sentOn ? t(language, 'report.case', { caseNumber: context.caseNumber, sentOn: context.sentOn }) : null;
  const feedback = report.feedback.map(
    (f, index) => html`${index ? '\n' : null}<blockquote><p>${f.evaluation}</p>${f.feedback ? html`<p>${f.feedback}</p>` : null}</blockquote>`,
  );
  const meetingsPolicy = report.meetings
    ? html`<p>${t(language, 'report.meetingsPolicy', { network: report.meetings.network.perYear, dialogue: report.meetings.dialogue.perYear })}</p>`
    : null;
  return html`<p class="municipality">${context.municipalityName}</p>
<div class="no-print">${languageSwitch(language)}</div>
<h1>${t(language, 'report.title', { year: report.year })}</h1>
<p>${t(language, STATUS_KEYS[context.status])}.${sent ? html` ${sent}` : null}</p>
<p>${t(language, 'report.compared', { first: String(overYears.years[0]), last: String(overYears.years.at(-1)) })}</p>
<h2>${t(language, 'report.hours')}</h2>
${hoursOverYears(overYears, language)}
${activityTable(report, language)}
<p>${t(language, 'report.divisor', { hoursPerFte: report.hoursPerFte })}</p>
<h2>${t(language, 'report.volunteers')}</h2>
${volunteersOverYears(overYears, language)}
<h2>${t(language, 'report.agreements')}</h2>
${agreementsOverYears(overYears, language)}
<h2>${t(language, 'report.meetings')}</h2>
${meetingsOverYears(overYears, language)}
${meetingsPolicy}
<h2>${t(language, 'report.feedback')}</h2>
<p>${t(language, 'report.answered', { answered: report.responses.answered, asked: report.responses.asked })}</p>
${feedback}`;
}

/** The report as a page that reads well on screen and prints as a clean A4 document, each figure beside the two years before. */
export function annualReportPage(report: AnnualReport, context: ReportContext, language: Language): string {
  const document = page(language, t(language, 'report.title', { year: report.year }), reportBody(report, context, language));
  // page() has no place for a page's own styles yet, so the report's are added at the end of the
  // frame's stylesheet; both pieces are built with the tag.
  const styleEnd = serialise(html`</style>`);
  return document.replace(styleEnd, () => serialise(html`${REPORT_CSS}</style>`));
}

/** The report's hours as CSV (semicolon-separated, decimal comma, as Norwegian spreadsheets expect). */
export function annualReportCsv(report: AnnualReport): string {
  const number = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = [
    'type;id;navn;timer;arsverk',
    ...report.hoursByUnit.map((l) => `virksomhet;${l.id};${quote(l.name)};${number(l.hours, 1)};${number(l.fte, 2)}`),
    ...report.hoursByActivityType.map((l) => `aktivitet;${l.id};${quote(l.name)};${number(l.hours, 1)};${number(l.fte, 2)}`),
    `sum;;;${number(report.totalHours, 1)};${number(report.totalFte, 2)}`,
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
