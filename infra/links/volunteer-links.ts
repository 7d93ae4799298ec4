import type { VolunteerStep } from '../db/entities/index.ts';
import type { LinkPurpose } from './signed-links.ts';

type StepLike = Pick<VolunteerStep, 'state' | 'sessionAt'> | null | undefined;

/** A step that still waits on someone, so a link to it is of use. */
export function stillWaits(step: StepLike): boolean {
  return step?.state === 'waiting' || step?.state === 'overdue';
}

/** The booked introduction course the volunteer can still confirm or ask to move, if there is one. */
export function bookedCourse(step: StepLike): Date | undefined {
  return stillWaits(step) ? (step?.sessionAt ?? undefined) : undefined;
}

/**
 * The link worth sending a volunteer who asks for a new one: the same kind, unless the step it was
 * for no longer waits (a declaration accepted, a course no longer booked); then their status page.
 */
export function freshVolunteerPurpose(purpose: LinkPurpose, steps: { declaration: StepLike; course: StepLike }): LinkPurpose {
  if (purpose === 'acceptDeclaration' && !stillWaits(steps.declaration)) return 'viewStatus';
  if (purpose === 'manageCourse' && !bookedCourse(steps.course)) return 'viewStatus';
  return purpose;
}
