import { html, type Html } from '../../../infra/html/html.ts';
import { formatNumber as formatLocaleNumber } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { YearOverYear } from '../../../workflows/annual-evaluation/year-over-year.ts';
import { hoursNumber } from '../../hours/views/hours.ts';
import { barChart } from '../../views/charts.ts';
import { t } from '../messages/index.ts';

/**
 * The report's figures for three years side by side: charts with their tables, and tables of the
 * other figures, a column per year. Hours are written with decimals only where there are any
 * (11 905; 8 120,5), so three years fit a phone's width.
 */

/** Numbers the Norwegian way in the Norwegian views (11 905; 0,96), the English way otherwise, with a fixed number of decimals. */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  return formatLocaleNumber(value, language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** One line of a figures table: what it counts, the count in each year (null: the year's report does not have it), and how it is written. */
export interface FigureLine {
  label: string;
  values: readonly (number | null)[];
  format?: (value: number) => string;
}

/** A table of figures with a column per compared year, in its own scrolling region so a narrow screen never scrolls the page sideways. */
export function figuresTable(id: string, caption: string, years: readonly number[], lines: readonly FigureLine[], language: Language): Html {
  const rows = lines.map((line, index) => {
    const format = line.format ?? ((value: number) => formatNumber(value, language));
    return html`${index ? '\n' : null}<tr><th scope="row">${line.label}</th>${line.values.map((value) => html`<td>${value === null ? '–' : format(value)}</td>`)}</tr>`;
  });
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0"><table><caption id="${id}-caption">${caption}</caption>
<thead><tr><th scope="col">${t(language, 'report.figure')}</th>${years.map((year) => html`<th scope="col" class="number">${String(year)}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

const span = (years: readonly number[]) => ({ first: String(years[0]), last: String(years.at(-1)), years: years.join(', ') });

/** One figure per unit over the years as a chart (a bar per year) with its table. */
function unitsChart(yoy: YearOverYear, language: Language, chart: { id: string; title: string; description: string; figure: 'hours' | 'fte'; format: (value: number) => string }): Html {
  return barChart({
    id: chart.id,
    title: chart.title,
    description: chart.description,
    rowHeader: t(language, 'report.unit'),
    series: yoy.years.map(String),
    rows: yoy.units.map((u) => ({ label: u.name, values: u[chart.figure] })),
    format: chart.format,
  });
}

/** Hours and årsverk per unit over the years, each a chart with its table, and the totals. */
export function hoursOverYears(yoy: YearOverYear, language: Language): Html {
  const years = span(yoy.years);
  const hours = unitsChart(yoy, language, {
    id: 'hours-by-unit',
    title: t(language, 'report.hoursChart.title', years),
    description: t(language, 'report.hoursChart.description', years),
    figure: 'hours',
    format: (value) => hoursNumber(value, language),
  });
  const fte = unitsChart(yoy, language, {
    id: 'fte-by-unit',
    title: t(language, 'report.fteChart.title', years),
    description: t(language, 'report.fteChart.description', years),
    figure: 'fte',
    format: (value) => formatNumber(value, language, 2),
  });
  const totals = figuresTable('totals', t(language, 'report.totals'), yoy.years, [
    { label: t(language, 'report.totalHours'), values: yoy.totalHours, format: (value) => hoursNumber(value, language) },
    { label: t(language, 'report.totalFte'), values: yoy.totalFte, format: (value) => formatNumber(value, language, 2) },
  ], language);
  return html`${hours}
${fte}
${totals}`;
}

/** Active, new and ended volunteers as a chart (a bar per year), and the median days to start. */
export function volunteersOverYears(yoy: YearOverYear, language: Language): Html {
  const chart = barChart({
    id: 'volunteers',
    title: t(language, 'report.volunteersChart.title', span(yoy.years)),
    description: t(language, 'report.volunteersChart.description', span(yoy.years)),
    rowHeader: t(language, 'report.volunteers'),
    series: yoy.years.map(String),
    rows: [
      { label: t(language, 'report.active'), values: yoy.volunteers.active },
      { label: t(language, 'report.new'), values: yoy.volunteers.new },
      { label: t(language, 'report.ended'), values: yoy.volunteers.ended },
    ],
    format: (value) => formatNumber(value, language),
  });
  const onboarding = figuresTable('onboarding', t(language, 'report.onboarding'), yoy.years, [
    { label: t(language, 'report.onboardingDays'), values: yoy.medianOnboardingDays, format: (value) => formatNumber(value, language, 1) },
  ], language);
  return html`${chart}
${onboarding}`;
}

/** Agreements by the outcome of their reviews and in force, and deviations. */
export function agreementsOverYears(yoy: YearOverYear, language: Language): Html {
  return figuresTable('agreements', t(language, 'report.agreements'), yoy.years, [
    { label: t(language, 'report.continued'), values: yoy.agreements.continued },
    { label: t(language, 'report.revised'), values: yoy.agreements.revised },
    { label: t(language, 'report.terminated'), values: yoy.agreements.terminated },
    { label: t(language, 'report.inForce'), values: yoy.agreements.inForce },
    { label: t(language, 'report.deviations'), values: yoy.deviations },
  ], language);
}

/** Introduction courses and network and dialogue meetings held. */
export function meetingsOverYears(yoy: YearOverYear, language: Language): Html {
  return figuresTable('meetings', t(language, 'report.meetings'), yoy.years, [
    { label: t(language, 'report.courseSessions'), values: yoy.courseSessions },
    { label: t(language, 'report.networkMeetings'), values: yoy.networkMeetings },
    { label: t(language, 'report.dialogueMeetings'), values: yoy.dialogueMeetings },
  ], language);
}
