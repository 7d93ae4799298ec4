import { Router } from 'express';
import type { DashboardDeps } from './dashboard-deps.ts';
import { agreementsPagesRouter } from '../agreements/pages.ts';
import { coursesPagesRouter } from '../courses/pages.ts';
import { meetingsPagesRouter } from '../meetings/pages.ts';
import { applicationsPagesRouter } from '../recruitment/pages.ts';
import { calendarPagesRouter } from '../calendar/pages.ts';
import { organisationsPagesRouter } from '../agreements/organisation-pages.ts';
import { overviewRouter } from '../overview/pages.ts';
import { todayRouter } from '../today/pages.ts';
import { volunteersPagesRouter } from '../volunteers/pages.ts';
import { bulkPagesRouter } from '../bulk/pages.ts';
import { accountRouter } from '../auth/account-pages.ts';
import { staffPagesRouter } from '../staff/pages.ts';
import { staffDetailRouter } from '../staff/detail-pages.ts';
import { evaluationPagesRouter } from '../evaluation/pages.ts';
import { hoursPagesRouter } from '../hours/pages.ts';
import { hoursImportPagesRouter } from '../hours/import-pages.ts';
import { hoursHistoryPagesRouter } from '../hours/history-pages.ts';
import { outboxPagesRouter } from '../outbox/pages.ts';
import { privacyPagesRouter } from '../privacy/pages.ts';
import { auditPagesRouter } from '../privacy/audit-pages.ts';

/** The coordinator's dashboard: server-rendered pages, each guarded by `allow()`. */
export function dashboardRouter(deps: DashboardDeps): Router {
  const router = Router();
  router.use(todayRouter(deps), overviewRouter(deps));
  router.use(bulkPagesRouter(deps), volunteersPagesRouter(deps));
  router.use(coursesPagesRouter(deps), meetingsPagesRouter(deps), calendarPagesRouter(deps));
  router.use(applicationsPagesRouter(deps));
  router.use(staffPagesRouter(deps), staffDetailRouter(deps));
  router.use(accountRouter(deps));
  router.use(hoursPagesRouter(deps), hoursImportPagesRouter(deps), hoursHistoryPagesRouter(deps), evaluationPagesRouter(deps), outboxPagesRouter(deps));
  router.use(agreementsPagesRouter(deps), organisationsPagesRouter(deps));
  router.use(privacyPagesRouter(deps), auditPagesRouter(deps));
  return router;
}
