import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import { formatMonth, formatNumber } from '../infra/i18n/format.ts';
import { serialise } from '../infra/html/html.ts';
import type { Phase, StepName, StepState } from '../workflows/volunteer-lifecycle/definitions.ts';
import { median, percentile } from '../workflows/shared/statistics.ts';
import { barChart, type ChartData } from '../api/views/charts.ts';
import { fromOsloLocal, osloToday } from '../api/volunteers/views/time.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { newStaffSession } from './support/staff-session.ts';

/** What a chart drew and what its table says, read back from the page's markup. */
interface ReadChart {
  role: string | undefined;
  labelledBy: string | undefined;
  title: string | undefined;
  desc: string | undefined;
  /** Per row, the row's label in the SVG and each bar's data-value (null: a bar without one). */
  bars: { label: string | undefined; values: (string | null)[] }[];
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? '');
const first = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];

/** The figure holding the chart `id`: its SVG's name and bars, and its table's columns and rows. */
function readChart(page: string, id: string): ReadChart {
  const at = page.indexOf(`<title id="${id}-title">`);
  if (at < 0) throw new Error(`no chart ${id} on the page`);
  const figure = page.slice(page.lastIndexOf('<figure', at), page.indexOf('</figure>', at));
  const [svg = '', table = ''] = figure.split('</svg>');
  const [, ...groups] = svg.split('<g>');
  return {
    role: first(svg, /<svg [^>]*role="([^"]*)"/),
    labelledBy: first(svg, /<svg [^>]*aria-labelledby="([^"]*)"/),
    title: first(svg, new RegExp(`<title id="${id}-title">([^<]*)</title>`)),
    desc: first(svg, new RegExp(`<desc id="${id}-desc">([^<]*)</desc>`)),
    bars: groups.map((group) => ({
      label: first(group, /^<text [^>]*>([^<]*)<\/text>/),
      values: [...group.matchAll(/<rect [^>]*?\/>/g)].map(([rect]) => first(rect, /data-value="([^"]*)"/) ?? null),
    })),
    columns: all(first(table, /<thead>(.*?)<\/thead>/s) ?? '', /<th [^>]*>([^<]*)<\/th>/g),
    rows: all(first(table, /<tbody>(.*?)<\/tbody>/s) ?? '', /<tr>(.*?)<\/tr>/gs).map((row) => ({
      label: first(row, /<th scope="row">([^<]*)<\/th>/) ?? '',
      cells: all(row, /<td[^>]*>([^<]*)<\/td>/g),
    })),
  };
}

/** Every bar carries the number its table cell shows, row by row and series by series; a bar without a number is a dash. */
function expectBarsMatchTable(chart: ReadChart, format: (value: number) => string) {
  expect(chart.bars.map((b) => b.label)).toEqual(chart.rows.map((r) => r.label));
  expect(chart.bars.map((b) => b.values.map((v) => (v === null ? '–' : format(Number(v)))))).toEqual(chart.rows.map((r) => r.cells));
}

const nbNumber = (value: number) => formatNumber(value, 'nb', { maximumFractionDigits: 1 });

