import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIALECTS } from './support/databases.ts';
import { waitUntil } from './support/wait.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, volunteerBody, type Stack } from './support/stack.ts';
import { killWorker, spawnWorker, type WorkerProcess } from './support/worker-process.ts';

describe.each(DIALECTS)('a worker killed while the lifecycle waits, on %s', (dialect) => {
  let stack: Stack;
  let worker: WorkerProcess | undefined;
  afterEach(async () => {
    if (worker) await killWorker(worker);
    await stack?.close();
  });

  it('is replaced and the workflow goes on, with no email lost or doubled', async () => {
    stack = await startStack(
      dialect,
      await testPolicy([
        { afterMs: seconds(6), kind: 'reminder', notify: 'volunteer' },
        { afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' },
      ]),
      { worker: false },
    );
    worker = await spawnWorker(stack);
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    await stack.sink.waitFor(sentTo(body.email));
    // Kill once the workflow has moved on and sleeps on its reminder timer.
    await waitUntil(async () => (await stack.api.get(`/api/volunteers/${created.id}`)).body.steps.length > 1);

    await killWorker(worker);
    worker = undefined;
    await sleep(seconds(1));
    worker = await spawnWorker(stack);

    const [welcome, reminder] = await stack.sink.waitFor(sentTo(body.email), 2, seconds(30)).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    expect(welcome!.subject).toMatch(/^Velkommen/);
    expect(reminder!.subject).toBe('Påminnelse: taushetserklæring');
    await sleep(seconds(2));
    expect(stack.sink.matching(sentTo(body.email))).toHaveLength(2);

    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(stepOf(status, 'confidentialityDeclaration')).toMatchObject({ state: 'waiting', remindersSent: 1 });
  });
});
