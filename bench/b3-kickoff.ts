import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Engine } from './engine.ts';
import { call } from './http.ts';
import { seedAgreements } from './seed.ts';
import { startSystem } from './system.ts';

export interface KickoffFigures {
  dialect: Dialect;
  agreements: number;
  seconds: number;
  /** Until the first email: the recipients are listed before any is sent. */
  firstEmailSeconds: number;
  expected: number;
  emails: number;
  distinctRecipients: number;
}

/** One evaluation per year per Temporal server: each dialect evaluates a year of its own. */
const YEAR: Record<Dialect, number> = { sqlite: 2024, postgresql: 2025 };

/**
 * B3: `POST /api/evaluations` with `agreements` agreements in force, each with an organisation of
 * its own, timed until the last kickoff email is in the SMTP sink. Then the sink is watched a
 * while longer, so a duplicate sent late would still be counted.
 */
export async function measureKickoff(engine: Engine, dialect: Dialect, policy: Policy, agreements: number, log: (line: string) => void): Promise<KickoffFigures> {
  const system = await startSystem(engine, dialect, { policy, worker: true });
  try {
    const expected = await seedAgreements(system.db.orm, policy, agreements, 50);
    const started = performance.now();
    const answer = await call(`${system.api.url}/api/evaluations`, { method: 'POST', headers: system.api.headers, body: { year: YEAR[dialect] } });
    if (answer.status !== 202) throw new Error(`the kickoff answered ${answer.status}: ${answer.text}`);
    await system.sink.waitForCount(1, 600_000);
    const firstEmailSeconds = (performance.now() - started) / 1000;
    await system.sink.waitForCount(expected, 600_000);
    const seconds = (performance.now() - started) / 1000;
    log(`  ${expected} kickoff emails in ${seconds.toFixed(1)} s (the first after ${firstEmailSeconds.toFixed(1)} s); watching for extras`);
    await system.sink.waitForQuiet(5_000, 60_000);
    if (system.apiErrors.length) throw new Error(`the API logged errors:\n${system.apiErrors.join('\n')}`);
    const emails = system.sink.received.length;
    return { dialect, agreements, seconds, firstEmailSeconds, expected, emails, distinctRecipients: new Set(system.sink.received.map((m) => m.to)).size };
  } finally {
    await system.stop();
  }
}
