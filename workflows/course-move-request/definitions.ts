/** Shared by the worker and the API: telling the contact that a volunteer asks to move their course. */

/** The stored request (an audit entry) by its ID; the volunteer's words stay in the database. */
export interface CourseMoveRequestInput {
  requestId: number;
}

/** The audit entry's details: the booked time asked moved, and the volunteer's proposal and words. */
export interface CourseMoveDetails {
  sessionAt: string;
  /** Oslo wall-clock time, `YYYY-MM-DDTHH:mm`. */
  proposedTime?: string;
  note?: string;
}

export const COURSE_MOVE_REQUESTED = 'courseMoveRequested';

/** One notice per stored request; the volunteer's ID keeps the number unique beyond one database. */
export function courseMoveRequestWorkflowId(volunteerId: string, requestId: number): string {
  return `course-move-request-${volunteerId}-${requestId}`;
}
