import type { Policy } from '../../infra/policy/policy.ts';
import type { Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';

export interface ViewOptions {
  /** The police-certificate step is shown only to the coordinator and certificate officers. */
  showPoliceCertificate: boolean;
  now?: Date;
}

/** What the view reads of a volunteer: an entity, or a plain row of the list (api/volunteer-queries.ts). */
export type VolunteerFields = Omit<Volunteer, 'steps'>;
export type StepFields = Pick<VolunteerStep, 'step' | 'state' | 'openedAt' | 'dueAt' | 'sessionAt' | 'completedAt' | 'completedBy' | 'remindersSent'>;

/** The JSON the API shows for a volunteer: person, assignment, and the projected lifecycle status. */
export function volunteerView(volunteer: VolunteerFields, steps: StepFields[], policy: Policy, { showPoliceCertificate, now = new Date() }: ViewOptions) {
  const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
  const activityType = policy.activityTypes.find((a) => a.id === volunteer.activityTypeId);
  return {
    id: volunteer.id,
    name: volunteer.name,
    email: volunteer.email,
    phone: volunteer.phone,
    language: volunteer.language,
    serviceUnit: { id: volunteer.serviceUnitId, name: unit?.name ?? null },
    activityType: { id: volunteer.activityTypeId, name: activityType?.name ?? null },
    birthYear: volunteer.birthYear,
    contact: volunteer.contactName ? { name: volunteer.contactName, email: volunteer.contactEmail } : null,
    phase: volunteer.phase,
    closedAt: volunteer.closedAt?.toISOString() ?? null,
    anonymisedAt: volunteer.anonymisedAt?.toISOString() ?? null,
    lifecycleStarted: volunteer.lifecycleStartedAt !== null,
    createdAt: volunteer.createdAt.toISOString(),
    updatedAt: volunteer.updatedAt.toISOString(),
    steps: steps.filter((step) => showPoliceCertificate || step.step !== 'policeCertificate').map((step) => ({
      step: step.step,
      state: step.state,
      openedAt: step.openedAt?.toISOString() ?? null,
      dueAt: step.dueAt?.toISOString() ?? null,
      sessionAt: step.sessionAt?.toISOString() ?? null,
      completedAt: step.completedAt?.toISOString() ?? null,
      completedBy: step.completedBy,
      remindersSent: step.remindersSent,
      /** How long the step has waited, for a step still open. */
      waitingForMs: step.openedAt && !step.completedAt ? now.getTime() - step.openedAt.getTime() : null,
    })),
  };
}

export type VolunteerView = ReturnType<typeof volunteerView>;
