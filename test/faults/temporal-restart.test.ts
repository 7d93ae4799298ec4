import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureTemporalCli } from '../../infra/temporal/cli.ts';
import { startDevServer, type DevServer } from '../../infra/temporal/dev-server.ts';
import { volunteerWorkflowId } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { remind, seconds, testPolicy } from '../support/policy.ts';
import { freePort } from '../support/processes.ts';
import { sentTo } from '../support/smtp-sink.ts';
import { startStack, stepOf, type Stack } from '../support/stack.ts';
import { killWorker, spawnWorker, type WorkerProcess } from '../support/worker-process.ts';
import { deliveryProblems, REMINDER, WELCOME } from './support/mail-tally.ts';
import { projectionDisagreements } from './support/projection.ts';
import { registerMany } from './support/register-many.ts';

const VOLUNTEERS = 10;
const FIRST_REMINDER_S = 25;

// SQLite, the embedded default `npm start` runs beside this very dev server set-up.
describe('the Temporal dev server restarted on its persisted file', () => {
  let server: DevServer | undefined;
  let stack: Stack | undefined;
  let worker: WorkerProcess | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    if (worker) await killWorker(worker);
    await stack?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finds every workflow where it was: timers due while it was down fire afterwards, and updates are accepted', async () => {
    const started = Date.now();
    // A server of its own, as `npm start` runs it (infra/temporal/dev-server.ts): state in a SQLite file.
    dataDir = await mkdtemp(join(tmpdir(), 'samspill-temporal-restart-'));
    const cli = await ensureTemporalCli(process.env.TEMPORAL_CLI_PATH, () => undefined);
    const [port, uiPort] = await Promise.all([freePort(), freePort()]);
    const startServer = () => startDevServer({ cli, dataDir: dataDir!, port, uiPort, namespace: 'default' });
    server = await startServer();
    // The stack and the worker process read the address from here; jest gives each test file its own process.env.
    process.env.SAMSPILL_TEST_TEMPORAL_ADDRESS = server.address;

    // The first reminder falls due while the server is down, the second well after it is back.
    const policy = await testPolicy([remind(FIRST_REMINDER_S, 'volunteer'), remind(60, 'volunteer'), remind(3_600, 'volunteer')]);
    stack = await startStack('sqlite', policy, { worker: false });
    const running = stack;
    worker = await spawnWorker(running);
    const volunteers = await registerMany(running.api, VOLUNTEERS, 5);
    await running.sink.waitFor((m) => m.subject === WELCOME, VOLUNTEERS, seconds(60));
    const openedAt = await Promise.all(
      volunteers.map(async ({ id }) => Date.parse(stepOf((await running.api.get(`/api/volunteers/${id}`).expect(200)).body, 'confidentialityDeclaration').openedAt as string)),
    );

    await server.stop();
    server = undefined;
    const downAt = Date.now();
    expect(running.sink.matching((m) => m.subject === REMINDER)).toHaveLength(0);
    // Down until every first reminder has fallen due.
    await sleep(Math.max(...openedAt) + seconds(FIRST_REMINDER_S + 1) - Date.now());
    server = await startServer();
    const backAt = Date.now();

    for (const { id } of volunteers) {
      const description = await running.client.workflow.getHandle(volunteerWorkflowId(id)).describe();
      expect(description.status.name).toBe('RUNNING');
    }
    // The timers that fell due while the server was down fire now.
    await running.sink.waitFor((m) => m.subject === REMINDER, VOLUNTEERS, seconds(60));
    const firstRemindersIn = Date.now() - backAt;

    // Half sign their declaration: the Update is accepted and shows at once; the rest get the second reminder.
    const [signing, waiting] = [volunteers.slice(0, VOLUNTEERS / 2), volunteers.slice(VOLUNTEERS / 2)];
    const remindersWhenSigned = new Map<string, number>();
    for (const { id, email } of signing) {
      const { body } = await running.api.post(`/api/volunteers/${id}/steps/confidentialityDeclaration/complete`).send({}).expect(200);
      expect(stepOf(body, 'confidentialityDeclaration').state).toBe('done');
      remindersWhenSigned.set(email, stepOf(body, 'confidentialityDeclaration').remindersSent as number);
    }
    await running.sink.waitFor((m) => m.subject === REMINDER, VOLUNTEERS + waiting.length, seconds(90));
    await sleep(seconds(2));

    // Exactly the emails the workflows decided: a signed declaration stops the ladder where it stood.
    const reminders = (email: string) => remindersWhenSigned.get(email) ?? 2;
    const expected = new Map(volunteers.map(({ email }) => [email, { [WELCOME]: 1, [REMINDER]: reminders(email) }]));
    expect(deliveryProblems(running.sink.messages, expected)).toEqual([]);
    expect(running.sink.messages).toHaveLength(volunteers.reduce((sum, { email }) => sum + 1 + reminders(email), 0));
    expect(await projectionDisagreements(running.client, running.api, volunteers.map((v) => v.id))).toEqual([]);
    expect(running.logged).toEqual([]);

    // New work is taken as before.
    const [newcomer] = await registerMany(running.api, 1, 1);
    await running.sink.waitFor(sentTo(newcomer!.email), 1, seconds(30));

    console.log(
      `Temporal restart: ${VOLUNTEERS} workflows, server down ${Math.round((backAt - downAt) / 1000)} s (with its restart); ` +
        `the reminders that fell due meanwhile arrived ${(firstRemindersIn / 1000).toFixed(1)} s after it was back, every later reminder too, ` +
        `${signing.length} updates accepted; scenario took ${Math.round((Date.now() - started) / 1000)} s.`,
    );
  }, seconds(300));
});
