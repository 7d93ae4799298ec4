import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { historyText } from './support/history.ts';
import { waitUntil } from './support/wait.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, volunteerBody, type Stack } from './support/stack.ts';

const isWelcome = (m: { subject?: string }) => m.subject?.startsWith('Velkommen') ?? false;
const isReminder = (m: { subject?: string }) => m.subject?.startsWith('Påminnelse') ?? false;

describe.each(DIALECTS)('volunteer lifecycle on %s', (dialect) => {
  let stack: Stack;
  afterEach(() => stack?.close());

  it('welcomes, reminds after the policy duration, and stops reminding once the declaration is completed', async () => {
    stack = await startStack(dialect, await testPolicy([
      { afterMs: seconds(1.5), kind: 'reminder', notify: 'volunteer' },
      { afterMs: seconds(5), kind: 'reminder', notify: 'volunteer' },
    ]));
    const body = volunteerBody();

    const created = await stack.api.post('/api/volunteers').send(body).expect(201);
    const id: string = created.body.id;
    expect(created.headers.location).toBe(`/api/volunteers/${id}`);

    const [welcome] = await stack.sink.waitFor((m) => sentTo(body.email)(m) && isWelcome(m));
    expect(welcome!.subject).toBe('Velkommen som frivillig i Aktivitetshusene');
    expect(welcome!.text).toContain('Kari Nordmann');
    expect(welcome!.html).toContain('taushetserklæringen');

    const [reminder] = await stack.sink.waitFor((m) => sentTo(body.email)(m) && isReminder(m));
    expect(reminder!.subject).toBe('Påminnelse: taushetserklæring');

    const completed = await stack.api
      .post(`/api/volunteers/${id}/steps/confidentialityDeclaration/complete`)
      .send({})
      .expect(200);
    expect(stepOf(completed.body, 'confidentialityDeclaration')).toMatchObject({ state: 'done', completedBy: stack.coordinator.actor, remindersSent: 1 });

    const again = await stack.api.post(`/api/volunteers/${id}/steps/confidentialityDeclaration/complete`).send({}).expect(409);
    expect(again.body.error.message).toMatch(/already completed/);

    // Past the second rung's due time: no further reminder may come.
    await sleep(seconds(5));
    expect(stack.sink.matching(sentTo(body.email)).map((m) => m.subject)).toEqual([welcome!.subject, reminder!.subject]);

    const status = await stack.api.get(`/api/volunteers/${id}`).expect(200);
    expect(status.body).toMatchObject({ id, phase: 'onboarding', name: body.name, email: body.email });
    expect(stepOf(status.body, 'confidentialityDeclaration')).toMatchObject({ state: 'done', remindersSent: 1, waitingForMs: null });

    const listed = await stack.api.get('/api/volunteers').query({ step: 'confidentialityDeclaration', state: 'done' }).expect(200);
    expect((listed.body.items as { id: string }[]).map((v) => v.id)).toEqual([id]);

    // Privacy by construction: the history knows the volunteer only by ID.
    const history = await historyText(stack.client, volunteerWorkflowId(id));
    expect(history).toContain(id);
    expect(history).toContain('confidentialityDeclaration');
    for (const personal of [body.name, 'Kari', body.email]) expect(history).not.toContain(personal);
  });

  it('escalates to the unit contact and marks the step overdue when the volunteer does not act', async () => {
    stack = await startStack(dialect, await testPolicy([
      { afterMs: seconds(1), kind: 'reminder', notify: 'volunteer' },
      { afterMs: seconds(2), kind: 'escalation', notify: 'contact' },
    ]));
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);

    const [escalation] = await stack.sink.waitFor(sentTo('frivillig.aktivitetshusene@tonsberg.kommune.no'));
    expect(escalation!.subject).toBe('Forfalt: taushetserklæring for en frivillig i Aktivitetshusene');
    expect(escalation!.text).toContain(`http://samspill.test/volunteers/${created.id}`);

    await waitUntil(async () => (await stack.api.get('/api/volunteers').query({ overdue: 'true' })).body.total === 1);
    const status = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(stepOf(status.body, 'confidentialityDeclaration')).toMatchObject({ state: 'overdue', remindersSent: 1 });

    // overdue=false lists the volunteers with no overdue step: not this one, though most of its steps are not overdue.
    expect((await stack.api.get('/api/volunteers').query({ overdue: 'false' }).expect(200)).body.total).toBe(0);
  });

  it('gives one volunteer, one workflow and one welcome email for a registration sent twice with one Idempotency-Key', async () => {
    stack = await startStack(dialect, await testPolicy([{ afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' }]));
    const body = volunteerBody();
    const send = () => stack.api.post('/api/volunteers').set('Idempotency-Key', 'registration-42').send(body);

    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, second.body.id, third.body.id]).size).toBe(1);
    expect(third.headers['idempotent-replayed']).toBe('true');

    await stack.sink.waitFor(sentTo(body.email));
    await sleep(seconds(1));
    expect(stack.sink.matching(sentTo(body.email))).toHaveLength(1);
    const list = await stack.api.get('/api/volunteers').expect(200);
    expect(list.body.total).toBe(1);
    const runs = await stack.client.workflow.getHandle(volunteerWorkflowId(first.body.id)).describe();
    expect(runs.status.name).toBe('RUNNING');

    const reused = await stack.api
      .post('/api/volunteers')
      .set('Idempotency-Key', 'registration-42')
      .send({ ...body, name: 'Someone Else' })
      .expect(422);
    expect(reused.body.error.code).toBe('IdempotencyKeyReused');
  });

  it('accepts a step completed in the same breath as the registration, before the workflow has run', async () => {
    // An integration that registers and records the signed declaration at once: the Update reaches
    // the workflow with its start, in its first task, and must find the step open. No worker polls
    // until both are with the server, so the two arrive together every time.
    stack = await startStack(dialect, await testPolicy([{ afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' }]), { worker: false });
    const { body } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
    const completing = stack.api.post(`/api/volunteers/${body.id}/steps/confidentialityDeclaration/complete`).send({});
    await sleep(seconds(1));
    await stack.startWorker();
    const answer = await completing;
    expect([answer.status, stepOf(answer.body, 'confidentialityDeclaration')?.state]).toEqual([200, 'done']);
  });
});
