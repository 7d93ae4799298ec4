import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { hoursPerUnitPerYear, reportInputs } from '../activities/report-figures.ts';
import { AnnualEvaluation, HoursEntry } from '../infra/db/entities/index.ts';
import { formatNumber as formatLocaleNumber } from '../infra/i18n/format.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { csrfOf, newStaffSession } from './support/staff-session.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';
import { computeReport, fte, type ReportInput } from '../workflows/annual-evaluation/report.ts';
import { median } from '../workflows/shared/statistics.ts';
import { annualReportCsv, annualReportPage } from '../api/evaluation/views/annual-report.ts';
import { formatNumber } from '../api/evaluation/views/report-figures.ts';
import type { EvaluationStatus } from '../workflows/annual-evaluation/definitions.ts';
import { comparedYears, hoursOfYear, yearOverYear } from '../workflows/annual-evaluation/year-over-year.ts';
import type { AnnualReport } from '../workflows/annual-evaluation/report.ts';
import type { Language } from '../infra/i18n/languages.ts';

const units = [
  { id: 'helsehus-og-sykehjem', name: 'Helsehus og sykehjem' },
  { id: 'sidebygningen', name: 'Sidebygningen' },
];
const day = (text: string) => new Date(`${text}T12:00:00Z`);

const input: ReportInput = {
  year: 2024,
  hoursPerFte: 1700,
  units,
  activityTypes: [
    { id: 'vaketjeneste', name: 'Våketjeneste' },
    { id: 'besoksvenn', name: 'Besøksvenn' },
  ],
  hours: [
    { serviceUnitId: 'helsehus-og-sykehjem', activityTypeId: 'vaketjeneste', hours: 11_000 },
    { serviceUnitId: 'helsehus-og-sykehjem', activityTypeId: 'besoksvenn', hours: 905 },
    { serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', hours: 1_640 },
  ],
  volunteers: [
    { createdAt: day('2023-11-01'), activatedAt: day('2023-12-01'), closedAt: null, phase: 'active' },
    { createdAt: day('2024-01-10'), activatedAt: day('2024-01-20'), closedAt: day('2024-09-01'), phase: 'ended' },
    { createdAt: day('2024-03-01'), activatedAt: day('2024-04-01'), closedAt: null, phase: 'active' },
    { createdAt: day('2024-05-01'), activatedAt: null, closedAt: day('2024-05-20'), phase: 'withdrawn' },
    { createdAt: day('2025-01-02'), activatedAt: null, closedAt: null, phase: 'onboarding' },
  ],
  reviews: [
    { outcome: 'continued', completedAt: day('2024-02-01') },
    { outcome: 'revised', completedAt: day('2024-06-01') },
    { outcome: 'continued', completedAt: day('2023-06-01') },
  ],
  activeAgreements: 3,
  deviations: [{ serviceUnitId: 'sidebygningen' }, { serviceUnitId: 'sidebygningen' }],
  responses: [{ kind: 'organisationContact', evaluation: 'Godt samarbeid', feedback: 'Beboerne setter pris på besøkene', hoursConfirmed: true }],
  asked: 4,
  meetings: { network: { held: 3, perYear: 4 }, dialogue: { held: 2, perYear: 2 }, courseSessions: 5 },
};

/** The two years before: 2022 made before meetings were counted (no `meetings`), 2023 with one unit fewer. */
const earlier: AnnualReport[] = [
  (({ meetings: _meetings, ...report }) => report)(computeReport({ ...input, year: 2022, hours: [{ serviceUnitId: 'sidebygningen', activityTypeId: '', hours: 1_310 }] })),
  computeReport({ ...input, year: 2023, hours: [{ serviceUnitId: 'helsehus-og-sykehjem', activityTypeId: '', hours: 11_230 }] }),
];

type Evaluation = { status: EvaluationStatus; caseNumber: string | null; sentOn: string | null };

/** The report's page beside the two years before it, as `/reports/:year` shows it. */
function reportPage(report: AnnualReport, evaluation: Evaluation, language: Language): string {
  return annualReportPage(report, { ...evaluation, municipalityName: 'Tønsberg kommune', overYears: yearOverYear([...earlier, report]) }, language);
}

describe('the annual report', () => {
  it('converts hours to årsverk as in Tønsberg’s 2024 table (1 700 hours per årsverk)', () => {
    expect(fte(11_905, 1700)).toBe(7);
    expect(fte(1_640, 1700)).toBe(0.96);
    const report = computeReport(input);
    expect(report.hoursByUnit).toEqual([
      { id: 'helsehus-og-sykehjem', name: 'Helsehus og sykehjem', hours: 11_905, fte: 7 },
      { id: 'sidebygningen', name: 'Sidebygningen', hours: 1_640, fte: 0.96 },
    ]);
    expect(report.hoursByActivityType.map((l) => [l.name, l.hours])).toEqual([['Våketjeneste', 11_000], ['Besøksvenn', 2_545]]);
    expect([report.totalHours, report.totalFte]).toEqual([13_545, 7.97]);
  });

  it('counts volunteers, onboarding time, reviews, deviations and answers for the year', () => {
    const report = computeReport(input);
    expect(report.volunteers).toEqual({ active: 3, new: 3, ended: 1 });
    expect(report.medianOnboardingDays).toBe(20.5);
    expect(report.agreements).toEqual({ active: 3, reviewed: { continued: 1, revised: 1, terminated: 0 } });
    expect(report.deviations).toEqual({ total: 2, byUnit: [{ id: 'sidebygningen', name: 'Sidebygningen', count: 2 }] });
    expect(report.responses).toEqual({ asked: 4, answered: 1, hoursConfirmed: 1 });
    expect(report.meetings).toEqual({ network: { held: 3, perYear: 4 }, dialogue: { held: 2, perYear: 2 }, courseSessions: 5 });
    expect(median([])).toBeNull();
  });

  it('formats numbers the Norwegian way in the Norwegian view, and prints as A4', () => {
    expect(formatNumber(11_905, 'nb')).toBe('11\u00a0905');
    expect(formatNumber(0.96, 'nb', 2)).toBe('0,96');
    expect(formatNumber(11_905, 'en')).toBe('11,905');
    const html = reportPage(computeReport(input), { status: 'approved', caseNumber: null, sentOn: null }, 'nb');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<p class="municipality">Tønsberg kommune</p>');
    // Each unit's hours and årsverk in 2022, 2023 and 2024 side by side; a unit without hours in a year has 0.
    expect(html).toContain('<thead><tr><th scope="col">Virksomhet</th><th scope="col" class="number">2022</th><th scope="col" class="number">2023</th><th scope="col" class="number">2024</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">Helsehus og sykehjem</th><td class="number">0</td><td class="number">11\u00a0230</td><td class="number">11\u00a0905</td></tr>');
    expect(html).toContain('<tr><th scope="row">Sidebygningen</th><td class="number">0,77</td><td class="number">0,00</td><td class="number">0,96</td></tr>');
    expect(html).toContain('<tr><th scope="row">Årsverk i alt</th><td>0,77</td><td>6,61</td><td>7,97</td></tr>');
    expect(html).toContain('<tr><th scope="row">Aktive</th><td class="number">0</td><td class="number">1</td><td class="number">3</td></tr>');
    // The 2022 report was made before meetings were counted: a dash, not a zero.
    expect(html).toContain('<tr><th scope="row">Nettverksmøter for frivilligkontaktene</th><td>–</td><td>3</td><td>3</td></tr>');
    expect(html).toContain('Retningslinjene sier 4 nettverksmøter og 2 dialogmøter i året.');
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/@media print \{[^\n]*\.no-print, a, button \{ display: none; \}[^\n]*table, \.chart, \.table-scroll \{ break-inside: avoid; \}/);
    expect(html).toContain('Godt samarbeid');
    expect(reportPage(computeReport(input), { status: 'sentToPolitics', caseNumber: '2025/77', sentOn: '2025-03-01' }, 'en')).toContain('Case number 2025/77, sent 2025-03-01.');
  });

  it('is written in nynorsk for a nynorsk reader, with the same numbers', () => {
    const html = reportPage(computeReport(input), { status: 'approved', caseNumber: null, sentOn: null }, 'nn');
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<title>Frivilligheit i helse og omsorg – årsrapport 2024 – Samspill</title>');
    expect(html).toContain('<p>Godkjend.</p>');
    expect(html).toContain('<th scope="col">Aktivitet</th><th scope="col" class="number">Frivilligtimar</th><th scope="col" class="number">Årsverk</th>');
    expect(html).toContain('<title id="hours-by-unit-title">Frivilligtimar per eining, 2022–2024</title>');
    expect(html).toContain('<td class="number">11\u00a0905</td>');
    expect(html).toContain('Årsverk er rekna som timar delte på 1\u00a0700 timar per årsverk.');
    expect(html).toContain('<tr><th scope="row">Gjeldande avtalar</th><td>3</td><td>3</td><td>3</td></tr>');
    expect(html).toContain('1 av 4 har svara.');
    expect(html).toContain('<a href="?lang=nb" lang="nb">Les på bokmål</a><a href="?lang=en" lang="en">Read in English</a>');
  });

  it('shows unit, activity and feedback text as text, never as markup', () => {
    const hostile = computeReport({
      ...input,
      units: [{ id: 'helsehus-og-sykehjem', name: '<script>alert(1)</script> & "sykehjem"' }, units[1]!],
      activityTypes: [{ id: 'vaketjeneste', name: 'Våke<script>alert(2)</script>' }, { id: 'besoksvenn', name: 'Besøksvenn' }],
      responses: [{ kind: 'organisationContact', evaluation: '<img src=x onerror=alert(3)>', feedback: 'Bra \'nok\'', hoursConfirmed: true }],
    });
    for (const language of ['nb', 'nn', 'en'] as const) {
      const html = reportPage(hostile, { status: 'sentToPolitics', caseNumber: '<b>2025/77</b>', sentOn: '2025-03-01' }, language);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;sykehjem&quot;</th>');
      expect(html).toContain('<th scope="row">Våke&lt;script&gt;alert(2)&lt;/script&gt;</th>');
      expect(html).toContain('<blockquote><p>&lt;img src=x onerror=alert(3)&gt;</p><p>Bra &#39;nok&#39;</p></blockquote>');
      expect(html).toContain('&lt;b&gt;2025/77&lt;/b&gt;');
    }
  });

  it('exports the hours as CSV for Norwegian spreadsheets', () => {
    const csv = annualReportCsv(computeReport(input));
    expect(csv.startsWith('\uFEFFtype;id;navn;timer;arsverk\r\n')).toBe(true);
    expect(csv).toContain('virksomhet;helsehus-og-sykehjem;"Helsehus og sykehjem";11905,0;7,00\r\n');
    expect(csv).toContain('sum;;;13545,0;7,97\r\n');
  });
});

describe('the rules of comparing years', () => {
  const row = (serviceUnitId: string, hours: number) => ({ serviceUnitId, activityTypeId: '', hours });

  it('counts a year\'s entered hours if it has any, else its imported ones, never both', () => {
    expect(hoursOfYear([row('sidebygningen', 12)], [row('sidebygningen', 1_640), row('aktivitetshusene', 18_992)])).toEqual([row('sidebygningen', 12)]);
    expect(hoursOfYear([], [row('sidebygningen', 1_640)])).toEqual([row('sidebygningen', 1_640)]);
    expect(hoursOfYear([], [])).toEqual([]);
  });

  it('sets each figure of three reports side by side, units ordered by the newest year and 0 where a unit had none', () => {
    expect(comparedYears(2024)).toEqual([2022, 2023, 2024]);
    const yoy = yearOverYear([...earlier, computeReport(input)]);
    expect(yoy.years).toEqual([2022, 2023, 2024]);
    expect(yoy.units).toEqual([
      { id: 'helsehus-og-sykehjem', name: 'Helsehus og sykehjem', hours: [0, 11_230, 11_905], fte: [0, 6.61, 7] },
      { id: 'sidebygningen', name: 'Sidebygningen', hours: [1_310, 0, 1_640], fte: [0.77, 0, 0.96] },
    ]);
    expect([yoy.totalHours, yoy.totalFte]).toEqual([[1_310, 11_230, 13_545], [0.77, 6.61, 7.97]]);
    expect(yoy.volunteers).toEqual({ active: [0, 1, 3], new: [0, 1, 3], ended: [0, 0, 1] });
    expect(yoy.medianOnboardingDays).toEqual([null, 30, 20.5]);
    expect(yoy.agreements).toEqual({ continued: [0, 1, 1], revised: [0, 0, 1], terminated: [0, 0, 0], inForce: [3, 3, 3] });
    expect(yoy.deviations).toEqual([2, 2, 2]);
    expect([yoy.courseSessions, yoy.networkMeetings, yoy.dialogueMeetings]).toEqual([[null, 5, 5], [null, 3, 3], [null, 2, 2]]);
  });
});

/** Tønsberg's 2024 hours per unit (seed 004), and invented ones for the two years before. */
const IMPORTED: Record<number, Record<string, number>> = {
  2022: { aktivitetshusene: 15_210, hjemmetjenestene: 8_120.5, 'helsehus-og-sykehjem': 10_480, 'sterk-og-stodig': 640, sidebygningen: 1_310 },
  2023: { aktivitetshusene: 17_045, hjemmetjenestene: 9_002, 'helsehus-og-sykehjem': 11_230, 'sterk-og-stodig': 905, sidebygningen: 1_512 },
  2024: { aktivitetshusene: 18_992, hjemmetjenestene: 9_816, 'helsehus-og-sykehjem': 11_905, 'sterk-og-stodig': 1_083, sidebygningen: 1_640 },
};
const YEARS = [2022, 2023, 2024];
/** Two units by the name the policy gives them, as a spreadsheet may have them; the rest by ID. */
const BY_NAME: Record<string, string> = { 'sterk-og-stodig': 'Sterk og stødig', sidebygningen: 'Sidebygningen' };

/** As a Norwegian spreadsheet saves it: a byte-order mark, semicolons, CRLF, and hours quoted with a no-break space and a decimal comma. */
const historyFile = '\uFEFFyear;serviceUnitId;hours\r\n' + YEARS.flatMap((year) => Object.entries(IMPORTED[year]!).map(([unit, hours]) => `${year};${BY_NAME[unit] ?? unit};"${formatLocaleNumber(hours, 'nb')}"\r\n`)).join('');

describe.each(DIALECTS)('the report over three years with imported hours on %s', (dialect) => {
  let stack: Stack;
  afterEach(async () => {
    expect(stack.logged).toEqual([]);
    await stack.close();
  });

  const importFile = (agent: Agent, file: string) => agent.post('/api/hours/history').set('Content-Type', 'text/csv').send(file);

  /** The 2024 report. One evaluation per year on the shared dev server, so only one dialect makes it through the workflow; the other stores what it would compute. */
  async function report2024() {
    if (dialect === 'sqlite') {
      await stack.api.post('/api/evaluations').send({ year: 2024 }).expect(202);
      await waitUntil(async () => (await stack.api.get('/api/evaluations/2024')).status === 200);
      await stack.sink.waitFor((m) => m.subject === 'Årlig evaluering av frivilligsamarbeidet 2024', 5);
      await stack.api.post('/api/evaluations/2024/close').send({}).expect(200);
    } else {
      const em = stack.orm.em.fork();
      const [inputs] = await reportInputs(em, stack.policy, [2024], stack.policy.evaluation.hoursPerFte);
      em.create(AnnualEvaluation, { year: 2024, status: 'reportReady', report: computeReport(inputs!) });
      await em.flush();
    }
    return (await stack.api.get('/api/evaluations/2024').expect(200)).body.report as AnnualReport;
  }

  it('imports 2022–2024 once however often the file is sent, refuses a bad file whole, and shows each year\'s hours and årsverk side by side', async () => {
    stack = await startStack(dialect, await compressedPolicy());
    const hoursPerFte = stack.policy.evaluation.hoursPerFte;
    const first = await importFile(stack.api, historyFile).expect(200);
    expect(first.body).toMatchObject({ created: 15, updated: 0, unchanged: 0 });
    const totals = YEARS.map((year) => Object.values(IMPORTED[year]!).reduce((sum, hours) => sum + hours, 0));
    expect(first.body.years).toEqual([2024, 2023, 2022].map((year) => ({ year, hours: totals[year - 2022], fte: fte(totals[year - 2022]!, hoursPerFte) })));
    const listed = (await stack.api.get('/api/hours/history').expect(200)).body;
    expect(listed.items).toHaveLength(15);
    expect(listed.items[0]).toMatchObject({ year: 2024, serviceUnitId: 'aktivitetshusene', activityTypeId: null, hours: 18_992, importedBy: stack.coordinator.actor });

    // Sent again, nothing changes, not even when each row was imported.
    expect((await importFile(stack.api, historyFile).expect(200)).body).toMatchObject({ created: 0, updated: 0, unchanged: 15 });
    expect((await stack.api.get('/api/hours/history').expect(200)).body).toEqual(listed);

    // One bad row and the good ones around it: nothing is stored, and the answer names each row and column.
    const bad = ['year;serviceUnitId;hours', '2024;helsehus-og-sykehjem;99', '2023;Helsehuset;10', `${new Date().getFullYear()};sidebygningen;5`].join('\n');
    const refused = await importFile(stack.api, bad).expect(422);
    const units = stack.policy.serviceUnits.map((u) => u.id);
    expect(refused.body).toMatchObject({
      error: {
        code: 'InvalidHistoricalHours',
        message: 'Nothing was imported: rows 3, 4 have problems; see `fields`.',
        fields: [
          { field: 'rows.3.serviceUnitId', message: `Unknown service unit; give the ID or name of one of these: ${units.join(', ')}.` },
          { field: 'rows.4.year', message: expect.stringContaining(`Only the years 2000–${new Date().getFullYear() - 1} can be imported`) },
        ],
      },
      serviceUnitIds: units,
    });
    expect((await stack.api.get('/api/hours/history').expect(200)).body).toEqual(listed);
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['sidebygningen'] });
    await importFile(contact.api, historyFile).expect(403);

    // The dashboard's form says the same in the reader's language, with the row numbers.
    const { agent } = await newStaffSession(stack, { role: 'coordinator', serviceUnitIds: [] });
    const form = await agent.get('/hours/history').expect(200);
    expect(form.text).toContain('<td class="number">18\u00a0992</td><td class="number">11,17</td>');
    const upload = await agent.post(`/hours/history?_csrf=${encodeURIComponent(csrfOf(form.text))}`).attach('file', Buffer.from(bad), { filename: 'timer.csv', contentType: 'text/csv' }).expect(422);
    expect(upload.text).toContain('Rad 3, serviceUnitId: Ukjent virksomhet; skriv ID-en eller navnet til en av disse: aktivitetshusene,');

    // 2024 has no hours entered in Samspill, so its report counts the imported ones, like the two years before.
    const report = await report2024();
    expect(report.hoursByUnit.map((line) => [line.id, line.hours, line.fte])).toEqual(
      Object.entries(IMPORTED[2024]!).sort(([, a], [, b]) => b - a).map(([unit, hours]) => [unit, hours, fte(hours, hoursPerFte)]),
    );
    expect([report.totalHours, report.totalFte]).toEqual([43_436, 25.55]);
    const page = (await stack.api.get('/reports/2024').expect(200)).text;
    expect(page).toContain(`<p class="municipality">${stack.policy.municipality.name}</p>`);
    const cells = (values: string[]) => values.map((value) => `<td class="number">${value}</td>`).join('');
    for (const { id, name } of stack.policy.serviceUnits) {
      const hours = YEARS.map((year) => IMPORTED[year]![id]!);
      expect(page).toContain(`<tr><th scope="row">${name}</th>${cells(hours.map((h) => formatLocaleNumber(h, 'nb')))}</tr>`);
      expect(page).toContain(`<tr><th scope="row">${name}</th>${cells(hours.map((h) => formatNumber(fte(h, hoursPerFte), 'nb', 2)))}</tr>`);
    }
    expect(page).toContain('<tr><th scope="row">Helsehus og sykehjem</th><td class="number">6,16</td><td class="number">6,61</td><td class="number">7,00</td></tr>');
    expect(page).toContain('<tr><th scope="row">Frivilligtimer i alt</th><td>35\u00a0760,5</td><td>39\u00a0694</td><td>43\u00a0436</td></tr>');
    expect(page).toContain('<tr><th scope="row">Årsverk i alt</th><td>21,04</td><td>23,35</td><td>25,55</td></tr>');

    // Once a year has approved hours in Samspill, those count and its imported ones no longer do.
    const em = stack.orm.em.fork();
    em.create(HoursEntry, { volunteerId: randomUUID(), serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', month: '2023-05', hours: 12.5, status: 'approved', source: 'contact', enteredBy: 'test' });
    em.create(HoursEntry, { volunteerId: randomUUID(), serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', month: '2023-06', hours: 4, status: 'pending', source: 'volunteer', enteredBy: 'test' });
    await em.flush();
    const perUnit = await hoursPerUnitPerYear(stack.orm.em.fork(), [2023, 2022]);
    expect(perUnit.map((y) => y.year)).toEqual([2022, 2023]);
    expect(perUnit[0]!.units).toEqual(expect.arrayContaining([{ serviceUnitId: 'hjemmetjenestene', hours: 8_120.5 }]));
    expect(perUnit[1]!.units).toEqual([{ serviceUnitId: 'sidebygningen', hours: 12.5 }]);
  }, 60_000);
});
