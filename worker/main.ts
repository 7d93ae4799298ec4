import { createLinkSigner, loadLinkSecret } from '../infra/links/signed-links.ts';
import { openDatabase } from '../infra/db/orm.ts';
import { createSmtpMailer } from '../infra/mail/mailer.ts';
import { loadPolicy } from '../infra/policy/policy.ts';
import { connectWorker } from '../infra/temporal/connection.ts';
import { runService } from '../infra/run-main.ts';
import { installWorkerRuntime } from './telemetry.ts';
import { createWorker } from './worker.ts';

/** The worker process: real database, SMTP and Temporal; stops cleanly on SIGINT/SIGTERM. Logs JSON unless LOG_FORMAT=pretty. */
await runService('worker', 'json', async (config, logger) => {
  installWorkerRuntime(logger, config.metrics.workerBindAddress);
  const policy = await loadPolicy(config.policyFile);
  const orm = await openDatabase(config.databaseUrl);
  const mailer = createSmtpMailer(config.smtp);
  const connection = await connectWorker(config.temporal, (line) => logger.info(line));
  const bundlePath = config.temporal.workflowBundlePath;
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle: bundlePath ? { codePath: bundlePath } : undefined,
    orm,
    mailer,
    policy,
    publicUrl: config.api.publicUrl,
    links: createLinkSigner(await loadLinkSecret(config.links.secret, config.links.secretFile)),
    linkValidForMs: config.links.validForMs,
    logger,
  });
  logger.info(`polling task queue "${config.temporal.taskQueue}" on ${config.temporal.namespace}`);
  // The Temporal runtime turns SIGINT/SIGTERM into a graceful shutdown, after which run() resolves.
  await worker.run();
  await connection.close();
  mailer.close();
  await orm.close();
});
