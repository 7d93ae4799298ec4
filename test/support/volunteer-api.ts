import { expect } from '@jest/globals';
import type { Stack } from './stack.ts';

/** Posts a human action on a volunteer and returns the status it answers with. */
export async function act(stack: Stack, id: string, path: string, body: Record<string, unknown>, status = 200) {
  const response = await stack.api.post(`/api/volunteers/${id}/${path}`).send(body);
  if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  expect(response.status).toBe(status);
  return response.body as { phase: string; steps: { step: string; state: string }[]; [key: string]: unknown };
}

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
export const inSeconds = (s: number) => new Date(Date.now() + s * 1_000).toISOString();
