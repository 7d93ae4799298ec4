import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { canMeasureCpu, cpuDuring, postgresBackendPids, temporalServerPid, type CpuParts } from './cpu.ts';
import type { Engine } from './engine.ts';
import { call } from './http.ts';
import { runFor } from './stats.ts';
import { startSystem, type System } from './system.ts';
import { startWorkerProcess } from './worker-process.ts';

export interface RegistrationFigures {
  dialect: Dialect;
  concurrency: number;
  apiPerSecond: number;
  barePerSecond: number;
  ratio: number;
  registered: number;
  /** CPU milliseconds per registration and per no-op start, by process; empty where /proc is missing. */
  cpuMsPerOperation: { api: Record<string, number>; bare: Record<string, number> };
}

interface Options {
  rounds: number;
  roundMs: number;
  concurrency: number;
}

/** The processes a registration runs through: this one (the API and the load), the worker, Temporal, and the database's backends. */
function cpuParts(engine: Engine, system: System, workerPid: number | undefined): CpuParts {
  const temporal = temporalServerPid(engine.address);
  const parts: CpuParts = workerPid
    ? { 'API + load': () => Promise.resolve([process.pid]), worker: () => Promise.resolve([workerPid]) }
    : { 'API + worker + load': () => Promise.resolve([process.pid]) };
  parts.Temporal = () => Promise.resolve(temporal ? [temporal] : []);
  if (system.dialect === 'postgresql') parts.PostgreSQL = () => postgresBackendPids(new URL(system.db.url).pathname.slice(1));
  return parts;
}

/**
 * B1: registrations per second through the API against `workflow.start` of a no-op workflow on
 * the same server, worker and task queue. The two alternate in rounds, so a neighbour's load on
 * the machine falls on both alike; after each round the worker finishes what it was left (the
 * welcome emails; the no-op runs), outside the rate but inside the CPU accounting. The worker runs
 * as deployed: in the API's process on SQLite (`npm start`; SQLite has one writer), as a process
 * of its own on PostgreSQL (docker-compose).
 */
export async function measureRegistrations(engine: Engine, dialect: Dialect, policy: Policy, options: Options, log: (line: string) => void): Promise<RegistrationFigures> {
  const inProcess = dialect === 'sqlite';
  const system = await startSystem(engine, dialect, { policy, worker: inProcess });
  const worker = inProcess ? undefined : await startWorkerProcess(engine, system);
  try {
    const units = policy.serviceUnits.map((u) => u.id);
    let registered = 0;
    const register = async () => {
      const answer = await call(`${system.api.url}/api/volunteers`, {
        method: 'POST',
        headers: { ...system.api.headers, 'idempotency-key': randomUUID() },
        body: {
          name: 'Kari Nordmann',
          email: `kari.${randomUUID().slice(0, 8)}@example.no`,
          serviceUnitId: units[registered++ % units.length],
          activityTypeId: 'besoksvenn',
          birthYear: 1985,
        },
      });
      if (answer.status !== 201) throw new Error(`registration answered ${answer.status}: ${answer.text}`);
    };
    let lastNoop: WorkflowHandle | undefined;
    const startNoop = async () => {
      lastNoop = await system.temporal.client.workflow.start('benchNoop', { taskQueue: system.temporal.taskQueue, workflowId: `bench-noop-${randomUUID()}` });
    };
    const parts = canMeasureCpu ? cpuParts(engine, system, worker?.pid) : {};

    // Outside the measurement: connections, prepared code paths and the worker warm up.
    await runFor(1_000, options.concurrency, register);
    await runFor(1_000, options.concurrency, startNoop);
    await system.sink.waitForQuiet(1_000, 300_000);

    const totals = { api: { completed: 0, seconds: 0, cpuMs: {} as Record<string, number> }, bare: { completed: 0, seconds: 0, cpuMs: {} as Record<string, number> } };
    const add = (total: (typeof totals)['api'], { result, cpuMs }: { result: { completed: number; seconds: number }; cpuMs: Record<string, number> }) => {
      total.completed += result.completed;
      total.seconds += result.seconds;
      for (const [name, ms] of Object.entries(cpuMs)) total.cpuMs[name] = (total.cpuMs[name] ?? 0) + ms;
      return result.completed / result.seconds;
    };
    for (let round = 1; round <= options.rounds; round++) {
      const bare = await cpuDuring(parts, async () => {
        const run = await runFor(options.roundMs, options.concurrency, startNoop);
        await lastNoop?.result();
        return run;
      });
      const api = await cpuDuring(parts, async () => {
        const run = await runFor(options.roundMs, options.concurrency, register);
        await system.sink.waitForQuiet(1_000, 300_000);
        return run;
      });
      log(`  round ${round}: bare ${add(totals.bare, bare).toFixed(0)}/s, API ${add(totals.api, api).toFixed(0)}/s`);
    }
    if (system.apiErrors.length) throw new Error(`the API logged errors:\n${system.apiErrors.join('\n')}`);
    const perOperation = (total: (typeof totals)['api']) => Object.fromEntries(Object.entries(total.cpuMs).map(([name, ms]) => [name, ms / total.completed]));
    const apiPerSecond = totals.api.completed / totals.api.seconds;
    const barePerSecond = totals.bare.completed / totals.bare.seconds;
    return {
      dialect,
      concurrency: options.concurrency,
      apiPerSecond,
      barePerSecond,
      ratio: apiPerSecond / barePerSecond,
      registered,
      cpuMsPerOperation: { api: perOperation(totals.api), bare: perOperation(totals.bare) },
    };
  } finally {
    await worker?.stop();
    await system.stop();
  }
}
