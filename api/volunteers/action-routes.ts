import { Router, type Request } from 'express';
import type { PhaseAction } from '../../workflows/volunteer-lifecycle/definitions.ts';
import {
  assignContact,
  bookSession,
  changePhase,
  changeRole,
  COMMAND_ACCESS,
  completeStep,
  recordPoliceCertificate,
  registerDeviation,
  waiveStep,
  type CommandOptions,
} from './commands.ts';
import { allow } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { VolunteersDeps } from './queries.ts';

const idOf = (req: Request) => (req.params as { id: string }).id;
const stepOf = (req: Request) => String(req.params.step);
const optionsOf = (req: Request): CommandOptions => ({ idempotencyKey: req.get('Idempotency-Key') });

/** Every human action on one volunteer as JSON: a command (api/volunteer-commands.ts) answered with the new status. */
export function volunteerActionsRouter(deps: VolunteersDeps): Router {
  const router = Router({ mergeParams: true });

  router.post('/steps/policeCertificate/record', allow(COMMAND_ACCESS.recordPoliceCertificate), async (req, res) => {
    res.json(await recordPoliceCertificate(deps, principalOf(res), idOf(req), req.body, optionsOf(req)));
  });

  router.post('/steps/:step/complete', allow(COMMAND_ACCESS.completeStep), async (req, res) => {
    res.json(await completeStep(deps, principalOf(res), idOf(req), stepOf(req), req.body, optionsOf(req)));
  });

  router.post('/steps/:step/session', allow(COMMAND_ACCESS.bookSession), async (req, res) => {
    res.json(await bookSession(deps, principalOf(res), idOf(req), stepOf(req), req.body, optionsOf(req)));
  });

  router.post('/steps/:step/waive', allow(COMMAND_ACCESS.waiveCourse), async (req, res) => {
    res.json(await waiveStep(deps, principalOf(res), idOf(req), stepOf(req), req.body, optionsOf(req)));
  });

  router.post('/contact', allow(COMMAND_ACCESS.assignContact), async (req, res) => {
    res.json(await assignContact(deps, principalOf(res), idOf(req), req.body, optionsOf(req)));
  });

  for (const action of ['pause', 'resume', 'withdraw', 'end'] as const satisfies PhaseAction[]) {
    router.post(`/${action}`, allow(COMMAND_ACCESS.changePhase), async (req, res) => {
      res.json(await changePhase(deps, principalOf(res), idOf(req), action, req.body, optionsOf(req)));
    });
  }

  router.post('/role', allow(COMMAND_ACCESS.changeRole), async (req, res) => {
    res.json(await changeRole(deps, principalOf(res), idOf(req), req.body, optionsOf(req)));
  });

  router.post('/deviations', allow(COMMAND_ACCESS.registerDeviation), async (req, res) => {
    res.status(201).json(await registerDeviation(deps, principalOf(res), idOf(req), req.body, optionsOf(req)));
  });

  return router;
}
