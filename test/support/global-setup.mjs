// Plain ESM so that jest loads it natively: its transformer would turn this file, and the
// TypeScript modules it imports, into CommonJS. Node 24 strips the types of those imports itself.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureTemporalCli } from '../../infra/temporal/cli.ts';
import { writeWorkflowBundle } from '../../infra/temporal/workflow-bundle.ts';
import { testEnv } from './test-env.ts';

/** One Temporal dev server and one workflow bundle for the whole run; PostgreSQL must answer too. */
export default async function globalSetup() {
  const cli = await ensureTemporalCli(process.env.TEMPORAL_CLI_PATH, (line) => console.log(line));
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: cli, log: { format: 'json', level: 'error' } },
  });
  globalThis.temporalTestEnv = env;
  process.env.SAMSPILL_TEST_TEMPORAL_ADDRESS = env.address;

  const bundlePath = join(await mkdtemp(join(tmpdir(), 'samspill-bundle-')), 'workflows.js');
  await writeWorkflowBundle(bundlePath);
  process.env.SAMSPILL_TEST_WORKFLOW_BUNDLE = bundlePath;

  const postgres = new pg.Client({ connectionString: testEnv.postgresAdminUrl });
  try {
    await postgres.connect();
  } catch (error) {
    throw new Error(`The tests need PostgreSQL at ${testEnv.postgresAdminUrl} (set SAMSPILL_TEST_POSTGRES_URL): ${error}`);
  } finally {
    await postgres.end().catch(() => undefined);
  }
}
