import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import type { LinkRequestInput } from './definitions.ts';

const { sendNewLink } = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/**
 * Sends a fresh link of the same purpose to the address on file. The workflow ID names the day, and
 * the outbox keys the email by it, so the link is sent once even when the activity is retried.
 */
export async function linkRequest(input: LinkRequestInput): Promise<void> {
  await sendNewLink({ ...input, key: workflowInfo().workflowId });
}
