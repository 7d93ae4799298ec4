import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { conflict, reject, SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import {
  acceptApplicationUpdate,
  applicationQuery,
  confirmApplicationUpdate,
  declineApplicationUpdate,
  inviteApplicantUpdate,
  withdrawApplicationUpdate,
  type ApplicationInput,
  type ApplicationMailing,
  type ApplicationState,
  type ApplicationStatus,
} from './definitions.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

const DAY_MS = 86_400_000;
const CLOSED: readonly ApplicationStatus[] = ['accepted', 'declined', 'withdrawn'];

/** Refuses an action the application's status no longer allows, naming what it is now. */
const unlessIn = (state: ApplicationState, allowed: readonly ApplicationStatus[]) => (..._args: unknown[]) =>
  reject(allowed.includes(state.status) ? undefined : conflict('ApplicationClosed', `The application is ${state.status}; this can no longer be done.`));

/**
 * One public application, from the confirmation email to a decision. Nothing but the pending record
 * exists until the applicant confirms; unconfirmed, it is deleted after the policy's time. Once
 * confirmed, the units' contacts and the coordinator are told, and an unanswered application is
 * escalated by the policy's ladder. Accepting registers the volunteer and starts their lifecycle;
 * a declined or withdrawn application is anonymised after the policy's time. The workflow holds the
 * application's ID and status only; every email has a stable key, so a retry never sends twice.
 */
export async function application({ applicationId, policy }: ApplicationInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const state: ApplicationState = { status: 'unconfirmed' };
  const mail = (mailing: ApplicationMailing, key: string = mailing, extra: { notify?: 'contact' | 'coordinator'; waitingDays?: number } = {}) =>
    activities.sendApplicationMailing({ applicationId, mailing, key: `${workflowId}:${key}`, ...extra });

  /** Projects a decision, then tells the applicant of it. */
  async function decide(status: ApplicationStatus, actor: string, mailing?: ApplicationMailing): Promise<ApplicationState> {
    state.status = status;
    await activities.recordApplication({ applicationId, status, actor });
    if (mailing) await mail(mailing);
    return state;
  }

  setHandler(applicationQuery, () => state);
  setHandler(
    confirmApplicationUpdate,
    async ({ privacyNoticeVersion }) => {
      state.status = 'open';
      await activities.recordApplication({ applicationId, status: 'open', privacyNoticeVersion });
      return state;
    },
    { validator: unlessIn(state, ['unconfirmed']) },
  );
  setHandler(
    acceptApplicationUpdate,
    async ({ actor, serviceUnitId }) => {
      const before = state.status;
      state.status = 'accepted';
      try {
        state.volunteerId = (await activities.acceptApplication({ applicationId, serviceUnitId, actor })).volunteerId;
      } catch (error) {
        // Refused for good (a unit the applicant did not ask for): the application waits as before.
        state.status = before;
        throw ApplicationFailure.create({ type: 'invalid:ApplicationNotAcceptable', message: (error as Error).message, nonRetryable: true });
      }
      return state;
    },
    { validator: unlessIn(state, ['open', 'invited']) },
  );
  setHandler(inviteApplicantUpdate, ({ actor }) => decide('invited', actor, 'invitation'), { validator: unlessIn(state, ['open']) });
  setHandler(declineApplicationUpdate, ({ actor }) => decide('declined', actor, 'declined'), { validator: unlessIn(state, ['open', 'invited']) });
  setHandler(
    withdrawApplicationUpdate,
    async () => {
      if (state.status !== 'unconfirmed') return decide('withdrawn', 'applicant', 'withdrawn');
      // An unconfirmed application is simply deleted below; there is nobody to tell.
      state.status = 'withdrawn';
      return state;
    },
    { validator: unlessIn(state, ['unconfirmed', 'open', 'invited']) },
  );

  const { known } = await activities.openApplication({ applicationId, key: `${workflowId}:open` });
  const confirmed = !known && (await condition(() => state.status !== 'unconfirmed', policy.confirmWithinMs));
  await condition(allHandlersFinished);
  if (!confirmed || state.status === 'withdrawn') {
    await activities.deleteApplication({ applicationId });
    return;
  }

  await mail('received');
  const confirmedAt = Date.now();
  for (const [index, rung] of policy.ladder.entries()) {
    const answered = await condition(() => state.status !== 'open', Math.max(1, confirmedAt + rung.afterMs - Date.now()));
    if (answered) break;
    await mail('escalation', `escalate:${index}`, { notify: rung.notify, waitingDays: Math.round(rung.afterMs / DAY_MS) });
  }

  await condition(() => CLOSED.includes(state.status));
  await condition(allHandlersFinished);
  if (state.status === 'accepted') return;
  await sleep(policy.anonymiseAfterMs);
  await activities.anonymiseApplication({ applicationId });
}
