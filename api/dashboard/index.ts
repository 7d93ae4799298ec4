import { Router } from 'express';
import type { DashboardDeps } from './deps.ts';
import { overviewRouter } from './overview.ts';

/** The coordinator's dashboard: server-rendered pages, each guarded by `allow()`. */
export function dashboardRouter(deps: DashboardDeps): Router {
  const router = Router();
  router.use(overviewRouter(deps));
  return router;
}
