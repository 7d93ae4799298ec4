import type { EntityManager } from '@mikro-orm/core';
import { Router } from 'express';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';
import { selfServiceRouter } from './declaration-routes.ts';
import { selfServiceCourseRouter } from './course-routes.ts';
import { selfServiceEvaluationRouter } from './evaluation-routes.ts';
import { selfServiceHoursRouter } from './hours-routes.ts';
import { selfServiceNewLinkRouter } from './new-link-routes.ts';
import { selfServiceReviewRouter } from './review-routes.ts';
import { selfServiceStatusRouter } from './status-routes.ts';
import { meetingRsvpRouter } from '../meetings/rsvp-routes.ts';
import { courseCheckInRouter } from '../courses/check-in-routes.ts';
import { calendarFeedRouter } from '../calendar/feed-routes.ts';

import { applicantRouter } from '../recruitment/applicant-routes.ts';
export { selfServiceFormRefused } from './link-pages.ts';

interface SelfServiceRoutesDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
}

/**
 * Every page reached through a signed link, under `/s`: one path per purpose, the declaration's at
 * the root (the oldest links in people's mailboxes), so it comes last.
 */
export function selfServiceRoutes({ em, policy, temporal, links }: SelfServiceRoutesDeps): Router {
  const router = Router();
  router.use('/hours', selfServiceHoursRouter({ em, policy, links }));
  router.use('/review', selfServiceReviewRouter({ em, links }));
  router.use('/evaluation', selfServiceEvaluationRouter({ em, links }));
  router.use('/status', selfServiceStatusRouter({ em, policy, links }));
  router.use('/course', selfServiceCourseRouter({ em, policy, temporal, links }));
  router.use('/meeting', meetingRsvpRouter({ em, links }));
  router.use('/check-in', courseCheckInRouter({ em, policy, temporal, links }));
  router.use('/calendar', calendarFeedRouter({ em, policy, links }));
  router.use('/application', applicantRouter({ em, policy, temporal, links }));
  router.use('/new-link', selfServiceNewLinkRouter({ temporal, links }));
  router.use(selfServiceRouter({ em, policy, temporal, links }));
  return router;
}
