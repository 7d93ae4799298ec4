import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Every string in one run's history, payload bytes decoded, so a test can search it for personal data. */
export async function historyText(client: Client, workflowId: string, runId?: string): Promise<string> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('utf8'));
    else if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(history);
  return parts.join('\n');
}

/** The text of every run of a workflow (continue-as-new starts new runs), found through visibility. */
export async function allHistoriesText(client: Client, workflowId: string): Promise<{ runs: number; text: string }> {
  const texts: string[] = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    texts.push(await historyText(client, workflowId, execution.runId));
  }
  return { runs: texts.length, text: texts.join('\n') };
}

export const HISTORIES_DIR = fileURLToPath(new URL('../histories/', import.meta.url));

/**
 * With SAMSPILL_RECORD_HISTORIES=1 (`npm run test:record-histories`), saves every run of a workflow
 * as a fixture for the replay test, which then guards the workflow code against non-determinism.
 */
export async function recordHistories(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.SAMSPILL_RECORD_HISTORIES) return;
  await mkdir(HISTORIES_DIR, { recursive: true });
  const runs: string[] = [];
  for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(execution.runId);
  for (const [index, runId] of runs.reverse().entries()) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    // A run that has not yet completed a workflow task has nothing to replay.
    if (!history.events?.some((e) => e.workflowTaskCompletedEventAttributes)) continue;
    await writeFile(`${HISTORIES_DIR}${name}.run${index + 1}.json`, historyToJSON(history));
  }
}
