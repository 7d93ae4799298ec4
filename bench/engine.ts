import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemporalCli } from '../infra/temporal/cli.ts';
import { writeWorkflowBundle } from '../infra/temporal/workflow-bundle.ts';

/** The workflow engine every figure shares: a dev server of the bench's own and the workflows bundled once. */
export interface Engine {
  address: string;
  client: Client;
  bundlePath: string;
  close(): Promise<void>;
}

/** Starts `temporal server start-dev` the way the tests' globalSetup does, with its state in memory. */
export async function startEngine(log: (line: string) => void): Promise<Engine> {
  const cli = await ensureTemporalCli(process.env.TEMPORAL_CLI_PATH, log);
  const server = await TestWorkflowEnvironment.createLocal({ server: { executable: cli, log: { format: 'json', level: 'error' } } });
  const dir = await mkdtemp(join(tmpdir(), 'samspill-bench-'));
  const bundlePath = join(dir, 'workflows.js');
  await writeWorkflowBundle(bundlePath, fileURLToPath(new URL('./workflows.ts', import.meta.url)));
  const connection = await Connection.connect({ address: server.address });
  return {
    address: server.address,
    client: new Client({ connection }),
    bundlePath,
    async close() {
      await connection.close();
      await server.teardown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
