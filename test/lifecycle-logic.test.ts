import { describe, expect, it } from '@jest/globals';
import { lifecyclePolicy, loadPolicy } from '../infra/policy/policy.ts';
import { volunteerIdFromWorkflowId, volunteerWorkflowId, type LifecycleState } from '../workflows/volunteer-lifecycle/definitions.ts';
import { nextRung, remindersNow, rungTemplate, unsentRungs } from '../workflows/volunteer-lifecycle/ladder.ts';
import * as rules from '../workflows/volunteer-lifecycle/rules.ts';
import * as t from '../workflows/volunteer-lifecycle/transitions.ts';
import { DEFAULT_POLICY_FILE } from './support/policy.ts';

const DAY = 86_400_000;
const policy = lifecyclePolicy(await loadPolicy(DEFAULT_POLICY_FILE));
const T0 = Date.parse('2026-01-05T09:00:00Z');

function registered(requirements = { policeCertificate: true, introductionCourse: true }): LifecycleState {
  const state = t.initialState(requirements);
  t.beginOnboarding(state, policy, T0, 'wf');
  return state;
}

const stateOf = (state: LifecycleState, name: Parameters<typeof t.findStep>[1]) => t.findStep(state, name)?.state;

describe('onboarding', () => {
  it('opens the steps the activity type requires, and sends the welcome and the confirmation of purpose', () => {
    const state = registered();
    expect(state.phase).toBe('onboarding');
    expect(state.steps.map((s) => [s.step, s.state])).toEqual([
      ['registration', 'done'],
      ['policeCertificate', 'waiting'],
      ['confidentialityDeclaration', 'waiting'],
      ['introductionCourse', 'waiting'],
      ['firstConversation', 'pending'],
    ]);
    expect(state.outbox.map((e) => e.template)).toEqual(['welcome', 'purposeConfirmation']);
    expect(t.findStep(state, 'policeCertificate')?.dueAt).toBe(new Date(T0 + 42 * DAY).toISOString());
  });

  it('marks steps the activity type does not require as notRequired', () => {
    const state = registered({ policeCertificate: false, introductionCourse: false });
    expect(stateOf(state, 'policeCertificate')).toBe('notRequired');
    expect(stateOf(state, 'introductionCourse')).toBe('notRequired');
    expect(state.outbox.map((e) => e.template)).toEqual(['welcome']);
  });
});

describe('reminder ladders', () => {
  it('picks the earliest unsent rung across every open step', () => {
    const state = registered();
    const first = nextRung(state, policy)!;
    expect([first.step.step, first.key, first.dueAtMs - T0]).toEqual(['confidentialityDeclaration', 'r1:0', 3 * DAY]);
    t.fireRung(state, first, rungTemplate(first), first.dueAtMs, 'wf');
    expect(state.outbox.at(-1)).toEqual({ key: 'wf:confidentialityDeclaration:r1:0', template: 'stepReminder', recipient: 'volunteer', step: 'confidentialityDeclaration' });
    const second = nextRung(state, policy)!;
    expect([second.step.step, second.dueAtMs - T0]).toEqual(['confidentialityDeclaration', 7 * DAY]);
  });

  it('makes a step overdue at its first escalation, and names staff templates', () => {
    const state = registered();
    const declaration = t.findStep(state, 'confidentialityDeclaration')!;
    for (const due of unsentRungs(state, declaration, policy).slice(0, 3)) t.fireRung(state, due, rungTemplate(due), due.dueAtMs, 'wf');
    expect(declaration).toMatchObject({ state: 'overdue', remindersSent: 2 });
    expect(state.outbox.slice(-1)[0]).toMatchObject({ template: 'stepEscalation', recipient: 'contact' });
  });

  it('switches the course to session reminders when booked, skips those already past, and recomputes when moved', () => {
    const state = registered();
    const session = T0 + 10 * DAY;
    t.bookSession(state, policy, 'introductionCourse', session, 'c1', T0 + 5 * DAY, 'wf');
    const course = t.findStep(state, 'introductionCourse')!;
    expect(unsentRungs(state, course, policy).map((r) => [r.key, r.dueAtMs - session])).toEqual([['r1s1:1', -1 * DAY]]);
    expect(state.outbox.at(-1)).toMatchObject({ template: 'sessionBooked', key: 'wf:session:introductionCourse:1:1' });
    t.bookSession(state, policy, 'introductionCourse', T0 + 30 * DAY, 'c1', T0 + 6 * DAY, 'wf');
    const moved = t.findStep(state, 'introductionCourse')!;
    expect(unsentRungs(state, moved, policy).map((r) => r.key)).toEqual(['r1s2:0', 'r1s2:1']);
    expect(rungTemplate(unsentRungs(state, moved, policy)[0]!)).toBe('sessionReminder');
  });

  it('runs no ladder while paused', () => {
    const state = registered();
    t.pause(state, 'c1', T0);
    expect(nextRung(state, policy)).toBeUndefined();
  });

  it('reminds now of every waiting step, as its ladder would, once per request', () => {
    const state = registered();
    // The unbooked course only escalates to the contact; a reminder asked for now goes to them, as a reminder.
    expect(remindersNow(state, policy).map((r) => [r.step.step, r.recipient, r.template])).toEqual([
      ['policeCertificate', 'volunteer', 'stepReminder'],
      ['confidentialityDeclaration', 'volunteer', 'stepReminder'],
      ['introductionCourse', 'contact', 'contactReminder'],
    ]);
    const before = state.outbox.length;
    t.remindNow(state, policy, 'req1', 'c1', T0, 'wf');
    expect(state.outbox.slice(before).map((e) => e.key)).toEqual(['wf:remindNow:req1:policeCertificate', 'wf:remindNow:req1:confidentialityDeclaration', 'wf:remindNow:req1:introductionCourse']);
    // Sent reminders of the ladder are untouched: its own rungs still fall due.
    expect(nextRung(state, policy)?.key).toBe('r1:0');
    t.pause(state, 'c1', T0);
    expect(rules.remindNowProblem(state, policy)).toMatchObject({ code: 'VolunteerPaused' });
  });
});

