import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { testEnv } from '../test/support/test-env.ts';

/** Clock ticks per second of /proc's CPU times; 100 on every Linux the bench runs on. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export const canMeasureCpu = existsSync('/proc/self/stat');

/** User and system CPU milliseconds a process (all its threads) has used; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The dev server's process, found by the port it listens on. */
export function temporalServerPid(address: string): number | undefined {
  const port = address.split(':').at(-1);
  const processes = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const line = processes.find((p) => p.includes('server start-dev') && p.includes(`--port ${port}`));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/** The PostgreSQL backends serving one database: other databases on the server belong to other work. */
export async function postgresBackendPids(database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

export type CpuParts = Record<string, () => Promise<number[]>>;

/**
 * CPU milliseconds each part of the system used while `measure` ran, so a ratio of rates can be
 * read as where the machine's time went. Processes that started meanwhile count from zero, ones
 * that ended are left out.
 */
export async function cpuDuring<T>(parts: CpuParts, measure: () => Promise<T>): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const pidsBefore = Object.fromEntries(await Promise.all(Object.entries(parts).map(async ([name, pids]) => [name, await pids()] as const)));
  const before = new Map(Object.values(pidsBefore).flat().map((pid) => [pid, cpuMsOf(pid)]));
  const result = await measure();
  const cpuMs: Record<string, number> = {};
  for (const [name, pids] of Object.entries(parts)) {
    const now = [...new Set([...pidsBefore[name]!, ...(await pids())])];
    cpuMs[name] = now.reduce((sum, pid) => {
      const used = cpuMsOf(pid);
      return used ? sum + used - (before.get(pid) ?? 0) : sum;
    }, 0);
  }
  return { result, cpuMs };
}
