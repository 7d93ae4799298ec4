import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Agreement, HoursEntry, VolunteerStep } from '../infra/db/entities/index.ts';
import { confirmedApplication, organisationNumber, registered } from './support/api-fixtures.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, escalate } from './support/policy.ts';
import { startStack, volunteerBody, type Agent, type Stack } from './support/stack.ts';
import { newStaffSession } from './support/staff-session.ts';
import { act } from './support/volunteer-api.ts';
import { waitUntil } from './support/wait.ts';

const MINE = 'aktivitetshusene';
const OTHER = 'sidebygningen';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * «I dag» for both roles on a real Temporal server and database: every kind of item, each linking
 * to where the job is done, the empty states that say what to do next, and a contact who sees only
 * their own units. The confidentiality declaration escalates to the contact at once, so it is
 * overdue within a second and falls to whoever follows the volunteer up.
 */
describe.each(DIALECTS)('the home page on %s', (dialect) => {
  let stack: Stack;
  let coordinator: Agent;
  let contact: Agent;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy({ confidentialityDeclaration: [escalate(1, 'contact')] }));
    coordinator = (await newStaffSession(stack, { role: 'coordinator', serviceUnitIds: [] })).agent;
    contact = (await newStaffSession(stack, { role: 'contact', serviceUnitIds: [MINE] })).agent;
  }, 120_000);
  afterAll(() => stack?.close());
  afterEach(() => expect(stack.logged).toEqual([]));

  const register = async (name: string, unit: string, activityTypeId = 'turvenn') =>
    (await stack.api.post('/api/volunteers').send(volunteerBody({ name, serviceUnitId: unit, activityTypeId })).expect(201)).body.id as string;

  /** A driver (no course) through the declaration, with a contact: the first conversation waits for that contact. */
  async function readyForFirstConversation(name: string, unit: string): Promise<string> {
    const id = await register(name, unit, 'transport');
    await act(stack, id, 'steps/confidentialityDeclaration/complete', {});
    await act(stack, id, 'contact', { name: 'Kari Kontakt', email: 'kari.kontakt@example.no' });
    return id;
  }

  const stepState = (id: string, step: 'confidentialityDeclaration' | 'firstConversation' | 'followUp') => async () =>
    (await stack.orm.em.fork().findOne(VolunteerStep, { volunteer: id, step }))?.state;

  it('says what to do first when nothing is there yet', async () => {
    const page = (await coordinator.get('/').expect(200)).text;
    expect(page).toContain('<h1>I dag</h1>');
    expect(page).toContain('<a href="/" aria-current="page">I dag</a>');
    expect(page).toContain('<a href="/volunteers/new">Ingen frivillige ennå – registrer den første frivillige.</a>');
    expect(page).toContain('<a href="/organisations/new">Ingen avtaler ennå – registrer en organisasjon først.</a>');
    expect(page).toContain('<a href="/bli-frivillig">Ingen søknader venter.');
    expect(page).toContain('<a href="/courses">Ingen kurs med ledige plasser denne uken.');
    expect(page).toContain('Nettverksmøter: 0 holdt og 0 planlagt av 4 i året.');
    expect(page).toContain('<a href="/meetings">Planlegg flere møter for å nå årets antall.</a>');

    const own = (await contact.get('/').query({ lang: 'en' }).expect(200)).text;
    expect(own).toContain('<h1>Today</h1>');
    expect(own).toContain('No first conversations are waiting.');
    expect(own).toContain('No follow-up conversations in the next 14 days.');
    expect(own).toContain('No hours are waiting for approval.');
    expect(own).toContain('<a href="/courses">No courses are planned for your units. Ask the coordinator for one.</a>');
  });

  it("lists every kind of item for each role, each linking to its form, and a contact sees only their units'", async () => {
    const [unassigned, assigned, elsewhere, first, firstElsewhere, followed] = await Promise.all([
      register('Ulla Utenkontakt', MINE),
      register('Anders Medkontakt', MINE),
      register('Otto Annensted', OTHER),
      readyForFirstConversation('Frida Førstesamtale', MINE),
      readyForFirstConversation('Fredrik Fjern', OTHER),
      readyForFirstConversation('Per Oppfølging', MINE),
    ]);
    await act(stack, assigned, 'contact', { name: 'Kari Kontakt', email: 'kari.kontakt@example.no' });
    await act(stack, followed, 'steps/firstConversation/complete', {});
    await Promise.all([unassigned, assigned, elsewhere].map((id) => waitUntil(async () => (await stepState(id, 'confidentialityDeclaration')()) === 'overdue')));
    await waitUntil(async () => (await stepState(first, 'firstConversation')()) === 'waiting');
    await waitUntil(async () => (await stepState(followed, 'followUp')()) === 'waiting');

    const em = stack.orm.em.fork();
    for (const [volunteerId, serviceUnitId] of [[first, MINE], [firstElsewhere, OTHER]] as const) {
      em.create(HoursEntry, { volunteerId, serviceUnitId, activityTypeId: 'turvenn', month: '2026-11', hours: 4.5, status: 'pending', source: 'volunteer', enteredBy: `volunteer:${volunteerId}`, approvedBy: null });
    }
    await em.flush();
    const [application, applicationElsewhere] = await Promise.all([confirmedApplication(stack, MINE), confirmedApplication(stack, OTHER)]);
    const course = registered('post', '/api/courses').example as Record<string, unknown>;
    const session = (await stack.api.post('/api/courses').send({ ...course, startsAt: inDays(2), place: 'Kurssalen', serviceUnitIds: [MINE] }).expect(201)).body.id as string;
    const sessionElsewhere = (await stack.api.post('/api/courses').send({ ...course, startsAt: inDays(3), place: 'Annenstedsalen', serviceUnitIds: [OTHER] }).expect(201)).body.id as string;
    const meeting = registered('post', '/api/meetings').example as Record<string, unknown>;
    await stack.api.post('/api/meetings').send({ ...meeting, title: 'Vårt nettverksmøte', startsAt: inDays(5), serviceUnitIds: [MINE] }).expect(201);
    await stack.api.post('/api/meetings').send({ ...meeting, title: 'Deres nettverksmøte', startsAt: inDays(6), serviceUnitIds: [OTHER] }).expect(201);
    const organisation = (await stack.api.post('/api/organisations').send({ ...(registered('post', '/api/organisations').example as object), name: 'Gjennomgangslaget', organisationNumber: organisationNumber() }).expect(201)).body.id as string;
    const agreementExample = registered('post', '/api/agreements').example as Record<string, unknown>;
    const agreement = (await stack.api.post('/api/agreements').send({ ...agreementExample, organisationId: organisation, serviceUnitIds: [MINE] }).expect(201)).body.id as string;
    // Signed a year ago, so its review falls due: as the agreement's workflow would have projected it (test/agreements.test.ts signs for real).
    await stack.orm.em.fork().nativeUpdate(Agreement, { id: agreement }, { status: 'active', reviewDueOn: inDays(10).slice(0, 10) });

    const page = (await coordinator.get('/').expect(200)).text;
    expect(page).toContain('3 steg er forfalt.');
    expect(page).toContain('<h3>Frivilligkontaktene <span class="hint">(3 steg)</span></h3>');
    const line = (id: string, name: string, unit: string) => `<li><a href="/volunteers/${id}">${name}</a> – Taushetserklæring, ${unit}, frist `;
    expect(page).toMatch(new RegExp(`${line(unassigned, 'Ulla Utenkontakt', 'Aktivitetshusene')}[^<]+ <span class="badge overdue">forfalt</span> – ingen kontakt tildelt ennå: tildel en</li>`));
    expect(page).toMatch(new RegExp(`${line(assigned, 'Anders Medkontakt', 'Aktivitetshusene')}[^<]+ <span class="badge overdue">forfalt</span> – følges opp av Kari Kontakt</li>`));
    expect(page).toContain(line(elsewhere, 'Otto Annensted', 'Sidebygningen'));
    expect(page).toContain(`<a href="/applications/${application}">Besøksvenn i Aktivitetshusene, bekreftet `);
    expect(page).toContain(`<a href="/applications/${applicationElsewhere}">`);
    expect(page).toMatch(new RegExp(`<a href="/courses/${session}">[^<]+, Kurssalen: 12 ledige plasser</a>`));
    expect(page).toContain(`<a href="/courses/${sessionElsewhere}">`);
    expect(page).toContain(`<a href="/agreements/${agreement}">Gjennomgangslaget: gjennomgang `);
    expect(page).toContain('Nettverksmøter: 0 holdt og 2 planlagt av 4 i året.');

    const own = (await contact.get('/').query({ lang: 'nb' }).expect(200)).text;
    expect(own).toMatch(new RegExp(`<h2 id="first-heading">Førstesamtaler du skal holde</h2><ul><li><a href="/volunteers/${first}">Frida Førstesamtale</a> – Første samtale, Aktivitetshusene`));
    expect(own).toMatch(new RegExp(`<h2 id="follow-ups-heading">Oppfølgingssamtaler de neste 14 dagene</h2><ul><li><a href="/volunteers/${followed}">Per Oppfølging</a> – Oppfølgingssamtale, Aktivitetshusene, frist `));
    expect(own).toContain('<a href="/hours?status=pending">Frida Førstesamtale: 4,5 timer i november 2026</a>');
    expect(own).toContain(`<a href="/applications/${application}">`);
    expect(own).toContain(`<a href="/courses/${session}">`);
    expect(own).toContain('Vårt nettverksmøte</a>');
    for (const theirs of [firstElsewhere, elsewhere, applicationElsewhere, sessionElsewhere, 'Fredrik Fjern', 'Deres nettverksmøte']) expect(own).not.toContain(theirs);
  }, 60_000);
});
