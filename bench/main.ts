import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DIALECTS } from '../test/support/databases.ts';
import { DEFAULT_POLICY_FILE } from '../test/support/policy.ts';
import { loadPolicy } from '../infra/policy/policy.ts';
import { measureRegistrations } from './b1-registrations.ts';
import { measureStatusList } from './b2-status-list.ts';
import { measureKickoff } from './b3-kickoff.ts';
import { measureWorkerMemory } from './b4-worker-memory.ts';
import { measureReminderLag } from './b5-reminder-lag.ts';
import { measureHomePage } from './b6-home-page.ts';
import { measureCourseMove } from './b7-course-move.ts';
import { startEngine } from './engine.ts';
import { describeMachine, loadNow } from './machine.ts';
import { machineLines, resultsDocument, resultsTable, type Results } from './report.ts';

// The worker logs every workflow at INFO; the bench keeps warnings and errors only.
Runtime.install({ logger: new DefaultLogger('WARN') });

const SIZES = {
  full: {
    b1: { rounds: 4, roundMs: 4_000, concurrency: 16 },
    b2: { sizes: [10_000, 100_000], samples: 100 },
    b3: 1_000,
    b4: [1_000, 10_000],
    b5: { perSecond: 2, seconds: 40 },
    b6: { volunteers: 100_000, samples: 100 },
    b7: 50,
  },
  quick: {
    b1: { rounds: 2, roundMs: 2_000, concurrency: 16 },
    b2: { sizes: [10_000], samples: 30 },
    b3: 100,
    b4: [100, 1_000],
    b5: { perSecond: 2, seconds: 8 },
    b6: { volunteers: 10_000, samples: 30 },
    // The goal is for 50 enrolled; fewer would measure something else, and 50 take seconds.
    b7: 50,
  },
};
const FIGURES = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'] as const;

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const sizes = values.quick ? SIZES.quick : SIZES.full;
const only = values.only ? values.only.toUpperCase().split(',') : [...FIGURES];
const runs = (figure: (typeof FIGURES)[number]) => only.includes(figure);

const log = (line: string) => console.log(line);
const began = Date.now();
const machine = await describeMachine();
const engine = await timed('Starting the Temporal dev server and bundling the workflows', () => startEngine(log));
async function step<T>(title: string, measure: () => Promise<T>): Promise<T> {
  const result = await timed(title, measure);
  machine.load.highest = Math.max(machine.load.highest, loadNow());
  return result;
}
async function timed<T>(title: string, measure: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`${title}…`);
  const result = await measure();
  log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

try {
  const policy = await loadPolicy(DEFAULT_POLICY_FILE);
  const results: Results = { b1: [], b2: [], b3: [], b4: [], b5: [], b6: [], b7: [] };
  for (const dialect of DIALECTS) {
    if (runs('B1')) results.b1.push(await step(`B1 registrations on ${dialect}`, () => measureRegistrations(engine, dialect, policy, sizes.b1, log)));
    if (runs('B2')) results.b2.push(...(await step(`B2 status list on ${dialect}`, () => measureStatusList(engine, dialect, policy, sizes.b2, log))));
    if (runs('B3')) results.b3.push(await step(`B3 annual kickoff on ${dialect}`, () => measureKickoff(engine, dialect, policy, sizes.b3, log)));
    if (runs('B5')) results.b5.push(await step(`B5 reminder lag on ${dialect}`, () => measureReminderLag(engine, dialect, sizes.b5, log)));
    if (runs('B6')) results.b6.push(...(await step(`B6 home page on ${dialect}`, () => measureHomePage(engine, dialect, policy, sizes.b6, log))));
    if (runs('B7')) results.b7.push(await step(`B7 course session move on ${dialect}`, () => measureCourseMove(engine, dialect, policy, sizes.b7, log)));
  }
  if (runs('B4')) results.b4.push(await step('B4 worker memory on postgresql', () => measureWorkerMemory(engine, 'postgresql', policy, sizes.b4, log)));

  const minutes = (Date.now() - began) / 60_000;
  console.log(['', ...machineLines(machine), '', ...resultsTable(results), ''].join('\n'));
  if (values.quick || values.only) {
    log(`A ${values.quick ? 'quick' : 'partial'} run (${minutes.toFixed(1)} min): bench/RESULTS.md is left as it was.`);
  } else {
    const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
    const previous = await readFile(file, 'utf8').catch(() => '');
    await writeFile(file, resultsDocument(results, machine, { command: 'npm run bench', date: new Date().toISOString().slice(0, 10), minutes, previous }));
    log(`Wrote ${file} (${minutes.toFixed(1)} min).`);
  }
} finally {
  await engine.close();
}
