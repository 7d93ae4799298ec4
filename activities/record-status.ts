import type { MikroORM } from '@mikro-orm/core';
import { Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { LifecycleState } from '../workflows/volunteer-lifecycle/definitions.ts';

export interface RecordStatusInput {
  volunteerId: string;
  state: LifecycleState;
}

/**
 * Writes the workflow's snapshot to the status projection the API reads. Snapshots carry a version,
 * so a retried or late activity never overwrites a newer state.
 */
export function createRecordStatus({ orm }: { orm: MikroORM }) {
  return async function recordStatus({ volunteerId, state }: RecordStatusInput): Promise<{ applied: boolean }> {
    return orm.em.fork().transactional(async (em) => {
      const claimed = await em.nativeUpdate(
        Volunteer,
        { id: volunteerId, statusVersion: { $lt: state.version } },
        { phase: state.phase, statusVersion: state.version, updatedAt: new Date() },
      );
      if (claimed === 0) return { applied: false };
      for (const step of state.steps) {
        const values = {
          state: step.state,
          openedAt: step.openedAt ? new Date(step.openedAt) : null,
          dueAt: step.dueAt ? new Date(step.dueAt) : null,
          completedAt: step.completedAt ? new Date(step.completedAt) : null,
          completedBy: step.completedBy,
          remindersSent: step.remindersSent,
        };
        const existing = await em.findOne(VolunteerStep, { volunteer: volunteerId, step: step.step });
        if (existing) em.assign(existing, values);
        else em.create(VolunteerStep, { volunteer: volunteerId, step: step.step, ...values });
      }
      return { applied: true };
    });
  };
}
