import { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../config.ts';
import { ormOptions } from './orm.ts';

/** `npm run db:migrate` applies pending migrations; `db:migration:create` writes one for the current dialect. */
const config = loadConfig();
const orm = await MikroORM.init(await ormOptions(config.databaseUrl));
try {
  if (process.argv[2] === 'create') {
    const result = await orm.migrator.create(undefined, false, process.argv[3] === '--initial');
    console.log(result.fileName ? `Created ${result.fileName}` : 'No schema changes to migrate.');
  } else {
    const applied = await orm.migrator.up();
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date.');
  }
} finally {
  await orm.close();
}
