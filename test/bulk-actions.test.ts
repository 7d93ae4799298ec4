import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEntry, OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, volunteerBody, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

const UNIT = 'aktivitetshusene';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;

interface Result {
  volunteerId: string;
  outcome: string;
  code?: string;
}

/**
 * Bulk actions on the volunteer list, on a real Temporal server, a real database and a real SMTP
 * sink: a contact for several, a course session for several, and a reminder now that goes through
 * the outbox once per person and request, each reported person by person.
 */
describe.each(DIALECTS)('bulk actions on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
  }, 120_000);
  afterAll(() => stack?.close());

  /** Visiting friends, each with their confidentiality declaration and course open. */
  async function register(count: number, unit = UNIT): Promise<{ id: string; email: string }[]> {
    const bodies = Array.from({ length: count }, () => volunteerBody({ serviceUnitId: unit, activityTypeId: 'besoksvenn' }));
    const created = await Promise.all(bodies.map(async (body) => ({ id: (await stack.api.post('/api/volunteers').send(body).expect(201)).body.id as string, email: body.email })));
    await waitUntil(async () => {
      const waiting = (await stack.api.get(`/api/courses/waiting?serviceUnitId=${unit}`).expect(200)).body.items as { id: string }[];
      return created.every((v) => waiting.some((w) => w.id === v.id));
    }, 30_000);
    return created;
  }

  const bulk = (body: object, key?: string) => {
    const request = stack.api.post('/api/volunteers/bulk');
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };
  const remindedNow = async (volunteerId: string) => (await stack.orm.em.fork().find(OutboxEmail, { volunteerId, idempotencyKey: { $like: '%:remindNow:%' } })).length;

  it('reminds each chosen volunteer now, once per request however often it is sent, and says why not for the rest', async () => {
    const [first, second, paused] = await register(3);
    await stack.api.post(`/api/volunteers/${paused!.id}/pause`).send({}).expect(200);
    const body = { action: 'remind', volunteerIds: [first!.id, second!.id, paused!.id, UNKNOWN] };

    const answer = await bulk(body, 'påminnelse-1').expect(200);
    expect(answer.body.results).toEqual([
      { volunteerId: first!.id, outcome: 'done' },
      { volunteerId: second!.id, outcome: 'done' },
      { volunteerId: paused!.id, outcome: 'refused', code: 'VolunteerPaused', message: expect.stringContaining('paused') },
      { volunteerId: UNKNOWN, outcome: 'notFound' },
    ]);
    expect(answer.body.counts).toEqual({ done: 2, waitlisted: 0, notFound: 1, refused: 1, failed: 0 });
    // One reminder for each waiting step, to whom that step's ladder reminds (the test policy: the volunteer).
    await waitUntil(async () => (await remindedNow(first!.id)) === 2 && (await remindedNow(second!.id)) === 2, 20_000);
    const sent = await stack.orm.em.fork().find(OutboxEmail, { volunteerId: first!.id, idempotencyKey: { $like: '%:remindNow:%' } });
    expect(sent.map((e) => [e.step, e.template, e.recipient]).sort()).toEqual([
      ['confidentialityDeclaration', 'stepReminder', first!.email],
      ['introductionCourse', 'stepReminder', first!.email],
    ]);
    const delivered = (messageIds: string[]) => stack.sink.matching((m) => messageIds.includes(m.messageId ?? ''));
    await stack.sink.waitFor((m) => sent.some((e) => e.messageId === m.messageId), 2);

    // Sent again with the same key (a double click, a retry after a timeout): nobody is reminded twice.
    const again = await bulk(body, 'påminnelse-1').expect(200);
    expect(again.body.counts).toMatchObject({ done: 2 });
    await sleep(1_500);
    expect([await remindedNow(first!.id), await remindedNow(second!.id), await remindedNow(paused!.id)]).toEqual([2, 2, 0]);
    expect(delivered(sent.map((e) => e.messageId))).toHaveLength(2);

    // A new request is a new reminder.
    await bulk({ action: 'remind', volunteerIds: [first!.id] }, 'påminnelse-2').expect(200);
    await waitUntil(async () => (await remindedNow(first!.id)) === 4, 20_000);
    const audit = await stack.orm.em.fork().find(AuditEntry, { volunteerId: first!.id, action: 'remindedNow' });
    expect(audit).toHaveLength(4);
  }, 120_000);

  it('assigns one contact to several, and enrols several in a session with a result each', async () => {
    const volunteers = await register(3);
    const [closed] = await register(1);
    await stack.api.post(`/api/volunteers/${closed!.id}/withdraw`).send({}).expect(200);
    const ids = volunteers.map((v) => v.id);

    const contact = { name: 'Kari Kontakt', email: 'kari.kontakt@kommune.no' };
    const assigned = await bulk({ action: 'assignContact', volunteerIds: [...ids, closed!.id], contact }).expect(200);
    expect((assigned.body.results as Result[]).map((r) => [r.outcome, r.code])).toEqual([...ids.map(() => ['done', undefined]), ['refused', 'VolunteerClosed']]);
    const rows = await stack.orm.em.fork().find(Volunteer, { id: { $in: ids } });
    expect(rows.map((v) => [v.contactName, v.contactEmail])).toEqual(ids.map(() => [contact.name, contact.email]));
    for (const id of ids) expect(await stack.orm.em.fork().count(AuditEntry, { volunteerId: id, action: 'contactAssigned' })).toBe(1);

    const session = (await stack.api.post('/api/courses').send({ startsAt: new Date(Date.now() + 2 * HOUR).toISOString(), place: 'Frivillighetshuset', leader: 'Kari Leder', capacity: 2 }).expect(201)).body;
    const enrolled = await bulk({ action: 'enrol', volunteerIds: ids, sessionId: session.id }).expect(200);
    expect((enrolled.body.results as Result[]).map((r) => r.outcome)).toEqual(['done', 'done', 'waitlisted']);
    const twice = await bulk({ action: 'enrol', volunteerIds: [ids[0]!], sessionId: session.id }).expect(200);
    expect(twice.body.results).toEqual([{ volunteerId: ids[0], outcome: 'refused', code: 'alreadyOnRoster' }]);
  }, 120_000);

  it('keeps a contact to their own units, and refuses a request it cannot read with a message', async () => {
    const [own] = await register(1, 'sidebygningen');
    const [elsewhere] = await register(1);
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['sidebygningen'] });
    const answer = await contact.api.post('/api/volunteers/bulk').send({ action: 'remind', volunteerIds: [own!.id, elsewhere!.id] }).expect(200);
    expect((answer.body.results as Result[]).map((r) => r.outcome)).toEqual(['done', 'notFound']);
    expect(await remindedNow(elsewhere!.id)).toBe(0);

    const bad = await bulk({ action: 'assignContact', volunteerIds: [own!.id], contact: { name: '', email: 'nei' } }).expect(422);
    expect((bad.body.error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['contact.email', 'contact.name']);
    const none = await bulk({ action: 'remind', volunteerIds: [] }).expect(422);
    expect(none.body.error.fields[0].message).toBe('Choose at least one volunteer.');
    const what = await bulk({ action: 'shout', volunteerIds: [own!.id] }).expect(422);
    expect(what.body.error.fields[0].message).toContain('"assignContact", "enrol" or "remind"');
  }, 120_000);
});
