import type { RegistrationFigures } from './b1-registrations.ts';
import type { ListLatency } from './b2-status-list.ts';
import type { KickoffFigures } from './b3-kickoff.ts';
import type { MemoryFigures } from './b4-worker-memory.ts';
import type { LagFigures } from './b5-reminder-lag.ts';
import type { HomePageLatency } from './b6-home-page.ts';
import type { CourseMoveFigures } from './b7-course-move.ts';
import type { Machine } from './machine.ts';
import type { Percentiles } from './stats.ts';

export interface Results {
  b1: RegistrationFigures[];
  b2: ListLatency[];
  b3: KickoffFigures[];
  b4: MemoryFigures[];
  b5: LagFigures[];
  b6: HomePageLatency[];
  b7: CourseMoveFigures[];
}

interface Row {
  figure: string;
  setup: string;
  measured: string;
  baseline: string;
  goal: string;
  /** Undefined where the run's sizes are not the goal's (a quick run). */
  met: boolean | undefined;
}

const count = (n: number) => n.toLocaleString('en-US').replaceAll(',', ' ');
const cpu = (parts: Record<string, number>) =>
  Object.entries(parts)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ') || 'not measured';
/** The database's share of a page's time, at the median. */
const share = (database: Percentiles, page: Percentiles) => `${Math.round((100 * database.p50) / page.p50)} %`;
const ms = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} ms`;

/** The p95 each list size must stay under; other sizes (quick runs) have no goal. */
const LIST_GOAL_MS: Record<number, number> = { 10_000: 20, 100_000: 50 };

function rows({ b1, b2, b3, b4, b5, b6, b7 }: Results): Row[] {
  return [
    ...b1.map((r) => ({
      figure: 'B1 registrations/s: API ÷ bare engine',
      setup: `${r.dialect}, ${r.concurrency} concurrent, ${count(r.registered)} registered`,
      measured: `**${r.ratio.toFixed(2)}** (API ${r.apiPerSecond.toFixed(0)}/s; CPU ms each: ${cpu(r.cpuMsPerOperation.api)})`,
      baseline: `workflow.start no-op ${r.barePerSecond.toFixed(0)}/s (CPU ms each: ${cpu(r.cpuMsPerOperation.bare)})`,
      goal: '≥ 0.8',
      met: r.ratio >= 0.8,
    })),
    ...b2.map((r) => {
      const goal = LIST_GOAL_MS[r.volunteers];
      return {
        figure: `B2 list p50/p95/p99, ${r.filter}`,
        setup: `${r.dialect}, ${count(r.volunteers)} volunteers, ${r.api.count} requests`,
        measured: `API ${ms(r.api)}`,
        baseline: `database ${ms(r.database)}`,
        goal: goal ? `p95 ≤ ${goal} ms` : '—',
        met: goal ? r.api.p95 <= goal : undefined,
      };
    }),
    ...b3.map((r) => ({
      figure: 'B3 annual kickoff: wall time, emails',
      setup: `${r.dialect}, ${count(r.agreements)} agreements`,
      measured: `**${r.seconds.toFixed(1)} s**, ${count(r.emails)} emails to ${count(r.distinctRecipients)} recipients`,
      baseline: `${count(r.expected)} expected`,
      goal: '≤ 20 s at 1 000, exact count',
      met: r.emails === r.expected && r.distinctRecipients === r.expected ? (r.agreements === 1_000 ? r.seconds <= 20 : undefined) : false,
    })),
    ...b4.map((r) => {
      const [first, last] = [r.rssMb[0]!, r.rssMb.at(-1)!];
      return {
        figure: 'B4 worker RSS, lifecycles waiting on timers',
        setup: `${r.dialect}, worker/main.ts as its own process`,
        measured: `**${last.rssMb.toFixed(0)} MB** at ${count(last.lifecycles)} (peak ${r.peakMb.toFixed(0)} MB)`,
        baseline: `${first.rssMb.toFixed(0)} MB at ${count(first.lifecycles)}`,
        goal: '≤ 300 MB at 10 000',
        met: last.lifecycles === 10_000 ? last.rssMb <= 300 : undefined,
      };
    }),
    ...b5.map((r) => ({
      figure: 'B5 reminder lag p50/p95/p99: due → in the SMTP sink',
      setup: `${r.dialect}, ${count(r.volunteers)} lifecycles started at ${r.perSecond}/s, ${count(r.lag.count)} rungs`,
      measured: `**${ms(r.lag)}**`,
      baseline: 'timer due time',
      goal: 'p95 ≤ 1 000 ms',
      met: r.lag.p95 <= 1_000,
    })),
    ...b6.map((r) => ({
      figure: `B6 «I dag» p50/p95/p99, ${r.role}`,
      setup: `${r.dialect}, ${count(r.volunteers)} volunteers, ${r.api.count} requests`,
      measured: `page ${ms(r.api)} (queries ${share(r.database, r.api)} of p50)`,
      baseline: `queries ${ms(r.database)}`,
      goal: 'p95 ≤ 100 ms at 100 000',
      met: r.volunteers === 100_000 ? r.api.p95 <= 100 : undefined,
    })),
    ...b7.map((r) => ({
      figure: 'B7 course session moved: request → last new invitation in the SMTP sink',
      setup: `${r.dialect}, ${r.enrolled} enrolled`,
      measured: `**${count(r.ms)} ms** (first after ${count(r.firstMs)} ms), ${r.invitations} invitations, ${r.emails} emails in all`,
      baseline: `move request sent (answered in ${count(r.answeredMs)} ms)`,
      goal: '≤ 5 000 ms at 50, count = 50',
      met: r.invitations === r.enrolled && r.emails === r.enrolled ? (r.enrolled === 50 ? r.ms <= 5_000 : undefined) : false,
    })),
  ];
}

const verdict = (met: boolean | undefined) => (met === undefined ? '—' : met ? 'yes' : '**no**');

export function machineLines(machine: Machine): string[] {
  return [
    `- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGb} GB`,
    `- ${machine.os}; Node ${machine.node}`,
    `- PostgreSQL ${machine.postgresql} (127.0.0.1:5432, a throwaway database per figure); SQLite ${machine.sqlite} (a temporary file per figure)`,
    `- Temporal CLI ${machine.temporalCli} dev server, started by the bench`,
    `- One-minute load average ${machine.load.atStart} at start, at most ${machine.load.highest} between figures (${machine.cores} cores: above ${machine.cores}, other work competed)`,
  ];
}

export function resultsTable(results: Results): string[] {
  return [
    '| Figure | Setup | Measured | Baseline, same run | Goal | Met |',
    '|---|---|---|---|---|---|',
    ...rows(results).map((r) => `| ${r.figure} | ${r.setup} | ${r.measured} | ${r.baseline} | ${r.goal} | ${verdict(r.met)} |`),
  ];
}

/** Where bench/RESULTS.md's hand-written reading of the figures begins; a new run keeps it. */
export const NOTES_HEADING = '## What the figures show';

/** bench/RESULTS.md: the table, the machine, the command and the date, how each figure is measured, and the notes kept from before. */
export function resultsDocument(
  results: Results,
  machine: Machine,
  { command, date, minutes, previous }: { command: string; date: string; minutes: number; previous: string },
): string {
  const notes = previous.includes(NOTES_HEADING) ? previous.slice(previous.indexOf(NOTES_HEADING)) : '';
  return [
    '# Samspill benchmark results',
    '',
    `Measured ${date} with \`${command}\` (${minutes.toFixed(0)} minutes), on:`,
    '',
    ...machineLines(machine),
    '',
    ...resultsTable(results),
    '',
    '## How each figure is measured',
    '',
    'Everything runs for real in one process tree: a Temporal dev server of the bench\'s own, the API',
    '(`createApp`, listening on a free port, authenticated with a coordinator\'s API token), a worker',
    '(`createWorker`), an SMTP server (`smtp-server`) and a fresh database per figure. Each figure is',
    'set beside a baseline measured in the same run, so the ratio holds even where the machine is busy.',
    '',
    '- **B1** alternates rounds of `POST /api/volunteers` and of `client.workflow.start` of a no-op',
    '  workflow on the same worker and task queue, with the same concurrency; between rounds the worker',
    '  sends the welcome emails the registrations left it, so neither side inherits a backlog. The',
    '  worker runs as deployed: in the API\'s process on SQLite (`npm start`), as `worker/main.ts` in a',
    '  process of its own on PostgreSQL (docker-compose). CPU per operation is read from /proc for this',
    '  process, the worker, the Temporal server and the database\'s PostgreSQL backends.',
    '- **B2** seeds volunteers with their steps straight into the projection, then alternates',
    '  `GET /api/volunteers?limit=50[&filter]` with the same `listVolunteers` query run on the database',
    '  (no HTTP, authentication or JSON), one request at a time, after an `analyze` such as autovacuum',
    '  runs after a bulk load.',
    '- **B3** seeds agreements in force, each with an organisation of its own and one of 50 municipal',
    '  contacts, starts the evaluation through `POST /api/evaluations`, and times until every kickoff',
    '  email is in the sink; it then watches five more seconds for duplicates.',
    '- **B4** runs `worker/main.ts` as its own process, starts lifecycles under the shipped policy',
    '  (every first reminder days away), and reads its resident memory once every welcome email is in',
    '  and the worker has been idle; it grows with the workflow cache, not with the count.',
    '- **B5** starts lifecycles at a steady rate under a policy whose confidentiality ladder is 4 s,',
    '  8 s and 12 s, and measures each rung from its due time (the step\'s opening plus the delay) to',
    '  its email in the sink, found by the Message-ID the outbox derives from the rung\'s key.',
    '- **B6** seeds 100 000 volunteers as B2 does (a fifth of the open steps overdue, spread over 40',
    '  contacts), then alternates `GET /` («I dag») for the coordinator, and then for a contact of one',
    '  unit, with the same page\'s queries (`coordinatorToday`, `contactToday`) run on the database.',
    '- **B7** starts lifecycles of visiting friends (who need the introduction course), plans a',
    '  session a month away through `POST /api/courses`, enrols them ten to a',
    '  `POST /api/courses/:id/enrolments` and waits for their invitations. It then sends',
    '  `POST /api/courses/:id/move` and times until the last new invitation, found by its Message-ID,',
    '  is in the sink; it then watches five more seconds and counts every email that came after the move.',
    '',
    notes,
  ].join('\n');
}
