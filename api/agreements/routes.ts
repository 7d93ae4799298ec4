import { Router, type Request } from 'express';
import {
  completeReview,
  createAgreement,
  editDraft,
  registerAgreementDeviation,
  signAgreement,
  startReview,
  type AgreementDeps,
  type CommandOptions,
} from './commands.ts';
import { agreementDetails, listAgreements, loadAgreement } from './queries.ts';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { parse } from '../http/parse.ts';

/** Cooperation agreements (samarbeidsavtaler): drafted, signed when complete, reviewed every year. */
export function agreementsRouter(deps: AgreementDeps): Router {
  const { em, policy } = deps;
  const router = Router();
  const options = (req: Request): CommandOptions => ({ idempotencyKey: parse(idempotencyKeyHeader, req.get('Idempotency-Key')) });
  const details = (id: string) => agreementDetails(em(), policy, id);

  router.post('/', allow('coordinator'), async (req, res) => {
    const id = await createAgreement(deps, principalOf(res), req.body ?? {});
    res.status(201).location(`/api/agreements/${id}`).json(await details(id));
  });

  router.get('/', allow('staff'), async (req, res) => {
    res.json(await listAgreements(em(), policy, principalOf(res), req.query));
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    res.json(await details((await loadAgreement(em(), String(req.params.id), principalOf(res))).id));
  });

  router.put('/:id/draft', allow('coordinator'), async (req, res) => {
    const id = String(req.params.id);
    await editDraft(deps, principalOf(res), id, req.body ?? {});
    res.json(await details(id));
  });

  router.post('/:id/sign', allow('coordinator'), async (req, res) => {
    const id = String(req.params.id);
    await signAgreement(deps, principalOf(res), id, req.body ?? {}, options(req));
    res.json(await details(id));
  });

  router.post('/:id/review/start', allow('writer'), async (req, res) => {
    const id = String(req.params.id);
    await startReview(deps, principalOf(res), id, req.body ?? {}, options(req));
    res.json(await details(id));
  });

  router.post('/:id/review/complete', allow('writer'), async (req, res) => {
    const id = String(req.params.id);
    await completeReview(deps, principalOf(res), id, req.body ?? {}, options(req));
    res.json(await details(id));
  });

  router.post('/:id/deviations', allow('writer'), async (req, res) => {
    const id = String(req.params.id);
    await registerAgreementDeviation(deps, principalOf(res), id, req.body ?? {}, options(req));
    res.status(201).json(await details(id));
  });

  return router;
}
