import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Request } from 'express';
import { AuditEntry, Deviation } from '../../infra/db/entities/index.ts';
import { requirementsOf } from '../../infra/policy/policy.ts';
import {
  assignContactUpdate,
  bookSessionUpdate,
  changePhaseUpdate,
  changeRoleUpdate,
  completeStepUpdate,
  recordPoliceCertificateUpdate,
  registerDeviationUpdate,
  STEPS,
  waiveStepUpdate,
  type LifecycleState,
  type PhaseAction,
  type SessionStep,
  type StepName,
} from '../../workflows/volunteer-lifecycle/definitions.ts';
import { HttpError } from '../errors.ts';
import { checkAssignment } from '../register-volunteer.ts';
import { updateLifecycle } from '../temporal-calls.ts';
import {
  actorBody,
  completeStepBody,
  contactBody,
  deviationBody,
  idempotencyKeyHeader,
  policeCertificateBody,
  roleBody,
  sessionBody,
  waiverBody,
} from '../volunteer-schemas.ts';
import { parse } from './parse.ts';
import { loadVolunteer, volunteerStatus, type VolunteersDeps } from '../volunteer-queries.ts';

function stepParam(req: Request<{ step: string }>): StepName {
  const { step } = req.params;
  if (!(STEPS as readonly string[]).includes(step)) {
    throw new HttpError(404, 'NotFound', `There is no step "${step}"; steps are ${STEPS.join(', ')}.`);
  }
  return step as StepName;
}

/** Every human action on one volunteer: a validated Update to the lifecycle, answered with the new status. */
export function volunteerActionsRouter({ em, policy, temporal }: VolunteersDeps): Router {
  const router = Router({ mergeParams: true });

  async function act<Arg>(req: Request, update: UpdateDefinition<LifecycleState, [Arg]>, arg: Arg) {
    const volunteer = await loadVolunteer(em(), (req.params as { id: string }).id);
    await updateLifecycle(temporal, volunteer.id, update, arg, parse(idempotencyKeyHeader, req.get('Idempotency-Key')));
    em().clear();
    return loadVolunteer(em(), volunteer.id);
  }

  router.post('/steps/policeCertificate/record', async (req, res) => {
    const body = parse(policeCertificateBody, req.body ?? {});
    const volunteer = await act(req, recordPoliceCertificateUpdate, { ...body, maxAgeMonths: policy.policeCertificateMaxAgeMonths });
    res.json(await volunteerStatus(em(), policy, volunteer));
  });

  router.post('/steps/:step/complete', async (req, res) => {
    const step = stepParam(req);
    const body = parse(completeStepBody, req.body ?? {});
    res.json(await volunteerStatus(em(), policy, await act(req, completeStepUpdate, { step, ...body })));
  });

  router.post('/steps/:step/session', async (req, res) => {
    const step = stepParam(req);
    const body = parse(sessionBody, req.body ?? {});
    res.json(await volunteerStatus(em(), policy, await act(req, bookSessionUpdate, { step: step as SessionStep, ...body })));
  });

  router.post('/steps/:step/waive', async (req, res) => {
    const step = stepParam(req);
    const { actor, reason } = parse(waiverBody, req.body ?? {});
    if (step !== 'introductionCourse') throw new HttpError(422, 'NotWaivable', 'Only the introduction course can be waived.');
    const volunteer = await act(req, waiveStepUpdate, { step, actor });
    // The reason is free text, so it stays in the database and out of the workflow's history.
    em().create(AuditEntry, { volunteerId: volunteer.id, agreementId: null, at: new Date(), actor, action: 'waiverReason', step, details: { reason } });
    await em().flush();
    res.json(await volunteerStatus(em(), policy, volunteer));
  });

  router.post('/contact', async (req, res) => {
    const { actor, name, email } = parse(contactBody, req.body ?? {});
    const volunteer = await loadVolunteer(em(), (req.params as { id: string }).id);
    volunteer.contactName = name;
    volunteer.contactEmail = email;
    await em().flush();
    res.json(await volunteerStatus(em(), policy, await act(req, assignContactUpdate, { actor })));
  });

  for (const action of ['pause', 'resume', 'withdraw', 'end'] as const satisfies PhaseAction[]) {
    router.post(`/${action}`, async (req, res) => {
      const { actor } = parse(actorBody, req.body ?? {});
      res.json(await volunteerStatus(em(), policy, await act(req, changePhaseUpdate, { action, actor })));
    });
  }

  router.post('/role', async (req, res) => {
    const body = parse(roleBody, req.body ?? {});
    const current = await loadVolunteer(em(), (req.params as { id: string }).id);
    const serviceUnitId = body.serviceUnitId ?? current.serviceUnitId;
    checkAssignment({ serviceUnitId, activityTypeId: body.activityTypeId, birthYear: current.birthYear ?? 1900 }, policy);
    const requirements = requirementsOf(policy, body.activityTypeId);
    // The new role is stored first, so the emails the change sends name it; a refused change is undone.
    const previous = { activityTypeId: current.activityTypeId, serviceUnitId: current.serviceUnitId };
    em().assign(current, { activityTypeId: body.activityTypeId, serviceUnitId });
    await em().flush();
    try {
      res.json(await volunteerStatus(em(), policy, await act(req, changeRoleUpdate, { actor: body.actor, requirements })));
    } catch (error) {
      em().assign(await loadVolunteer(em(), current.id), previous);
      await em().flush();
      throw error;
    }
  });

  router.post('/deviations', async (req, res) => {
    const { actor, occurredOn, externalId } = parse(deviationBody, req.body ?? {});
    const volunteer = await loadVolunteer(em(), (req.params as { id: string }).id);
    em().create(Deviation, { occurredOn, serviceUnitId: volunteer.serviceUnitId, volunteerId: volunteer.id, agreementId: null, externalId: externalId ?? null, recordedBy: actor });
    await em().flush();
    res.status(201).json(await volunteerStatus(em(), policy, await act(req, registerDeviationUpdate, { actor })));
  });

  return router;
}
