import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxEmail, VolunteerStep } from '../../infra/db/entities/index.ts';
import { remind, testPolicy } from '../support/policy.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { waitUntil } from '../support/wait.ts';
import { killWorker, spawnWorker, type WorkerProcess } from '../support/worker-process.ts';
import { listeningApi } from './support/listening-api.ts';
import { deliveryProblems, everyone, REMINDER, resent, WELCOME } from './support/mail-tally.ts';
import { registerMany } from './support/register-many.ts';

const VOLUNTEERS = 1_000;
const KILLS = 20;
/** Messages each worker sends before it is killed: 2 000 emails over 21 workers, half of them sent under fire. */
const SHARE = 50;

// PostgreSQL only: it is what a municipality runs in production, and one storm is the suite's
// largest cost. The outbox and the worker behave alike on SQLite (see test/worker-crash.test.ts).
describe('the worker killed with SIGKILL 20 times during a storm of 1 000 reminders, on PostgreSQL', () => {
  let stack: Stack;
  let worker: WorkerProcess | undefined;
  let closeApi: (() => Promise<void>) | undefined;
  afterEach(async () => {
    if (worker) await killWorker(worker);
    await closeApi?.();
    await stack?.close();
  });

  it('delivers every reminder exactly once, and resends only what a kill interrupted, under its own Message-ID', async () => {
    const started = Date.now();
    // The reminder falls due seconds after registration, so reminders go out all through the kills.
    stack = await startStack('postgresql', await testPolicy([remind(8, 'volunteer'), remind(3_600, 'volunteer')]), { worker: false });
    const { api, close } = await listeningApi(stack);
    closeApi = close;
    worker = await spawnWorker(stack);

    /**
     * Kills each worker once it has sent its share of the storm (so it dies in the middle of work and
     * the kills spread over the whole storm), lets the messages it had on the wire land, and notes how
     * many the sink held by then: only a message received before such a boundary may come again after it.
     */
    const boundaries: number[] = [];
    const spawnMs: number[] = [];
    let lastKillAt = 0;
    const killRepeatedly = async () => {
      for (let kill = 0; kill < KILLS; kill++) {
        const before = stack.sink.messages.length;
        const spawnedAt = Date.now();
        await waitUntil(() => Promise.resolve(stack.sink.messages.length - before >= SHARE || Date.now() - spawnedAt > 15_000), 60_000);
        await killWorker(worker!);
        worker = undefined;
        lastKillAt = Date.now();
        await sleep(500);
        boundaries.push(stack.sink.messages.length);
        const spawning = Date.now();
        worker = await spawnWorker(stack);
        spawnMs.push(Date.now() - spawning);
      }
    };
    let registeredIn = 0;
    const register = registerMany(api, VOLUNTEERS, 16).then((registered) => {
      registeredIn = Date.now() - started;
      return registered;
    });
    const [volunteers] = await Promise.all([register, killRepeatedly()]);

    // Done when every outbox row is sent and every projection shows its reminder. A row is marked
    // sent only after the SMTP server accepted it, so by then every resend has reached the sink too.
    const expectedEmails = VOLUNTEERS * 2;
    const em = () => stack.orm.em.fork();
    await waitUntil(async () => (await em().count(OutboxEmail, { status: 'sent' })) === expectedEmails, 300_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${stack.sink.messages.length} messages in the sink\nworker output:\n${worker?.output()}`);
    });
    await waitUntil(async () => (await em().count(VolunteerStep, { step: 'confidentialityDeclaration', remindersSent: 1 })) === VOLUNTEERS, 60_000);
    const settledIn = Date.now() - started;
    await sleep(2_000);

    const messages = stack.sink.messages;
    expect(await em().count(OutboxEmail, {})).toBe(expectedEmails);
    // Exactly once, counted by Message-ID: one welcome and one reminder per volunteer, none lost,
    // none sent twice as two different messages.
    expect(deliveryProblems(messages, everyone(volunteers.map((v) => v.email), { [WELCOME]: 1, [REMINDER]: 1 }))).toEqual([]);

    // What the assertion allows: SMTP has no transaction that spans the outbox's database, so a
    // worker killed after the SMTP server accepted a message but before the outbox row was marked
    // sent (tens of milliseconds: the UPDATE after the 250 reply) sends it again when the activity is
    // retried. The resend carries the same Message-ID, derived from the outbox key, so it is the
    // same message to every mail client. Such resends are counted and reported, not failed; what
    // fails is a resend that no kill explains: each copy must have arrived after a kill boundary
    // that the previous copy arrived before. The last worker runs the rest of the storm unharmed,
    // so any resend of its own fails the test.
    const copies = resent(messages);
    const notAcrossAKill = [...copies].filter(([, at]) =>
      at.slice(1).some((position, i) => !boundaries.some((boundary) => at[i]! < boundary && boundary <= position)),
    );
    expect(notAcrossAKill).toEqual([]);
    expect(boundaries).toHaveLength(KILLS);
    expect(stack.logged).toEqual([]);

    const extra = messages.length - expectedEmails;
    const inSeconds = (ms: number) => `${Math.round(ms / 1000)} s`;
    console.log(
      `SIGKILL storm: ${VOLUNTEERS} volunteers registered in ${inSeconds(registeredIn)} while the worker was killed ${KILLS} times ` +
        `(a replacement took ${inSeconds(spawnMs.reduce((sum, ms) => sum + ms, 0) / spawnMs.length)} on average to start polling); ` +
        `all ${expectedEmails} emails (${VOLUNTEERS} reminders) delivered ${inSeconds(settledIn)} after the start, ${inSeconds(settledIn - (lastKillAt - started))} after the last kill; ` +
        `${messages.length} messages received for ${expectedEmails} distinct Message-IDs: ${extra} resent after a kill (${copies.size} Message-IDs).`,
    );
  }, 600_000);
});
