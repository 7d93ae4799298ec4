import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { EVALUATION_SCHEDULE_ID } from '../../workflows/annual-evaluation/definitions.ts';
import { MEETING_COUNT_SCHEDULE_ID } from '../../workflows/meeting-count/definitions.ts';
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

/** On the first of every month at 08:00 Oslo time: are this year's network and dialogue meetings keeping the policy's pace? */
export function meetingCountSchedule(policy: Policy, taskQueue: string): ScheduleOptions {
  return {
    scheduleId: MEETING_COUNT_SCHEDULE_ID,
    spec: { calendars: [{ dayOfMonth: 1, hour: 8, comment: 'meeting count check' }], timezone: policy.evaluation.timezone },
    action: { type: 'startWorkflow', workflowType: 'meetingCountCheck', taskQueue, args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: policy.evaluation.catchupWindow },
  };
}

/** Creates a schedule, or brings an existing one up to date with the policy; safe at every start. */
async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<void> {
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  }
}

/** Every schedule Samspill keeps: the annual evaluation's kickoff and the monthly meeting count. */
export async function ensureSchedules(client: Client, policy: Policy, taskQueue: string): Promise<void> {
  await ensureSchedule(client, evaluationSchedule(policy, taskQueue));
  await ensureSchedule(client, meetingCountSchedule(policy, taskQueue));
}
