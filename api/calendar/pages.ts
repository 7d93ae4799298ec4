import { Router } from 'express';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { DashboardDeps } from '../http/dashboard-deps.ts';
import { parse } from '../http/parse.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { absoluteUrl, languageOf, render } from '../views/render.ts';
import { linkPath } from '../../infra/links/signed-links.ts';
import { calendarEvents } from './events.ts';
import { t } from './messages/index.ts';
import { monthQuery } from './schemas.ts';
import { formatMonth } from '../../infra/i18n/format.ts';
import { calendarBody, shiftMonth } from './views/calendar.ts';

/** A feed address outlives many policy years, and a calendar client cannot ask for a new one; disabling the account ends it. */
const FEED_VALID_FOR_MS = 5 * 366 * 86_400_000;

/** `/calendar?month=YYYY-MM`: every course session and meeting of a month the signed-in person sees, and their feed address. */
export function calendarPagesRouter({ em, policy, links }: DashboardDeps): Router {
  const router = Router();
  router.get('/calendar', allow('staff'), async (req, res) => {
    const language = languageOf(req, res);
    const principal = principalOf(res);
    const month = parse(monthQuery, req.query).month ?? osloToday().slice(0, 7);
    const last = shiftMonth(month, 1);
    const to = new Date(Date.parse(`${last}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const events = await calendarEvents(em(), policy, principal, `${month}-01`, to);
    const feedUrl = absoluteUrl(req, linkPath('calendarFeed', links.sign(principal.userId, 'calendarFeed', FEED_VALID_FOR_MS)));
    render(req, res, { title: t(language, 'month.title', { month: formatMonth(month, language) }), section: 'calendar', body: calendarBody(language, { month, events, feedUrl }) });
  });
  return router;
}
