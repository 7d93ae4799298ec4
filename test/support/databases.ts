import type { MikroORM } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Dialect } from '../../infra/db/orm.ts';
import { testEnv } from './test-env.ts';

/** Every test that touches the database runs against both. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgresql'];

export interface ThrowawayDatabase {
  url: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of its own, migrated like production, removed afterwards. */
export async function throwawayDatabase(dialect: Dialect): Promise<ThrowawayDatabase> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'samspill-db-'));
    const url = `sqlite:${join(dir, 'samspill.db')}`;
    const orm = await openDatabase(url);
    return { url, orm, drop: async () => { await orm.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const name = `samspill_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testEnv.postgresAdminUrl);
  url.pathname = `/${name}`;
  const orm = await openDatabase(url.toString());
  return {
    url: url.toString(),
    orm,
    drop: async () => {
      await orm.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
