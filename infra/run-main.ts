import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type LogFormat, type Logger } from './logging.ts';
import { PolicyError } from './policy/policy.ts';

/**
 * Runs a process's main: configuration and policy problems end it with their message and exit
 * code 78 (EX_CONFIG), anything else with the error and exit code 1 — through `logger()` once the
 * process has one, else printed as plain text.
 */
export async function runMain(
  name: string,
  main: (log: (line: string) => void) => Promise<void>,
  logger: () => Logger | undefined = () => undefined,
): Promise<void> {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  try {
    await main(log);
  } catch (error) {
    // A refused configuration is for the person starting the process: plain text, whatever the log format.
    if (error instanceof ConfigError || error instanceof PolicyError) {
      console.error(`[${name}] ${error.message}`);
      process.exit(78);
    }
    const structured = logger();
    if (structured) structured.error('failed', { error });
    else console.error(`[${name}] failed:`, error);
    process.exit(1);
  }
}

/**
 * Runs a long-lived process (the API, the worker, `npm start`) with its configuration and a
 * structured logger: LOG_FORMAT, else `defaultFormat`; LOG_LEVEL.
 */
export async function runService(service: string, defaultFormat: LogFormat, main: (config: Config, logger: Logger) => Promise<void>): Promise<void> {
  let logger: Logger | undefined;
  await runMain(
    service,
    async () => {
      const config = loadConfig();
      logger = createLogger({ service, level: config.log.level, format: config.log.format ?? defaultFormat });
      await main(config, logger);
    },
    () => logger,
  );
}
