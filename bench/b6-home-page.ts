import { contactToday, coordinatorToday } from '../api/today/queries.ts';
import { createStaffUser, issueApiToken } from '../infra/auth/staff-accounts.ts';
import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Engine } from './engine.ts';
import { call } from './http.ts';
import { refreshStatistics, seedVolunteers } from './seed.ts';
import { percentiles, since, type Percentiles } from './stats.ts';
import { benchPrincipal, startSystem } from './system.ts';

export interface HomePageLatency {
  dialect: Dialect;
  volunteers: number;
  role: 'coordinator' | 'contact';
  api: Percentiles;
  database: Percentiles;
}


/**
 * B6: «I dag» (`GET /`) for the coordinator and for a contact of one unit, with the seeded
 * volunteers (a fifth of their open steps overdue), against the same page's queries run straight on
 * the database: the page's share beyond them is rendering, authentication and HTTP.
 */
export async function measureHomePage(
  engine: Engine,
  dialect: Dialect,
  policy: Policy,
  { volunteers, samples }: { volunteers: number; samples: number },
  log: (line: string) => void,
): Promise<HomePageLatency[]> {
  const system = await startSystem(engine, dialect, { policy, worker: false });
  try {
    const started = performance.now();
    await seedVolunteers(system.db.orm, policy, 0, volunteers);
    await refreshStatistics(system.db.orm, dialect);
    log(`  ${dialect}: ${volunteers} volunteers seeded in ${(since(started) / 1000).toFixed(1)} s`);
    const unit = policy.serviceUnits[0]!.id;
    const em = system.db.orm.em.fork();
    const { user } = await createStaffUser(em, { email: 'kontakt@bench.no', name: 'Bench Kontakt', role: 'contact', serviceUnitIds: [unit], password: null });
    const { token } = await issueApiToken(em, user.id, 'bench');
    const roles = [
      { role: 'coordinator' as const, headers: system.api.headers, query: () => coordinatorToday(system.db.orm.em.fork(), policy, benchPrincipal('coordinator')) },
      { role: 'contact' as const, headers: { authorization: `Bearer ${token}` }, query: () => contactToday(system.db.orm.em.fork(), policy, benchPrincipal('contact', [unit])) },
    ];
    const results: HomePageLatency[] = [];
    for (const { role, headers, query } of roles) {
      const api: number[] = [];
      const database: number[] = [];
      for (let i = -5; i < samples; i++) {
        let start = performance.now();
        const answer = await call(`${system.api.url}/`, { headers });
        if (answer.status !== 200 || !answer.text.includes('<h1>I dag</h1>')) throw new Error(`the home page answered ${answer.status}: ${answer.text.slice(0, 200)}`);
        if (i >= 0) api.push(since(start));
        start = performance.now();
        await query();
        if (i >= 0) database.push(since(start));
      }
      results.push({ dialect, volunteers, role, api: percentiles(api), database: percentiles(database) });
      log(`  ${role}: p95 page ${results.at(-1)!.api.p95} ms, queries ${results.at(-1)!.database.p95} ms`);
    }
    if (system.apiErrors.length) throw new Error(`the API logged errors:\n${system.apiErrors.join('\n')}`);
    return results;
  } finally {
    await system.stop();
  }
}
