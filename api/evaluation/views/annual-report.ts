import type { AnnualReport, HoursLine } from '../../../workflows/annual-evaluation/report.ts';
import type { Language } from '../../../activities/emails/layout.ts';
import { escapeHtml, page } from '../../views/link-page.ts';

const TEXT = {
  nb: {
    title: (year: number) => `Frivillighet i helse og omsorg – årsrapport ${year}`,
    hours: 'Frivilligtimer',
    unit: 'Virksomhet',
    activity: 'Aktivitet',
    fte: 'Årsverk',
    total: 'Sum',
    divisor: (n: string) => `Årsverk er regnet som timer delt på ${n} timer per årsverk.`,
    volunteers: 'Frivillige',
    active: 'Aktive',
    new: 'Nye',
    ended: 'Avsluttet',
    onboarding: 'Median tid fra registrering til oppstart (dager)',
    agreements: 'Samarbeidsavtaler',
    inForce: 'Gjeldende avtaler',
    continued: 'Videreført etter gjennomgang',
    revised: 'Revidert',
    terminated: 'Avsluttet',
    deviations: 'Avvik (antall)',
    feedback: 'Tilbakemeldinger',
    answered: (a: number, b: number) => `${a} av ${b} har svart.`,
    status: { collecting: 'Under innsamling', reportReady: 'Klar til godkjenning', approved: 'Godkjent', sentToPolitics: 'Sendt til politisk behandling' },
    case: (n: string, d: string) => `Saksnummer ${n}, sendt ${d}.`,
    other: 'Read in English',
  },
  en: {
    title: (year: number) => `Volunteering in health and care – annual report ${year}`,
    hours: 'Volunteer hours',
    unit: 'Service unit',
    activity: 'Activity',
    fte: 'FTE',
    total: 'Total',
    divisor: (n: string) => `FTE is hours divided by ${n} hours per FTE.`,
    volunteers: 'Volunteers',
    active: 'Active',
    new: 'New',
    ended: 'Ended',
    onboarding: 'Median days from registration to start',
    agreements: 'Cooperation agreements',
    inForce: 'Agreements in force',
    continued: 'Continued after review',
    revised: 'Revised',
    terminated: 'Terminated',
    deviations: 'Deviations (count)',
    feedback: 'Feedback',
    answered: (a: number, b: number) => `${a} of ${b} answered.`,
    status: { collecting: 'Collecting', reportReady: 'Ready for approval', approved: 'Approved', sentToPolitics: 'Sent to political consideration' },
    case: (n: string, d: string) => `Case number ${n}, sent ${d}.`,
    other: 'Les på norsk',
  },
} as const;

/** Numbers the Norwegian way in the Norwegian view (11 905; 0,96), the English way otherwise. */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  return value.toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function table(caption: string, first: string, lines: HoursLine[], report: AnnualReport, language: Language): string {
  const t = TEXT[language];
  const rows = lines
    .map((l) => `<tr><th scope="row">${escapeHtml(l.name)}</th><td>${formatNumber(l.hours, language, 1)}</td><td>${formatNumber(l.fte, language, 2)}</td></tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col">${t.hours}</th><th scope="col">${t.fte}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">${t.total}</th><td>${formatNumber(report.totalHours, language, 1)}</td><td>${formatNumber(report.totalFte, language, 2)}</td></tr></tfoot>
</table>`;
}

/** The report as a page that reads well on screen and prints as a clean A4 document. */
export function annualReportPage(
  report: AnnualReport,
  evaluation: { status: keyof (typeof TEXT)['nb']['status']; caseNumber: string | null; sentOn: string | null },
  language: Language,
): string {
  const t = TEXT[language];
  const n = (value: number) => formatNumber(value, language);
  const body = `<p class="no-print"><a href="?lang=${language === 'nb' ? 'en' : 'nb'}">${t.other}</a></p>
<h1>${escapeHtml(t.title(report.year))}</h1>
<p>${t.status[evaluation.status]}.${evaluation.caseNumber && evaluation.sentOn ? ` ${escapeHtml(t.case(evaluation.caseNumber, evaluation.sentOn))}` : ''}</p>
<h2>${t.hours}</h2>
${table(t.hours, t.unit, report.hoursByUnit, report, language)}
${table(`${t.hours} – ${t.activity}`, t.activity, report.hoursByActivityType, report, language)}
<p>${t.divisor(n(report.hoursPerFte))}</p>
<h2>${t.volunteers}</h2>
<dl><dt>${t.active}</dt><dd>${n(report.volunteers.active)}</dd><dt>${t.new}</dt><dd>${n(report.volunteers.new)}</dd><dt>${t.ended}</dt><dd>${n(report.volunteers.ended)}</dd>
<dt>${t.onboarding}</dt><dd>${report.medianOnboardingDays === null ? '–' : formatNumber(report.medianOnboardingDays, language, 1)}</dd></dl>
<h2>${t.agreements}</h2>
<dl><dt>${t.inForce}</dt><dd>${n(report.agreements.active)}</dd><dt>${t.continued}</dt><dd>${n(report.agreements.reviewed.continued)}</dd>
<dt>${t.revised}</dt><dd>${n(report.agreements.reviewed.revised)}</dd><dt>${t.terminated}</dt><dd>${n(report.agreements.reviewed.terminated)}</dd>
<dt>${t.deviations}</dt><dd>${n(report.deviations.total)}</dd></dl>
<h2>${t.feedback}</h2>
<p>${t.answered(report.responses.answered, report.responses.asked)}</p>
${report.feedback.map((f) => `<blockquote><p>${escapeHtml(f.evaluation)}</p>${f.feedback ? `<p>${escapeHtml(f.feedback)}</p>` : ''}</blockquote>`).join('\n')}`;
  return page(language, t.title(report.year), body).replace(
    '</style>',
    `  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  caption { text-align: left; font-weight: 600; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; }
  td { text-align: right; font-variant-numeric: tabular-nums; }
  dl { display: grid; grid-template-columns: auto auto; gap: 0.25rem 1rem; }
  dd { margin: 0; text-align: right; }
  @page { size: A4; margin: 20mm; }
  @media print { body { background: #fff; } main { max-width: none; padding: 0; } .no-print { display: none; } h2 { break-after: avoid; } table { break-inside: avoid; } }
</style>`,
  );
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
