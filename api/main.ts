import { once } from 'node:events';
import { loadConfig } from '../infra/config.ts';
import { runMain } from '../infra/run-main.ts';
import { startApi } from './server.ts';

/** The API process: listens until SIGINT/SIGTERM, then closes its connections. */
await runMain('api', async (log) => {
  const api = await startApi(loadConfig(), log);
  log(`listening on ${api.url}`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await api.stop();
});
