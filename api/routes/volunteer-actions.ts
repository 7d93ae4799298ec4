import type { UpdateDefinition } from '@temporalio/common';
import { Router, type Request, type Response } from 'express';
import { AuditEntry, Deviation, Volunteer } from '../../infra/db/entities/index.ts';
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
  emptyBody,
  completeStepBody,
  contactBody,
  deviationBody,
  idempotencyKeyHeader,
  policeCertificateBody,
  roleBody,
  sessionBody,
  waiverBody,
} from '../volunteer-schemas.ts';
import { allow, seesUnit } from '../auth/access.ts';
import { actorOf, principalOf } from '../auth/principal.ts';
import { parse } from './parse.ts';
import { loadVolunteer, volunteerStatus, type VolunteersDeps } from '../volunteer-queries.ts';

function stepParam(req: Request): StepName {
  const step = String(req.params.step);
  if (!(STEPS as readonly string[]).includes(step)) {
    throw new HttpError(404, 'NotFound', `There is no step "${step}"; steps are ${STEPS.join(', ')}.`);
  }
  return step as StepName;
}

/** Every human action on one volunteer: a validated Update to the lifecycle, answered with the new status. */
export function volunteerActionsRouter({ em, policy, temporal }: VolunteersDeps): Router {
  const router = Router({ mergeParams: true });

  const volunteerOf = (req: Request, res: Response) => loadVolunteer(em(), (req.params as { id: string }).id, principalOf(res));

  /** Sends the Update and answers the volunteer's status once the projection shows the change. */
  async function act<Arg>(req: Request, res: Response, update: UpdateDefinition<LifecycleState, [Arg]>, arg: Arg) {
    const volunteer = await volunteerOf(req, res);
    await updateLifecycle(temporal, volunteer.id, update, arg, parse(idempotencyKeyHeader, req.get('Idempotency-Key')));
    em().clear();
    return volunteerStatus(em(), policy, await volunteerOf(req, res), principalOf(res));
  }

  router.post('/steps/policeCertificate/record', allow('certificateOfficer'), async (req, res) => {
    const body = parse(policeCertificateBody, req.body ?? {});
    res.json(await act(req, res, recordPoliceCertificateUpdate, { ...body, actor: actorOf(principalOf(res)), maxAgeMonths: policy.policeCertificateMaxAgeMonths }));
  });

  router.post('/steps/:step/complete', allow('writer'), async (req, res) => {
    const step = stepParam(req);
    if (step === 'policeCertificate') throw new HttpError(422, 'UseRecordEndpoint', 'A police certificate is recorded with POST …/steps/policeCertificate/record.');
    const body = parse(completeStepBody, req.body ?? {});
    res.json(await act(req, res, completeStepUpdate, { step, ...body, actor: actorOf(principalOf(res)) }));
  });

  router.post('/steps/:step/session', allow('writer'), async (req, res) => {
    const step = stepParam(req);
    const body = parse(sessionBody, req.body ?? {});
    res.json(await act(req, res, bookSessionUpdate, { step: step as SessionStep, ...body, actor: actorOf(principalOf(res)) }));
  });

  // Waiving the course is the coordinator's decision (domain.md §2.1, step 4).
  router.post('/steps/:step/waive', allow('coordinator'), async (req, res) => {
    const step = stepParam(req);
    const { reason } = parse(waiverBody, req.body ?? {});
    if (step !== 'introductionCourse') throw new HttpError(422, 'NotWaivable', 'Only the introduction course can be waived.');
    const actor = actorOf(principalOf(res));
    const status = await act(req, res, waiveStepUpdate, { step, actor });
    // The reason is free text, so it stays in the database and out of the workflow's history.
    em().create(AuditEntry, { volunteerId: status.id, agreementId: null, at: new Date(), actor, action: 'waiverReason', step, details: { reason } });
    await em().flush();
    res.json(status);
  });

  router.post('/contact', allow('writer'), async (req, res) => {
    const { name, email } = parse(contactBody, req.body ?? {});
    const volunteer = await volunteerOf(req, res);
    volunteer.contactName = name;
    volunteer.contactEmail = email;
    await em().flush();
    res.json(await act(req, res, assignContactUpdate, { actor: actorOf(principalOf(res)) }));
  });

  for (const action of ['pause', 'resume', 'withdraw', 'end'] as const satisfies PhaseAction[]) {
    router.post(`/${action}`, allow('writer'), async (req, res) => {
      parse(emptyBody, req.body ?? {});
      res.json(await act(req, res, changePhaseUpdate, { action, actor: actorOf(principalOf(res)) }));
    });
  }

  router.post('/role', allow('writer'), async (req, res) => {
    const body = parse(roleBody, req.body ?? {});
    const current = await volunteerOf(req, res);
    const serviceUnitId = body.serviceUnitId ?? current.serviceUnitId;
    if (!seesUnit(principalOf(res), serviceUnitId)) throw new HttpError(403, 'NotAllowed', 'You can move a volunteer only to a unit you work in.');
    checkAssignment({ serviceUnitId, activityTypeId: body.activityTypeId, birthYear: current.birthYear ?? 1900 }, policy);
    const requirements = requirementsOf(policy, body.activityTypeId);
    // The new role is stored first, so the emails the change sends name it; a refused change is undone.
    const previous = { activityTypeId: current.activityTypeId, serviceUnitId: current.serviceUnitId };
    em().assign(current, { activityTypeId: body.activityTypeId, serviceUnitId });
    await em().flush();
    try {
      res.json(await act(req, res, changeRoleUpdate, { actor: actorOf(principalOf(res)), requirements }));
    } catch (error) {
      em().clear();
      em().assign(await em().findOneOrFail(Volunteer, { id: current.id }), previous);
      await em().flush();
      throw error;
    }
  });

  router.post('/deviations', allow('writer'), async (req, res) => {
    const { occurredOn, externalId } = parse(deviationBody, req.body ?? {});
    const volunteer = await volunteerOf(req, res);
    const actor = actorOf(principalOf(res));
    em().create(Deviation, { occurredOn, serviceUnitId: volunteer.serviceUnitId, volunteerId: volunteer.id, agreementId: null, externalId: externalId ?? null, recordedBy: actor });
    await em().flush();
    res.status(201).json(await act(req, res, registerDeviationUpdate, { actor }));
  });

  return router;
}
