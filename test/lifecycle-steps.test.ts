import { describe, expect, it } from '@jest/globals';
import type { LifecycleState, Rung } from '../workflows/volunteer-lifecycle/definitions.ts';
import { volunteerIdFromWorkflowId, volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import { completeStep, completionProblem, emailKey, isOpen, msUntilRung, openStep, recordRung } from '../workflows/volunteer-lifecycle/steps.ts';

const ladder: Rung[] = [
  { afterMs: 3_000, kind: 'reminder', notify: 'volunteer' },
  { afterMs: 10_000, kind: 'escalation', notify: 'contact' },
];
const fresh = (): LifecycleState => ({ phase: 'onboarding', welcomeSent: true, steps: [], version: 0 });

describe('lifecycle step bookkeeping', () => {
  it('opens a waiting step, due when its first escalation falls', () => {
    const state = fresh();
    const step = openStep(state, 'confidentialityDeclaration', new Date('2026-01-01T00:00:00Z'), ladder);
    expect(step).toMatchObject({ state: 'waiting', openedAt: '2026-01-01T00:00:00.000Z', dueAt: '2026-01-01T00:00:10.000Z', round: 1 });
    expect(state.version).toBe(1);
    expect(isOpen(step)).toBe(true);
  });

  it('counts reminders, turns overdue on escalation, and bumps the version each time', () => {
    const state = fresh();
    const step = openStep(state, 'confidentialityDeclaration', new Date(0), ladder);
    recordRung(state, step, ladder[0]!);
    expect(step).toMatchObject({ remindersSent: 1, rungsDone: 1, state: 'waiting' });
    recordRung(state, step, ladder[1]!);
    expect(step).toMatchObject({ remindersSent: 1, rungsDone: 2, state: 'overdue' });
    expect(isOpen(step)).toBe(true);
    expect(state.version).toBe(3);
  });

  it('waits until the rung is due, and at least 1 ms', () => {
    const state = fresh();
    const step = openStep(state, 'confidentialityDeclaration', new Date(1_000), ladder);
    expect(msUntilRung(step, ladder[0]!, 2_000)).toBe(2_000);
    expect(msUntilRung(step, ladder[0]!, 99_000)).toBe(1);
  });

  it('explains why a step cannot be completed', () => {
    const state = fresh();
    expect(completionProblem(state, 'firstConversation')?.code).toBe('StepNotOpen');
    const step = openStep(state, 'confidentialityDeclaration', new Date(0), ladder);
    expect(completionProblem(state, 'confidentialityDeclaration')).toBeUndefined();
    completeStep(state, step, 'coordinator-1', new Date(5_000));
    expect(completionProblem(state, 'confidentialityDeclaration')).toEqual({
      code: 'StepAlreadyDone',
      message: 'The step confidentialityDeclaration was already completed on 1970-01-01T00:00:05.000Z by coordinator-1.',
    });
  });

  it('reopens a step in a new round, so its emails get new keys', () => {
    const state = fresh();
    const first = openStep(state, 'policeCertificate', new Date(0), ladder);
    completeStep(state, first, 'x', new Date(1));
    const second = openStep(state, 'policeCertificate', new Date(2), ladder);
    expect(second.round).toBe(2);
    expect(state.steps).toHaveLength(1);
    expect(emailKey('wf', second.step, second.round, 0)).toBe('wf:policeCertificate:2:0');
  });

  it('derives workflow IDs from volunteer IDs and back', () => {
    const id = '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91';
    expect(volunteerWorkflowId(id)).toBe(`volunteer-lifecycle-${id}`);
    expect(volunteerIdFromWorkflowId(volunteerWorkflowId(id))).toBe(id);
    expect(volunteerIdFromWorkflowId('agreement-1')).toBeUndefined();
  });
});
