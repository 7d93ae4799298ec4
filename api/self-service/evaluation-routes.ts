import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request, type Response } from 'express';
import { AnnualEvaluation, EvaluationRecipient } from '../../infra/db/entities/index.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import { evaluationResponsePage } from './views/evaluation-response.ts';
import { csrfToken } from '../views/render.ts';
import { pageLanguage, showLinkMessage } from './link-pages.ts';

/** `/s/evaluation/<token>`: a contact answers the annual evaluation through the signed link in its emails. */
export function selfServiceEvaluationRouter({ em, links }: { em: () => EntityManager; links: LinkSigner }): Router {
  const router = Router();

  async function resolve(req: Request<{ token: string }>, res: Response) {
    const check = links.verify(req.params.token, 'evaluationResponse');
    if (!check.ok) return void showLinkMessage(req, res, check.reason);
    const recipient = await em().findOne(EvaluationRecipient, { id: Number(check.claims.subjectId) });
    if (!recipient) return void showLinkMessage(req, res, 'invalid');
    const evaluation = await em().findOne(AnnualEvaluation, { year: recipient.year });
    if (evaluation?.status !== 'collecting') return void showLinkMessage(req, res, 'closed');
    return recipient;
  }

  router.get('/:token', async (req, res) => {
    const recipient = await resolve(req, res);
    if (recipient) res.type('html').send(evaluationResponsePage(pageLanguage(req), recipient.year, csrfToken(req, res), recipient.response ?? undefined));
  });

  router.post('/:token', async (req, res) => {
    const recipient = await resolve(req, res);
    if (!recipient) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 10_000) : '');
    em().assign(recipient, {
      response: { hoursConfirmed: body.hoursConfirmed === 'true', evaluation: text(body.evaluation), feedback: text(body.feedback) },
      respondedAt: new Date(),
    });
    await em().flush();
    showLinkMessage(req, res, 'thanks');
  });

  return router;
}
