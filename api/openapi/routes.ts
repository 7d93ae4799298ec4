import { Router } from 'express';
import { languageOf, render } from '../views/render.ts';
import { docsPageBody } from './docs-page.ts';
import { openApiDocument } from './document.ts';
import { t } from './messages/index.ts';
import { operations } from './registry.ts';

/** `/api/openapi.json` and `/api/docs`: the API's contract, public so integrators can read it before they have a token. */
export function openApiRouter(): Router {
  const router = Router();
  const document = openApiDocument(operations);

  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });

  router.get('/docs', (req, res) => {
    const language = languageOf(req, res);
    render(req, res, { title: t(language, 'page.title'), body: docsPageBody(operations, language) });
  });

  return router;
}
