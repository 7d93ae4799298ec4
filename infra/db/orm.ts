import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from './entities/index.ts';

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgresql';
}

/** Migrations differ per SQL dialect, so each has its own checked-in folder. */
export function migrationsPath(dialect: Dialect): string {
  return fileURLToPath(new URL(`../../migrations/${dialect}`, import.meta.url));
}

/** One configuration for both databases: a SQLite file by default, PostgreSQL for `postgres://` URLs. */
export async function ormOptions(databaseUrl: string): Promise<Partial<Options>> {
  const dialect = dialectOf(databaseUrl);
  const common = {
    entities,
    extensions: [Migrator],
    migrations: { path: migrationsPath(dialect), emit: 'ts' as const, snapshot: false, transactional: true, silent: true },
    debug: false,
    allowGlobalContext: false,
  };
  if (dialect === 'sqlite') {
    const { SqliteDriver } = await import('@mikro-orm/sqlite');
    const file = databaseUrl.slice('sqlite:'.length);
    await mkdir(dirname(file), { recursive: true });
    return { ...common, driver: SqliteDriver, dbName: file };
  }
  const { PostgreSqlDriver } = await import('@mikro-orm/postgresql');
  return { ...common, driver: PostgreSqlDriver, clientUrl: databaseUrl };
}

/** Opens the database and brings its schema up to date with the checked-in migrations. */
export async function openDatabase(databaseUrl: string): Promise<MikroORM> {
  const orm = await MikroORM.init(await ormOptions(databaseUrl));
  await orm.migrator.up();
  return orm;
}
