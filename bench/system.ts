import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Principal } from '../api/auth/principal.ts';
import { createApp } from '../api/http/app.ts';
import type { TemporalDeps } from '../api/http/temporal-calls.ts';
import { createStaffUser, issueApiToken } from '../infra/auth/staff-accounts.ts';
import type { Dialect } from '../infra/db/orm.ts';
import { createLinkSigner } from '../infra/links/signed-links.ts';
import { createSmtpMailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { throwawayDatabase, type ThrowawayDatabase } from '../test/support/databases.ts';
import { createWorker } from '../worker/worker.ts';
import type { Engine } from './engine.ts';
import { startBenchSink, type BenchSink } from './smtp-sink.ts';

export const PUBLIC_URL = 'http://samspill.bench';
export const LINK_SECRET = 'bench-link-secret-that-is-long-enough-0123456789';

/** One Samspill under measurement: a throwaway database, an SMTP sink, a task queue, and the parts a figure asks for. */
export interface System {
  dialect: Dialect;
  db: ThrowawayDatabase;
  sink: BenchSink;
  policy: Policy;
  temporal: TemporalDeps;
  /** The API listening on a free port, and the headers of a coordinator's API token. */
  api: { url: string; headers: Record<string, string> };
  /** Unexpected errors the API logged; a figure measured with errors is not reported. */
  apiErrors: string[];
  stop(): Promise<void>;
}

interface SystemOptions {
  policy: Policy;
  /** An in-process worker (createWorker) on the system's task queue; B4 runs its own process instead. */
  worker: boolean;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Who a query run straight on the database acts for, as the API's token would make them. */
export function benchPrincipal(role: 'coordinator' | 'contact', serviceUnitIds: string[] = []): Principal {
  return { userId: `bench-${role}`, name: 'Bench', email: `${role}@bench.no`, role, serviceUnitIds, certificateOfficer: false, language: 'nb', via: 'token', csrfToken: null };
}

export async function startSystem(engine: Engine, dialect: Dialect, { policy, worker }: SystemOptions): Promise<System> {
  const db = await throwawayDatabase(dialect);
  const sink = await startBenchSink();
  const links = createLinkSigner(Buffer.from(LINK_SECRET));
  const temporal: TemporalDeps = { client: engine.client, taskQueue: `bench-${randomUUID()}`, callTimeoutMs: 10_000 };
  const apiErrors: string[] = [];
  const app = createApp({ orm: db.orm, policy, temporal, links, bodyLimit: '100kb', log: (line) => apiErrors.push(line), auth: { secureCookies: false } });
  const server = app.listen(0, '127.0.0.1');
  const url = await listen(server);

  const em = db.orm.em.fork();
  const { user } = await createStaffUser(em, { email: 'koordinator@bench.no', name: 'Bench Koordinator', role: 'coordinator', serviceUnitIds: [], password: null });
  const { token } = await issueApiToken(em, user.id, 'bench');

  let running: { worker: Worker; done: Promise<void>; connection: NativeConnection; close(): void } | undefined;
  if (worker) {
    const connection = await NativeConnection.connect({ address: engine.address });
    const mailer = createSmtpMailer({ url: sink.url, from: 'Samspill <samspill@bench>' });
    const created = await createWorker({
      connection,
      namespace: 'default',
      taskQueue: temporal.taskQueue,
      workflowBundle: { codePath: engine.bundlePath },
      orm: db.orm,
      mailer,
      policy,
      publicUrl: PUBLIC_URL,
      links,
      linkValidForMs: 86_400_000,
    });
    running = { worker: created, done: created.run(), connection, close: () => mailer.close() };
  }

  return {
    dialect,
    db,
    sink,
    policy,
    temporal,
    api: { url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
    apiErrors,
    async stop() {
      if (running) {
        running.worker.shutdown();
        await running.done;
        await running.connection.close();
        running.close();
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sink.close();
      await db.drop();
    },
  };
}
