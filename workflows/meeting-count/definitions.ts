/** Shared by the worker, the API and the activities: the monthly check of how many meetings the year has had. */

export const MEETING_COUNT_SCHEDULE_ID = 'meeting-count-check';

/** How one kind of meeting stands in a year, against the policy's yearly number. */
export interface MeetingCount {
  held: number;
  /** Scheduled for later in the year and not cancelled. */
  planned: number;
  perYear: number;
}
