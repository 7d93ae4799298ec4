import { html, serialise, trustedHtml, type Html } from '../../../infra/html/html.ts';
import { formatNumber as formatLocaleNumber } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import type { AnnualReport, HoursLine, MeetingsHeld } from '../../../workflows/annual-evaluation/report.ts';
import { languageSwitch, page } from '../../views/link-page.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';

const STATUS_KEYS = {
  collecting: 'report.status.collecting',
  reportReady: 'report.status.reportReady',
  approved: 'report.status.approved',
  sentToPolitics: 'report.status.sentToPolitics',
} as const satisfies Record<EvaluationStatus, keyof typeof nb>;

/** The report's own layout on top of the link page's: tables of figures, and a clean A4 print. */
const REPORT_CSS = trustedHtml(`  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  caption { text-align: left; font-weight: 600; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; }
  td { text-align: right; font-variant-numeric: tabular-nums; }
  dl { display: grid; grid-template-columns: auto auto; gap: 0.25rem 1rem; }
  dd { margin: 0; text-align: right; }
  @page { size: A4; margin: 20mm; }
  @media print { body { background: #fff; } main { max-width: none; padding: 0; } .no-print { display: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }
`);

/** Numbers the Norwegian way in the Norwegian views (11 905; 0,96), the English way otherwise, with a fixed number of decimals. */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  return formatLocaleNumber(value, language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function table(caption: string, first: string, lines: HoursLine[], report: AnnualReport, language: Language): Html {
  const rows = lines.map(
    (l, index) => html`${index ? '\n' : null}<tr><th scope="row">${l.name}</th><td>${formatNumber(l.hours, language, 1)}</td><td>${formatNumber(l.fte, language, 2)}</td></tr>`,
  );
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col">${t(language, 'report.hours')}</th><th scope="col">${t(language, 'report.fte')}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${t(language, 'report.total')}</th><td>${formatNumber(report.totalHours, language, 1)}</td><td>${formatNumber(report.totalFte, language, 2)}</td></tr></tfoot>
</table>`;
}

function meetingsHeld(meetings: MeetingsHeld, language: Language): Html {
  const n = (value: number) => formatNumber(value, language);
  return html`<h2>${t(language, 'report.meetings')}</h2>
<dl><dt>${t(language, 'report.networkMeetings')}</dt><dd>${t(language, 'report.ofPolicy', { held: n(meetings.network.held), perYear: n(meetings.network.perYear) })}</dd>
<dt>${t(language, 'report.dialogueMeetings')}</dt><dd>${t(language, 'report.ofPolicy', { held: n(meetings.dialogue.held), perYear: n(meetings.dialogue.perYear) })}</dd>
<dt>${t(language, 'report.courseSessions')}</dt><dd>${n(meetings.courseSessions)}</dd></dl>`;
}

function reportBody(report: AnnualReport, evaluation: { status: EvaluationStatus; caseNumber: string | null; sentOn: string | null }, language: Language): Html {
  const n = (value: number) => formatNumber(value, language);
  const hours = t(language, 'report.hours');
  const sent = evaluation.caseNumber && evaluation.sentOn ? t(language, 'report.case', { caseNumber: evaluation.caseNumber, sentOn: evaluation.sentOn }) : null;
  const feedback = report.feedback.map(
    (f, index) => html`${index ? '\n' : null}<blockquote><p>${f.evaluation}</p>${f.feedback ? html`<p>${f.feedback}</p>` : null}</blockquote>`,
  );
  return html`<div class="no-print">${languageSwitch(language)}</div>
<h1>${t(language, 'report.title', { year: report.year })}</h1>
<p>${t(language, STATUS_KEYS[evaluation.status])}.${sent ? html` ${sent}` : null}</p>
<h2>${hours}</h2>
${table(hours, t(language, 'report.unit'), report.hoursByUnit, report, language)}
${table(`${hours} – ${t(language, 'report.activity')}`, t(language, 'report.activity'), report.hoursByActivityType, report, language)}
<p>${t(language, 'report.divisor', { hoursPerFte: report.hoursPerFte })}</p>
<h2>${t(language, 'report.volunteers')}</h2>
<dl><dt>${t(language, 'report.active')}</dt><dd>${n(report.volunteers.active)}</dd><dt>${t(language, 'report.new')}</dt><dd>${n(report.volunteers.new)}</dd><dt>${t(language, 'report.ended')}</dt><dd>${n(report.volunteers.ended)}</dd>
<dt>${t(language, 'report.onboarding')}</dt><dd>${report.medianOnboardingDays === null ? '–' : formatNumber(report.medianOnboardingDays, language, 1)}</dd></dl>
<h2>${t(language, 'report.agreements')}</h2>
<dl><dt>${t(language, 'report.inForce')}</dt><dd>${n(report.agreements.active)}</dd><dt>${t(language, 'report.continued')}</dt><dd>${n(report.agreements.reviewed.continued)}</dd>
<dt>${t(language, 'report.revised')}</dt><dd>${n(report.agreements.reviewed.revised)}</dd><dt>${t(language, 'report.terminated')}</dt><dd>${n(report.agreements.reviewed.terminated)}</dd>
<dt>${t(language, 'report.deviations')}</dt><dd>${n(report.deviations.total)}</dd></dl>
${report.meetings ? meetingsHeld(report.meetings, language) : null}
<h2>${t(language, 'report.feedback')}</h2>
<p>${t(language, 'report.answered', { answered: report.responses.answered, asked: report.responses.asked })}</p>
${feedback}`;
}

/** The report as a page that reads well on screen and prints as a clean A4 document. */
export function annualReportPage(
  report: AnnualReport,
  evaluation: { status: EvaluationStatus; caseNumber: string | null; sentOn: string | null },
  language: Language,
): string {
  const document = page(language, t(language, 'report.title', { year: report.year }), reportBody(report, evaluation, language));
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
