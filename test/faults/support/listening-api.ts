import type { Server } from 'node:http';
import supertest from 'supertest';
import type { Agent, Stack } from '../../support/stack.ts';

/**
 * The stack's API on a real port, signed in as a coordinator: supertest on the bare app listens
 * anew for every request, which costs more than the requests themselves under a storm.
 */
export async function listeningApi(stack: Stack): Promise<{ api: Agent; close: () => Promise<void> }> {
  const { token } = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
  const server: Server = await new Promise((resolve) => {
    const listening = stack.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    api: supertest.agent(server).set('Authorization', `Bearer ${token}`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
