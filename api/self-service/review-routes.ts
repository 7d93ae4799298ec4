import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { Agreement, AgreementReview, Organisation } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import { reviewPage } from './views/review.ts';
import { REVIEW_CHECKLIST, type ReviewQuestion } from '../../workflows/agreement/definitions.ts';
import { csrfToken } from '../views/render.ts';
import { isUuid } from '../volunteers/schemas.ts';
import { pageLanguage, showLinkMessage } from './link-pages.ts';

/**
 * `/s/review/<token>`: the organisation's contact answers the yearly review's checklist through a
 * signed, expiring link; the answers are kept with the review for the meeting.
 */
export function selfServiceReviewRouter({ em, links }: { em: () => EntityManager; links: LinkSigner }): Router {
  const router = Router();

  async function resolve(req: Request<{ token: string }>, res: Response) {
    const check = links.verify(req.params.token, 'answerReview');
    if (!check.ok) return void showLinkMessage(req, res, check.reason);
    const agreement = isUuid(check.claims.subjectId) ? await em().findOne(Agreement, { id: check.claims.subjectId }) : null;
    if (!agreement) return void showLinkMessage(req, res, 'invalid');
    if (agreement.status !== 'active' && agreement.status !== 'reviewDue' && agreement.status !== 'underReview') return void showLinkMessage(req, res, 'closed');
    const organisation = await em().findOneOrFail(Organisation, { id: agreement.organisationId });
    const review = await em().findOne(AgreementReview, { agreementId: agreement.id, cycle: agreement.cycle });
    return { agreement, organisation, review };
  }

  router.get('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    const { organisation, agreement, review } = found;
    res.type('html').send(reviewPage(pageLanguage(req), organisation.name, agreement.reviewDueOn ?? null, review?.organisationAnswers ?? {}, csrfToken(req, res)));
  });

  router.post('/:token', async (req, res) => {
    const found = await resolve(req, res);
    if (!found) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const answers = Object.fromEntries(
      REVIEW_CHECKLIST.map((q) => [q, typeof body[q] === 'string' ? body[q].trim().slice(0, 5000) : '']).filter(([, a]) => a),
    ) as Partial<Record<ReviewQuestion, string>>;
    const { agreement, review } = found;
    if (review) em().assign(review, { organisationAnswers: answers });
    else em().create(AgreementReview, { agreementId: agreement.id, cycle: agreement.cycle, early: agreement.earlyReview, answers: {}, organisationAnswers: answers });
    await em().flush();
    showLinkMessage(req, res, 'thanks');
  });

  return router;
}
