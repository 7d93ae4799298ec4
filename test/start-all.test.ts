import { afterEach, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemporalCli } from '../infra/temporal/cli.ts';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import { freePort, runNode, type RunningProcess } from './support/processes.ts';
import { signInOverHttp } from './support/sign-in.ts';
import { waitUntil } from './support/wait.ts';

describe('npm start on embedded defaults', () => {
  let running: RunningProcess | undefined;
  let dataDir: string;
  afterEach(async () => {
    if (running?.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs Temporal, the mail catcher, the worker and the API, stops on Ctrl-C, and finds every workflow where it was', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'samspill-start-'));
    const [api, temporal, temporalUi, smtp, mailUi] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(api),
      TEMPORAL_DEV_SERVER_PORT: String(temporal),
      TEMPORAL_DEV_SERVER_UI_PORT: String(temporalUi),
      MAIL_CATCHER_SMTP_PORT: String(smtp),
      MAIL_CATCHER_WEB_PORT: String(mailUi),
      TEMPORAL_CLI_PATH: findTemporalCli(process.env.TEMPORAL_CLI_PATH),
      // Right after a restart the first task of a cached workflow waits out the old sticky queue;
      // on a loaded test machine that can exceed the 5 s default.
      TEMPORAL_CALL_TIMEOUT_MS: '20000',
    };
    const base = `http://127.0.0.1:${api}`;

    running = runNode('worker/start-all.ts', env);
    await running.waitForOutput('Samspill is running.');
    expect(running.output()).toContain(`Temporal UI         http://localhost:${temporalUi}`);
    expect(running.output()).toContain(`Mail catcher        http://localhost:${mailUi}`);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const [, email, password] = /First sign-in\s+(\S+) with password (\S+)/.exec(running.output()) ?? [];
    let session = await signInOverHttp(base, email!, password!);

    const registered = await fetch(`${base}/api/volunteers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ name: 'Per Hansen', email: 'per@example.no', serviceUnitId: 'sidebygningen', activityTypeId: 'turvenn', birthYear: 1960 }),
    });
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };

    const inbox = async () => (await (await fetch(`http://127.0.0.1:${mailUi}/api/email`)).json()) as { subject: string }[];
    await waitUntil(async () => (await inbox()).length === 1);
    expect((await inbox())[0]!.subject).toBe('Velkommen som frivillig i Sidebygningen');

    running.child.kill('SIGINT');
    expect({ code: await running.exited, output: running.output() }).toMatchObject({ code: 0 });
    expect(running.output()).toContain('[samspill] stopped.');

    running = runNode('worker/start-all.ts', env);
    await running.waitForOutput('Samspill is running.');
    expect(running.output()).not.toContain('First sign-in');
    session = await signInOverHttp(base, email!, password!);
    const connection = await Connection.connect({ address: `127.0.0.1:${temporal}` });
    const description = await new Client({ connection }).workflow.getHandle(volunteerWorkflowId(id)).describe();
    expect(description.status.name).toBe('RUNNING');
    await connection.close();

    const completed = await fetch(`${base}/api/volunteers/${id}/steps/confidentialityDeclaration/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({}),
    });
    const after = (await completed.json()) as { steps: { step: string; state: string }[] };
    expect({ status: completed.status, body: after }).toMatchObject({ status: 200 });
    expect(after.steps.find((s) => s.step === 'confidentialityDeclaration')?.state).toBe('done');

    running.child.kill('SIGTERM');
    expect({ code: await running.exited, output: running.output() }).toMatchObject({ code: 0 });
  }, 180_000);
});

describe('start-up with a bad policy file', () => {
  it('stops with a message that names the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samspill-policy-'));
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'policy.yaml');
    await writeFile(file, 'municipality: { name: X, coordinatorEmail: not-an-address }\n');
    const api = runNode('api/http/main.ts', { PATH: process.env.PATH, POLICY_FILE: file, DATA_DIR: dir });
    expect(await api.exited).toBe(78);
    expect(api.output()).toContain(`Invalid policy in ${file}`);
    expect(api.output()).toContain('municipality.coordinatorEmail: Invalid email address');
    expect(api.output()).toContain('serviceUnits: Invalid input: expected array');
    await rm(dir, { recursive: true, force: true });
  });
});
