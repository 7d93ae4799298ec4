import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { hoursLinkPath } from '../api/self-service/hours-routes.ts';
import { AuditEntry, HoursEntry, Volunteer } from '../infra/db/entities/index.ts';
import { createLinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { linkBrowser } from './support/self-service.ts';
import { startStack, testLinks, type Agent, type Stack } from './support/stack.ts';

const csv = (api: Agent, body: string) => api.post('/api/hours/import').set('Content-Type', 'text/csv').send(body);

describe.each(DIALECTS)('volunteer hours on %s', (dialect) => {
  let stack: Stack;
  let policy: Policy;
  let api: Agent;
  const contacts: { api: Agent; actor: string }[] = [];

  beforeAll(async () => {
    policy = await compressedPolicy();
    stack = await startStack(dialect, policy, { worker: false });
    api = stack.api;
    for (let i = 0; i < 4; i++) contacts.push(await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene', 'hjemmetjenestene'] }));
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));

  async function volunteer(overrides: Partial<Volunteer> = {}): Promise<string> {
    const em = stack.orm.em.fork();
    const created = em.create(Volunteer, {
      id: randomUUID(),
      name: 'Kari Nordmann',
      email: `kari.${randomUUID().slice(0, 8)}@example.no`,
      serviceUnitId: 'aktivitetshusene',
      activityTypeId: 'besoksvenn',
      ...overrides,
    });
    await em.flush();
    return created.id;
  }

  it('enters hours for the volunteer\'s current unit and activity type, replacing them when entered again', async () => {
    const id = await volunteer();
    const first = await contacts[0]!.api.post('/api/hours').send({ volunteerId: id, month: '2025-03', hours: 2.5 }).expect(201);
    expect(first.body).toMatchObject({
      volunteerId: id,
      serviceUnitId: 'aktivitetshusene',
      activityTypeId: 'besoksvenn',
      month: '2025-03',
      hours: 2.5,
      status: 'approved',
      source: 'contact',
      enteredBy: contacts[0]!.actor,
      approvedBy: contacts[0]!.actor,
    });
    const again = await contacts[1]!.api.post('/api/hours').send({ volunteerId: id, month: '2025-03', hours: 4 }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, hours: 4, enteredBy: contacts[1]!.actor });
    const other = { volunteerId: id, month: '2025-03', hours: 1, serviceUnitId: 'hjemmetjenestene', activityTypeId: 'turvenn' };
    expect((await contacts[0]!.api.post('/api/hours').send(other).expect(201)).body.id).not.toBe(first.body.id);

    const { body: list } = await api.get(`/api/hours?volunteerId=${id}`).expect(200);
    expect(list).toMatchObject({ total: 2, totalHours: 5 });
    const audit = await stack.orm.em.fork().find(AuditEntry, { volunteerId: id, action: 'hoursRecorded' }, { orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.details])).toEqual([
      [contacts[0]!.actor, expect.objectContaining({ month: '2025-03', hours: '2.5', replaced: false })],
      [contacts[1]!.actor, expect.objectContaining({ hours: '4', replaced: true })],
      [contacts[0]!.actor, expect.objectContaining({ serviceUnitId: 'hjemmetjenestene', replaced: false })],
    ]);
  });

  it('keeps one row when contacts enter the same month at the same time', async () => {
    const id = await volunteer();
    const entries = Array.from({ length: 4 }, (_, i) => contacts[i]!.api.post('/api/hours').send({ volunteerId: id, month: '2025-04', hours: i + 1 }));
    const statuses = (await Promise.all(entries)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 201]);
    expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body.total).toBe(1);
  });

  it('lists hours by filter, a page at a time, with the total over every page', async () => {
    const [a, b] = [await volunteer({ serviceUnitId: 'sidebygningen' }), await volunteer({ serviceUnitId: 'sidebygningen' })];
    for (const [volunteerId, month, hours] of [[a, '2024-12', 10], [a, '2025-01', 0.1], [a, '2025-02', 0.2], [b, '2025-02', 3]] as const) {
      await api.post('/api/hours').send({ volunteerId, month, hours }).expect(201);
    }
    const page = await api.get(`/api/hours?volunteerId=${a}&limit=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0, totalHours: 10.3 });
    expect(page.body.items).toEqual([expect.objectContaining({ month: '2025-02' }), expect.objectContaining({ month: '2025-01' })]);
    const next = await api.get(`/api/hours?volunteerId=${a}&limit=2&offset=2`).expect(200);
    expect(next.body.items).toEqual([expect.objectContaining({ month: '2024-12' })]);

    const year = await api.get('/api/hours?serviceUnitId=sidebygningen&year=2025').expect(200);
    expect(year.body).toMatchObject({ total: 3, totalHours: 3.3 });
    const month = await api.get('/api/hours?serviceUnitId=sidebygningen&month=2025-02&activityTypeId=besoksvenn&status=approved').expect(200);
    expect(month.body).toMatchObject({ total: 2, totalHours: 3.2 });
    expect(await api.get('/api/hours?serviceUnitId=sidebygningen&status=pending').expect(200)).toMatchObject({ body: { total: 0, totalHours: 0, items: [] } });
  });

  it('refuses bad entries and filters with 422 naming each field, unknown volunteers with 404, anonymised ones with 409', async () => {
    const id = await volunteer();
    const bad = await api.post('/api/hours').send({ volunteerId: 'x', month: '2026-13', hours: -1, minutes: 3 }).expect(422);
    expect(bad.body.error.fields).toEqual([
      { field: 'volunteerId', message: expect.stringContaining('UUID') },
      { field: 'month', message: 'Give the month as YYYY-MM, e.g. 2026-03 (month 01 to 12).' },
      { field: 'hours', message: 'Hours must be more than 0.' },
      { field: '(body)', message: expect.stringMatching(/Unrecognized key.*minutes/) },
    ]);
    const tooMany = await api.post('/api/hours').send({ volunteerId: id, month: '2025-01', hours: 745 }).expect(422);
    expect(tooMany.body.error.fields).toEqual([{ field: 'hours', message: expect.stringContaining('at most 744') }]);
    const unknownUnit = await api.post('/api/hours').send({ volunteerId: id, month: '2025-01', hours: 1, serviceUnitId: 'nowhere' }).expect(422);
    expect(unknownUnit.body.error.fields).toEqual([{ field: 'serviceUnitId', message: expect.stringContaining('Unknown service unit "nowhere"; choose one of aktivitetshusene') }]);

    const missing = await api.post('/api/hours').send({ volunteerId: randomUUID(), month: '2025-01', hours: 1 }).expect(404);
    expect(missing.body.error.message).toMatch(/was not found/);
    const gone = await volunteer({ anonymisedAt: new Date() });
    const anonymised = await api.post('/api/hours').send({ volunteerId: gone, month: '2025-01', hours: 1 }).expect(409);
    expect(anonymised.body.error.code).toBe('VolunteerAnonymised');

    const filters = await api.get('/api/hours?status=done&month=2025-1&limit=0&volunteerId=1').expect(422);
    expect(filters.body.error.fields).toEqual(['volunteerId', 'month', 'status', 'limit'].map((field) => expect.objectContaining({ field })));
    const both = await api.get('/api/hours?month=2025-01&year=2025').expect(422);
    expect(both.body.error.fields).toEqual([{ field: 'year', message: 'Filter by month or by year, not both.' }]);
    await api.get('/api/hours?colour=red').expect(422);
  });

  it('approves a pending entry once, and answers 404 for unknown entries', async () => {
    const id = await volunteer();
    const em = stack.orm.em.fork();
    const pending = em.create(HoursEntry, {
      ...{ volunteerId: id, serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn', month: '2025-05', hours: 2 },
      ...{ status: 'pending', source: 'volunteer', enteredBy: 'volunteer', approvedBy: null },
    });
    await em.flush();

    await api.post(`/api/hours/${pending.id}/approve`).send({ note: 'x' }).expect(422);
    const approved = await contacts[2]!.api.post(`/api/hours/${pending.id}/approve`).send({}).expect(200);
    expect(approved.body).toMatchObject({ id: pending.id, status: 'approved', approvedBy: contacts[2]!.actor, enteredBy: 'volunteer', hours: 2 });
    const twice = await api.post(`/api/hours/${pending.id}/approve`).send({}).expect(409);
    expect(twice.body.error).toMatchObject({ code: 'HoursAlreadyApproved', message: 'These hours are already approved; nothing was changed.' });
    expect(await stack.orm.em.fork().count(AuditEntry, { volunteerId: id, action: 'hoursApproved', actor: contacts[2]!.actor })).toBe(1);

    await api.post('/api/hours/999999/approve').send({}).expect(404);
    await api.post('/api/hours/abc/approve').send({}).expect(404);
    await api.post('/api/hours/99999999999/approve').send({}).expect(404);
  });

  it('imports a CSV file: good rows land, bad rows are reported by row number, and importing again does not double', async () => {
    const [a, b, gone] = [await volunteer(), await volunteer(), await volunteer({ anonymisedAt: new Date() })];
    const file = [
      'volunteerId,month,hours,serviceUnitId',
      `${a},2025-05,3,`,
      `not-a-volunteer,2025-05,1,`,
      `${randomUUID()},2025-05,1,`,
      `${a},2026-13,2,`,
      `${a},2025-06,-2,`,
      `${a},2025-06,2,nowhere`,
      `${b},2025-05,4.5,hjemmetjenestene`,
      `${gone},2025-05,1,`,
    ].join('\n');
    const { body } = await csv(api, file).expect(200);
    expect(body).toMatchObject({ imported: 2, failed: 6 });
    expect(body.rows).toEqual([
      { row: 2, status: 'imported', id: expect.any(Number) },
      { row: 3, status: 'error', errors: [{ field: 'volunteerId', message: expect.stringContaining('UUID') }] },
      { row: 4, status: 'error', errors: [{ field: 'volunteerId', message: 'No volunteer in Samspill has this ID; check it.' }] },
      { row: 5, status: 'error', errors: [{ field: 'month', message: expect.stringContaining('month 01 to 12') }] },
      { row: 6, status: 'error', errors: [{ field: 'hours', message: 'Hours must be more than 0.' }] },
      { row: 7, status: 'error', errors: [{ field: 'serviceUnitId', message: expect.stringContaining('Unknown service unit "nowhere"') }] },
      { row: 8, status: 'imported', id: expect.any(Number) },
      { row: 9, status: 'error', errors: [{ field: 'volunteerId', message: expect.stringContaining('anonymised') }] },
    ]);
    const totals = async (): Promise<unknown> => (await api.get(`/api/hours?volunteerId=${a}`).expect(200)).body;
    expect(await totals()).toMatchObject({ total: 1, totalHours: 3, items: [{ source: 'import', enteredBy: stack.coordinator.actor, status: 'approved' }] });

    const again = await csv(api, file).expect(200);
    expect(again.body).toMatchObject({ imported: 2, failed: 6 });
    expect((again.body.rows as { status: string }[]).map((r) => r.status)).toEqual(['replaced', ...Array<string>(5).fill('error'), 'replaced', 'error']);
    expect(await totals()).toMatchObject({ total: 1, totalHours: 3 });
    expect((await api.get(`/api/hours?volunteerId=${b}`).expect(200)).body).toMatchObject({ total: 1, totalHours: 4.5, items: [{ serviceUnitId: 'hjemmetjenestene' }] });
  });

  it('imports a semicolon-separated file with decimal commas, a byte-order mark and CRLF', async () => {
    const id = await volunteer();
    const file = `\uFEFFVolunteerId;Month;Hours\r\n${id};2025-07;2,5\r\n"${id}";"2025-08";"1,25"\r\n`;
    const { body } = await csv(api, file).expect(200);
    expect(body).toEqual({ imported: 2, failed: 0, rows: [expect.objectContaining({ row: 2, status: 'imported' }), expect.objectContaining({ row: 3, status: 'imported' })] });
    expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body).toMatchObject({ total: 2, totalHours: 3.75 });
  });

  it('refuses an import without a header, from anyone but the coordinator, without the CSV content type, or beyond the limits', async () => {
    const id = await volunteer();
    const headless = await csv(api, `${id},2025-05,3\n`).expect(422);
    expect(headless.body.error).toMatchObject({ code: 'InvalidCsvHeader', message: expect.stringContaining('missing: volunteerId, month, hours') });
    expect((await csv(api, '').expect(422)).body.error.code).toBe('InvalidCsvHeader');
    const contact = await contacts[0]!.api.post('/api/hours/import').set('Content-Type', 'text/csv').send(`volunteerId,month,hours\n${id},2025-05,3\n`).expect(403);
    expect(contact.body.error.code).toBe('NotAllowed');
    const json = await api.post('/api/hours/import').send({ csv: 'volunteerId,month,hours' }).expect(415);
    expect(json.body.error.message).toContain('Content-Type: text/csv');
    const rows = await csv(api, `volunteerId,month,hours\n${`${id},2025-05,3\n`.repeat(10_001)}`).expect(413);
    expect(rows.body.error.code).toBe('TooManyRows');
    await csv(api, `volunteerId,month,hours\n${'x'.repeat(2_100_000)}\n`).expect(413);
    expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body.total).toBe(0);
  });

  describe('through the volunteer\'s signed link', () => {
    it('shows the form, saves a pending entry the contact then approves, and keeps the link for the next month', async () => {
      const id = await volunteer();
      const path = hoursLinkPath(testLinks, id, 86_400_000);
      expect(path).toMatch(/^\/s\/hours\/[\w-]+\.[\w-]+$/);

      const shown = await api.get(path).expect(200).expect('Content-Type', /html/);
      expect(shown.text).toContain('<html lang="nb">');
      expect(shown.text).toContain('Hei, Kari Nordmann!');
      expect(shown.text).toMatch(/<label for="month">Måned<\/label>[\s\S]*<input id="month" type="month" name="month"/);
      expect(shown.text).toMatch(/<label for="hours">Antall timer<\/label>[\s\S]*<input id="hours" type="number" name="hours" min="0.5" max="744" step="0.5"/);
      expect(shown.text).toContain('Du har ikke registrert noen timer ennå.');
      expect((await api.get(`${path}?lang=en`).expect(200)).text).toContain('Volunteer hours');

      const saved = await linkBrowser(stack).submit(path, { month: '2025-09', hours: '2,5', lang: 'nb' }, 200);
      expect(saved.text).toContain('2,5 timer for september 2025 er registrert og venter på godkjenning');
      const replaced = await linkBrowser(stack).submit(path, { month: '2025-09', hours: '3', lang: 'nb' }, 200);
      expect(replaced.text).toContain('De erstatter det du registrerte');

      const { body: list } = await api.get(`/api/hours?volunteerId=${id}&status=pending`).expect(200);
      expect(list.items).toEqual([
        expect.objectContaining({ month: '2025-09', hours: 3, status: 'pending', source: 'volunteer', enteredBy: 'volunteer', approvedBy: null, serviceUnitId: 'aktivitetshusene' }),
      ]);
      await api.post(`/api/hours/${list.items[0].id}/approve`).send({}).expect(200);

      const later = await api.get(path).expect(200);
      expect(later.text).toMatch(/<td>september 2025<\/td><td>3<\/td><td>Godkjent<\/td>/);
      const locked = await linkBrowser(stack).submit(path, { month: '2025-09', hours: '5', lang: 'en' }, 409);
      expect(locked.text).toContain('The hours for this month are already approved');
      expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body.items[0]).toMatchObject({ hours: 3, status: 'approved' });
    });

    it('shows bad input again with the message next to the field', async () => {
      const id = await volunteer({ language: 'en' });
      const path = hoursLinkPath(testLinks, id, 86_400_000);
      const page = await linkBrowser(stack).submit(path, { month: '2026-13', hours: '-1' }, 422);
      expect(page.text).toContain('<title>Error: Volunteer hours – Samspill</title>');
      expect(page.text).toMatch(/<strong id="month-error">Choose a month that has begun[^<]*<\/strong><br>\n<input id="month"[^>]*value="2026-13" aria-describedby="month-hint month-error" aria-invalid="true"/);
      expect(page.text).toMatch(/<strong id="hours-error">Give the number of hours[^<]*<\/strong><br>\n<input id="hours"[^>]*value="-1"/);
      await linkBrowser(stack).submit(path, {}, 422);
      expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body.total).toBe(0);
    });

    it('says so when the link is expired, forged, for another purpose, or the volunteer is anonymised', async () => {
      const id = await volunteer();
      const contact = policy.serviceUnits.find((u) => u.id === 'aktivitetshusene')!.contactEmail;
      const expired = await api.get(hoursLinkPath(testLinks, id, -60_000)).expect(410);
      expect(expired.text).toContain('Lenken er utløpt');
      expect(expired.text).toContain(contact);
      await linkBrowser(stack).submit(hoursLinkPath(testLinks, id, -60_000), { month: '2025-01', hours: '1' }, 410);

      const forged = await api.get(hoursLinkPath(createLinkSigner(Buffer.from('x'.repeat(40))), id, 60_000)).expect(404);
      expect(forged.text).toContain('Ugyldig lenke');
      expect(forged.text).not.toContain('Kari Nordmann');
      await api.get(`/s/hours/${testLinks.sign(id, 'acceptDeclaration', 60_000)}`).expect(404);
      await api.get('/s/hours/not-a-token').expect(404);
      await api.get(hoursLinkPath(testLinks, await volunteer({ anonymisedAt: new Date() }), 60_000)).expect(404);
      expect((await api.get(`/api/hours?volunteerId=${id}`).expect(200)).body.total).toBe(0);
    });
  });
});
