import { MikroORM } from '@mikro-orm/core';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import pg from 'pg';
import { ormOptions } from '../infra/db/orm.ts';
import { TEMPORAL_CLI_VERSION } from '../infra/temporal/cli.ts';
import { testEnv } from '../test/support/test-env.ts';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  postgresql: string;
  sqlite: string;
  temporalCli: string;
  /** One-minute load average when the bench began and (set at the end) the highest seen between figures: other work on the machine makes absolute figures noisy. */
  load: { atStart: number; highest: number };
}

export const loadNow = () => Math.round(loadavg()[0]! * 10) / 10;

async function osName(): Promise<string> {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1];
  return `${pretty ?? type()} (${type()} ${release()})`;
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

/** The SQLite library MikroORM's driver links, which is not the system's. */
async function sqliteVersion(): Promise<string> {
  const orm = await MikroORM.init(await ormOptions('sqlite::memory:'));
  try {
    const [row] = await orm.em.fork().getConnection().execute('select sqlite_version() as version');
    return String(row.version);
  } finally {
    await orm.close();
  }
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    ramGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: await osName(),
    postgresql: await postgresVersion(),
    sqlite: await sqliteVersion(),
    temporalCli: TEMPORAL_CLI_VERSION,
    load: { atStart: loadNow(), highest: loadNow() },
  };
}