describe('the activation gate', () => {
  it('opens the first conversation only when every required step is done and a contact is assigned', () => {
    const state = registered();
    expect(rules.completeStepProblem(state, 'firstConversation')?.code).toBe('ActivationGateClosed');
    t.recordPoliceCertificate(state, policy, { actor: 'c1', issuedOn: '2026-01-02', presentedOn: '2026-01-05', outcome: 'approved' }, T0, 'wf');
    t.completeStep(state, policy, 'confidentialityDeclaration', 'c1', T0, 'wf');
    t.bookSession(state, policy, 'introductionCourse', T0 + DAY, 'c1', T0, 'wf');
    t.completeStep(state, policy, 'introductionCourse', 'c1', T0 + DAY, 'wf');
    expect(t.missingForActivation(state)).toEqual(['contact']);
    expect(stateOf(state, 'firstConversation')).toBe('pending');
    t.assignContact(state, policy, 'c1', T0 + DAY, 'wf');
    expect(stateOf(state, 'firstConversation')).toBe('waiting');
    expect(state.outbox.at(-1)).toMatchObject({ template: 'gateOpen', recipient: 'contact' });
    t.completeStep(state, policy, 'firstConversation', 'c1', T0 + 2 * DAY, 'wf');
    expect(state.phase).toBe('active');
    expect(t.findStep(state, 'followUp')?.dueAt).toBe(new Date(T0 + 2 * DAY + 42 * DAY).toISOString());
  });
});

describe('police certificates', () => {
  const record = (issuedOn: string, presentedOn: string) =>
    rules.policeCertificateProblem(registered(), { actor: 'c1', issuedOn, presentedOn, outcome: 'approved', maxAgeMonths: 3 }, '2026-06-30');

  it('accepts one at most three months old when presented', () => {
    expect(record('2026-03-15', '2026-06-15')).toBeUndefined();
  });

  it('refuses one older than three months, saying what to do', () => {
    expect(record('2026-03-14', '2026-06-15')).toMatchObject({ type: 'invalid', code: 'CertificateTooOld' });
    expect(record('2026-03-14', '2026-06-15')?.message).toMatch(/more than 3 months before .* apply for a new one/);
  });

  it('refuses impossible dates', () => {
    expect(record('2026-06-20', '2026-06-15')?.code).toBe('IssuedAfterPresented');
    expect(record('2026-06-01', '2026-07-01')?.code).toBe('PresentedInFuture');
    expect(record('15.06.2026', '2026-06-15')?.code).toBe('InvalidDate');
  });

  it('stops the reminders when not approved, for the coordinator to decide', () => {
    const state = registered();
    t.recordPoliceCertificate(state, policy, { actor: 'c1', issuedOn: '2026-01-02', presentedOn: '2026-01-05', outcome: 'notApproved' }, T0, 'wf');
    const step = t.findStep(state, 'policeCertificate')!;
    expect(step.state).toBe('waiting');
    expect(unsentRungs(state, step, policy)).toEqual([]);
    expect(state.audit.at(-1)).toMatchObject({ action: 'policeCertificateNotApproved', details: { outcome: 'notApproved' } });
  });
});

