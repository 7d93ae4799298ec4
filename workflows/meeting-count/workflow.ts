import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/**
 * Run by a monthly schedule: reminds the coordinator when this year's network or dialogue meetings
 * are falling short of the policy's number. The run's own time decides the month, so a caught-up
 * run checks the month it was scheduled for.
 */
export async function meetingCountCheck(): Promise<void> {
  await activities.checkMeetingCounts({ at: new Date().toISOString() });
}
