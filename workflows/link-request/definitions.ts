/** Shared by the worker, the API and the activities: asking for a fresh self-service link. */

/** What a self-service link lets its holder do; one purpose per link. */
export const LINK_PURPOSES = [
  'acceptDeclaration',
  'logHours',
  'answerReview',
  'evaluationResponse',
  'viewStatus',
  'manageCourse',
  'meetingRsvp',
  'courseCheckIn',
  'calendarFeed',
  'application',
] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export const LINK_REQUEST_PREFIX = 'link-request-';

/** IDs only: whom the old link was for and what it let them do; the address is read from the database. */
export interface LinkRequestInput {
  subjectId: string;
  purpose: LinkPurpose;
}

/**
 * One request per subject, purpose and calendar day (Europe/Oslo): asking again the same day finds
 * the first, so nobody can make Samspill send more than one new link a day per purpose.
 */
export function linkRequestWorkflowId({ subjectId, purpose }: LinkRequestInput, day: string): string {
  return `${LINK_REQUEST_PREFIX}${purpose}-${subjectId}-${day}`;
}

/** Today's date in Oslo, `YYYY-MM-DD`: the day a request counts for. */
export function osloDay(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