function active(requirements = { policeCertificate: true, introductionCourse: false }): LifecycleState {
  const state = registered(requirements);
  t.recordPoliceCertificate(state, policy, { actor: 'c1', issuedOn: '2026-01-02', presentedOn: '2026-01-05', outcome: 'approved' }, T0, 'wf');
  t.completeStep(state, policy, 'confidentialityDeclaration', 'c1', T0, 'wf');
  t.assignContact(state, policy, 'c1', T0, 'wf');
  t.completeStep(state, policy, 'firstConversation', 'c1', T0, 'wf');
  return state;
}

describe('pause, role change, withdrawal and ending', () => {
  it('asks for a new police certificate on return where the activity type requires one, then reactivates', () => {
    const state = active();
    t.pause(state, 'c1', T0 + DAY);
    expect(rules.phaseActionProblem(state, 'pause')?.code).toBe('CannotPause');
    t.resume(state, policy, 'c1', T0 + 2 * DAY, 'wf');
    expect(state.phase).toBe('onboarding');
    expect(t.findStep(state, 'policeCertificate')).toMatchObject({ state: 'waiting', round: 2 });
    expect(state.outbox.at(-1)).toMatchObject({ template: 'purposeConfirmation', key: 'wf:purposeConfirmation:2' });
    t.recordPoliceCertificate(state, policy, { actor: 'c1', issuedOn: '2026-01-06', presentedOn: '2026-01-07', outcome: 'approved' }, T0 + 3 * DAY, 'wf');
    expect(state.phase).toBe('active');
  });

  it('returns straight to active where no certificate is required', () => {
    const state = active({ policeCertificate: false, introductionCourse: false });
    t.pause(state, 'c1', T0 + DAY);
    t.resume(state, policy, 'c1', T0 + 2 * DAY, 'wf');
    expect(state.phase).toBe('active');
  });

  it('opens the new steps a new role requires before the volunteer is active in it', () => {
    const state = active({ policeCertificate: false, introductionCourse: false });
    t.changeRole(state, policy, { policeCertificate: true, introductionCourse: true }, 'c1', T0 + DAY, 'wf');
    expect(state.phase).toBe('onboarding');
    expect([stateOf(state, 'policeCertificate'), stateOf(state, 'introductionCourse')]).toEqual(['waiting', 'waiting']);
  });

  it('allows withdrawal only before activation, and ending only after', () => {
    expect(rules.phaseActionProblem(registered(), 'withdraw')).toBeUndefined();
    expect(rules.phaseActionProblem(registered(), 'end')?.code).toBe('CannotEnd');
    expect(rules.phaseActionProblem(active(), 'withdraw')?.code).toBe('AlreadyActivated');
    expect(rules.phaseActionProblem(active(), 'end')).toBeUndefined();
  });

  it('ends through the ending conversation with a thank-you, and closes open steps', () => {
    const state = active();
    t.beginEnding(state, policy, 'c1', T0 + DAY);
    expect(state.phase).toBe('ending');
    expect(stateOf(state, 'followUp')).toBe('notRequired');
    expect(t.findStep(state, 'endingConversation')?.dueAt).toBe(new Date(T0 + DAY + 28 * DAY).toISOString());
    t.completeStep(state, policy, 'endingConversation', 'c1', T0 + 2 * DAY, 'wf');
    expect(state).toMatchObject({ phase: 'ended', closedAt: new Date(T0 + 2 * DAY).toISOString() });
    expect(state.outbox.at(-1)).toMatchObject({ template: 'thankYouEnded', key: 'wf:ended' });
  });

  it('brings the next follow-up forward when a deviation is registered', () => {
    const state = active();
    t.registerDeviation(state, 'c1', T0 + DAY);
    expect(t.findStep(state, 'followUp')).toMatchObject({ dueAt: new Date(T0 + DAY).toISOString(), round: 2 });
  });
});

describe('workflow IDs', () => {
  it('derive from volunteer IDs and back', () => {
    const id = '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91';
    expect(volunteerIdFromWorkflowId(volunteerWorkflowId(id))).toBe(id);
    expect(volunteerIdFromWorkflowId('agreement-1')).toBeUndefined();
  });
});
