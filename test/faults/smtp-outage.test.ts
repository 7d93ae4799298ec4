import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxEmail } from '../../infra/db/entities/index.ts';
import { remind, seconds, testPolicy } from '../support/policy.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { waitUntil } from '../support/wait.ts';
import { killWorker, spawnWorker, type WorkerProcess } from '../support/worker-process.ts';
import { deliveryProblems, everyone, REMINDER, resent, WELCOME } from './support/mail-tally.ts';
import { registerMany } from './support/register-many.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const OUTAGE_MS = seconds(15);

// SQLite, the embedded default: the outbox behaves alike on both databases, and the storm and the
// database outage run on PostgreSQL.
describe('the SMTP server down for a while, on SQLite', () => {
  let stack: Stack;
  let smtp: TcpProxy | undefined;
  let worker: WorkerProcess | undefined;
  afterEach(async () => {
    if (worker) await killWorker(worker);
    await smtp?.stop();
    await stack?.close();
  });

  it('delivers every email once it is back: what fell due while it was away comes after, none twice', async () => {
    const started = Date.now();
    stack = await startStack('sqlite', await testPolicy([remind(5, 'volunteer'), remind(3_600, 'volunteer')]), { worker: false });
    // The worker reaches the SMTP server through a hop the test can take away, on the same port.
    const sink = new URL(stack.sink.url);
    smtp = await startTcpProxy({ host: sink.hostname, port: Number(sink.port) });
    worker = await spawnWorker({ ...stack, sink: { ...stack.sink, url: smtp.via(stack.sink.url) } });

    const early = await registerMany(stack.api, 10, 5);
    await stack.sink.waitFor((m) => m.subject === WELCOME, early.length, seconds(60));

    await smtp.stop();
    const downAt = Date.now();
    await sleep(500);
    // What the sink held once messages that were on the wire landed; nothing can come in after this.
    const before = stack.sink.messages.length;
    // Registered during the outage: their welcome cannot go. The early ones' reminders fall due meanwhile.
    const late = await registerMany(stack.api, 10, 5);
    const waiting = () => stack.orm.em.fork().find(OutboxEmail, { status: 'pending' });
    await waitUntil(async () => (await waiting()).filter((row) => row.attempts > 0).length >= late.length, seconds(60));
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    expect(stack.sink.messages).toHaveLength(before);
    const held = await waiting();
    const failed = held.filter((row) => row.attempts > 0);
    expect(failed.map((row) => row.lastError)).toEqual(failed.map(() => expect.stringContaining('ECONNREFUSED')));

    await smtp.start();
    const backAt = Date.now();
    const everything = (early.length + late.length) * 2;
    await waitUntil(async () => (await stack.orm.em.fork().count(OutboxEmail, { status: 'sent' })) === everything, seconds(90));
    const deliveredIn = Date.now() - backAt;
    await sleep(seconds(2));

    const messages = stack.sink.messages;
    const addresses = [...early, ...late].map((v) => v.email);
    expect(deliveryProblems(messages, everyone(addresses, { [WELCOME]: 1, [REMINDER]: 1 }))).toEqual([]);
    // Cutting the connections can catch a message the server accepted before the worker heard so;
    // the worker then sends it again under the same Message-ID. Only such a message may come twice:
    // its first copy before the outage, the second after.
    const copies = [...resent(messages)];
    expect(copies.filter(([, at]) => at.length !== 2 || at[0]! >= before || at[1]! < before)).toEqual([]);
    expect(messages).toHaveLength(everything + copies.length);
    // Everything that failed while the server was away arrived after it came back.
    const afterwards = new Set(messages.slice(before).map((m) => m.messageId));
    expect(held.filter((row) => !afterwards.has(row.messageId))).toEqual([]);
    expect(stack.logged).toEqual([]);

    const retried = await stack.orm.em.fork().count(OutboxEmail, { attempts: { $gt: 1 } });
    console.log(
      `SMTP outage: ${Math.round((backAt - downAt) / 1000)} s down, ${held.length} emails held back (${retried} retried); ` +
        `all ${everything} delivered ${(deliveredIn / 1000).toFixed(1)} s after it came back, ${copies.length} resent under its own Message-ID; scenario took ${Math.round((Date.now() - started) / 1000)} s.`,
    );
  }, seconds(240));
});
