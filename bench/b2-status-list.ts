import { listVolunteers, type VolunteerFilter } from '../api/volunteers/queries.ts';
import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Engine } from './engine.ts';
import { call } from './http.ts';
import { refreshStatistics, seedVolunteers } from './seed.ts';
import { percentiles, since, type Percentiles } from './stats.ts';
import { benchPrincipal, startSystem } from './system.ts';

/** The list's filters, each as the API is asked for it and as the same query is put to the database. */
export const LIST_FILTERS: { name: string; query: string; filter: Partial<VolunteerFilter> }[] = [
  { name: 'no filter', query: '', filter: {} },
  { name: 'serviceUnitId', query: 'serviceUnitId=hjemmetjenestene', filter: { serviceUnitId: 'hjemmetjenestene' } },
  { name: 'phase', query: 'phase=onboarding', filter: { phase: 'onboarding' } },
  { name: 'overdue', query: 'overdue=true', filter: { stepState: 'overdue' } },
  { name: 'step + state', query: 'step=confidentialityDeclaration&state=waiting', filter: { step: 'confidentialityDeclaration', stepState: 'waiting' } },
];

export interface ListLatency {
  dialect: Dialect;
  volunteers: number;
  filter: string;
  api: Percentiles;
  database: Percentiles;
}

const coordinator = benchPrincipal('coordinator');

/**
 * B2: `GET /api/volunteers?limit=50` with and without filters, at each size in `sizes`, against
 * the same `listVolunteers` query run straight on the database (no HTTP, no auth, no JSON). The
 * two alternate request by request, so both see the same load on the machine.
 */
export async function measureStatusList(
  engine: Engine,
  dialect: Dialect,
  policy: Policy,
  { sizes, samples }: { sizes: number[]; samples: number },
  log: (line: string) => void,
): Promise<ListLatency[]> {
  const system = await startSystem(engine, dialect, { policy, worker: false });
  const results: ListLatency[] = [];
  try {
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      await seedVolunteers(system.db.orm, policy, seeded, size - seeded);
      await refreshStatistics(system.db.orm, dialect);
      seeded = size;
      log(`  ${dialect}: ${size} volunteers seeded in ${(since(started) / 1000).toFixed(1)} s`);
      for (const { name, query, filter } of LIST_FILTERS) {
        const api: number[] = [];
        const database: number[] = [];
        for (let i = -5; i < samples; i++) {
          let start = performance.now();
          const answer = await call(`${system.api.url}/api/volunteers?limit=50${query ? `&${query}` : ''}`, { headers: system.api.headers });
          const items = answer.status === 200 ? (JSON.parse(answer.text) as { items: unknown[] }).items.length : 0;
          if (!items) throw new Error(`the list answered ${answer.status} with no volunteers: ${answer.text.slice(0, 200)}`);
          if (i >= 0) api.push(since(start));
          start = performance.now();
          await listVolunteers(system.db.orm.em.fork(), coordinator, { limit: 50, offset: 0, ...filter });
          if (i >= 0) database.push(since(start));
        }
        results.push({ dialect, volunteers: size, filter: name, api: percentiles(api), database: percentiles(database) });
        log(`  ${name}: p95 API ${results.at(-1)!.api.p95} ms, database ${results.at(-1)!.database.p95} ms`);
      }
    }
    if (system.apiErrors.length) throw new Error(`the API logged errors:\n${system.apiErrors.join('\n')}`);
    return results;
  } finally {
    await system.stop();
  }
}
