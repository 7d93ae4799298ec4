import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Router } from 'express';
import type { z } from 'zod';
import { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { STEPS, type StepName } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { HttpError, invalidFields, notFound } from '../errors.ts';
import { checkAssignment, registerVolunteer } from '../register-volunteer.ts';
import { completeStep, startLifecycle, type TemporalDeps } from '../temporal-calls.ts';
import { completeStepBody, idempotencyKeyHeader, isUuid, listVolunteersQuery, registerVolunteerBody } from '../volunteer-schemas.ts';
import { volunteerView } from '../volunteer-view.ts';

export interface VolunteersDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidFields(parsed.error);
  return parsed.data;
}

export function volunteersRouter({ em, policy, temporal }: VolunteersDeps): Router {
  const router = Router();

  async function loadVolunteer(id: string) {
    const volunteer = isUuid(id) ? await em().findOne(Volunteer, { id }) : null;
    if (!volunteer) throw notFound(`Volunteer ${id}`);
    return volunteer;
  }

  async function view(volunteer: Volunteer) {
    const steps = await em().find(VolunteerStep, { volunteer: volunteer.id }, { orderBy: { id: 'asc' } });
    return volunteerView(volunteer, steps, policy);
  }

  router.post('/', async (req, res) => {
    const body = parse(registerVolunteerBody, req.body ?? {});
    const idempotencyKey = parse(idempotencyKeyHeader, req.get('Idempotency-Key'));
    checkAssignment(body, policy);
    const { volunteer, replayed } = await registerVolunteer(em(), body, idempotencyKey);
    if (!volunteer.lifecycleStartedAt) {
      try {
        await startLifecycle(temporal, policy, volunteer.id);
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
    res.status(201).location(`/api/volunteers/${volunteer.id}`).json(await view(volunteer));
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
    res.json(await view(await loadVolunteer(req.params.id)));
  });

  router.post('/:id/steps/:step/complete', async (req, res) => {
    const volunteer = await loadVolunteer(req.params.id);
    const step = req.params.step;
    if (!(STEPS as readonly string[]).includes(step)) {
      throw new HttpError(404, 'NotFound', `There is no step "${step}"; steps are ${STEPS.join(', ')}.`);
    }
    const { actor } = parse(completeStepBody, req.body ?? {});
    const updateId = parse(idempotencyKeyHeader, req.get('Idempotency-Key'));
    await completeStep(temporal, volunteer.id, { step: step as StepName, actor }, updateId);
    em().clear();
    res.json(await view(await loadVolunteer(volunteer.id)));
  });

  return router;
}
