import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import { reject, SHORT_ACTIVITY_OPTIONS } from '../shared/problems.ts';
import {
  agreementDeviationUpdate,
  agreementStatusQuery,
  completeReviewUpdate,
  signAgreementUpdate,
  startReviewUpdate,
  type AgreementLifecycleInput,
  type AgreementState,
  type CompleteReviewInput,
} from './definitions.ts';
import * as cycle from './cycle.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>(SHORT_ACTIVITY_OPTIONS);

function initialState(): AgreementState {
  return {
    status: 'draft',
    version: 1,
    cycle: 0,
    startDate: null,
    reviewDueOn: null,
    earlyReview: false,
    sentRungs: [],
    lastOutcome: null,
    stateVersion: 0,
    outbox: [],
    audit: [],
  };
}

/**
 * One cooperation agreement: draft → active → reviewDue → underReview → continued | revised | terminated,
 * one run per yearly cycle. Carries only IDs and the policy; activities read names and addresses.
 */
export async function agreementLifecycle(input: AgreementLifecycleInput): Promise<void> {
  const { agreementId, policy } = input;
  const { workflowId: key } = workflowInfo();
  const state = input.state ?? initialState();
  const now = () => Date.now();
  let published = input.state ? state.stateVersion : -1;
  const runCycle = state.cycle;

  const handle = async (change: () => void): Promise<AgreementState> => {
    change();
    const version = state.stateVersion;
    await condition(() => published >= version);
    return state;
  };

  setHandler(agreementStatusQuery, () => state);
  setHandler(signAgreementUpdate, (signing) => handle(() => cycle.sign(state, policy, signing, now())), {
    validator: (_signing) => reject(cycle.signProblem(state)),
  });
  setHandler(startReviewUpdate, ({ actor }) => handle(() => cycle.startReview(state, actor, now())), {
    validator: (_input) => reject(cycle.startReviewProblem(state)),
  });
  setHandler(completeReviewUpdate, (review) => handle(() => cycle.completeReview(state, policy, review, now(), key)), {
    validator: (review: CompleteReviewInput) => reject(cycle.completeReviewProblem(state, review)),
  });
  setHandler(agreementDeviationUpdate, ({ actor }) => handle(() => cycle.registerDeviation(state, actor, now(), key)));

  for (;;) {
    // 1. Publish the state and its audit entries; 2. send what it decided, rendered from that projection.
    if (state.stateVersion > published) {
      const version = state.stateVersion;
      const audit = state.audit.splice(0);
      await activities.recordAgreementStatus({ agreementId, state: { ...state, audit: [] }, audit });
      published = version;
    }
    while (state.outbox.length) {
      await activities.sendAgreementEmail({ agreementId, ...state.outbox[0]! });
      state.outbox.shift();
    }
    if (state.stateVersion > published) continue;
    if (state.status === 'terminated') return;

    // 3. One run per yearly cycle keeps history bounded for agreements that last decades.
    if (state.cycle !== runCycle || workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() || state.stateVersion > published);
      if (allHandlersFinished() && state.stateVersion === published && !state.outbox.length) {
        await continueAsNew<typeof agreementLifecycle>({ agreementId, policy, state });
      }
      continue;
    }

    // 4. Sleep until the next reminder or the due date, or until someone acts.
    const rung = cycle.nextReviewRung(state, policy);
    const dueMs = state.status === 'active' && state.reviewDueOn ? cycle.dueAtMs(state.reviewDueOn) : Infinity;
    const wakeAt = Math.min(rung?.dueAtMs ?? Infinity, dueMs);
    const seen = state.stateVersion;
    const changed = await condition(() => state.stateVersion !== seen, Number.isFinite(wakeAt) ? Math.max(1, wakeAt - now()) : undefined);
    if (changed) continue;
    if (rung && now() >= rung.dueAtMs) cycle.fireReviewRung(state, rung, now(), key);
    else if (state.status === 'active' && now() >= dueMs) {
      state.status = 'reviewDue';
      state.stateVersion++;
    }
  }
}
