import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { reject, SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import { cancelMeetingUpdate, meetingQuery, moveMeetingUpdate, type MeetingInput, type MeetingMailing, type MeetingState } from './definitions.ts';
import { cancelProblem, moveProblem, remindersAhead } from './schedule.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/**
 * One network or dialogue meeting: the invitations, the reminders before it, and a new invitation
 * (or a cancellation) for everyone when it is moved (or called off). Who is invited, and their
 * answers, live in the database; the workflow holds the meeting's ID and time only. Every mailing
 * has a stable key, so a retried activity never sends twice. It ends when the meeting begins or is
 * cancelled; attendance and the minutes are recorded afterwards, in the database.
 */
/**
 * A move or cancellation answers once its mailing is out, or after this long with the mailing still
 * going on: well inside the API's 5-second deadline, however many are invited or slow the mail server.
 */
const ANSWER_WITHIN_MS = 3_000;

export async function meeting(input: MeetingInput): Promise<void> {
  const { meetingId, remindBeforeMs } = input;
  const { workflowId } = workflowInfo();
  const state: MeetingState = { status: 'scheduled', startsAt: input.startsAt, sequence: 0 };
  let announced = -1;

  const mail = (mailing: MeetingMailing, key: string) =>
    activities.sendMeetingMailing({ meetingId, mailing, key: `${workflowId}:${key}`, startsAt: state.startsAt, sequence: state.sequence });

  setHandler(meetingQuery, () => state);
  setHandler(
    moveMeetingUpdate,
    async ({ startsAt }) => {
      state.startsAt = new Date(Date.parse(startsAt)).toISOString();
      state.sequence++;
      const sequence = state.sequence;
      await condition(() => announced >= sequence, ANSWER_WITHIN_MS);
      return state;
    },
    { validator: ({ startsAt }: { startsAt: string }) => reject(moveProblem(state, startsAt, Date.now())) },
  );
  setHandler(
    cancelMeetingUpdate,
    async () => {
      state.status = 'cancelled';
      state.sequence++;
      const sequence = state.sequence;
      await condition(() => announced >= sequence, ANSWER_WITHIN_MS);
      return state;
    },
    { validator: (_input: unknown) => reject(cancelProblem(state, Date.now())) },
  );

  /** This generation's reminders still to send, computed once when its invitation goes out, so a late timer loses none. */
  let reminders: number[] = [];
  for (;;) {
    if (announced < state.sequence) {
      const sequence = state.sequence;
      const cancelled = state.status === 'cancelled';
      await mail(cancelled ? 'cancellation' : 'invitation', `${cancelled ? 'cancel' : 'invite'}:${sequence}`);
      announced = sequence;
      reminders = cancelled ? [] : remindersAhead(state.startsAt, remindBeforeMs, Date.now());
      continue;
    }
    if (state.status === 'cancelled') return;
    const start = Date.parse(state.startsAt);
    const next = reminders[0];
    const sequence = state.sequence;
    const changed = await condition(() => state.sequence !== sequence, Math.max(1, (next ?? start) - Date.now()));
    if (changed) continue;
    if (next === undefined) return;
    reminders.shift();
    if (Date.now() < start) await mail('reminder', `remind:${sequence}:${start - next}`);
  }
}
