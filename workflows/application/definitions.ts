import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by the worker, the API and the activities: one public application to volunteer, by its ID only. */

/**
 * `unconfirmed` until the applicant confirms their address (double opt-in); `open` in the queue,
 * `invited` to a conversation first; then `accepted`, `declined` or `withdrawn`.
 */
export const APPLICATION_STATUSES = ['unconfirmed', 'open', 'invited', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Still waiting on the municipality: what the queue shows. */
export const AWAITING_DECISION: readonly ApplicationStatus[] = ['open', 'invited'];

export const APPLICATION_PREFIX = 'application-';

export function applicationWorkflowId(applicationId: string): string {
  return `${APPLICATION_PREFIX}${applicationId}`;
}

/** Who an unanswered application is escalated to, and how long after its confirmation. */
export interface ApplicationRung {
  afterMs: number;
  notify: 'contact' | 'coordinator';
}

/** The slice of the policy's `recruitment` section the workflow runs on. */
export interface ApplicationPolicy {
  confirmWithinMs: number;
  ladder: ApplicationRung[];
  anonymiseAfterMs: number;
}

export interface ApplicationInput {
  applicationId: string;
  policy: ApplicationPolicy;
}

export interface ApplicationState {
  status: ApplicationStatus;
  /** Once accepted: the volunteer the applicant became. */
  volunteerId?: string;
}

/** What the workflow asks its activity to send; the key makes each send happen once. */
export type ApplicationMailing = 'received' | 'escalation' | 'invitation' | 'declined' | 'withdrawn';

export interface Actor {
  actor: string;
}

/** The applicant confirmed their address through their link, having been shown this version of the privacy notice. */
export const confirmApplicationUpdate = defineUpdate<ApplicationState, [{ privacyNoticeVersion: string }]>('confirmApplication');
/** Registers the applicant as a volunteer in one of the units they asked for and starts their lifecycle. */
export const acceptApplicationUpdate = defineUpdate<ApplicationState, [Actor & { serviceUnitId: string }]>('acceptApplication');
export const inviteApplicantUpdate = defineUpdate<ApplicationState, [Actor]>('inviteApplicant');
export const declineApplicationUpdate = defineUpdate<ApplicationState, [Actor]>('declineApplication');
/** The applicant takes their application back through their link. */
export const withdrawApplicationUpdate = defineUpdate<ApplicationState, [Record<string, never>]>('withdrawApplication');
export const applicationQuery = defineQuery<ApplicationState>('application');
