import { afterEach, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { createServer, type AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createApp } from '../api/http/app.ts';
import { startPendingLifecycles } from '../api/volunteers/pending-lifecycles.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API with Temporal unreachable', () => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('answers 503 promptly with a clear message, keeps the registration, and starts it once Temporal is back', async () => {
    const policy = await testPolicy([{ afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' }]);
    stack = await startStack('sqlite', policy);
    const connection = Connection.lazy({ address: `127.0.0.1:${await closedPort()}` });
    const unreachable = { client: new Client({ connection }), taskQueue: stack.taskQueue, callTimeoutMs: 2_000 };
    const { token } = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
    const app = createApp({ orm: stack.orm, policy, temporal: unreachable, links: testLinks, bodyLimit: '100kb', log: () => undefined, auth: { secureCookies: false } });
    const api = supertest.agent(app).set('Authorization', `Bearer ${token}`);
    const body = volunteerBody();

    const started = Date.now();
    const response = await api.post('/api/volunteers').send(body).expect(503);
    expect(Date.now() - started).toBeLessThan(seconds(5));
    expect(response.body.error.code).toBe('WorkflowEngineUnavailable');
    expect(response.body.error.message).toMatch(/registration is saved .* do not register the volunteer again/);
    const id: string = response.body.id;

    const ready = await api.get('/ready').expect(503);
    expect(ready.body.checks).toEqual({ database: 'ok', workflowEngine: 'unreachable' });
    await api.get('/health').expect(200);

    const completing = Date.now();
    const complete = await api.post(`/api/volunteers/${id}/steps/confidentialityDeclaration/complete`).send({}).expect(503);
    expect(Date.now() - completing).toBeLessThan(seconds(5));
    expect(complete.body.error.message).toMatch(/not answering/);

    const saved = await stack.api.get(`/api/volunteers/${id}`).expect(200);
    expect(saved.body).toMatchObject({ lifecycleStarted: false, phase: 'registered' });

    expect(await startPendingLifecycles({ orm: stack.orm, policy, temporal: stack.temporal })).toBe(1);
    await stack.sink.waitFor(sentTo(body.email));
    const resumed = await stack.api.get(`/api/volunteers/${id}`).expect(200);
    expect(resumed.body.lifecycleStarted).toBe(true);
    expect(await startPendingLifecycles({ orm: stack.orm, policy, temporal: stack.temporal })).toBe(0);
    await connection.close();
  });
});
