import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DIALECTS } from './support/databases.ts';
import { seconds, testPolicy } from './support/policy.ts';
import { startStack, volunteerBody, type Stack } from './support/stack.ts';

describe.each(DIALECTS)('bad input to the volunteer API on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, await testPolicy([{ afterMs: seconds(60), kind: 'reminder', notify: 'volunteer' }]));
  });
  afterAll(() => stack.close());

  it('names every invalid field with a message a person can act on', async () => {
    const { body } = await stack.api
      .post('/api/volunteers')
      .send({ name: '  ', email: 'not-an-email', phone: 'call me', serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn', birthYear: 1980, age: 40 })
      .expect(422);
    expect(body.error.code).toBe('ValidationFailed');
    expect(body.error.fields).toEqual([
      { field: 'name', message: "Enter the volunteer's name." },
      { field: 'email', message: 'Enter an email address such as ola@example.no.' },
      { field: 'phone', message: expect.stringMatching(/^Enter a phone number/) },
      { field: '(body)', message: expect.stringMatching(/Unrecognized key.*age/) },
    ]);
  });

  it('refuses a unit or activity type the policy does not have, listing the choices', async () => {
    const { body } = await stack.api
      .post('/api/volunteers')
      .send(volunteerBody({ serviceUnitId: 'nowhere', activityTypeId: 'juggling' }))
      .expect(422);
    expect(body.error.fields).toEqual([
      { field: 'serviceUnitId', message: expect.stringContaining('aktivitetshusene, hjemmetjenestene') },
      { field: 'activityTypeId', message: expect.stringContaining('besoksvenn') },
    ]);
  });

  it('answers malformed JSON, a non-object body and an oversized body with 4xx, not 500', async () => {
    const malformed = await stack.api.post('/api/volunteers').set('Content-Type', 'application/json').send('{"name":').expect(400);
    expect(malformed.body.error.code).toBe('MalformedJson');
    const array = await stack.api.post('/api/volunteers').send([1, 2]).expect(422);
    expect(array.body.error.fields[0].field).toBe('(body)');
    const huge = await stack.api.post('/api/volunteers').send(volunteerBody({ name: 'x'.repeat(200_000) })).expect(413);
    expect(huge.body.error.code).toBe('BodyTooLarge');
    await stack.api.post('/api/volunteers').expect(422);
  });

  it('answers 404 for unknown volunteers, malformed IDs, unknown steps and unknown routes', async () => {
    await stack.api.get(`/api/volunteers/${randomUUID()}`).expect(404);
    const malformed = await stack.api.get('/api/volunteers/1%27%20or%201=1').expect(404);
    expect(malformed.body.error.message).toMatch(/was not found/);
    const { body: created } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
    const step = await stack.api.post(`/api/volunteers/${created.id}/steps/juggling/complete`).send({}).expect(404);
    expect(step.body.error.message).toMatch(/There is no step "juggling"/);
    await stack.api.get('/api/nothing-here').expect(404);
  });

  it('answers 409 for a step that is not open, and 422 for bad filters', async () => {
    const { body: created } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
    const closed = await stack.api.post(`/api/volunteers/${created.id}/steps/firstConversation/complete`).send({}).expect(409);
    expect(closed.body.error).toMatchObject({
      code: 'ActivationGateClosed',
      message: 'The first conversation can be held only when every required step is done; still missing: confidentialityDeclaration, introductionCourse, contact.',
    });
    const filter = await stack.api.get('/api/volunteers').query({ phase: 'sleeping', limit: '1000' }).expect(422);
    expect((filter.body.error.fields as { field: string }[]).map((f) => f.field)).toEqual(['phase', 'limit']);
  });

  it('stores and returns names with Norwegian letters, emoji and markup unchanged', async () => {
    const name = 'Åse Ødegård-Æsøy 🌿 <b>&amp;</b> \'; drop table volunteer; --';
    const { body: created } = await stack.api.post('/api/volunteers').send(volunteerBody({ name })).expect(201);
    const { body } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(body.name).toBe(name);
  });
});
