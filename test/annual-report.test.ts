import { describe, expect, it } from '@jest/globals';
import { computeReport, fte, median, type ReportInput } from '../workflows/annual-evaluation/report.ts';
import { annualReportCsv, annualReportPage, formatNumber } from '../api/evaluation/views/annual-report.ts';

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
    const html = annualReportPage(computeReport(input), { status: 'approved', caseNumber: null, sentOn: null }, 'nb');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<td>11\u00a0905,0</td><td>7,00</td>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Godt samarbeid');
    expect(html).toContain('<dt>Nettverksmøter for frivilligkontaktene</dt><dd>3 holdt av 4 i retningslinjene</dd>');
    expect(annualReportPage(computeReport(input), { status: 'sentToPolitics', caseNumber: '2025/77', sentOn: '2025-03-01' }, 'en')).toContain('Case number 2025/77, sent 2025-03-01.');
  });

  it('is written in nynorsk for a nynorsk reader, with the same numbers', () => {
    const html = annualReportPage(computeReport(input), { status: 'approved', caseNumber: null, sentOn: null }, 'nn');
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<title>Frivilligheit i helse og omsorg – årsrapport 2024 – Samspill</title>');
    expect(html).toContain('<p>Godkjend.</p>');
    expect(html).toContain('<th scope="col">Eining</th><th scope="col">Frivilligtimar</th><th scope="col">Årsverk</th>');
    expect(html).toContain('<td>11\u00a0905,0</td><td>7,00</td>');
    expect(html).toContain('Årsverk er rekna som timar delte på 1\u00a0700 timar per årsverk.');
    expect(html).toContain('<dt>Gjeldande avtalar</dt>');
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
      const html = annualReportPage(hostile, { status: 'sentToPolitics', caseNumber: '<b>2025/77</b>', sentOn: '2025-03-01' }, language);
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
