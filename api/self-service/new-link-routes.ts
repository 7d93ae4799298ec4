import { Router } from 'express';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import { newLinkRequestedPage, newLinkUnavailablePage } from './views/link-message.ts';
import { HttpError } from '../http/errors.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';
import { pageLanguage } from './link-pages.ts';
import { startLinkRequest } from './workflows.ts';

/**
 * `POST /s/new-link`: the expired or used link's page asks for a fresh one. The old token says whom
 * and what it was for (its signature is checked, its age is not); the new link goes only to the
 * address on file, never to one typed in, and the answer is the same whoever the token named.
 */
export function selfServiceNewLinkRouter({ temporal, links }: { temporal: TemporalDeps; links: LinkSigner }): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const language = pageLanguage(req);
    const token: unknown = (req.body as { token?: unknown } | undefined)?.token;
    const claims = typeof token === 'string' ? links.claimsIgnoringExpiry(token) : undefined;
    if (claims) {
      try {
        await startLinkRequest(temporal, { subjectId: claims.subjectId, purpose: claims.purpose });
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 503)) throw error;
        return void res.status(503).type('html').send(newLinkUnavailablePage(language));
      }
    }
    res.type('html').send(newLinkRequestedPage(language));
  });

  return router;
}
