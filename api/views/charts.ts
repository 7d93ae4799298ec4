import { scaleBand, scaleLinear } from 'd3-scale';
import { html, type Html } from '../../infra/html/html.ts';
import { scrollingTable } from './table-region.ts';

/** One row of bars: a category (a step, a unit, a month) and one value per series; null where there is none (no bar, a dash). */
export interface ChartRow {
  label: string;
  values: readonly (number | null)[];
}

/**
 * A chart and the table it is drawn from: the same rows make both, so the numbers a screen
 * reader hears and print shows are the bars' own.
 */
export interface ChartData {
  /** Unique on the page: it names the SVG's title and description for `aria-labelledby`. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence, for the SVG's `<desc>`. */
  description: string;
  /** The heading of the table's first column (what the rows are). */
  rowHeader: string;
  /** One name per series (this year, last year; new, active, ended …); each gets a colour and a legend entry. */
  series: readonly string[];
  rows: readonly ChartRow[];
  /** Numbers as the page writes them (grouping and decimals in the page's language). */
  format: (value: number) => string;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); the legend and the value labels carry the meaning too. */
const SERIES_COLOURS = ['#0b5394', '#b45309', '#1e6b32', '#6b21a8'] as const;

const WIDTH = 640;
const LABEL_WIDTH = 190;
const VALUE_ROOM = 70;
const BAR_HEIGHT = 14;
const ROW_GAP = 10;
const LEGEND_LINE = 20;
/** A generous width per character of 12 px text, so a legend entry never runs into the next. */
const LEGEND_CHAR_WIDTH = 7.5;
const NONE = '–';

const colourOf = (series: number) => SERIES_COLOURS[series % SERIES_COLOURS.length]!;

/** The legend above the bars, its entries wrapping onto further lines when the names are long or many. */
function legend(data: ChartData): { height: number; marks: Html[] } {
  let x = 0;
  let line = 0;
  const marks = data.series.map((name, index) => {
    const width = 18 + name.length * LEGEND_CHAR_WIDTH + 16;
    if (x > 0 && x + width > WIDTH) [x, line] = [0, line + 1];
    const y = 6 + line * LEGEND_LINE;
    const mark = html`<rect x="${x}" y="${y}" width="12" height="12" fill="${colourOf(index)}"/><text x="${x + 18}" y="${y + 10}" font-size="12">${name}</text>`;
    x += width;
    return mark;
  });
  return { height: (line + 1) * LEGEND_LINE + 8, marks };
}

function bars(data: ChartData, legendHeight: number): { height: number; marks: Html[] } {
  const perRow = data.series.length * BAR_HEIGHT;
  const height = legendHeight + data.rows.length * (perRow + ROW_GAP);
  const top = scaleBand<number>()
    .domain(data.rows.map((_, index) => index))
    .range([legendHeight, height])
    .paddingInner(ROW_GAP / (perRow + ROW_GAP));
  const largest = Math.max(0, ...data.rows.flatMap((row) => row.values.filter((value) => value !== null)));
  const length = scaleLinear()
    .domain([0, largest || 1])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_ROOM])
    // A negative value (a clock gone wrong) draws no bar rather than an invalid negative width.
    .clamp(true);
  const marks = data.rows.map((row, rowIndex) => {
    const y = top(rowIndex) ?? legendHeight;
    const values = row.values.map((value, series) => {
      const barY = y + series * BAR_HEIGHT;
      const barLength = value === null ? 0 : length(value);
      // A missing value keeps its (empty) bar, without data-value, so bars and table cells stay one to one.
      const dataValue = value === null ? null : html` data-value="${value}"`;
      return html`<rect x="${LABEL_WIDTH}" y="${barY}" width="${barLength.toFixed(1)}" height="${BAR_HEIGHT - 2}" fill="${colourOf(series)}"${dataValue}/><text x="${(LABEL_WIDTH + barLength + 4).toFixed(1)}" y="${barY + BAR_HEIGHT - 3}" font-size="11">${formatted(data, value)}</text>`;
    });
    return html`<g><text x="${LABEL_WIDTH - 6}" y="${y + perRow / 2 + 4}" font-size="12" text-anchor="end">${truncate(row.label)}</text>${values}</g>`;
  });
  return { height, marks };
}

const formatted = (data: ChartData, value: number | null) => (value === null ? NONE : data.format(value));

/** A long unit name would run into the bars; the table beside the chart has it in full. */
function truncate(label: string): string {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}

/**
 * The table behind a chart: one row per category, one column per series, the same numbers,
 * scrolling in its own region on a narrow screen.
 */
function chartTable(data: ChartData): Html {
  const captionId = `${data.id}-caption`;
  const rows = data.rows.map(
    (row) => html`<tr><th scope="row">${row.label}</th>${row.values.map((value) => html`<td class="number">${formatted(data, value)}</td>`)}</tr>`,
  );
  return scrollingTable(
    captionId,
    html`<table class="chart-table"><caption id="${captionId}">${data.title}</caption>
<thead><tr><th scope="col">${data.rowHeader}</th>${data.series.map((name) => html`<th scope="col" class="number">${name}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

/**
 * A grouped horizontal bar chart as server-rendered SVG (no script, so it works under the strict
 * CSP and in print), named by its title and description, with its table beside it. d3-scale
 * places the bars; the markup is built with the escaping `html` tag like every other view.
 */
export function barChart(data: ChartData): Html {
  const key = legend(data);
  const { height, marks } = bars(data, key.height);
  const titleId = `${data.id}-title`;
  const descId = `${data.id}-desc`;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${data.title}</title><desc id="${descId}">${data.description}</desc>${key.marks}${marks}</svg>
${chartTable(data)}
</figure>`;
}
