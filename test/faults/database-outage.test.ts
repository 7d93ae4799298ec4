import { afterEach, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/core';
import supertest from 'supertest';
import { createApp } from '../../api/http/app.ts';
import { openDatabase } from '../../infra/db/orm.ts';
import { statusQuery, volunteerWorkflowId } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { remind, seconds, testPolicy } from '../support/policy.ts';
import { startStack, stepOf, testLinks, volunteerBody, type Stack } from '../support/stack.ts';
import { waitUntil } from '../support/wait.ts';
import { killWorker, spawnWorker, type WorkerProcess } from '../support/worker-process.ts';
import { deliveryProblems, everyone, REMINDER, WELCOME } from './support/mail-tally.ts';
import { projectionDisagreements } from './support/projection.ts';
import { registerMany } from './support/register-many.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const VOLUNTEERS = 20;

// PostgreSQL: a server that can go away. (SQLite is a file inside the process; it has no outage of this kind.)
describe('the PostgreSQL database down for a while', () => {
  let stack: Stack;
  let database: TcpProxy | undefined;
  let proxiedOrm: MikroORM | undefined;
  let worker: WorkerProcess | undefined;
  afterEach(async () => {
    if (worker) await killWorker(worker);
    await database?.stop();
    await proxiedOrm?.close();
    await stack?.close();
  });

  it('answers 503 with a clear message while it is away, and afterwards the projection agrees with the workflows', async () => {
    const started = Date.now();
    const policy = await testPolicy([remind(25, 'volunteer'), remind(3_600, 'volunteer')]);
    stack = await startStack('postgresql', policy, { worker: false });
    // The API and the worker reach PostgreSQL through a hop the test can take away; the test itself
    // keeps a direct connection (stack.orm) to clean up.
    const target = new URL(stack.db.url);
    database = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const proxiedUrl = database.via(stack.db.url);
    proxiedOrm = await openDatabase(proxiedUrl);
    const logged: string[] = [];
    const app = createApp({ orm: proxiedOrm, policy, temporal: stack.temporal, links: testLinks, bodyLimit: '100kb', log: (line) => logged.push(line), auth: { secureCookies: false } });
    const { token } = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
    const api = supertest.agent(app).set('Authorization', `Bearer ${token}`);
    worker = await spawnWorker({ ...stack, db: { ...stack.db, url: proxiedUrl } });

    const volunteers = await registerMany(api, VOLUNTEERS, 5);
    await stack.sink.waitFor((m) => m.subject === WELCOME, VOLUNTEERS, seconds(60));
    // One declaration signed before the outage, so the comparison covers a finished step too.
    const [signed, ...waiting] = volunteers;
    await api.post(`/api/volunteers/${signed!.id}/steps/confidentialityDeclaration/complete`).send({}).expect(200);

    await database.stop();
    const downAt = Date.now();
    const list = await api.get('/api/volunteers').expect(503);
    expect(list.body.error).toEqual({
      status: 503,
      code: 'DatabaseUnavailable',
      message: "Samspill's database is not answering right now. Try again in a minute; if it lasts, tell whoever runs Samspill (GET /ready shows what is down).",
    });
    const registering = await api.post('/api/volunteers').send(volunteerBody()).expect(503);
    expect(registering.body.error.code).toBe('DatabaseUnavailable');
    const page = await api.get('/volunteers').set('Accept', 'text/html').expect(503);
    expect(page.text).toContain('Prøv igjen om litt');
    const ready = await api.get('/ready').expect(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: expect.stringMatching(/^unreachable: connect ECONNREFUSED/), workflowEngine: 'ok' } });
    await api.get('/health').expect(200);

    // The workflows go on without it: each reminder falls due, is decided in the workflow, and waits
    // for the projection (and then the outbox) to take it.
    const remindersDecided = async () => {
      const states = await Promise.all(waiting.map((v) => stack.client.workflow.getHandle(volunteerWorkflowId(v.id)).query(statusQuery)));
      return states.every((state) => state.steps.find((s) => s.step === 'confidentialityDeclaration')?.remindersSent === 1);
    };
    await waitUntil(remindersDecided, seconds(60));
    const remindersBefore = stack.sink.matching((m) => m.subject === REMINDER).length;
    // Most fell due during the outage (a slow machine may have sent a few before), so the projection fell behind.
    expect(remindersBefore).toBeLessThan(waiting.length);

    await database.start();
    const backAt = Date.now();
    await api.get('/ready').expect(200);
    await stack.sink.waitFor((m) => m.subject === REMINDER, waiting.length, seconds(90));
    const ids = volunteers.map((v) => v.id);
    // Waits for the last projection writes, then shows any disagreement that is left.
    await waitUntil(async () => (await projectionDisagreements(stack.client, api, ids)).length === 0, seconds(30)).catch(() => undefined);
    expect(await projectionDisagreements(stack.client, api, ids)).toEqual([]);
    const caughtUpIn = Date.now() - backAt;

    const shown = await api.get(`/api/volunteers/${waiting[0]!.id}`).expect(200);
    expect(stepOf(shown.body, 'confidentialityDeclaration')).toMatchObject({ state: 'waiting', remindersSent: 1 });
    expect(stepOf((await api.get(`/api/volunteers/${signed!.id}`).expect(200)).body, 'confidentialityDeclaration')).toMatchObject({ state: 'done', remindersSent: 0 });
    expect(
      deliveryProblems(stack.sink.messages, new Map([...everyone(waiting.map((v) => v.email), { [WELCOME]: 1, [REMINDER]: 1 }), [signed!.email, { [WELCOME]: 1 }]])),
    ).toEqual([]);
    expect(logged).toEqual([]);

    console.log(
      `Database outage: ${Math.round((backAt - downAt) / 1000)} s down, ${waiting.length - remindersBefore} reminders decided meanwhile; ` +
        `all delivered and the projection of ${VOLUNTEERS} volunteers agreeing with their workflows ${(caughtUpIn / 1000).toFixed(1)} s after it came back; ` +
        `scenario took ${Math.round((Date.now() - started) / 1000)} s.`,
    );
  }, seconds(240));
});
