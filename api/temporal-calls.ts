import type { Client } from '@temporalio/client';
import { lifecyclePolicy, type Policy } from '../infra/policy/policy.ts';
import { completeStepUpdate, volunteerWorkflowId, type CompleteStepInput } from '../workflows/volunteer-lifecycle/definitions.ts';
import type { volunteerLifecycle } from '../workflows/volunteer-lifecycle/workflow.ts';
import { fromTemporal } from './errors.ts';

export interface TemporalDeps {
  client: Client;
  taskQueue: string;
  /** Every call carries this deadline, so a lost server gives a prompt 503 instead of a long hang. */
  callTimeoutMs: number;
}

async function withDeadline<T>({ client, callTimeoutMs }: TemporalDeps, call: () => Promise<T>): Promise<T> {
  try {
    return await client.withDeadline(Date.now() + callTimeoutMs, call);
  } catch (error) {
    throw fromTemporal(error);
  }
}

/** Starts a volunteer's lifecycle; idempotent, since the workflow ID is derived from the volunteer ID. */
export function startLifecycle(deps: TemporalDeps, policy: Policy, volunteerId: string): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof volunteerLifecycle>('volunteerLifecycle', {
      workflowId: volunteerWorkflowId(volunteerId),
      taskQueue: deps.taskQueue,
      args: [{ volunteerId, policy: lifecyclePolicy(policy) }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Completes a human step through the workflow's validated Update; `updateId` makes a retried request harmless. */
export function completeStep(deps: TemporalDeps, volunteerId: string, input: CompleteStepInput, updateId?: string) {
  return withDeadline(deps, () =>
    deps.client.workflow.getHandle(volunteerWorkflowId(volunteerId)).executeUpdate(completeStepUpdate, {
      args: [input],
      updateId,
    }),
  );
}
