import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { courseMoveRequest } from '../../workflows/course-move-request/workflow.ts';
import { courseMoveRequestWorkflowId } from '../../workflows/course-move-request/definitions.ts';
import { linkRequestWorkflowId, osloDay, type LinkRequestInput } from '../../workflows/link-request/definitions.ts';
import type { linkRequest } from '../../workflows/link-request/workflow.ts';
import { fromTemporal } from '../http/errors.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';

/** Starts a workflow whose ID makes it happen once; `false` when it already has. Temporal's errors map to HTTP (503). */
async function startOnce(deps: TemporalDeps, start: () => Promise<unknown>): Promise<boolean> {
  try {
    await deps.client.withDeadline(Date.now() + deps.callTimeoutMs, start);
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw fromTemporal(error);
  }
}

/** Asks for a fresh link of the same purpose; a second request the same day for the same subject and purpose finds the first. */
export function startLinkRequest(deps: TemporalDeps, input: LinkRequestInput, now = new Date()): Promise<boolean> {
  return startOnce(deps, () =>
    deps.client.workflow.start<typeof linkRequest>('linkRequest', {
      workflowId: linkRequestWorkflowId(input, osloDay(now)),
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Tells the volunteer's contact about a stored request to move the course. */
export function startCourseMoveRequest(deps: TemporalDeps, volunteerId: string, requestId: number): Promise<boolean> {
  return startOnce(deps, () =>
    deps.client.workflow.start<typeof courseMoveRequest>('courseMoveRequest', {
      workflowId: courseMoveRequestWorkflowId(volunteerId, requestId),
      taskQueue: deps.taskQueue,
      args: [{ requestId }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}
