import type { MikroORM } from '@mikro-orm/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../api/http/app.ts';
import type { TemporalDeps } from '../../api/http/temporal-calls.ts';
import type { Dialect } from '../../infra/db/orm.ts';
import { createStaffUser, issueApiToken, type NewStaffUser } from '../../infra/auth/staff-accounts.ts';
import { createLinkSigner } from '../../infra/links/signed-links.ts';
import { createSmtpMailer } from '../../infra/mail/mailer.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { createWorker } from '../../worker/worker.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './databases.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { testEnv } from './test-env.ts';

export const PUBLIC_URL = 'http://samspill.test';
export const LINK_SECRET = 'test-link-secret-that-is-long-enough-0123456789';
export const testLinks = createLinkSigner(Buffer.from(LINK_SECRET));

export type Agent = TestAgent;

export interface Stack {
  /** The API, signed in as the coordinator with an API token. */
  api: Agent;
  app: Express;
  /** What the app logged: unexpected errors only, so tests expect it empty. */
  logged: string[];
  /** The coordinator `api` acts as; audit entries name them `staff:<id>`. */
  coordinator: { id: string; actor: string };
  /** An API client for a new staff account with the given role and units. */
  as(user: Pick<NewStaffUser, 'role' | 'serviceUnitIds' | 'certificateOfficer'>): Promise<{ api: Agent; id: string; actor: string; token: string }>;
  orm: MikroORM;
  /** The policy the API and the worker run on. */
  policy: Policy;
  db: ThrowawayDatabase;
  sink: SmtpSink;
  client: Client;
  temporal: TemporalDeps;
  taskQueue: string;
  /** Starts an in-process worker on this stack's task queue. */
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real parts for one test: a throwaway database, a real SMTP sink, the shared Temporal dev
 * server with a task queue of its own, and the API app on top.
 */
export async function startStack(dialect: Dialect, policy: Policy, options: { worker?: boolean } = {}): Promise<Stack> {
  const db = await throwawayDatabase(dialect);
  const sink = await startSmtpSink();
  const connection = await Connection.connect({ address: testEnv.temporalAddress });
  const client = new Client({ connection });
  const taskQueue = `test-${randomUUID()}`;
  const temporal = { client, taskQueue, callTimeoutMs: 10_000 };
  const logged: string[] = [];
  const app = createApp({ orm: db.orm, policy, temporal, links: testLinks, bodyLimit: '100kb', log: (line) => logged.push(line), auth: { secureCookies: false } });
  const as: Stack['as'] = async (user) => {
    const em = db.orm.em.fork();
    const { user: created } = await createStaffUser(em, { email: `${user.role}.${randomUUID().slice(0, 8)}@test.no`, name: `Test ${user.role}`, password: null, ...user });
    const { token } = await issueApiToken(em, created.id, 'tests');
    return { api: supertest.agent(app).set('Authorization', `Bearer ${token}`), id: created.id, actor: `staff:${created.id}`, token };
  };
  const coordinator = await as({ role: 'coordinator', serviceUnitIds: [] });

  let running: { worker: Worker; done: Promise<void>; connection: NativeConnection; close(): void } | undefined;
  const stack: Stack = {
    api: coordinator.api,
    app,
    logged,
    coordinator: { id: coordinator.id, actor: coordinator.actor },
    as,
    orm: db.orm,
    policy,
    db,
    sink,
    client,
    temporal,
    taskQueue,
    async startWorker() {
      const workerConnection = await NativeConnection.connect({ address: testEnv.temporalAddress });
      const mailer = createSmtpMailer({ url: sink.url, from: 'Samspill <samspill@test>' });
      const worker = await createWorker({
        connection: workerConnection,
        namespace: 'default',
        taskQueue,
        workflowBundle: { codePath: testEnv.workflowBundlePath },
        orm: db.orm,
        mailer,
        policy,
        publicUrl: PUBLIC_URL,
        links: testLinks,
        linkValidForMs: 86_400_000,
      });
      running = { worker, done: worker.run(), connection: workerConnection, close: () => mailer.close() };
    },
    async stopWorker() {
      if (!running) return;
      running.worker.shutdown();
      await running.done;
      await running.connection.close();
      running.close();
      running = undefined;
    },
    async close() {
      await stack.stopWorker();
      await connection.close();
      await sink.close();
      await db.drop();
    },
  };
  if (options.worker !== false) await stack.startWorker();
  return stack;
}

export const volunteerBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kari Nordmann',
  email: `kari.${randomUUID().slice(0, 8)}@example.no`,
  serviceUnitId: 'aktivitetshusene',
  activityTypeId: 'besoksvenn',
  birthYear: 1985,
  ...overrides,
});

/** One step of a volunteer as the API shows it. */
export function stepOf(volunteer: { steps: { step: string }[] }, name: string): Record<string, unknown> {
  const step = volunteer.steps.find((s) => s.step === name);
  if (!step) throw new Error(`the volunteer has no step ${name}: ${JSON.stringify(volunteer.steps)}`);
  return step;
}
