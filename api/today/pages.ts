import { Router } from 'express';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { languageOf, render } from '../views/render.ts';
import { t } from './messages/index.ts';
import { contactToday, coordinatorToday } from './queries.ts';
import { contactTodayBody, coordinatorTodayBody } from './views/today.ts';

/** `/`, «I dag»: what needs the signed-in person today, by role; each line links to the form that does it. */
export function todayRouter({ em, policy }: DashboardDeps): Router {
  const router = Router();

  router.get('/', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const page = { language, policy };
    const body =
      principal.role === 'coordinator'
        ? coordinatorTodayBody(await coordinatorToday(em(), policy, principal), page)
        : contactTodayBody(await contactToday(em(), policy, principal), page);
    render(req, res, { title: t(language, 'today.title'), section: 'today', body });
  });

  return router;
}
