import { once } from 'node:events';
import { runService } from '../../infra/run-main.ts';
import { startApi } from './server.ts';

/** The API process: listens until SIGINT/SIGTERM, then closes its connections. Logs JSON unless LOG_FORMAT=pretty. */
await runService('api', 'json', async (config, logger) => {
  const api = await startApi(config, logger);
  logger.info(`listening on ${api.url}`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await api.stop();
});
