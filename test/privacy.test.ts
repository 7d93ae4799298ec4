import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { PRIVACY_CATEGORIES } from '../api/privacy/catalogue.ts';
import { oneMonthAfter } from '../api/privacy/dates.ts';
import { AuditEntry, IdempotencyRecord, OutboxEmail, PoliceCertificateCheck, Volunteer } from '../infra/db/entities/index.ts';
import { lifecyclePolicy, loadPolicy } from '../infra/policy/policy.ts';
import { osloToday } from '../api/volunteers/views/time.ts';
import { volunteerWorkflowId, type LifecycleState } from '../workflows/volunteer-lifecycle/definitions.ts';
import { nextRung, rungTemplate } from '../workflows/volunteer-lifecycle/ladder.ts';
import * as rules from '../workflows/volunteer-lifecycle/rules.ts';
import * as t from '../workflows/volunteer-lifecycle/transitions.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, DEFAULT_POLICY_FILE } from './support/policy.ts';
import { startStack, volunteerBody, type Agent, type Stack } from './support/stack.ts';
import { csrfOf, newStaffSession, submitForm as submit } from './support/staff-session.ts';
import { act, daysAgo } from './support/volunteer-api.ts';
import { waitUntil } from './support/wait.ts';

const DAY = 86_400_000;
interface TrailEntry {
  action: string;
  actor: string;
  actorName: string;
  step: string | null;
}
const itemsOf = (response: { body: unknown }) => (response.body as { items: TrailEntry[] }).items;
const fieldNames = (response: { body: unknown }) => (response.body as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort();
const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const policy = lifecyclePolicy(await loadPolicy(DEFAULT_POLICY_FILE));

describe('erasure in the lifecycle', () => {
  const T0 = Date.parse('2026-01-05T09:00:00Z');

  function onboarding(): LifecycleState {
    const state = t.initialState({ policeCertificate: false, introductionCourse: false });
    t.beginOnboarding(state, policy, T0, 'wf');
    state.outbox.splice(0);
    state.audit.splice(0);
    return state;
  }

  it('closes a volunteer not yet active as withdrawn, with no thank-you and nothing left to send, and ends the run', () => {
    const state = onboarding();
    const rung = nextRung(state, policy)!;
    t.fireRung(state, rung, rungTemplate(rung), T0 + DAY, 'wf');
    expect(state.outbox).toHaveLength(1);
    t.stopForErasure(state, 'staff:1', T0 + 2 * DAY);
    expect(state).toMatchObject({ phase: 'withdrawn', closedAt: new Date(T0 + 2 * DAY).toISOString(), anonymised: true, outbox: [] });
    expect(state.steps.filter((s) => s.state === 'waiting' || s.state === 'pending')).toEqual([]);
    expect(state.audit.map((e) => [e.actor, e.action])).toEqual(expect.arrayContaining([['staff:1', 'phaseChanged'], ['staff:1', 'erasureRequested']]));
    expect(rules.eraseProblem(state)).toMatchObject({ type: 'conflict', code: 'AlreadyAnonymised' });
  });

  it('closes an active volunteer as ended, and leaves an already closed one as it was', () => {
    const active = onboarding();
    t.completeStep(active, policy, 'confidentialityDeclaration', 'staff:1', T0, 'wf');
    t.assignContact(active, policy, 'staff:1', T0, 'wf');
    t.completeStep(active, policy, 'firstConversation', 'staff:1', T0, 'wf');
    expect(rules.eraseProblem(active)).toBeUndefined();
    t.stopForErasure(active, 'staff:1', T0 + DAY);
    expect(active.phase).toBe('ended');

    const withdrawn = onboarding();
    t.withdraw(withdrawn, 'staff:1', T0, 'wf');
    t.stopForErasure(withdrawn, 'staff:1', T0 + DAY);
    expect(withdrawn).toMatchObject({ phase: 'withdrawn', closedAt: new Date(T0).toISOString(), outbox: [] });
  });

  it('counts "within one month" by the calendar, to the last day of a shorter month', () => {
    expect(oneMonthAfter('2026-03-15')).toBe('2026-04-15');
    expect(oneMonthAfter('2026-01-31')).toBe('2026-02-28');
    expect(oneMonthAfter('2028-01-31')).toBe('2028-02-29');
    expect(oneMonthAfter('2026-12-20')).toBe('2027-01-20');
  });
});

describe.each(DIALECTS)('privacy tools on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));
  const signIn = async (user: Parameters<typeof newStaffSession>[1]): Promise<Agent> => (await newStaffSession(stack, user)).agent;

  /**
   * A volunteer with something in every category: a police certificate seen, a signed paper
   * declaration, a waived course (with a free-text reason), a deviation, hours, and emails.
   */
  async function onboarded(overrides: Record<string, unknown> = {}) {
    const body = volunteerBody({
      activityTypeId: 'aktivitetsvenn-utviklingshemming',
      phone: '+47 912 34 567',
      suitabilityNote: 'Rolig og trygg i samtalen',
      ...overrides,
    });
    const created = await stack.api.post('/api/volunteers').set('Idempotency-Key', randomUUID()).send(body).expect(201);
    const id = created.body.id as string;
    await act(stack, id, 'steps/policeCertificate/record', { issuedOn: daysAgo(10), presentedOn: daysAgo(1), outcome: 'approved' });
    await act(stack, id, 'steps/confidentialityDeclaration/complete', { signedOn: daysAgo(2) });
    await act(stack, id, 'steps/introductionCourse/waive', { reason: 'Kari har holdt kurset selv' });
    await act(stack, id, 'deviations', { occurredOn: daysAgo(3), externalId: 'COMPILO-77' }, 201);
    await stack.api.post('/api/hours').send({ volunteerId: id, month: '2026-10', hours: 6 }).expect(201);
    await waitUntil(async () => (await stack.orm.em.fork().count(OutboxEmail, { volunteerId: id, status: 'sent' })) >= 2);
    return { id, ...body };
  }

  it('exports every category with its retention and legal basis, as an attachment, and never a police certificate\'s content', async () => {
    const volunteer = await onboarded();
    const response = await stack.api.get(`/api/volunteers/${volunteer.id}/export`).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename=samspill-innsyn-${volunteer.id}-${osloToday()}.json`);
    const exported = JSON.parse(response.text);

    expect(Object.keys(exported.categories)).toEqual([...PRIVACY_CATEGORIES]);
    for (const category of PRIVACY_CATEGORIES) {
      expect(exported.categories[category]).toMatchObject({ title: expect.any(String), legalBasis: expect.any(String), retention: { rule: expect.any(String) } });
    }
    const { categories: c } = exported;
    expect(c.person.data).toMatchObject({ id: volunteer.id, name: volunteer.name, email: volunteer.email, phone: '+47 912 34 567', suitabilityNote: 'Rolig og trygg i samtalen' });
    expect(c.person.retention).toMatchObject({ status: 'afterEnding', on: null, rule: expect.stringContaining('etter at du slutter') });
    expect(c.assignment.data).toMatchObject({ serviceUnit: { id: 'aktivitetshusene', name: 'Aktivitetshusene' }, activityType: { id: 'aktivitetsvenn-utviklingshemming' } });
    expect((c.steps.data as { step: string }[]).map((s) => s.step)).toEqual(expect.arrayContaining(['registration', 'policeCertificate', 'confidentialityDeclaration']));

    // What was seen, when, by whom, for which role: nothing else about a police certificate exists.
    expect(c.policeCertificateChecks.data).toEqual([
      {
        activityType: { id: 'aktivitetsvenn-utviklingshemming', name: 'Aktivitetsvenn for personer med utviklingshemming' },
        issuedOn: daysAgo(10),
        presentedOn: daysAgo(1),
        checkedBy: { actor: stack.coordinator.actor, name: 'Test coordinator' },
        outcome: 'approved',
        recordedAt: expect.any(String),
      },
    ]);
    expect(c.policeCertificateChecks.legalBasis).toContain('politiregisterforskriften § 34-1');

    expect(c.confidentialityDeclaration.data).toMatchObject({ signedOn: daysAgo(2), method: 'paper', recordedBy: { name: 'Test coordinator' } });
    expect(c.confidentialityDeclaration.retention).toMatchObject({ status: 'archivePlan', on: null, rule: expect.stringContaining('arkivplan') });
    expect(c.auditEntries.data).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'waiverReason', details: { reason: 'Kari har holdt kurset selv' } })]));
    const welcome = (c.emails.data as { template: string }[]).find((e) => e.template === 'welcome');
    expect(welcome).toMatchObject({ recipient: volunteer.email, subject: expect.stringContaining('Velkommen'), text: expect.stringContaining(volunteer.name) });
    expect(c.hours.data).toEqual([expect.objectContaining({ month: '2026-10', hours: 6, status: 'approved' })]);
    expect(c.deviations.data).toEqual([expect.objectContaining({ occurredOn: daysAgo(3), externalId: 'COMPILO-77' })]);
    expect(exported.rights).toContain('Datatilsynet');

    // Handing the data out is itself in the log.
    const audit = await stack.api.get(`/api/volunteers/${volunteer.id}/audit`).query({ action: 'dataExported' }).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: stack.coordinator.actor, actorName: 'Test coordinator' })]);
  });

  it('dates each category once the volunteer has withdrawn, in English for an English-speaking volunteer', async () => {
    const { body } = await stack.api.post('/api/volunteers').send(volunteerBody({ language: 'en' })).expect(201);
    const withdrawn = await act(stack, body.id, 'withdraw', {});
    const { body: exported } = await stack.api.get(`/api/volunteers/${body.id}/export`).expect(200);
    const on = osloToday(new Date(Date.parse(withdrawn.closedAt as string) + 3_600_000));
    expect(exported.categories.person.retention).toEqual({ status: 'scheduled', on, rule: `Erased on ${on} (1 hour after you withdrew).` });
    expect(exported.categories.emails.retention).toMatchObject({ status: 'scheduled', on });
    expect(exported.categories.confidentialityDeclaration.data).toBeNull();
    expect(exported.rights).toContain('Data Protection Authority');
  });

  it('leaves export and erasure to the coordinator, and hides another unit\'s volunteer from a contact', async () => {
    const volunteer = await onboarded();
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    const outsider = await stack.as({ role: 'contact', serviceUnitIds: ['hjemmetjenestene'] });
    const request = { reason: 'Asked by phone', receivedOn: osloToday() };

    for (const agent of [contact.api, outsider.api]) {
      expect((await agent.get(`/api/volunteers/${volunteer.id}/export`).expect(403)).body.error.code).toBe('NotAllowed');
      expect((await agent.post(`/api/volunteers/${volunteer.id}/erasure`).send(request).expect(403)).body.error.code).toBe('NotAllowed');
    }
    // The refusal comes before the lookup, so it is the same for a volunteer who does not exist.
    await contact.api.get(`/api/volunteers/${randomUUID()}/export`).expect(403);
    await contact.api.get(`/api/volunteers/${volunteer.id}/audit`).expect(200);
    expect((await outsider.api.get(`/api/volunteers/${volunteer.id}/audit`).expect(404)).body.error.code).toBe('NotFound');
    expect((await stack.orm.em.fork().findOneOrFail(Volunteer, { id: volunteer.id })).name).toBe(volunteer.name);
  });

  it('erases on request: personal data and email bodies go, the signed declaration stays with the reason why, and the lifecycle ends', async () => {
    const volunteer = await onboarded({ name: 'Eirik Slettmeg', phone: '+47 400 11 222', suitabilityNote: 'Eirik liker å gå turer' });
    const emailsBefore = await stack.orm.em.fork().count(OutboxEmail, { volunteerId: volunteer.id });

    const missing = await stack.api.post(`/api/volunteers/${volunteer.id}/erasure`).send({ receivedOn: dayAfter(osloToday(), 1) }).expect(422);
    expect(fieldNames(missing)).toEqual(['reason', 'receivedOn']);

    const receivedOn = daysAgo(3);
    const { body: receipt } = await stack.api.post(`/api/volunteers/${volunteer.id}/erasure`).send({ reason: 'Eirik asked by email', receivedOn }).expect(200);
    expect(receipt).toMatchObject({
      volunteerId: volunteer.id,
      requestReceivedOn: receivedOn,
      deadline: oneMonthAfter(receivedOn),
      withinDeadline: true,
      lifecycleStopped: true,
      rights: expect.stringContaining('Datatilsynet'),
    });
    expect((receipt.erased as { category: string }[]).map((l) => l.category)).toEqual(['person', 'policeCertificateChecks', 'emails']);
    expect((receipt.deIdentified as { category: string }[]).map((l) => l.category)).toEqual(['assignment', 'steps', 'auditEntries', 'hours', 'deviations']);
    expect(receipt.kept).toEqual([
      expect.objectContaining({
        category: 'confidentialityDeclaration',
        why: expect.stringContaining('arkivplikt'),
        record: expect.objectContaining({ signedOn: daysAgo(2), method: 'paper' }),
      }),
    ]);

    // The lifecycle ended as withdrawn (never active), and said nothing more to anyone.
    const handle = stack.client.workflow.getHandle(volunteerWorkflowId(volunteer.id));
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    const em = stack.orm.em.fork();
    expect(await em.count(OutboxEmail, { volunteerId: volunteer.id })).toBe(emailsBefore);

    const { body: shown } = await stack.api.get(`/api/volunteers/${volunteer.id}`).expect(200);
    expect(shown).toMatchObject({ name: 'Anonymisert', phone: null, birthYear: null, phase: 'withdrawn', anonymisedAt: expect.any(String) });
    expect(shown.steps).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'confidentialityDeclaration', state: 'done' })]));
    const { text: listed } = await stack.api.get('/api/volunteers').query({ limit: 200 }).expect(200);
    expect(listed).toContain(volunteer.id);
    for (const personal of [volunteer.name, 'Eirik', volunteer.email, '400 11 222', 'liker å gå']) {
      expect(JSON.stringify(shown)).not.toContain(personal);
      expect(listed).not.toContain(personal);
    }

    expect(await em.find(OutboxEmail, { volunteerId: volunteer.id })).toEqual(
      Array.from({ length: emailsBefore }, () => expect.objectContaining({ recipient: 'anonymisert@invalid', text: '', html: '' })),
    );
    expect(await em.count(PoliceCertificateCheck, { volunteerId: volunteer.id })).toBe(0);
    expect(await em.count(IdempotencyRecord, { resourceId: volunteer.id })).toBe(0);
    const audit = await em.find(AuditEntry, { volunteerId: volunteer.id });
    expect(JSON.stringify(audit)).not.toMatch(/Eirik|holdt kurset|liker å gå/);
    expect(audit.filter((e) => e.action === 'erased')).toEqual([
      expect.objectContaining({ actor: stack.coordinator.actor, details: { requestReceivedOn: receivedOn, lifecycleStopped: true } }),
    ]);
    expect(audit.map((e) => e.action)).toContain('erasureRequested');

    // What is left, and why, is still there to see.
    const { body: after } = await stack.api.get(`/api/volunteers/${volunteer.id}/export`).expect(200);
    expect(after.categories.person.data).toMatchObject({ name: 'Anonymisert', phone: null, suitabilityNote: null });
    expect(after.categories.person.retention.status).toBe('done');
    expect(after.categories.confidentialityDeclaration.data).toMatchObject({ signedOn: daysAgo(2) });
    expect(after.categories.policeCertificateChecks.data).toEqual([]);

    const again = await stack.api.post(`/api/volunteers/${volunteer.id}/erasure`).send({ reason: 'Asked again', receivedOn }).expect(409);
    expect(again.body.error.code).toBe('AlreadyAnonymised');
  });

  it('filters a volunteer\'s audit trail, names staff members, and keeps police certificate entries from contacts', async () => {
    const volunteer = await onboarded();
    const trail = (agent: Agent, query: Record<string, string> = {}) => agent.get(`/api/volunteers/${volunteer.id}/audit`).query(query);
    const actions = (items: TrailEntry[]) => items.map((e) => e.action);

    const all = itemsOf(await trail(stack.api).expect(200));
    expect(actions(all)).toEqual(expect.arrayContaining(['stepOpened', 'stepCompleted', 'phaseChanged', 'stepWaived', 'deviationRegistered']));

    const completed = itemsOf(await trail(stack.api, { action: 'stepCompleted' }).expect(200));
    expect(completed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions(completed))).toEqual(new Set(['stepCompleted']));
    const declaration = itemsOf(await trail(stack.api, { step: 'confidentialityDeclaration' }).expect(200));
    expect(new Set(declaration.map((e) => e.step))).toEqual(new Set(['confidentialityDeclaration']));
    const byCoordinator = itemsOf(await trail(stack.api, { actor: stack.coordinator.actor }).expect(200));
    expect(byCoordinator.length).toBeGreaterThan(0);
    expect(byCoordinator.every((e) => e.actor === stack.coordinator.actor && e.actorName === 'Test coordinator')).toBe(true);
    expect(new Set(actions(itemsOf(await trail(stack.api, { actor: 'system' }).expect(200))))).not.toContain('stepCompleted');

    const today = osloToday();
    expect(itemsOf(await trail(stack.api, { from: today, to: today }).expect(200))).toHaveLength(all.length);
    expect((await trail(stack.api, { from: dayAfter(today, 1) }).expect(200)).body.items).toEqual([]);
    expect((await trail(stack.api, { to: dayAfter(today, -1) }).expect(200)).body.items).toEqual([]);

    const bad = await trail(stack.api, { step: 'nap', from: '2026-02-30', action: 'drop table' }).expect(422);
    expect(fieldNames(bad)).toEqual(['action', 'from', 'step']);
    expect((await trail(stack.api, { from: today, to: dayAfter(today, -1) }).expect(422)).body.error.fields).toEqual([expect.objectContaining({ field: 'to' })]);
    await trail(stack.api, { unknown: 'x' }).expect(422);

    // A contact sees the trail, entries without a step included, but nothing about the police certificate.
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    const seen = itemsOf(await trail(contact.api).expect(200));
    expect(seen.some((e) => e.step === null)).toBe(true);
    expect(seen.filter((e) => e.step === 'policeCertificate')).toEqual([]);
    expect(seen.length).toBeLessThan(all.length);
    expect((await trail(contact.api, { step: 'policeCertificate' }).expect(403)).body.error.code).toBe('NotAllowed');
  });

  it('shows the privacy page with the export and retention, and erases only after the confirmation step', async () => {
    const volunteer = await onboarded({ name: 'Siri Sletting', phone: '+47 400 22 333', suitabilityNote: 'Siris notat' });
    const coordinator = await signIn({ role: 'coordinator', serviceUnitIds: [], name: 'Cora Koordinator' });
    const page = `/volunteers/${volunteer.id}/privacy`;

    const { text } = await coordinator.get(page).expect(200);
    expect(text).toContain('<h1>Personvern: Siri Sletting</h1>');
    expect(text).toContain(`href="/api/volunteers/${volunteer.id}/export"`);
    expect(text).toContain('<th scope="row">Taushetserklæring</th>');
    expect(text).toContain('Arkivdokument: bevares etter kommunens arkivplan');
    expect(text).toContain('name="receivedOn"');
    const download = await coordinator.get(`/api/volunteers/${volunteer.id}/export`).expect(200);
    expect(download.headers['content-disposition']).toContain('attachment');

    const refused = await submit(coordinator, page, `${page}/erasure`, { reason: '', receivedOn: dayAfter(osloToday(), 2) }, 422);
    expect(refused.text).toContain('class="error-summary"');
    expect(refused.text).toContain('id="receivedOn-error"');

    const confirm = await submit(coordinator, page, `${page}/erasure`, { reason: 'Siri ringte', receivedOn: osloToday() }, 200);
    expect(confirm.text).toContain('<h1>Bekreft sletting: Siri Sletting</h1>');
    expect(confirm.text).toContain('name="confirmed" value="yes"');
    expect(confirm.text).toContain('Dette beholdes som arkivdokument');
    expect((await stack.orm.em.fork().findOneOrFail(Volunteer, { id: volunteer.id })).anonymisedAt).toBeNull();

    const done = await coordinator.post(`${page}/erasure`).type('form').send({ reason: 'Siri ringte', receivedOn: osloToday(), confirmed: 'yes', _csrf: csrfOf(confirm.text) }).expect(303);
    expect(done.headers.location).toBe(page);
    const { text: receipt } = await coordinator.get(page).expect(200);
    expect(receipt).toContain('Opplysningene er slettet innen fristen');
    expect(receipt).toContain('Kvittering for sletting');
    expect(receipt).toContain('Datatilsynet');
    expect(receipt).not.toContain('Siri');
    expect(receipt).not.toContain('name="receivedOn"');
    const { text: volunteerPage } = await coordinator.get(`/volunteers/${volunteer.id}`).expect(200);
    const { text: list } = await coordinator.get('/volunteers').expect(200);
    for (const html of [volunteerPage, list]) {
      expect(html).toContain('Anonymisert');
      for (const personal of ['Siri', volunteer.email, '400 22 333', 'Siris notat']) expect(html).not.toContain(personal);
    }

    const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'], name: 'Kim Kontakt' });
    await contact.get(page).expect(403);
  });

  it('lists the whole audit log for the coordinator only, with staff names, filters and pages', async () => {
    const volunteer = await onboarded();
    const coordinator = await signIn({ role: 'coordinator', serviceUnitIds: [], name: 'Cora Koordinator' });

    await supertest(stack.app).get('/audit').expect(303).expect('location', '/sign-in?next=%2Faudit');
    const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'], name: 'Kim Kontakt' });
    await contact.get('/audit').expect(403);

    const { text } = await coordinator.get('/audit').expect(200);
    expect(text).toContain('<h1>Logg</h1>');
    expect(text).toContain('<td>Test coordinator</td>');
    expect(text).not.toContain(`<td>${stack.coordinator.actor}</td>`);
    expect(text).toContain('<option value="stepCompleted">Steg fullført</option>');

    const filtered = await coordinator.get('/audit').query({ volunteerId: volunteer.id, step: 'confidentialityDeclaration', action: '', actor: '' }).expect(200);
    const shown = [...filtered.text.matchAll(/<tr><td>/g)].length;
    expect(shown).toBe(await stack.orm.em.fork().count(AuditEntry, { volunteerId: volunteer.id, step: 'confidentialityDeclaration' }));
    expect(filtered.text).toContain('<option value="confidentialityDeclaration" selected>');

    const bad = await coordinator.get('/audit').query({ from: 'yesterday' }).expect(422);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('id="from-error"');

    const agreementId = randomUUID();
    const em = stack.orm.em.fork();
    for (let i = 0; i < 60; i++) {
      em.create(AuditEntry, { volunteerId: null, agreementId, at: new Date(Date.now() - i * 1000), actor: 'system', action: 'reminded', step: null, details: null });
    }
    await em.flush();
    const first = await coordinator.get('/audit').query({ agreementId }).expect(200);
    expect(first.text).toContain('Side 1 av 2');
    expect([...first.text.matchAll(/<tr><td>/g)]).toHaveLength(50);
    expect(first.text).toContain(`href="/audit?agreementId=${agreementId}&amp;page=2"`);
    const second = await coordinator.get('/audit').query({ agreementId, page: '2' }).expect(200);
    expect([...second.text.matchAll(/<tr><td>/g)]).toHaveLength(10);
  });
});
