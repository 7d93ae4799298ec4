import { Router, type Request } from 'express';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';
import { acceptApplication, APPLICATION_ACCESS, declineApplication, inviteApplicant, type ApplicationsDeps } from './commands.ts';
import { applicationView, listApplications, loadApplication } from './queries.ts';
import { listApplicationsQuery } from './schemas.ts';

const idOf = (req: Request) => String(req.params.id);
const keyOf = (req: Request) => ({ idempotencyKey: req.get('Idempotency-Key') });

/** `/api/applications`: the queue of public applications, and the decisions on them, for the JSON API. */
export function applicationsRouter(deps: ApplicationsDeps): Router {
  const { em } = deps;
  const router = Router();

  router.get('/', allow(APPLICATION_ACCESS.read), async (req, res) => {
    const found = await listApplications(em(), principalOf(res), parse(listApplicationsQuery, req.query));
    res.json({ items: found.map(applicationView) });
  });

  router.get('/:id', allow(APPLICATION_ACCESS.read), async (req, res) => {
    res.json(applicationView(await loadApplication(em(), idOf(req), principalOf(res))));
  });

  router.post('/:id/accept', allow(APPLICATION_ACCESS.decide), async (req, res) => {
    res.json(await acceptApplication(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  router.post('/:id/invite', allow(APPLICATION_ACCESS.decide), async (req, res) => {
    res.json(await inviteApplicant(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  router.post('/:id/decline', allow(APPLICATION_ACCESS.decide), async (req, res) => {
    res.json(await declineApplication(deps, principalOf(res), idOf(req), req.body, keyOf(req)));
  });

  return router;
}
