import type { FilterQuery } from '@mikro-orm/core';
import { Router } from 'express';
import { AuditEntry, Volunteer, type VolunteerStep } from '../../infra/db/entities/index.ts';
import { HttpError } from '../errors.ts';
import { checkAssignment, registerVolunteer } from '../register-volunteer.ts';
import { startLifecycle } from '../temporal-calls.ts';
import { loadVolunteer, volunteerStatus } from '../volunteer-queries.ts';
import { idempotencyKeyHeader, listVolunteersQuery, registerVolunteerBody } from '../volunteer-schemas.ts';
import { volunteerView } from '../volunteer-view.ts';
import { parse } from './parse.ts';
import { volunteerActionsRouter } from './volunteer-actions.ts';
import type { VolunteersDeps } from '../volunteer-queries.ts';

export function volunteersRouter(deps: VolunteersDeps): Router {
  const { em, policy, temporal } = deps;
  const router = Router();

  router.post('/', async (req, res) => {
    const body = parse(registerVolunteerBody, req.body ?? {});
    const idempotencyKey = parse(idempotencyKeyHeader, req.get('Idempotency-Key'));
    checkAssignment(body, policy);
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
    res.status(201).location(`/api/volunteers/${volunteer.id}`).json(await volunteerStatus(em(), policy, volunteer));
  });

  router.get('/', async (req, res) => {
    const query = parse(listVolunteersQuery, req.query);
    const where: FilterQuery<Volunteer> = {};
    if (query.serviceUnitId) where.serviceUnitId = query.serviceUnitId;
    if (query.phase) where.phase = query.phase;
    const stepFilter: FilterQuery<VolunteerStep> = {};
    if (query.step) stepFilter.step = query.step;
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
      items: volunteers.map((v) => volunteerView(v, v.steps.getItems(), policy)),
      total,
      limit: query.limit,
      offset: query.offset,
    });
  });

  router.get('/:id', async (req, res) => {
    res.json(await volunteerStatus(em(), policy, await loadVolunteer(em(), req.params.id)));
  });

  router.get('/:id/audit', async (req, res) => {
    const volunteer = await loadVolunteer(em(), req.params.id);
    const entries = await em().find(AuditEntry, { volunteerId: volunteer.id }, { orderBy: { at: 'asc', id: 'asc' } });
    res.json({
      items: entries.map((e) => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, step: e.step, details: e.details })),
    });
  });

  router.use('/:id', volunteerActionsRouter(deps));
  return router;
}
