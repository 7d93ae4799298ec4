import type { MikroORM } from '@mikro-orm/core';
import type { Server } from 'node:http';
import type { Config } from '../../infra/config.ts';
import { openDatabase } from '../../infra/db/orm.ts';
import { loadPolicy, type Policy } from '../../infra/policy/policy.ts';
import { createLinkSigner, loadLinkSecret, type LinkSigner } from '../../infra/links/signed-links.ts';
import type { Logger } from '../../infra/logging.ts';
import { createTemporalClient } from '../../infra/temporal/connection.ts';
import { createApp } from './app.ts';
import { keepTrying, sweepPendingLifecycles } from '../volunteers/pending-lifecycles.ts';
import { ensureSchedules } from '../../infra/temporal/schedules.ts';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Wires the API's real dependencies and listens; used by api/http/main.ts and by `npm start`. */
export async function startApi(
  config: Config,
  logger: Logger,
  shared: { policy?: Policy; orm?: MikroORM; links?: LinkSigner } = {},
): Promise<RunningApi> {
  const loadedPolicy = shared.policy ?? (await loadPolicy(config.policyFile));
  const orm = shared.orm ?? (await openDatabase(config.databaseUrl));
  const links = shared.links ?? createLinkSigner(await loadLinkSecret(config.links.secret, config.links.secretFile));
  const client = await createTemporalClient(config.temporal);
  const temporal = { client, taskQueue: config.temporal.taskQueue, callTimeoutMs: config.temporal.callTimeoutMs };
  const auth = { secureCookies: config.api.publicUrl.startsWith('https:'), oidc: config.oidc };
  const log = (line: string) => logger.error(line);
  const app = createApp({ orm, policy: loadedPolicy, temporal, links, bodyLimit: config.api.bodyLimit, publicUrl: config.api.publicUrl, log, logger, metricsToken: config.metrics.token, auth });
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands listen errors (a port in use) to this callback.
    const listening = app.listen(config.api.port, config.api.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const note = (line: string) => logger.info(line);
  const stopSweep = sweepPendingLifecycles({ orm, policy: loadedPolicy, temporal }, 30_000, note);
  const stopScheduling = keepTrying(() => ensureSchedules(client, loadedPolicy, config.temporal.taskQueue), 30_000, note, 'schedules registered (annual evaluation, meeting count)');
  return {
    url: config.api.publicUrl,
    async stop() {
      stopSweep();
      stopScheduling();
      await new Promise((resolve) => server.close(resolve));
      await client.connection.close();
      if (!shared.orm) await orm.close();
    },
  };
}
