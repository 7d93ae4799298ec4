import type { EntityManager } from '@mikro-orm/core';
import { Router, type Request } from 'express';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError } from '../http/errors.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';
import { pageLanguage } from '../self-service/link-pages.ts';
import { field } from '../volunteers/forms.ts';
import { csrfToken } from '../views/render.ts';
import { enrolledByEmail, readCheckInCode, useCheckInCode } from './check-in.ts';
import { checkIn } from './commands.ts';
import { t } from './messages/index.ts';
import { checkInMessagePage, checkInPage } from './views/check-in.ts';

const REFUSED = { invalid: 404, expired: 410, used: 410 } as const;

/**
 * `/s/check-in/<token>`: the one-time code a session page shows at the door. The participant types
 * the address they enrolled with; the first to send it uses the code up, and it is refused after that.
 */
export function courseCheckInRouter({ em, policy, temporal, links }: { em: () => EntityManager; policy: Policy; temporal: TemporalDeps; links: LinkSigner }): Router {
  const router = Router();
  const refusedText = (req: Request, reason: keyof typeof REFUSED) => t(pageLanguage(req), reason === 'used' ? 'checkIn.page.used' : 'checkIn.page.invalid');

  router.get('/:token', async (req, res) => {
    const code = await readCheckInCode(em(), links, req.params.token);
    if (!code.ok) return void res.status(REFUSED[code.reason]).type('html').send(checkInMessagePage(pageLanguage(req), refusedText(req, code.reason)));
    res.type('html').send(checkInPage(pageLanguage(req), code.session, csrfToken(req, res)));
  });

  router.post('/:token', async (req, res) => {
    const language = pageLanguage(req);
    const code = await readCheckInCode(em(), links, req.params.token);
    if (!code.ok) return void res.status(REFUSED[code.reason]).type('html').send(checkInMessagePage(language, refusedText(req, code.reason)));
    const email = field((req.body ?? {}) as Record<string, unknown>, 'email') ?? '';
    const volunteer = await enrolledByEmail(em(), code.session.id, email);
    if (!volunteer) {
      return void res.status(422).type('html').send(checkInPage(language, code.session, csrfToken(req, res), { problem: t(language, 'checkIn.page.notFound'), email }));
    }
    if (!(await useCheckInCode(em(), req.params.token, volunteer.id))) return void res.status(410).type('html').send(checkInMessagePage(language, refusedText(req, 'used')));
    try {
      await checkIn({ em, policy, temporal }, code.session.id, volunteer.id);
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      return void res.status(error.status).type('html').send(checkInMessagePage(language, t(language, 'checkIn.page.refused', { reason: error.message })));
    }
    res.type('html').send(checkInMessagePage(language, t(language, 'checkIn.page.done', { name: volunteer.name })));
  });

  return router;
}
