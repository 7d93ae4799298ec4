import type { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { AuditEntry, Volunteer } from '../infra/db/entities/index.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { courseMoveRequestEmail } from './emails/course-move-request.ts';
import { COURSE_MOVE_REQUESTED, type CourseMoveDetails, type CourseMoveRequestInput } from '../workflows/course-move-request/definitions.ts';
import type { Deliver, DeliveryResult } from './outbox.ts';

/** Emails the volunteer's contact (or the unit's mailbox) the volunteer's request to move their course, once. */
export function createNotifyCourseMoveRequest({ orm, deliver, policy, publicUrl }: { orm: MikroORM; deliver: Deliver; policy: Policy; publicUrl: string }) {
  return async function notifyCourseMoveRequest(input: CourseMoveRequestInput & { key: string }): Promise<DeliveryResult | undefined> {
    const em = orm.em.fork();
    const request = await em.findOne(AuditEntry, { id: input.requestId, action: COURSE_MOVE_REQUESTED });
    const volunteer = request?.volunteerId ? await em.findOne(Volunteer, { id: request.volunteerId }) : null;
    if (!request || !volunteer) throw ApplicationFailure.nonRetryable(`No course move request ${input.requestId}`, 'RequestNotFound');
    // Anonymised since it was asked: there is nobody left to rebook.
    if (volunteer.anonymisedAt) return undefined;
    const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
    const details = (request.details ?? {}) as Partial<CourseMoveDetails>;
    return deliver(input.key, () =>
      Promise.resolve({
        recipient: volunteer.contactEmail ?? unit?.contactEmail ?? policy.municipality.coordinatorEmail,
        template: 'courseMoveRequest',
        rendered: courseMoveRequestEmail({
          language: policy.language,
          volunteerId: volunteer.id,
          volunteerName: volunteer.name,
          unitName: unit?.name ?? volunteer.serviceUnitId,
          municipalityName: policy.municipality.name,
          publicUrl,
          sessionAt: new Date(details.sessionAt ?? request.at),
          proposedTime: details.proposedTime,
          note: details.note,
        }),
        volunteerId: volunteer.id,
        step: 'introductionCourse',
      }),
    );
  };
}