describe('the order statistics', () => {
  it('interpolates between the nearest ranks, with the median as the 50th percentile', () => {
    const days = [10, 1, 2];
    expect(median(days)).toBe(2);
    expect(percentile(days, 0.9)).toBeCloseTo(8.4, 10);
    expect(percentile([4, 6], 0.9)).toBeCloseTo(5.8, 10);
    expect(median([4, 6])).toBe(5);
    expect([percentile(days, 0), percentile(days, 1)]).toEqual([1, 10]);
    expect(percentile([7], 0.9)).toBe(7);
    expect(days).toEqual([10, 1, 2]);
  });

  it('has no value for no values, and refuses a share outside 0 to 1', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 0.9)).toBeNull();
    expect(() => percentile([1], 90)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('a bar chart', () => {
  const data: ChartData = {
    id: 'test-chart',
    title: 'Dager i hvert steg',
    description: 'Median og 90-persentil.',
    rowHeader: 'Steg',
    series: ['Median 2026', '90-persentil 2026', 'Median 2025', '90-persentil 2025'],
    rows: [
      { label: 'Taushetserklæring', values: [2, 8.4, 5, 5.8] },
      { label: 'Introduksjonskurs', values: [5, 5, null, null] },
      { label: 'Første samtale', values: [0, 12.5, 1, 1] },
    ],
    format: nbNumber,
  };

  it('is an image named by its title and description', () => {
    const chart = readChart(serialise(barChart(data)), 'test-chart');
    expect(chart).toMatchObject({ role: 'img', labelledBy: 'test-chart-title test-chart-desc', title: 'Dager i hvert steg', desc: 'Median og 90-persentil.' });
    expect(serialise(barChart(data))).toContain('<caption id="test-chart-caption">Dager i hvert steg</caption>');
  });

  it('draws each bar with the number its table cell shows, and a dash where there is none', () => {
    const chart = readChart(serialise(barChart(data)), 'test-chart');
    expect(chart.columns).toEqual(['Steg', ...data.series]);
    expect(chart.rows).toEqual([
      { label: 'Taushetserklæring', cells: ['2', '8,4', '5', '5,8'] },
      { label: 'Introduksjonskurs', cells: ['5', '5', '–', '–'] },
      { label: 'Første samtale', cells: ['0', '12,5', '1', '1'] },
    ]);
    expectBarsMatchTable(chart, nbNumber);
  });

  it('gives the largest value the whole length and wraps a long legend inside the view box', () => {
    const widths = all(serialise(barChart(data)), /<rect [^>]*width="([\d.]+)" height="12" fill="[^"]*" data-value="/g).map(Number);
    expect(Math.max(...widths)).toBe(380);
    expect(widths).toContain(0);
    const series = data.series.map((name) => `${name}, fullførte steg`);
    const markup = serialise(barChart({ ...data, series }));
    const legend = [...markup.split('<g>')[0]!.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="12"/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
    expect(legend).toHaveLength(4);
    expect(new Set(legend.map((l) => l.y)).size).toBeGreaterThan(1);
    for (const [index, { x }] of legend.entries()) expect(x + 18 + series[index]!.length * 7.5).toBeLessThanOrEqual(640);
  });

  it('keeps names as text', () => {
    const markup = serialise(barChart({ ...data, title: 'A & B', rows: [{ label: '<script>alert(1)</script>', values: [1, 2, 3, 4] }], series: ['"x"', 'b', 'c', 'd'] }));
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('<title id="test-chart-title">A &amp; B</title>');
    expect(markup).toContain('&quot;x&quot;');
  });
});

const MINE = 'aktivitetshusene';
const OTHER = 'sidebygningen';
const DAY = 86_400_000;
const LONG_AGO = new Date(Date.now() - 2 * 365 * DAY);

interface StepFixture {
  step: StepName;
  state: StepState;
  /** Days from opening to completion; completed `at` (default now). */
  days?: number;
  at?: Date;
}

/**
 * The /overview charts on a real database, from rows inserted as the lifecycle's projection writes
 * them (the workflows that write them have tests of their own), with known counts and days.
 */
describe.each(DIALECTS)('the overview charts on %s', (dialect) => {
  let stack: Stack;
  let coordinator: Agent;
  let contact: Agent;
  const year = Number(osloToday().slice(0, 4));
  const lastYear = new Date(new Date(fromOsloLocal(`${year}-01-01T00:00`)).getTime() - 10 * DAY);

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy(), { worker: false });
    coordinator = (await newStaffSession(stack, { role: 'coordinator', serviceUnitIds: [] })).agent;
    contact = (await newStaffSession(stack, { role: 'contact', serviceUnitIds: [MINE] })).agent;
  }, 60_000);
  afterAll(() => stack?.close());
  beforeEach(async () => {
    const em = stack.orm.em.fork();
    await em.nativeDelete(VolunteerStep, {});
    await em.nativeDelete(Volunteer, {});
  });
  afterEach(() => expect(stack.logged).toEqual([]));

  async function insert(volunteers: { unit: string; createdAt?: Date; closedAt?: Date; phase?: Phase; steps: StepFixture[] }[]) {
    const em = stack.orm.em.fork();
    for (const [index, v] of volunteers.entries()) {
      const volunteer = em.create(Volunteer, {
        id: randomUUID(),
        name: `Frivillig ${index}`,
        email: `frivillig.${index}@example.no`,
        serviceUnitId: v.unit,
        activityTypeId: 'besoksvenn',
        phase: v.phase ?? 'onboarding',
        createdAt: v.createdAt ?? LONG_AGO,
        closedAt: v.closedAt ?? null,
      });
      for (const { step, state, days, at = new Date() } of v.steps) {
        const done = state === 'done';
        const openedAt = done ? new Date(at.getTime() - (days ?? 0) * DAY) : at;
        em.create(VolunteerStep, { volunteer, step, state, openedAt, completedAt: done ? at : null });
      }
    }
    await em.flush();
  }

  const registered: StepFixture = { step: 'registration', state: 'done' };
  /** Six volunteers through the onboarding steps, this year and last. */
  const onboarding = () =>
    insert([
      { unit: MINE, steps: [registered, { step: 'confidentialityDeclaration', state: 'done', days: 1 }, { step: 'introductionCourse', state: 'waiting' }, { step: 'firstConversation', state: 'pending' }] },
      { unit: MINE, steps: [registered, { step: 'confidentialityDeclaration', state: 'done', days: 2 }, { step: 'introductionCourse', state: 'overdue' }] },
      {
        unit: OTHER,
        phase: 'active',
        steps: [
          registered,
          { step: 'confidentialityDeclaration', state: 'done', days: 10 },
          { step: 'introductionCourse', state: 'done', days: 5 },
          { step: 'firstConversation', state: 'done', days: 7 },
        ],
      },
      {
        unit: MINE,
        steps: [registered, { step: 'confidentialityDeclaration', state: 'done', days: 4, at: lastYear }, { step: 'introductionCourse', state: 'notRequired' }, { step: 'firstConversation', state: 'waiting' }],
      },
      { unit: OTHER, steps: [registered, { step: 'confidentialityDeclaration', state: 'done', days: 6, at: lastYear }, { step: 'policeCertificate', state: 'waiting' }] },
      { unit: MINE, steps: [registered, { step: 'policeCertificate', state: 'done', days: 3 }, { step: 'confidentialityDeclaration', state: 'waiting' }] },
    ]);

  const funnelOf = async (agent: Agent, query: Record<string, string> = {}) => {
    const chart = readChart((await agent.get('/overview').query({ lang: 'nb', ...query }).expect(200)).text, 'funnel');
    expectBarsMatchTable(chart, nbNumber);
    return chart;
  };

  it('counts the volunteers through each onboarding step, for every unit or the one chosen', async () => {
    await onboarding();
    const funnel = await funnelOf(coordinator);
    expect(funnel).toMatchObject({ role: 'img', labelledBy: 'funnel-title funnel-desc', title: 'Frivillige per steg i opplæringen' });
    expect(funnel.desc).toContain('fullført hvert steg fra registrering til første samtale');
    expect(funnel.columns).toEqual(['Steg', 'Fullført', 'Venter nå']);
    expect(funnel.rows).toEqual([
      { label: 'Registrering', cells: ['6', '0'] },
      { label: 'Politiattest', cells: ['1', '1'] },
      { label: 'Taushetserklæring', cells: ['5', '1'] },
      { label: 'Introduksjonskurs', cells: ['1', '2'] },
      { label: 'Første samtale', cells: ['1', '1'] },
    ]);

    const mine = await funnelOf(coordinator, { unit: MINE });
    expect(mine.title).toBe('Frivillige per steg i opplæringen, Aktivitetshusene');
    expect(mine.rows.map((r) => r.cells)).toEqual([['4', '0'], ['1', '0'], ['3', '1'], ['0', '2'], ['0', '1']]);
    const page = (await coordinator.get('/overview').query({ lang: 'nb', unit: MINE }).expect(200)).text;
    expect(page).toContain('<form method="get" action="/overview#funnel-heading" class="filters">');
    expect(page).toContain(`<option value="${MINE}" selected>Aktivitetshusene</option>`);
    // An empty choice ("Alle enheter") is every unit again.
    expect((await funnelOf(coordinator, { unit: '' })).rows).toEqual(funnel.rows);
  });

  it("refuses a unit that does not exist, or another unit's for a contact, and keeps the police certificate from a contact", async () => {
    await onboarding();
    const unknown = await coordinator.get('/overview').query({ lang: 'nb', unit: 'no-such-unit' }).expect(404);
    expect(unknown.text).toContain('Den enheten finnes ikke, eller den er ikke blant enhetene du ser.');
    await contact.get('/overview').query({ unit: OTHER }).expect(404);
    await coordinator.get(`/overview?unit=${MINE}&unit=${OTHER}`).expect(404);

    const own = await funnelOf(contact);
    expect(own.rows).toEqual([
      { label: 'Registrering', cells: ['4', '0'] },
      { label: 'Taushetserklæring', cells: ['3', '1'] },
      { label: 'Introduksjonskurs', cells: ['0', '2'] },
      { label: 'Første samtale', cells: ['0', '1'] },
    ]);
    expect((await funnelOf(contact, { unit: MINE })).rows).toEqual(own.rows);
    const page = (await contact.get('/overview').query({ lang: 'nb' }).expect(200)).text;
    expect(page).not.toContain('Politiattest');
    expect(page).not.toContain(`<option value="${OTHER}"`);
  });

  it('gives the median and 90th percentile of the days in each step, this year against last', async () => {
    await onboarding();
    const chart = readChart((await coordinator.get('/overview').query({ lang: 'nb' }).expect(200)).text, 'step-days');
    expectBarsMatchTable(chart, nbNumber);
    expect(chart.title).toBe(`Dager fra steget åpnet til det ble fullført, ${year} mot ${year - 1}`);
    expect(chart.columns).toEqual(['Steg', `Median ${year}`, `90-persentil ${year}`, `Median ${year - 1}`, `90-persentil ${year - 1}`]);
    expect(chart.rows).toEqual([
      { label: 'Politiattest', cells: ['3', '3', '–', '–'] },
      { label: 'Taushetserklæring', cells: ['2', '8,4', '5', '5,8'] },
      { label: 'Introduksjonskurs', cells: ['5', '5', '–', '–'] },
      { label: 'Første samtale', cells: ['7', '7', '–', '–'] },
    ]);
    const own = readChart((await contact.get('/overview').query({ lang: 'nb' }).expect(200)).text, 'step-days');
    expect(own.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Taushetserklæring', '1,5', '1,9', '4', '4'],
      ['Introduksjonskurs', '–', '–', '–', '–'],
      ['Første samtale', '–', '–', '–', '–'],
    ]);
  });

  it('counts new, active and ended volunteers in each of the last 12 months', async () => {
    const [thisYear, thisMonth] = osloToday().split('-').map(Number) as [number, number];
    /** The middle of the month `k` months ago. */
    const monthsAgo = (k: number) => new Date(Date.UTC(thisYear, thisMonth - 1 - k, 15, 12));
    const activated = (at: Date): StepFixture[] => [{ step: 'firstConversation', state: 'done', days: 3, at }];
    await insert([
      { unit: MINE, phase: 'active', createdAt: monthsAgo(3), steps: activated(monthsAgo(2)) },
      { unit: MINE, phase: 'ended', createdAt: monthsAgo(5), closedAt: monthsAgo(1), steps: activated(monthsAgo(4)) },
      { unit: MINE, phase: 'withdrawn', createdAt: monthsAgo(2), closedAt: monthsAgo(2), steps: [] },
      { unit: OTHER, phase: 'active', steps: activated(LONG_AGO) },
      { unit: OTHER, phase: 'ended', closedAt: monthsAgo(13), steps: activated(LONG_AGO) },
      { unit: OTHER, phase: 'ended', closedAt: new Date(), steps: activated(LONG_AGO) },
    ]);
    const chart = readChart((await coordinator.get('/overview').query({ lang: 'nb' }).expect(200)).text, 'months');
    expectBarsMatchTable(chart, nbNumber);
    expect(chart.columns).toEqual(['Måned', 'Nye', 'Aktive ved månedsslutt', 'Avsluttet']);
    const expected = (k: number) => ({
      new: [3, 5, 2].filter((m) => m === k).length,
      active: 1 + (k <= 2 ? 1 : 0) + (k >= 2 && k <= 4 ? 1 : 0) + (k >= 1 ? 1 : 0),
      ended: k === 0 || k === 1 ? 1 : 0,
    });
    const label = (k: number) => formatMonth(monthsAgo(k).toISOString().slice(0, 7), 'nb');
    expect(chart.rows).toEqual(
      Array.from({ length: 12 }, (_, index) => 11 - index).map((k) => ({ label: label(k), cells: Object.values(expected(k)).map(String) })),
    );

    const own = readChart((await contact.get('/overview').query({ lang: 'nb' }).expect(200)).text, 'months');
    expect(own.rows.map((r) => r.cells[1])).toEqual(['0', '0', '0', '0', '0', '0', '0', '1', '1', '2', '1', '1']);
  });
});
