import type { Client } from '@temporalio/client';
import { statusQuery, volunteerWorkflowId } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import type { Agent } from '../../support/stack.ts';

const COMPARED = ['state', 'openedAt', 'dueAt', 'sessionAt', 'completedAt', 'completedBy', 'remindersSent'] as const;

type Comparable = Record<string, unknown> & { step: string };

const stepsOf = (steps: Comparable[]) =>
  Object.fromEntries([...steps].sort((a, b) => a.step.localeCompare(b.step)).map((step) => [step.step, Object.fromEntries(COMPARED.map((field) => [field, step[field]]))]));

/**
 * Where the status projection the API reads differs from the state the volunteer's workflow holds
 * (asked with its `status` query): phase, and each step's state, dates and reminders. Empty when they agree.
 */
export async function projectionDisagreements(client: Client, api: Agent, volunteerIds: string[]): Promise<string[]> {
  const disagreements: string[] = [];
  for (const id of volunteerIds) {
    const workflow = await client.workflow.getHandle(volunteerWorkflowId(id)).query(statusQuery);
    const { body: projected } = await api.get(`/api/volunteers/${id}`).expect(200);
    const held = { phase: workflow.phase, steps: stepsOf(workflow.steps as unknown as Comparable[]) };
    const shown = { phase: projected.phase, steps: stepsOf(projected.steps) };
    if (JSON.stringify(held) !== JSON.stringify(shown)) {
      disagreements.push(`${id}: workflow ${JSON.stringify(held)}\n  projection ${JSON.stringify(shown)}`);
    }
  }
  return disagreements;
}
