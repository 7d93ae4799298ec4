import { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliSource } from './cli.ts';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * Runs `temporal server start-dev` with its state in a SQLite file under the data directory,
 * so a restart finds every workflow where it was.
 */
export async function startDevServer(options: {
  cli: CliSource;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
}): Promise<DevServer> {
  await mkdir(options.dataDir, { recursive: true });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: options.cli,
      dbFilename: join(options.dataDir, 'temporal.sqlite'),
      port: options.port,
      ui: true,
      uiPort: options.uiPort,
      namespace: options.namespace,
      log: { format: 'pretty', level: 'error' },
    },
  });
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: `http://localhost:${options.uiPort}`,
    stop: () => env.teardown(),
  };
}
