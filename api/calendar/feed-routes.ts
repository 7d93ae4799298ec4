import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import { StaffUser } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { principalFor } from '../auth/authenticate.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { absoluteUrl } from '../views/render.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { calendarEvents } from './events.ts';
import { calendarFeed } from './feed.ts';

const DAY_MS = 86_400_000;
/** The feed covers the last three months and the coming year: enough for any calendar view, small enough to refresh often. */
const PAST_DAYS = 92;
const FUTURE_DAYS = 366;

const dayOffset = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * `/s/calendar/<token>`: a staff member's calendar as an ICS feed, for Outlook to subscribe to. The
 * signed token is the only credential (calendar clients send no cookies); it shows what the account
 * sees now, and nothing once the account is disabled.
 */
export function calendarFeedRouter({ em, policy, links }: { em: () => EntityManager; policy: Policy; links: LinkSigner }): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    const check = links.verify(req.params.token, 'calendarFeed');
    if (!check.ok && check.reason === 'expired') throw new HttpError(410, 'LinkExpired', 'This calendar address has expired; copy the new one from the calendar page in Samspill.');
    const user = check.ok && isUuid(check.claims.subjectId) ? await em().findOne(StaffUser, { id: check.claims.subjectId, disabledAt: null }) : null;
    if (!user) throw notFound('Calendar feed');
    const today = osloToday();
    const events = await calendarEvents(em(), policy, principalFor(user, 'token', null), dayOffset(today, -PAST_DAYS), dayOffset(today, FUTURE_DAYS));
    res.type('text/calendar; charset=utf-8').set('Cache-Control', 'private, max-age=900').send(calendarFeed(events, user.language, absoluteUrl(req, '')));
  });
  return router;
}
