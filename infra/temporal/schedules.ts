import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { EVALUATION_SCHEDULE_ID } from '../../workflows/annual-evaluation/definitions.ts';
import { evaluationPolicy, type Policy } from '../policy/policy.ts';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

/** The yearly kickoff: one run at the policy's date and time in its time zone, never two at once, with a bounded catch-up. */
export function evaluationSchedule(policy: Policy, taskQueue: string): ScheduleOptions {
  const { kickoff, timezone, catchupWindow } = policy.evaluation;
  return {
    scheduleId: EVALUATION_SCHEDULE_ID,
    spec: {
      calendars: [{ month: MONTHS[kickoff.month - 1], dayOfMonth: kickoff.day, hour: kickoff.hour, comment: 'annual evaluation kickoff' }],
      timezone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'annualEvaluationKickoff',
      taskQueue,
      args: [{ policy: evaluationPolicy(policy) }],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow },
  };
}

/** Creates the schedule, or brings an existing one up to date with the policy; safe at every start. */
export async function ensureEvaluationSchedule(client: Client, policy: Policy, taskQueue: string): Promise<void> {
  const options = evaluationSchedule(policy, taskQueue);
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  }
}
