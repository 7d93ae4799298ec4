import { scaleBand, scaleLinear } from 'd3-scale';
import { html, type Html } from '../../infra/html/html.ts';

/** One row of bars: a category (a step, a unit, a month) and one value per series. */
export interface ChartRow {
  label: string;
  values: readonly number[];
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
const LEGEND_HEIGHT = 28;

const colourOf = (series: number) => SERIES_COLOURS[series % SERIES_COLOURS.length]!;

function legend(data: ChartData): Html[] {
  return data.series.map((name, index) => {
    const x = LABEL_WIDTH + index * 140;
    return html`<rect x="${x}" y="6" width="12" height="12" fill="${colourOf(index)}"/><text x="${x + 18}" y="16" font-size="12">${name}</text>`;
  });
}

function bars(data: ChartData): { height: number; marks: Html[] } {
  const perRow = data.series.length * BAR_HEIGHT;
  const height = LEGEND_HEIGHT + data.rows.length * (perRow + ROW_GAP);
  const top = scaleBand<number>()
    .domain(data.rows.map((_, index) => index))
    .range([LEGEND_HEIGHT, height])
    .paddingInner(ROW_GAP / (perRow + ROW_GAP));
  const largest = Math.max(0, ...data.rows.flatMap((row) => row.values));
  const length = scaleLinear()
    .domain([0, largest || 1])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_ROOM]);
  const marks = data.rows.map((row, rowIndex) => {
    const y = top(rowIndex) ?? LEGEND_HEIGHT;
    const values = row.values.map((value, series) => {
      const barY = y + series * BAR_HEIGHT;
      const barLength = length(value);
      return html`<rect x="${LABEL_WIDTH}" y="${barY}" width="${barLength.toFixed(1)}" height="${BAR_HEIGHT - 2}" fill="${colourOf(series)}" data-value="${value}"/><text x="${(LABEL_WIDTH + barLength + 4).toFixed(1)}" y="${barY + BAR_HEIGHT - 3}" font-size="11">${data.format(value)}</text>`;
    });
    return html`<g><text x="${LABEL_WIDTH - 6}" y="${y + perRow / 2 + 4}" font-size="12" text-anchor="end">${truncate(row.label)}</text>${values}</g>`;
  });
  return { height, marks };
}

/** A long unit name would run into the bars; the table beside the chart has it in full. */
function truncate(label: string): string {
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
}

/** The table behind a chart: one row per category, one column per series, the same numbers. */
function chartTable(data: ChartData): Html {
  const rows = data.rows.map(
    (row) => html`<tr><th scope="row">${row.label}</th>${row.values.map((value) => html`<td class="number">${data.format(value)}</td>`)}</tr>`,
  );
  return html`<table class="chart-table"><caption>${data.title}</caption>
<thead><tr><th scope="col">${data.rowHeader}</th>${data.series.map((name) => html`<th scope="col" class="number">${name}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/**
 * A grouped horizontal bar chart as server-rendered SVG (no script, so it works under the strict
 * CSP and in print), named by its title and description, with its table beside it. d3-scale
 * places the bars; the markup is built with the escaping `html` tag like every other view.
 */
export function barChart(data: ChartData): Html {
  const { height, marks } = bars(data);
  const titleId = `${data.id}-title`;
  const descId = `${data.id}-desc`;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${data.title}</title><desc id="${descId}">${data.description}</desc>${legend(data)}${marks}</svg>
${chartTable(data)}
</figure>`;
}
