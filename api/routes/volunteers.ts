import type { FilterQuery } from '@mikro-orm/core';
import { Router } from 'express';
import { AuditEntry, Volunteer, type VolunteerStep } from '../../infra/db/entities/index.ts';
import { HttpError } from '../errors.ts';
import { checkAssignment, registerVolunteer } from '../register-volunteer.ts';
import { startLifecycle } from '../temporal-calls.ts';
import { loadVolunteer, volunteerStatus } from '../volunteer-queries.ts';
import { idempotencyKeyHeader, listVolunteersQuery, registerVolunteerBody } from '../volunteer-schemas.ts';
import { volunteerView } from '../volunteer-view.ts';
import { allow, seesUnit, unitScope, permits } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import { parse } from './parse.ts';
import { volunteerActionsRouter } from './volunteer-actions.ts';
import type { VolunteersDeps } from '../volunteer-queries.ts';

export function volunteersRouter(deps: VolunteersDeps): Router {
  const { em, policy, temporal } = deps;
  const router = Router();

  router.post('/', allow('writer'), async (req, res) => {
    const principal = principalOf(res);
    const body = parse(registerVolunteerBody, req.body ?? {});
    const idempotencyKey = parse(idempotencyKeyHeader, req.get('Idempotency-Key'));
    checkAssignment(body, policy);
    if (!seesUnit(principal, body.serviceUnitId)) {
      throw new HttpError(403, 'NotAllowed', 'You can register volunteers only in the units you work in.');
    }
    const { volunteer, replayed } = await registerVolunteer(em(), body, idempotencyKey);
    if (!volunteer.lifecycleStartedAt) {
      try {
        await startLifecycle(temporal, policy, volunteer);
      } catch (error) {
        if (error instanceof HttpError && error.status === 503) {
          throw new HttpError(
            503,
            error.code,
            `The registration is saved (id ${volunteer.id}), but the workflow engine is not answering, so onboarding has not started yet. ` +
              'Samspill starts it by itself when the engine is back; do not register the volunteer again.',
            undefined,
            { id: volunteer.id },
          );
        }
        throw error;
      }
      volunteer.lifecycleStartedAt = new Date();
      await em().flush();
    }
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(201).location(`/api/volunteers/${volunteer.id}`).json(await volunteerStatus(em(), policy, volunteer, principal));
  });

  router.get('/', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    const query = parse(listVolunteersQuery, req.query);
    const units = unitScope(principal);
    const where: FilterQuery<Volunteer> = units ? { serviceUnitId: { $in: units } } : {};
    if (query.serviceUnitId) where.serviceUnitId = units && !units.includes(query.serviceUnitId) ? { $in: [] } : query.serviceUnitId;
    if (query.phase) where.phase = query.phase;
    const stepFilter: FilterQuery<VolunteerStep> = {};
    if (query.step) {
      if (query.step === 'policeCertificate' && !permits(principal, 'certificateOfficer')) {
        throw new HttpError(403, 'NotAllowed', 'Only the coordinator or a certificate officer can filter on police certificates.');
      }
      stepFilter.step = query.step;
    }
    if (query.state) stepFilter.state = query.state;
    if (query.overdue !== undefined) stepFilter.state = query.overdue ? 'overdue' : { $ne: 'overdue' };
    if (Object.keys(stepFilter).length) where.steps = stepFilter;
    const [volunteers, total] = await em().findAndCount(Volunteer, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: query.limit,
      offset: query.offset,
      populate: ['steps'],
    });
    res.json({
      items: volunteers.map((v) => volunteerView(v, v.steps.getItems(), policy, { showPoliceCertificate: permits(principal, 'certificateOfficer') })),
      total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  router.get('/:id', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    res.json(await volunteerStatus(em(), policy, await loadVolunteer(em(), String(req.params.id), principal), principal));
  });

  router.get('/:id/audit', allow('staff'), async (req, res) => {
    const principal = principalOf(res);
    const volunteer = await loadVolunteer(em(), String(req.params.id), principal);
    const where: FilterQuery<AuditEntry> = { volunteerId: volunteer.id };
    if (!permits(principal, 'certificateOfficer')) where.step = { $ne: 'policeCertificate' };
    const entries = await em().find(AuditEntry, where, { orderBy: { at: 'asc', id: 'asc' } });
    res.json({
      items: entries.map((e) => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, step: e.step, details: e.details })),
    });
  });

  router.use('/:id', volunteerActionsRouter(deps));
  return router;
}
