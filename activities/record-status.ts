import type { MikroORM } from '@mikro-orm/core';
import { AuditEntry, PoliceCertificateCheck, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { AuditEvent, LifecycleState } from '../workflows/volunteer-lifecycle/definitions.ts';

export interface RecordStatusInput {
  volunteerId: string;
  state: LifecycleState;
  /** Audit entries since the last snapshot; written in the same transaction, so exactly once. */
  audit: AuditEvent[];
}

const date = (text: string | null) => (text ? new Date(text) : null);

/**
 * Writes the workflow's snapshot to the status projection the API reads, with its audit entries.
 * Snapshots carry a version, so a retried or late activity never overwrites a newer state.
 */
export function createRecordStatus({ orm }: { orm: MikroORM }) {
  return async function recordStatus({ volunteerId, state, audit }: RecordStatusInput): Promise<{ applied: boolean }> {
    return orm.em.fork().transactional(async (em) => {
      const claimed = await em.nativeUpdate(
        Volunteer,
        { id: volunteerId, statusVersion: { $lt: state.version } },
        { phase: state.phase, statusVersion: state.version, closedAt: date(state.closedAt), updatedAt: new Date() },
      );
      if (claimed === 0) return { applied: false };
      const volunteer = await em.findOneOrFail(Volunteer, { id: volunteerId });
      for (const step of state.steps) {
        const values = {
          state: step.state,
          openedAt: date(step.openedAt),
          dueAt: date(step.dueAt),
          sessionAt: date(step.sessionAt),
          completedAt: date(step.completedAt),
          completedBy: step.completedBy,
          remindersSent: step.remindersSent,
        };
        const existing = await em.findOne(VolunteerStep, { volunteer: volunteerId, step: step.step });
        if (existing) em.assign(existing, values);
        else em.create(VolunteerStep, { volunteer: volunteerId, step: step.step, ...values });
      }
      for (const event of audit) {
        em.create(AuditEntry, { volunteerId, at: new Date(event.at), actor: event.actor, action: event.action, step: event.step ?? null, details: event.details ?? null });
        if (event.step === 'policeCertificate' && event.details?.outcome) {
          em.create(PoliceCertificateCheck, {
            volunteerId,
            activityTypeId: volunteer.activityTypeId,
            issuedOn: String(event.details.issuedOn),
            presentedOn: String(event.details.presentedOn),
            checkedBy: event.actor,
            outcome: event.details.outcome === 'approved' ? 'approved' : 'notApproved',
            recordedAt: new Date(event.at),
          });
        }
      }
      return { applied: true };
    });
  };
}
