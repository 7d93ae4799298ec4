import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { reject, SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import {
  assignContactUpdate,
  bookSessionUpdate,
  changePhaseUpdate,
  changeRoleUpdate,
  completeStepUpdate,
  eraseUpdate,
  recordPoliceCertificateUpdate,
  registerDeviationUpdate,
  releaseSessionUpdate,
  remindNowUpdate,
  statusQuery,
  waiveStepUpdate,
  type BookSessionInput,
  type CompleteStepInput,
  type LifecycleState,
  type PhaseAction,
  type PoliceCertificateInput,
  type ReleaseSessionInput,
  type StepName,
  type VolunteerLifecycleInput,
} from './definitions.ts';
import { nextRung, rungTemplate } from './ladder.ts';
import * as rules from './rules.ts';
import * as t from './transitions.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

/** Lifecycles whose first conversation was held before this patch sent no «you are now active» email; replayed, they still send none. */
const NOW_ACTIVE_PATCH = 'now-active-email';

/**
 * One volunteer's lifecycle, from registration to anonymisation. The input carries only IDs,
 * requirements and the policy; activities read personal data from the database. Human steps
 * arrive as validated Updates; one loop sends what the state calls for and sleeps until the
 * next rung falls due or something changes.
 */
export async function volunteerLifecycle(input: VolunteerLifecycleInput): Promise<void> {
  const { volunteerId, policy } = input;
  const { workflowId: key } = workflowInfo();
  // The phase this run began in, read before any handler can run: buffered Updates are applied as
  // soon as their handler is set, so reading it later would differ between a live run and its replay.
  const runPhase = input.state?.phase ?? 'onboarding';
  const state = input.state ?? t.initialState(input.requirements);
  const now = () => Date.now();
  let published = input.state ? state.version : -1;
  // Before any handler is set: an Update that arrives with the start (register, then record the
  // police certificate at once) is validated against the steps onboarding opens, not refused as too early.
  if (state.phase === 'registered') t.beginOnboarding(state, policy, now(), key);

  /** Each handler changes the state, then waits until the projection shows it, so the API answers with what it reads. */
  const handle = async (change: () => void): Promise<LifecycleState> => {
    change();
    const version = state.version;
    await condition(() => published >= version);
    return state;
  };
  const today = () => new Date(now()).toISOString().slice(0, 10);

  setHandler(statusQuery, () => state);
  setHandler(completeStepUpdate, ({ step, actor, ...details }) =>
    handle(() => t.completeStep(state, policy, step, actor, now(), key, details, step === 'firstConversation' && patched(NOW_ACTIVE_PATCH))), {
    validator: ({ step }: CompleteStepInput) => reject(rules.completeStepProblem(state, step)),
  });
  setHandler(recordPoliceCertificateUpdate, (certificate) => handle(() => t.recordPoliceCertificate(state, policy, certificate, now(), key)), {
    validator: (certificate: PoliceCertificateInput) => reject(rules.policeCertificateProblem(state, certificate, today())),
  });
  setHandler(bookSessionUpdate, ({ step, at, actor }) => handle(() => t.bookSession(state, policy, step, Date.parse(at), actor, now(), key)), {
    validator: (booking: BookSessionInput) => reject(rules.bookSessionProblem(state, booking, now())),
  });
  setHandler(releaseSessionUpdate, ({ step, reason, actor }) => handle(() => t.releaseSession(state, step, reason, actor, now(), key)), {
    validator: ({ step }: ReleaseSessionInput) => reject(rules.releaseSessionProblem(state, step)),
  });
  setHandler(waiveStepUpdate, ({ step, actor }) => handle(() => t.waiveStep(state, policy, step, actor, now(), key)), {
    validator: ({ step }: { step: StepName }) => reject(rules.waiveProblem(state, step)),
  });
  setHandler(remindNowUpdate, ({ requestId, actor }) => handle(() => t.remindNow(state, policy, requestId, actor, now(), key)), {
    validator: (_input) => reject(rules.remindNowProblem(state, policy)),
  });
  setHandler(assignContactUpdate, ({ actor }) => handle(() => t.assignContact(state, policy, actor, now(), key)), {
    validator: (_input) => reject(rules.assignContactProblem(state)),
  });
  setHandler(
    changePhaseUpdate,
    ({ action, actor }) =>
      handle(() => {
        if (action === 'pause') t.pause(state, actor, now());
        else if (action === 'resume') t.resume(state, policy, actor, now(), key);
        else if (action === 'withdraw') t.withdraw(state, actor, now(), key);
        else t.beginEnding(state, policy, actor, now());
      }),
    { validator: ({ action }: { action: PhaseAction }) => reject(rules.phaseActionProblem(state, action)) },
  );
  setHandler(changeRoleUpdate, ({ requirements, actor }) => handle(() => t.changeRole(state, policy, requirements, actor, now(), key)), {
    validator: (_input) => reject(rules.changeRoleProblem(state)),
  });
  setHandler(registerDeviationUpdate, ({ actor }) => handle(() => t.registerDeviation(state, actor, now())));
  // Answers at once instead of waiting for the projection: the run ends right after publishing, and
  // the caller waits for that end before erasing the data.
  setHandler(eraseUpdate, ({ actor }) => {
    t.stopForErasure(state, actor, now());
    return state;
  }, { validator: (_input) => reject(rules.eraseProblem(state)) });


  for (;;) {
    // 1. Publish the new state and its audit entries to the projection the API reads.
    if (state.version > published) {
      const version = state.version;
      const audit = state.audit.splice(0);
      await activities.recordStatus({ volunteerId, state: { ...state, audit: [] }, audit });
      published = version;
    }
    // 2. Send what the state has decided, oldest first; each email goes once through the outbox and
    //    is rendered from the projection just written.
    while (state.outbox.length) {
      const [intent] = state.outbox;
      await activities.sendEmail({ volunteerId, ...intent! });
      state.outbox.shift();
    }
    if (state.anonymised && state.version === published) return;
    if (state.outbox.length || state.version > published) continue;

    // 3. History stays bounded: a fresh run at each phase boundary, or when the server suggests it.
    // Handlers wait for the publish in step 1, so a change since then must be published first.
    if (state.phase !== runPhase || workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() || state.version > published || state.outbox.length > 0);
      if (allHandlersFinished() && !state.outbox.length && state.version === published) {
        await continueAsNew<typeof volunteerLifecycle>({ ...input, state });
      }
      continue;
    }

    // 4. Sleep until the next rung or the end of retention, or until a human acts.
    const rung = nextRung(state, policy);
    const retentionMs = state.closedAt
      ? Date.parse(state.closedAt) + (state.phase === 'ended' ? policy.retention.afterEndedMs : policy.retention.afterWithdrawnMs)
      : undefined;
    const wakeAt = Math.min(rung?.dueAtMs ?? Infinity, retentionMs ?? Infinity);
    const version = state.version;
    const changed = await condition(
      () => state.version !== version,
      Number.isFinite(wakeAt) ? Math.max(1, wakeAt - now()) : undefined,
    );
    if (changed) continue;
    if (retentionMs !== undefined && now() >= retentionMs) {
      await activities.anonymiseVolunteer({ volunteerId });
      state.anonymised = true;
      state.audit.push({ at: new Date(now()).toISOString(), actor: 'system', action: 'anonymised' });
      state.version++;
    } else if (rung && now() >= rung.dueAtMs) {
      t.fireRung(state, rung, rungTemplate(rung), now(), key);
    }
  }
}
