import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { createApp } from '../api/http/app.ts';
import { linkPath } from '../infra/links/signed-links.ts';
import { createLogger, withLogContext } from '../infra/logging.ts';
import { createSmtpMailer } from '../infra/mail/mailer.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { clientInterceptors } from '../infra/temporal/interceptors.ts';
import { REQUEST_ID_HEADER } from '../workflows/shared/interceptors.ts';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import { createWorker } from '../worker/worker.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, remind } from './support/policy.ts';
import { freePort } from './support/processes.ts';
import { LINK_SECRET, PUBLIC_URL, startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';
import { testEnv } from './support/test-env.ts';
import { waitUntil } from './support/wait.ts';
import { killWorker, spawnWorker, type WorkerProcess } from './support/worker-process.ts';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown>;

/** Every line parsed; a line that is not one JSON object fails the test here. */
const parsed = (lines: string[]): Line[] =>
  lines.map((line) => {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a JSON object: ${line}`);
    return value as Line;
  });

/** A volunteer whose name, email and phone are unlike anything else, so any of them in a log line shows. */
const distinctive = () => {
  const tag = randomUUID().slice(0, 8);
  const person = { name: `Sporløs Observatøria ${tag}`, email: `sporlos.${tag}@example.no`, phone: '+47 913 57 246' };
  return { ...volunteerBody(person), ...person };
};

function expectNoPersonalData(text: string, volunteer: { name: string; email: string; phone: string }, secrets: string[]) {
  for (const value of [volunteer.name, volunteer.name.split(' ')[0]!, volunteer.email, volunteer.phone, '91357246', ...secrets]) {
    expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  }
}

/** The API as the processes wire it: a client whose calls carry the request ID, an access log, `/metrics`. */
function observedApp(stack: Stack, policy: Policy, write: (line: string) => void) {
  const client = new Client({ connection: stack.client.connection, interceptors: clientInterceptors });
  const problems: string[] = [];
  const app = createApp({
    orm: stack.orm,
    policy,
    temporal: { ...stack.temporal, client },
    links: testLinks,
    bodyLimit: '100kb',
    log: (line) => problems.push(line),
    logger: createLogger({ service: 'api', write }),
    metricsToken: METRICS_TOKEN,
    auth: { secureCookies: false },
  });
  return { app, problems };
}

describe('the logger', () => {
  it('writes lines at or above its level, with its context, and blanks addresses, quoted values and payloads', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'api', level: 'info', write: (line) => lines.push(line) });
    logger.debug('not written');
    withLogContext({ requestId: 'r-1' }, () => logger.child({ service: 'worker' }).warn('sent to kari@example.no', { outboxId: 7 }));
    const failure = new Error(`insert into "volunteer" ("name", "email") values ('Kari Nordmann', 'kari@example.no') - duplicate key`);
    logger.error('failed', { error: failure, input: { metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJuYW1lIjoiS2FyaSJ9' } });
    const [warned, failed] = parsed(lines);
    expect(lines).toHaveLength(2);
    expect(warned).toEqual({ time: expect.any(String), level: 'warn', service: 'worker', msg: 'sent to [email]', requestId: 'r-1', outboxId: 7 });
    expect(failed).toMatchObject({ level: 'error', service: 'api', input: '[payload]', error: { name: 'Error', message: expect.stringContaining("values ('…', '…')") } });
    expect(lines.join('\n')).not.toMatch(/Kari|kari@|eyJuYW1l/);
  });

  it('writes `[service] message key=value` lines in the pretty format', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'samspill', format: 'pretty', write: (line) => lines.push(line) });
    logger.info('stopped.');
    logger.child({ service: 'api' }).warn('slow', { durationMs: 1200, route: '/api/volunteers', staffId: undefined });
    expect(lines).toEqual(['[samspill] stopped.', '[api] WARN slow durationMs=1200 route=/api/volunteers']);
  });
});

describe.each(DIALECTS)('logs, request IDs and metrics on %s', (dialect) => {
  let stack: Stack;
  let policy: Policy;
  let app: ReturnType<typeof observedApp>['app'];
  let problems: string[];
  let token: string;
  let coordinatorId: string;
  let worker: { worker: Worker; done: Promise<void>; connection: NativeConnection; closeMailer(): void };
  const lines: string[] = [];
  const write = (line: string) => lines.push(line);
  const volunteer = distinctive();
  const requestId = `obs-${randomUUID().slice(0, 8)}`;
  let volunteerId: string;

  beforeAll(async () => {
    policy = await compressedPolicy();
    stack = await startStack(dialect, policy, { worker: false });
    ({ app, problems } = observedApp(stack, policy, write));
    const coordinator = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
    token = coordinator.token;
    coordinatorId = coordinator.id;
    const connection = await NativeConnection.connect({ address: testEnv.temporalAddress });
    const mailer = createSmtpMailer({ url: stack.sink.url, from: 'Samspill <samspill@test>' });
    const created = await createWorker({
      connection,
      namespace: 'default',
      taskQueue: stack.taskQueue,
      workflowBundle: { codePath: testEnv.workflowBundlePath },
      orm: stack.orm,
      mailer,
      policy,
      publicUrl: PUBLIC_URL,
      links: testLinks,
      linkValidForMs: 86_400_000,
      logger: createLogger({ service: 'worker', write }),
    });
    worker = { worker: created, done: created.run(), connection, closeMailer: () => mailer.close() };

    const registered = await supertest(app).post('/api/volunteers').set('Authorization', `Bearer ${token}`).set('X-Request-Id', requestId).send(volunteer);
    expect(registered.status).toBe(201);
    volunteerId = (registered.body as { id: string }).id;
    await waitUntil(() => Promise.resolve(parsed(lines).some((line) => line.msg === 'email sent' && line.requestId === requestId)));
  });

  afterAll(async () => {
    worker?.worker.shutdown();
    await worker?.done;
    await worker?.connection.close();
    worker?.closeMailer();
    await stack?.close();
  });

  it('answers every request with a request ID, keeping a well-formed one the caller sent', async () => {
    expect((await supertest(app).get('/health')).headers['x-request-id']).toMatch(UUID);
    expect((await supertest(app).get('/health').set('X-Request-Id', 'lb-7f3a.2:9_x')).headers['x-request-id']).toBe('lb-7f3a.2:9_x');
    for (const unfit of ['two words', 'x'.repeat(65), '<script>', 'a/b', '']) {
      expect((await supertest(app).get('/health').set('X-Request-Id', unfit)).headers['x-request-id']).toMatch(UUID);
    }
  });

  it('logs the request with its route pattern and staff ID, and the request ID reaches the activities of the workflow it started', () => {
    const mine = parsed(lines).filter((line) => line.requestId === requestId);
    expect(mine.find((line) => line.msg === 'request')).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      service: 'api',
      msg: 'request',
      requestId,
      method: 'POST',
      route: '/api/volunteers',
      status: 201,
      durationMs: expect.any(Number),
      staffId: coordinatorId,
    });
    expect(mine.find((line) => line.msg === 'email sent')).toMatchObject({
      level: 'info',
      service: 'worker',
      workflowId: volunteerWorkflowId(volunteerId),
      activityType: 'sendEmail',
      outboxId: expect.any(Number),
      template: expect.any(String),
    });
  });

  it('logs route patterns, never the IDs and link tokens in the URL', async () => {
    const linkToken = testLinks.sign(volunteerId, 'viewStatus', 86_400_000);
    const page = await supertest(app).get(linkPath('viewStatus', linkToken)).set('X-Request-Id', `${requestId}-link`);
    expect(page.status).toBe(200);
    const step = await supertest(app)
      .post(`/api/volunteers/${volunteerId}/steps/confidentialityDeclaration/complete`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', `${requestId}-step`)
      .send({});
    expect(step.status).toBe(200);
    const missing = await supertest(app).get(`/nowhere/${volunteerId}`).set('X-Request-Id', `${requestId}-missing`);
    expect(missing.status).toBe(404);

    const routeOf = (id: string) => parsed(lines).find((line) => line.msg === 'request' && line.requestId === id)?.route;
    expect(routeOf(`${requestId}-link`)).toBe('/s/status/:token');
    expect(routeOf(`${requestId}-step`)).toBe('/api/volunteers/:id/steps/:step/complete');
    expect(routeOf(`${requestId}-missing`)).toBe('unmatched');
    expect(lines.join('\n')).not.toContain(linkToken);
    expect(lines.join('\n')).not.toContain(`/api/volunteers/${volunteerId}`);
  });

  it('replays the history of a workflow whose start and Update carried request IDs', async () => {
    const history = await stack.client.workflow.getHandle(volunteerWorkflowId(volunteerId)).fetchHistory();
    expect(JSON.stringify(history)).toContain(REQUEST_ID_HEADER);
    await Worker.runReplayHistory({ workflowBundle: { codePath: testEnv.workflowBundlePath } }, history);
  });

  it('writes one JSON object per line, with no personal data, token or secret in any', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const line of parsed(lines)) {
      expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String), service: expect.stringMatching(/^(api|worker)$/), msg: expect.any(String) });
    }
    expectNoPersonalData(lines.join('\n'), volunteer, [token, METRICS_TOKEN, LINK_SECRET]);
    expect(problems).toEqual([]);
  });

  it('serves Prometheus metrics for HTTP and the outbox to a scraper with the token only', async () => {
    expect((await supertest(app).get('/metrics')).status).toBe(401);
    expect((await supertest(app).get('/metrics').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const scraped = await supertest(app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = scraped.text;
    expect(text).toContain('samspill_http_requests_total{method="POST",route="/api/volunteers",status="201"} 1');
    expect(text).toMatch(/samspill_http_request_duration_seconds_count\{method="GET",route="\/s\/status\/:token",status="200"\} 1/);
    expect(text).toContain('samspill_outbox_sent_emails_total 1');
    expect(text).toContain('samspill_outbox_pending_emails 0');
    expect(text).toContain('samspill_outbox_send_failures_total 0');
    expect(text).toContain('samspill_outbox_oldest_pending_email_age_seconds 0');
    expect(text).toContain('process_resident_memory_bytes');
    expectNoPersonalData(text, volunteer, [token, METRICS_TOKEN]);
    expect(text).not.toContain(volunteerId);
  });
});

describe('the worker process', () => {
  let stack: Stack;
  let worker: WorkerProcess | undefined;
  afterAll(async () => {
    if (worker) await killWorker(worker);
    await stack?.close();
  });

  it('logs JSON with the request ID in workflow and activity lines, and serves the SDK metrics for Prometheus', async () => {
    const policy = await compressedPolicy({ confidentialityDeclaration: [remind(2, 'volunteer')] });
    stack = await startStack('sqlite', policy, { worker: false });
    const metricsPort = await freePort();
    worker = await spawnWorker(stack, { LOG_LEVEL: 'debug', METRICS_PORT: String(metricsPort) });
    const output = () => worker!.output();
    const lines = () => parsed(output().split('\n').filter((line) => line.startsWith('{')));

    const { app } = observedApp(stack, policy, () => undefined);
    const { token } = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
    const volunteer = distinctive();
    const requestId = `obs-worker-${randomUUID().slice(0, 8)}`;
    const registered = await supertest(app).post('/api/volunteers').set('Authorization', `Bearer ${token}`).set('X-Request-Id', requestId).send(volunteer);
    expect(registered.status).toBe(201);
    const volunteerId = (registered.body as { id: string }).id;
    const workflowId = volunteerWorkflowId(volunteerId);
    const logged = (id: string, expected: Line) => lines().some((line) => line.requestId === id && Object.entries(expected).every(([key, value]) => line[key] === value));
    await waitUntil(() => Promise.resolve(logged(requestId, { msg: 'Activity completed', activityType: 'sendEmail' })), 30_000);
    expect(logged(requestId, { msg: 'email sent', workflowId, activityType: 'sendEmail' })).toBe(true);

    // The reminder a timer sends later was caused by no request.
    const emailsSent = () => lines().filter((line) => line.msg === 'email sent' && line.workflowId === workflowId);
    await waitUntil(() => Promise.resolve(emailsSent().length === 2), 30_000);
    expect(emailsSent().map((line) => line.requestId)).toEqual([requestId, undefined]);

    // An Update carries its request's ID into the workflow's log and the activities it causes.
    const updateRequestId = `${requestId}-step`;
    const step = await supertest(app)
      .post(`/api/volunteers/${volunteerId}/steps/confidentialityDeclaration/complete`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', updateRequestId)
      .send({});
    expect(step.status).toBe(200);
    await waitUntil(() => Promise.resolve(logged(updateRequestId, { msg: 'Activity completed', activityType: 'recordStatus' })), 30_000);
    expect(logged(updateRequestId, { msg: 'update received', updateName: 'completeStep', sdkComponent: 'workflow', workflowId })).toBe(true);
    expect(lines().every((line) => typeof line.time === 'string' && typeof line.level === 'string' && line.service === 'worker')).toBe(true);
    expectNoPersonalData(output(), volunteer, [LINK_SECRET]);

    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    const metrics = await scraped.text();
    expect(metrics).toMatch(/^temporal_\w+/m);
    expect(metrics).toContain(`task_queue="${stack.taskQueue}"`);
  }, 90_000);
});
