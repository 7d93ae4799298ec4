import { Router } from 'express';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { VolunteersDeps } from '../volunteers/queries.ts';
import { BULK_ACCESS, runBulkAction } from './commands.ts';

/** `/api/volunteers/bulk`: one action on several volunteers, with a result for each. */
export function bulkRouter(deps: VolunteersDeps): Router {
  const router = Router();
  router.post('/', allow(BULK_ACCESS), async (req, res) => {
    res.json(await runBulkAction(deps, principalOf(res), req.body, { idempotencyKey: req.get('Idempotency-Key') }));
  });
  return router;
}
