import { once } from 'node:events';
import { installWorkerRuntime } from './telemetry.ts';
import { createWorker } from './worker.ts';
import { startApi } from '../api/http/server.ts';
import { ensureFirstCoordinator } from '../infra/auth/staff-accounts.ts';
import { openDatabase } from '../infra/db/orm.ts';
import { createLinkSigner, loadLinkSecret } from '../infra/links/signed-links.ts';
import { startMailCatcher } from '../infra/mail/mail-catcher.ts';
import { createSmtpMailer } from '../infra/mail/mailer.ts';
import { loadPolicy } from '../infra/policy/policy.ts';
import { runService } from '../infra/run-main.ts';
import { ensureTemporalCli } from '../infra/temporal/cli.ts';
import { connectWorker } from '../infra/temporal/connection.ts';
import { startDevServer } from '../infra/temporal/dev-server.ts';

/**
 * `npm start`: the whole service in one process on embedded defaults — a Temporal dev server
 * (unless TEMPORAL_ADDRESS is set), a mail catcher (unless SMTP_URL is set), SQLite (unless
 * DATABASE_URL is set), the worker and the API. Ctrl-C stops it all; state stays under data/.
 * Logs are `[service] message` lines unless LOG_FORMAT=json.
 */
await runService('samspill', 'pretty', async (config, logger) => {
  const log = (line: string) => logger.info(line);
  const workerLogger = logger.child({ service: 'worker' });
  // Before the dev server, which would otherwise start the runtime with its defaults.
  installWorkerRuntime(workerLogger, config.metrics.workerBindAddress);
  const policy = await loadPolicy(config.policyFile);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
  };

  try {
    let temporalUi = 'your Temporal cluster’s UI';
    if (!config.temporal.address) {
      const cli = await ensureTemporalCli(config.temporal.cliPath, log);
      log('starting the Temporal dev server…');
      const server = await startDevServer({
        cli,
        dataDir: config.dataDir,
        port: config.temporal.devServerPort,
        uiPort: config.temporal.devServerUiPort,
        namespace: config.temporal.namespace,
      });
      stops.push(() => server.stop());
      temporalUi = server.uiUrl;
    }

    let mailUi = `the mailboxes behind ${config.smtp.url.replace(/\/\/[^@]*@/, '//')}`;
    if (config.smtp.embedded) {
      const catcher = await startMailCatcher({ ...config.mailCatcher, dataDir: config.dataDir });
      stops.push(() => catcher.stop());
      mailUi = catcher.webUrl;
    }

    const orm = await openDatabase(config.databaseUrl);
    stops.push(() => orm.close());
    const links = createLinkSigner(await loadLinkSecret(config.links.secret, config.links.secretFile));
    const mailer = createSmtpMailer(config.smtp);
    stops.push(() => Promise.resolve(mailer.close()));

    const connection = await connectWorker(config.temporal, log);
    stops.push(() => connection.close());
    const worker = await createWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowBundle: config.temporal.workflowBundlePath ? { codePath: config.temporal.workflowBundlePath } : undefined,
      orm,
      mailer,
      policy,
      publicUrl: config.api.publicUrl,
      links,
      linkValidForMs: config.links.validForMs,
      logger: workerLogger,
    });
    const workerDone = worker.run();

    const api = await startApi(config, logger.child({ service: 'api' }), { policy, orm, links });
    stops.push(() => api.stop());
    const firstCoordinator = await ensureFirstCoordinator(orm.em.fork());
    const signIn = firstCoordinator
      ? `  First sign-in       ${firstCoordinator.email} with password ${firstCoordinator.password}
                      (shown this once; \`npm run staff -- reset-password ${firstCoordinator.email}\` makes a new one)`
      : `  Sign in             with your staff account (\`npm run staff -- help\` manages accounts)`;

    console.log(`
Samspill is running.
  Dashboard           ${api.url}/
${signIn}
  API                 ${api.url}/api/volunteers   (documentation: ${api.url}/api/docs, health: ${api.url}/ready)
  Public pages        ${api.url}/bli-frivillig   (the roles volunteers can sign up for; no sign-in)
  Temporal UI         ${temporalUi}
  Mail catcher        ${mailUi}
  Database            ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}
Press Ctrl-C to stop; everything is kept under ${config.dataDir}.
`);

    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM'), workerDone]);
    log('stopping…');
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerDone;
  } finally {
    await stopAll();
  }
  log('stopped.');
});
