import { startEvaluation } from '../http/temporal-calls.ts';
import { loadConfig } from '../../infra/config.ts';
import { loadPolicy } from '../../infra/policy/policy.ts';
import { runMain } from '../../infra/run-main.ts';
import { createTemporalClient } from '../../infra/temporal/connection.ts';

/** `npm run evaluation:kickoff -- <year>`: starts the evaluation of a year by hand; a year already evaluated is left as it is. */
await runMain('evaluation', async (log) => {
  const year = Number(process.argv[2]);
  if (!Number.isInteger(year) || year < 2000) throw new Error('Give the year to evaluate, e.g. npm run evaluation:kickoff -- 2025');
  const config = loadConfig();
  const policy = await loadPolicy(config.policyFile);
  const client = await createTemporalClient(config.temporal);
  const temporal = { client, taskQueue: config.temporal.taskQueue, callTimeoutMs: config.temporal.callTimeoutMs };
  const { started } = await startEvaluation(temporal, policy, year);
  log(started ? `Started the evaluation of ${year}.` : `The evaluation of ${year} already exists; nothing was started.`);
  await client.connection.close();
});
