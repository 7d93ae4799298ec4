import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import type { CourseMoveRequestInput } from './definitions.ts';

const { notifyCourseMoveRequest } = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/** Emails the volunteer's contact that the volunteer asks to move their introduction course; once, through the outbox. */
export async function courseMoveRequest(input: CourseMoveRequestInput): Promise<void> {
  await notifyCourseMoveRequest({ ...input, key: workflowInfo().workflowId });
}
