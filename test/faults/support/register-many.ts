import { expect } from '@jest/globals';
import { forEachInParallel } from '../../../infra/in-parallel.ts';
import type { Agent } from '../../support/stack.ts';
import { volunteerBody } from '../../support/stack.ts';

export interface Registered {
  id: string;
  email: string;
}

/** Registers `count` volunteers through the API, `concurrency` requests at a time, as an integration would. */
export async function registerMany(api: Agent, count: number, concurrency: number): Promise<Registered[]> {
  const registered: Registered[] = [];
  await forEachInParallel(Array.from({ length: count }, () => volunteerBody()), concurrency, async (body) => {
    const response = await api.post('/api/volunteers').send(body);
    expect({ status: response.status, body: response.status === 201 ? undefined : response.body }).toEqual({ status: 201, body: undefined });
    registered.push({ id: response.body.id, email: body.email });
  });
  return registered;
}
