import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';
import type { TemporalDeps } from './temporal-calls.ts';

/** `/health`: the process answers. `/ready`: the database and Temporal answer too. */
export function healthRouter({ orm, temporal }: { orm: MikroORM; temporal: TemporalDeps }): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    const [database, workflowEngine] = await Promise.all([
      orm
        .checkConnection()
        .then((c) => (c.ok ? 'ok' : `unreachable: ${c.reason}`)),
      temporal.client
        .withDeadline(Date.now() + temporal.callTimeoutMs, () => temporal.client.connection.workflowService.getSystemInfo({}))
        .then(() => 'ok')
        .catch(() => 'unreachable'),
    ]);
    const ready = database === 'ok' && workflowEngine === 'ok';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: { database, workflowEngine } });
  });

  return router;
}
