import { Router } from 'express';
import { COMMAND_ACCESS, registerVolunteerCommand } from './commands.ts';
import { listVolunteers, loadVolunteer, volunteerStatus } from './queries.ts';
import { listVolunteersQuery } from './schemas.ts';
import { volunteerView } from './view.ts';
import { allow, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { parse } from '../http/parse.ts';
import { volunteerActionsRouter } from './action-routes.ts';
import type { VolunteersDeps } from './queries.ts';

export function volunteersRouter(deps: VolunteersDeps): Router {
  const { em, policy } = deps;
  const router = Router();

  router.post('/', allow(COMMAND_ACCESS.register), async (req, res) => {
    const principal = principalOf(res);
    const { volunteer, replayed } = await registerVolunteerCommand(deps, principal, req.body, { idempotencyKey: req.get('Idempotency-Key') });
    if (replayed) res.set('Idempotent-Replayed', 'true');
    const status = replayed ? await volunteerStatus(em(), policy, volunteer, principal) : volunteerView(volunteer, [], policy, { showPoliceCertificate: permits(principal, 'certificateOfficer') });
    res.status(201).location(`/api/volunteers/${volunteer.id}`).json(status);
  });

  router.get('/', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    const query = parse(listVolunteersQuery, req.query);
    const stepState = query.overdue ? 'overdue' : query.state;
    const { volunteers, total } = await listVolunteers(em(), principal, { ...query, stepState, noStepIn: query.overdue === false ? 'overdue' : undefined });
    res.json({
      items: volunteers.map((v) => volunteerView(v, v.steps, policy, { showPoliceCertificate: permits(principal, 'certificateOfficer') })),
      total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    res.json(await volunteerStatus(em(), policy, await loadVolunteer(em(), String(req.params.id), principal), principal));
  });

  router.use('/:id', volunteerActionsRouter(deps));
  return router;
}
