import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIALECTS } from './support/databases.ts';
import { waitUntil } from './support/wait.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, volunteerBody, type Stack } from './support/stack.ts';
import { killWorker, spawnWorker, type WorkerProcess } from './support/worker-process.ts';

describe.each(DIALECTS)('a worker killed in the middle of a reminder ladder, on %s', (dialect) => {
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
        { afterMs: seconds(3), kind: 'reminder', notify: 'volunteer' },
        { afterMs: seconds(8), kind: 'reminder', notify: 'volunteer' },
        { afterMs: seconds(3600), kind: 'reminder', notify: 'volunteer' },
      ]),
      { worker: false },
    );
    worker = await spawnWorker(stack);
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    // Kill after the first reminder, once the workflow has recorded it and sleeps towards the second.
    await stack.sink.waitFor(sentTo(body.email), 2, seconds(20));
    await waitUntil(async () => stepOf((await stack.api.get(`/api/volunteers/${created.id}`)).body, 'confidentialityDeclaration').remindersSent === 1);

    await killWorker(worker);
    worker = undefined;
    await sleep(seconds(1));
    worker = await spawnWorker(stack);

    const mails = await stack.sink.waitFor(sentTo(body.email), 3, seconds(30)).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker?.output()}`);
    });
    expect(mails.map((m) => m.subject)).toEqual([
      'Velkommen som frivillig i Aktivitetshusene',
      'Påminnelse: taushetserklæring',
      'Påminnelse: taushetserklæring',
    ]);
    await sleep(seconds(2));
    expect(stack.sink.matching(sentTo(body.email))).toHaveLength(3);

    await waitUntil(async () => stepOf((await stack.api.get(`/api/volunteers/${created.id}`)).body, 'confidentialityDeclaration').remindersSent === 2);
  });
});
