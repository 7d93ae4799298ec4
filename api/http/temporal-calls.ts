import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateStage } from '@temporalio/client';
import { agreementPolicy, applicationPolicy, evaluationPolicy, type Policy } from '../../infra/policy/policy.ts';
import { applicationWorkflowId } from '../../workflows/application/definitions.ts';
import type { application } from '../../workflows/application/workflow.ts';
import { courseSessionWorkflowId } from '../../workflows/course-session/definitions.ts';
import type { courseSession } from '../../workflows/course-session/workflow.ts';
import { evaluationWorkflowId } from '../../workflows/annual-evaluation/definitions.ts';
import type { annualEvaluation } from '../../workflows/annual-evaluation/workflow.ts';
import { agreementWorkflowId } from '../../workflows/agreement/definitions.ts';
import type { agreementLifecycle } from '../../workflows/agreement/workflow.ts';
import { meetingWorkflowId } from '../../workflows/meeting/definitions.ts';
import type { meeting } from '../../workflows/meeting/workflow.ts';
import { volunteerWorkflowId, type LifecycleState } from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { volunteerLifecycle } from '../../workflows/volunteer-lifecycle/workflow.ts';
import { lifecycleStartOptions } from '../../infra/temporal/lifecycle-start.ts';
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
export function startLifecycle(deps: TemporalDeps, policy: Policy, volunteer: { id: string; activityTypeId: string }): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof volunteerLifecycle>('volunteerLifecycle', lifecycleStartOptions(policy, volunteer, deps.taskQueue)),
  );
}

/** Sends a human action to a workflow as a validated Update; `updateId` makes a retried request harmless. */
export function updateWorkflow<Result, Arg>(
  deps: TemporalDeps,
  workflowId: string,
  update: UpdateDefinition<Result, [Arg]>,
  arg: Arg,
  updateId?: string,
): Promise<Result> {
  return withDeadline(deps, () => deps.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg], updateId }));
}

/**
 * Sends an Update and returns once the workflow has accepted it, for a step that goes on for a
 * while (a report being made); `result()` waits for its end. A rejection shows in `result()`.
 */
export async function acceptUpdate<Result, Arg>(
  deps: TemporalDeps,
  workflowId: string,
  update: UpdateDefinition<Result, [Arg]>,
  arg: Arg,
  updateId?: string,
): Promise<{ result: () => Promise<Result> }> {
  const handle = await withDeadline(deps, () =>
    deps.client.workflow.getHandle(workflowId).startUpdate(update, { args: [arg], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
  );
  return { result: () => withDeadline(deps, () => handle.result()) };
}

export function updateLifecycle<Arg>(
  deps: TemporalDeps,
  volunteerId: string,
  update: UpdateDefinition<LifecycleState, [Arg]>,
  arg: Arg,
  updateId?: string,
): Promise<LifecycleState> {
  return updateWorkflow(deps, volunteerWorkflowId(volunteerId), update, arg, updateId);
}

/** Starts the evaluation of a year; `started: false` when that year's evaluation already exists (one per year). */
export async function startEvaluation(deps: TemporalDeps, policy: Policy, year: number): Promise<{ started: boolean }> {
  try {
    await withDeadline(deps, () =>
      deps.client.workflow.start<typeof annualEvaluation>('annualEvaluation', {
        workflowId: evaluationWorkflowId(year),
        taskQueue: deps.taskQueue,
        args: [{ year, policy: evaluationPolicy(policy) }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    );
    return { started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { started: false };
    throw error;
  }
}

/** Whether a workflow with this ID is running now. */
export function isWorkflowRunning(deps: TemporalDeps, workflowId: string): Promise<boolean> {
  return withDeadline(deps, async () => {
    try {
      return (await deps.client.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  });
}

/** Starts an agreement's workflow; idempotent like the volunteer's. */
export function startAgreementLifecycle(deps: TemporalDeps, policy: Policy, agreementId: string): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof agreementLifecycle>('agreementLifecycle', {
      workflowId: agreementWorkflowId(agreementId),
      taskQueue: deps.taskQueue,
      args: [{ agreementId, policy: agreementPolicy(policy) }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Starts a course session's workflow, which owns its roster; idempotent, since its ID is the session's. */
export function startCourseSession(deps: TemporalDeps, policy: Policy, session: { id: string; startsAt: Date; capacity: number }): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof courseSession>('courseSession', {
      workflowId: courseSessionWorkflowId(session.id),
      taskQueue: deps.taskQueue,
      args: [{ sessionId: session.id, startsAt: session.startsAt.toISOString(), capacity: session.capacity, seatOfferValidForMs: policy.courses.seatOfferValidFor }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Starts a meeting's workflow: its invitations now, its reminders before it. */
export function startMeeting(deps: TemporalDeps, policy: Policy, planned: { id: string; startsAt: Date }): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof meeting>('meeting', {
      workflowId: meetingWorkflowId(planned.id),
      taskQueue: deps.taskQueue,
      args: [{ meetingId: planned.id, startsAt: planned.startsAt.toISOString(), remindBeforeMs: policy.meetings.remindBefore }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Starts an application's workflow, which sends the confirmation email; idempotent like the others. */
export function startApplication(deps: TemporalDeps, policy: Policy, applicationId: string): Promise<unknown> {
  return withDeadline(deps, () =>
    deps.client.workflow.start<typeof application>('application', {
      workflowId: applicationWorkflowId(applicationId),
      taskQueue: deps.taskQueue,
      args: [{ applicationId, policy: applicationPolicy(policy) }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}
