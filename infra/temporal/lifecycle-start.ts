import type { WorkflowStartOptions } from '@temporalio/client';
import { volunteerWorkflowId, type VolunteerLifecycleInput } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { lifecyclePolicy, requirementsOf, type Policy } from '../policy/policy.ts';

/**
 * How every volunteer's lifecycle is started, by a staff registration and by an accepted
 * application alike: idempotent, since the workflow ID is derived from the volunteer's ID.
 */
/** The lifecycle's signature, from its definitions: the workflow module itself imports the activities. */
type VolunteerLifecycle = (input: VolunteerLifecycleInput) => Promise<void>;

export function lifecycleStartOptions(policy: Policy, volunteer: { id: string; activityTypeId: string }, taskQueue: string): WorkflowStartOptions<VolunteerLifecycle> {
  return {
    workflowId: volunteerWorkflowId(volunteer.id),
    taskQueue,
    args: [{ volunteerId: volunteer.id, policy: lifecyclePolicy(policy), requirements: requirementsOf(policy, volunteer.activityTypeId) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  };
}
