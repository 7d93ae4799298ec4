import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.ts';
import {
  completeStepUpdate,
  type CompleteStepInput,
  statusQuery,
  type LifecycleState,
  type Rung,
  type StepStatus,
  type VolunteerLifecycleInput,
} from './definitions.ts';
import { completeStep, completionProblem, emailKey, findStep, isOpen, msUntilRung, openStep, recordRung } from './steps.ts';

const activities = proxyActivities<ReturnType<typeof createActivities>>({
  // Longer than the mailer's own SMTP timeouts, short enough that a dead worker's task is retried soon.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One volunteer's lifecycle, from registration on. Carries only IDs and the policy; activities read the rest. */
export async function volunteerLifecycle(input: VolunteerLifecycleInput): Promise<void> {
  const { volunteerId, policy } = input;
  const { workflowId } = workflowInfo();
  const state: LifecycleState = input.state ?? { phase: 'registered', welcomeSent: false, steps: [], version: 0 };
  const publish = () => activities.recordStatus({ volunteerId, state });

  setHandler(statusQuery, () => state);
  setHandler(
    completeStepUpdate,
    async ({ step, actor }) => {
      completeStep(state, findStep(state, step)!, actor, new Date());
      await publish();
      return state;
    },
    {
      validator: ({ step }: CompleteStepInput) => {
        const problem = completionProblem(state, step);
        if (problem) throw ApplicationFailure.create({ type: problem.code, message: problem.message, nonRetryable: true });
      },
    },
  );

  // 1. Welcome the volunteer, once per lifecycle.
  if (!state.welcomeSent) {
    await activities.sendEmail({ key: emailKey(workflowId, 'welcome'), volunteerId, template: 'welcome', recipient: 'volunteer' });
    state.welcomeSent = true;
  }

  // 2. Open the onboarding steps that wait on the volunteer.
  if (state.phase === 'registered') {
    state.phase = 'onboarding';
    openStep(state, 'confidentialityDeclaration', new Date(), policy.ladders.confidentialityDeclaration);
    await publish();
  }

  // 3. Remind and escalate until the step is done.
  const declaration = findStep(state, 'confidentialityDeclaration')!;
  await runLadder(declaration, policy.ladders.confidentialityDeclaration);

  // 4. Wait for what comes next; keep history bounded while waiting.
  await condition(() => state.phase !== 'onboarding' || workflowInfo().continueAsNewSuggested);
  if (workflowInfo().continueAsNewSuggested) {
    await condition(allHandlersFinished);
    await continueAsNew<typeof volunteerLifecycle>({ volunteerId, policy, state });
  }

  /** Sends each rung that falls due while the step stays open; completing the step cancels the rest. */
  async function runLadder(step: StepStatus, ladder: Rung[]): Promise<void> {
    for (const [index, rung] of ladder.entries()) {
      if (index < step.rungsDone) continue;
      const closed = await condition(() => !isOpen(step), msUntilRung(step, rung, Date.now()));
      if (closed || !isOpen(step)) return;
      await activities.sendEmail({
        key: emailKey(workflowId, step.step, step.round, index),
        volunteerId,
        template: rung.kind === 'reminder' ? 'stepReminder' : 'stepEscalation',
        recipient: rung.notify,
        step: step.step,
      });
      recordRung(state, step, rung);
      await publish();
    }
  }
}
