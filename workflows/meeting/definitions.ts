import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Shared by the worker, the API and the activities: one network or dialogue meeting, by IDs only. */

/**
 * Network meetings gather the units' volunteer contacts (Tønsberg: 3–4 a year); dialogue meetings
 * gather the municipality and the organisations it has agreements with (twice a year).
 */
export const MEETING_KINDS = ['network', 'dialogue'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_PREFIX = 'meeting-';

export function meetingWorkflowId(meetingId: string): string {
  return `${MEETING_PREFIX}${meetingId}`;
}

export interface MeetingInput {
  meetingId: string;
  startsAt: string;
  /** When to remind the invited before the start, e.g. 7 days and 1 day (the policy's `meetings.remindBefore`). */
  remindBeforeMs: number[];
}

export interface MeetingState {
  status: 'scheduled' | 'cancelled';
  startsAt: string;
  /** Increases with every move and the cancellation: the generation of the invitations. */
  sequence: number;
}

/** What the workflow asks its activity to send to everyone invited; the key makes each send happen once. */
export type MeetingMailing = 'invitation' | 'reminder' | 'cancellation';

export interface Actor {
  actor: string;
}

export const moveMeetingUpdate = defineUpdate<MeetingState, [Actor & { startsAt: string }]>('moveMeeting');
export const cancelMeetingUpdate = defineUpdate<MeetingState, [Actor]>('cancelMeeting');
export const meetingQuery = defineQuery<MeetingState>('meeting');
