import { Router } from 'express';
import type { DashboardDeps } from './deps.ts';
import { agreementsPagesRouter } from './agreements.ts';
import { organisationsPagesRouter } from './organisations.ts';
import { overviewRouter } from './overview.ts';
import { volunteersPagesRouter } from './volunteers.ts';
import { accountRouter } from './account.ts';
import { staffPagesRouter } from './staff.ts';
import { staffDetailRouter } from './staff-detail.ts';
import { evaluationPagesRouter } from './evaluations.ts';
import { hoursPagesRouter } from './hours.ts';
import { hoursImportPagesRouter } from './hours-imports.ts';
import { outboxPagesRouter } from './outbox.ts';
import { privacyPagesRouter } from './privacy.ts';
import { auditPagesRouter } from './audit.ts';

/** The coordinator's dashboard: server-rendered pages, each guarded by `allow()`. */
export function dashboardRouter(deps: DashboardDeps): Router {
  const router = Router();
  router.use(overviewRouter(deps));
  router.use(volunteersPagesRouter(deps));
  router.use(staffPagesRouter(deps), staffDetailRouter(deps));
  router.use(accountRouter(deps));
  router.use(hoursPagesRouter(deps), hoursImportPagesRouter(deps), evaluationPagesRouter(deps), outboxPagesRouter(deps));
  router.use(agreementsPagesRouter(deps), organisationsPagesRouter(deps));
  router.use(privacyPagesRouter(deps), auditPagesRouter(deps));
  return router;
}
