import { Runtime } from '@temporalio/worker';
import { temporalLogger, type Logger } from '../infra/logging.ts';

/**
 * Installs the process's Temporal runtime; first, before any connection or dev server. The SDK's,
 * the workflows' and the activities' log lines go through `logger`, with Core's own warnings;
 * with `metricsBindAddress` (`host:port`), the SDK's worker metrics are served there for
 * Prometheus at `/metrics` (task latencies, slots, polls, workflow and activity outcomes).
 */
export function installWorkerRuntime(logger: Logger, metricsBindAddress: string | undefined): void {
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(metricsBindAddress ? { metrics: { prometheus: { bindAddress: metricsBindAddress } } } : {}),
    },
  });
}
