import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../api/auth/principal.ts';
import { availableActions } from '../api/volunteers/available.ts';
import { Agreement, AgreementVersion, Organisation, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import { loadPolicy, type Policy } from '../infra/policy/policy.ts';
import type { Phase, StepName, StepState } from '../workflows/volunteer-lifecycle/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy, DEFAULT_POLICY_FILE, escalate } from './support/policy.ts';
import { startStack, volunteerBody, type Agent, type Stack } from './support/stack.ts';
import { csrfOf, newStaffSession, submitForm as submit } from './support/staff-session.ts';
import { daysAgo, today } from './support/volunteer-api.ts';
import { waitUntil } from './support/wait.ts';

/** The flash message a page shows once after a form (role "status" on success, "alert" on refusal). */
const flashOf = (html: string) => /<div class="flash (success|error)" role="(?:status|alert)">([^<]*)<\/div>/.exec(html)?.slice(1) ?? [];

describe('the forms a volunteer page offers', () => {
  let policy: Policy;
  beforeAll(async () => {
    policy = await loadPolicy(DEFAULT_POLICY_FILE);
  });

  const principal = (role: Principal['role']): Principal => ({
    userId: randomUUID(), name: 'Test', email: 't@test.no', role, serviceUnitIds: ['aktivitetshusene'], certificateOfficer: false, language: 'nb', via: 'session', csrfToken: null,
  });
  const volunteer = (phase: Phase, started = true) =>
    ({ id: randomUUID(), phase, activityTypeId: 'besoksvenn', contactName: null, lifecycleStartedAt: started ? new Date() : null, closedAt: null, anonymisedAt: null }) as unknown as Volunteer;
  const step = (name: StepName, state: StepState) =>
    ({ step: name, state, openedAt: new Date(), dueAt: null, sessionAt: null, completedAt: null, completedBy: null, remindersSent: 0 }) as unknown as VolunteerStep;
  const onboarding = [step('registration', 'done'), step('policeCertificate', 'notRequired'), step('confidentialityDeclaration', 'overdue'), step('introductionCourse', 'waiting'), step('firstConversation', 'pending')];

  it('offers what the lifecycle would accept now, within the role', () => {
    expect(availableActions(principal('coordinator'), volunteer('onboarding'), onboarding, null, policy)).toEqual({
      complete: ['confidentialityDeclaration'],
      book: ['introductionCourse'],
      recordPoliceCertificate: false,
      waiveCourse: true,
      assignContact: true,
      phase: ['pause', 'withdraw'],
      changeRole: true,
      registerDeviation: true,
      missingForActivation: ['confidentialityDeclaration', 'introductionCourse', 'contact'],
    });
    expect(availableActions(principal('contact'), volunteer('onboarding'), onboarding, null, policy)).toMatchObject({ complete: ['confidentialityDeclaration'], waiveCourse: false });
  });

  it('offers to end a volunteer paused while active, and to withdraw one paused during onboarding, but no steps while paused', () => {
    expect(availableActions(principal('coordinator'), volunteer('paused'), onboarding, 'active', policy)).toMatchObject({ phase: ['resume', 'end'], complete: [], book: [] });
    expect(availableActions(principal('coordinator'), volunteer('paused'), onboarding, 'onboarding', policy)).toMatchObject({ phase: ['resume', 'withdraw'] });
  });

  it('offers nothing to a unit manager, or before the lifecycle has started', () => {
    for (const actions of [
      availableActions(principal('unitManager'), volunteer('onboarding'), onboarding, null, policy),
      availableActions(principal('coordinator'), volunteer('registered', false), [], null, policy),
    ]) {
      expect(actions).toMatchObject({ complete: [], book: [], phase: [], assignContact: false, changeRole: false, registerDeviation: false, waiveCourse: false });
    }
  });
});

describe.each(DIALECTS)("the dashboard's volunteer pages on %s", (dialect) => {
  let stack: Stack;
  let coordinator: Agent;

  beforeAll(async () => {
    // The declaration escalates to the unit after two seconds, so the overview has something overdue.
    stack = await startStack(dialect, await compressedPolicy({ confidentialityDeclaration: [escalate(2, 'contact')] }));
    coordinator = await signIn({ role: 'coordinator', serviceUnitIds: [] });
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));
  const signIn = async (user: Parameters<typeof newStaffSession>[1]): Promise<Agent> => (await newStaffSession(stack, user)).agent;

  /** Registers through the API and waits until onboarding has opened the steps. */
  async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
    const { body } = await stack.api.post('/api/volunteers').send(volunteerBody(overrides)).expect(201);
    await waitUntil(async () => (await stack.orm.em.fork().count(VolunteerStep, { volunteer: body.id })) > 0);
    return body.id as string;
  }

  it('registers a volunteer through the form, and lists, filters, searches and pages', async () => {
    const form = await coordinator.get('/volunteers/new').expect(200);
    expect(form.text).toContain('<h1>Registrer frivillig</h1>');
    expect(form.text).toContain('name="idempotencyKey"');

    const refused = await submit(coordinator, '/volunteers/new', '/volunteers', { name: '', email: 'not-an-address', birthYear: 'nineteen', serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn' }, 422);
    expect(refused.text).toContain('class="error-summary"');
    expect(refused.text).toContain('Enter the volunteer&#39;s name.');
    expect(refused.text).toContain('Enter an email address such as ola@example.no.');
    expect(refused.text).toContain('value="not-an-address"');
    const tooYoung = await submit(coordinator, '/volunteers/new', '/volunteers', { name: 'Unge Ung', email: 'ung@example.no', birthYear: String(new Date().getFullYear() - 10), serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn' }, 422);
    expect(tooYoung.text).toContain('requires volunteers to be at least 18');

    const email = `ase.${randomUUID().slice(0, 6)}@example.no`;
    const created = await submit(coordinator, '/volunteers/new', '/volunteers', {
      name: 'Åse Ødegård',
      email,
      phone: '+47 912 34 567',
      birthYear: '1985',
      serviceUnitId: 'aktivitetshusene',
      activityTypeId: 'besoksvenn',
      language: 'nb',
      suitabilityNote: 'Rolig og trygg; vil gjerne gå turer.',
      idempotencyKey: randomUUID(),
    });
    const location = created.headers.location!;
    expect(location).toMatch(/^\/volunteers\/[0-9a-f-]{36}$/);
    const id = location.split('/').pop()!;
    const page = await coordinator.get(location).expect(200);
    expect(flashOf(page.text)).toEqual(['success', 'Åse Ødegård er registrert, og velkomst-e-posten sendes.']);
    expect(page.text).toContain('<h1>Åse Ødegård</h1>');
    expect(page.text).toContain('Rolig og trygg; vil gjerne gå turer.');
    expect(page.text).toContain('Samtale, selskap, turer og sosiale aktiviteter');
    expect(page.text).toContain(`href="/volunteers/${id}/privacy"`);
    await waitUntil(async () => (await stack.orm.em.fork().findOneOrFail(Volunteer, { id })).phase === 'onboarding');

    const list = (query: Record<string, string>) => coordinator.get('/volunteers').query(query).expect(200);
    expect((await list({})).text).toContain(`<a href="/volunteers/${id}">Åse Ødegård</a>`);
    const found: Record<string, string>[] = [{ q: 'ÅSE ØDE' }, { q: email.toUpperCase() }, { phase: 'onboarding', serviceUnitId: 'aktivitetshusene' }, { step: 'confidentialityDeclaration' }];
    for (const query of found) {
      expect((await list(query)).text).toContain('Åse Ødegård');
    }
    const missed: Record<string, string>[] = [{ q: 'Ødegårdsen' }, { serviceUnitId: 'hjemmetjenestene' }, { phase: 'active' }, { step: 'firstConversation' }];
    for (const query of missed) {
      expect((await list(query)).text).not.toContain('Åse Ødegård');
    }
    await waitUntil(async () => (await list({ overdue: 'true', q: 'Åse' })).text.includes('Åse Ødegård'));

    // Fifty-one volunteers in one unit make two pages.
    const em = stack.orm.em.fork();
    for (let i = 1; i <= 51; i++) {
      em.create(Volunteer, { id: randomUUID(), name: `Sidemann ${i}`, email: `side${i}@example.no`, serviceUnitId: 'sidebygningen', activityTypeId: 'transport', createdAt: new Date(Date.now() - i * 1000) });
    }
    await em.flush();
    const first = await list({ serviceUnitId: 'sidebygningen' });
    expect(first.text).toContain('Viser 1–50 av 51 frivillige');
    expect(first.text).toContain('Sidemann 50<');
    expect(first.text).not.toContain('Sidemann 51<');
    expect(first.text).toContain('href="/volunteers?serviceUnitId=sidebygningen&amp;page=2" rel="next"');
    const second = await list({ serviceUnitId: 'sidebygningen', page: '2' });
    expect(second.text).toContain('Viser 51–51 av 51 frivillige');
    expect(second.text).toContain('Sidemann 51<');
  });

  it('completes the declaration and books the course through forms, and shows a refusal as an error message', async () => {
    const id = await registered({ name: 'Per Skjema' });
    const page = `/volunteers/${id}`;
    const before = await coordinator.get(page).expect(200);
    expect(before.text).toContain(`action="/volunteers/${id}/steps/confidentialityDeclaration/complete"`);
    expect(before.text).toContain('Book tid for introduksjonskurs');
    // Attendance can be recorded only once a session is booked.
    expect(before.text).not.toContain(`action="/volunteers/${id}/steps/introductionCourse/complete"`);

    await submit(coordinator, page, `${page}/steps/confidentialityDeclaration/complete`, { signedOn: today() });
    const declared = await coordinator.get(page).expect(200);
    expect(flashOf(declared.text)).toEqual(['success', 'Taushetserklæring er registrert som fullført.']);
    expect(declared.text).toMatch(/<th scope="row">Taushetserklæring<\/th><td><span class="badge done">Fullført<\/span>/);
    expect(declared.text).toContain('<td>Test coordinator</td>');
    const signed = await stack.api.get(`/api/volunteers/${id}/audit`).expect(200);
    expect(signed.body.items).toContainEqual(expect.objectContaining({ action: 'stepCompleted', step: 'confidentialityDeclaration', details: { signedOn: today() } }));

    // A winter evening in Norway is 17:00 UTC.
    const year = new Date().getFullYear() + 1;
    await submit(coordinator, page, `${page}/sessions`, { step: 'introductionCourse', at: `${year}-01-15T18:00` });
    const booked = await coordinator.get(page).expect(200);
    expect(flashOf(booked.text)[0]).toBe('success');
    expect(flashOf(booked.text)[1]).toContain('Tidspunktet for introduksjonskurs er lagret');
    expect(booked.text).toContain('Flytt tiden for introduksjonskurs');
    expect(booked.text).toContain(`value="${year}-01-15T18:00"`);
    expect(booked.text).toContain(`action="/volunteers/${id}/steps/introductionCourse/complete"`);
    const course = await stack.orm.em.fork().findOneOrFail(VolunteerStep, { volunteer: id, step: 'introductionCourse' });
    expect(course.sessionAt?.toISOString()).toBe(`${year}-01-15T17:00:00.000Z`);

    await submit(coordinator, page, `${page}/steps/firstConversation/complete`, {});
    const refused = await coordinator.get(page).expect(200);
    const [kind, text] = flashOf(refused.text);
    expect(kind).toBe('error');
    expect(text).toMatch(/^Ikke utført: The first conversation can be held only when every required step is done; still missing: introductionCourse, contact\.$/);
    expect(refused.text).toContain('Første samtale kan holdes når dette er på plass: introduksjonskurs, kontaktperson.');

    await submit(coordinator, page, `${page}/sessions`, { step: 'introductionCourse', at: 'tomorrow' });
    expect(flashOf((await coordinator.get(page).expect(200)).text)).toEqual(['error', 'Ikke utført: Give the time as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.']);
  });

  it('shows a contact only their unit, in the list, the overview and the pages', async () => {
    const own = await registered({ name: 'Eva Egen', serviceUnitId: 'aktivitetshusene' });
    const other = await registered({ name: 'Ola Annen', serviceUnitId: 'hjemmetjenestene' });
    const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });

    const list = await contact.get('/volunteers').expect(200);
    expect(list.text).toContain('Eva Egen');
    expect(list.text).not.toContain('Ola Annen');
    expect(list.text).toContain('<option value="aktivitetshusene">Aktivitetshusene</option>');
    expect(list.text).not.toContain('<option value="hjemmetjenestene">');
    expect((await contact.get('/volunteers').query({ serviceUnitId: 'hjemmetjenestene' }).expect(200)).text).not.toContain('Ola Annen');

    await waitUntil(async () => (await contact.get('/overview').expect(200)).text.includes('Eva Egen'));
    const overview = await contact.get('/overview').expect(200);
    expect(overview.text).toContain('<h1>Oversikt</h1>');
    expect(overview.text).toContain('frivillig.aktivitetshusene@tonsberg.kommune.no');
    expect(overview.text).toContain('>Aktivitetshusene</a></th>');
    expect(overview.text).not.toContain('Hjemmetjenestene');
    expect(overview.text).not.toContain('Ola Annen');
    expect(overview.text).toContain('href="/evaluations"');

    const coordinatorOverview = await coordinator.get('/overview').query({ lang: 'en' }).expect(200);
    expect(coordinatorOverview.text).toContain('<h1>Overview</h1>');
    expect(coordinatorOverview.text).toContain('>Hjemmetjenestene</a></th>');

    expect((await contact.get(`/volunteers/${own}`).expect(200)).text).toContain(`action="/volunteers/${own}/contact"`);
    expect((await contact.get(`/volunteers/${other}`).expect(404)).text).toContain('Finnes ikke');
    const page = await contact.get(`/volunteers/${own}`).expect(200);
    await contact.post(`/volunteers/${other}/pause`).type('form').send({ _csrf: csrfOf(page.text) }).expect(404);
    expect(page.text).not.toContain('/privacy"');
  });

  it('lists the agreements whose review is due within 30 days or overdue, to those who see them', async () => {
    const em = stack.orm.em.fork();
    const agreement = (organisation: string, unit: string, reviewDueOn: string, status: 'active' | 'terminated' = 'active') => {
      const org = em.create(Organisation, { id: randomUUID(), name: organisation, organisationNumber: String(Math.floor(100_000_000 + Math.random() * 899_999_999)), registeredInFrivillighetsregisteret: true, contactName: 'Org Kontakt', contactEmail: 'org@example.no' });
      const created = em.create(Agreement, { id: randomUUID(), organisationId: org.id, status, reviewDueOn, startDate: '2025-01-01' });
      em.create(AgreementVersion, { agreementId: created.id, version: 1, serviceUnitIds: [unit], activityTypeIds: ['besoksvenn'], municipalContactName: 'Mona', municipalContactEmail: 'mona@kommune.no', startDate: '2025-01-01', sections: {}, createdBy: 'test' });
      return created.id;
    };
    const soon = agreement('Nær Frivilligsentral', 'aktivitetshusene', new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    const late = agreement('Sen Forening', 'hjemmetjenestene', daysAgo(3));
    agreement('Fjern Forening', 'aktivitetshusene', new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    agreement('Avsluttet Lag', 'aktivitetshusene', daysAgo(3), 'terminated');
    await em.flush();

    // The coordinator chose English on an earlier page; the cookie remembers it until they switch back.
    const all = await coordinator.get('/overview').query({ lang: 'nb' }).expect(200);
    expect(all.text).toContain(`<a href="/agreements/${soon}">Nær Frivilligsentral</a>`);
    expect(all.text).toMatch(new RegExp(`<a href="/agreements/${late}">Sen Forening</a>.*<span class="badge overdue">Forfalt</span>`));
    for (const absent of ['Fjern Forening', 'Avsluttet Lag']) expect(all.text).not.toContain(absent);
    const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    const own = await contact.get('/overview').expect(200);
    expect(own.text).toContain('Nær Frivilligsentral');
    expect(own.text).not.toContain('Sen Forening');
  });

  it('shows a unit manager no forms and refuses their posts', async () => {
    const id = await registered({ name: 'Lise Les', serviceUnitId: 'sterk-og-stodig' });
    const manager = await signIn({ role: 'unitManager', serviceUnitIds: ['sterk-og-stodig'] });
    const page = await manager.get(`/volunteers/${id}`).expect(200);
    expect(page.text).toContain('<h1>Lise Les</h1>');
    expect(page.text).not.toContain(`<form method="post" action="/volunteers/${id}`);
    expect(page.text).not.toContain('Handlinger');
    expect((await manager.get('/volunteers').expect(200)).text).not.toContain('href="/volunteers/new"');
    await manager.get('/volunteers/new').expect(403);
    const refused = await manager.post(`/volunteers/${id}/steps/confidentialityDeclaration/complete`).type('form').send({ _csrf: csrfOf(page.text) }).expect(403);
    expect(refused.text).toContain('Ikke tilgang');
    await manager.post(`/volunteers/${id}/pause`).type('form').send({ _csrf: csrfOf(page.text) }).expect(403);
  });

  it('shows the police certificate step only to certificate officers', async () => {
    const id = await registered({ name: 'Siri Attest', serviceUnitId: 'aktivitetshusene', activityTypeId: 'aktivitetsvenn-utviklingshemming' });
    await stack.sink.waitFor((m) => m.subject?.includes('formål') ?? false);
    await waitUntil(async () => (await stack.orm.em.fork().count(VolunteerStep, { volunteer: id, step: 'policeCertificate', state: 'waiting' })) === 1);
    const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    const officer = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'], certificateOfficer: true });

    const hidden = await contact.get(`/volunteers/${id}`).expect(200);
    expect(hidden.text).not.toContain('<th scope="row">Politiattest</th>');
    expect(hidden.text).not.toContain('Bekreftelse på formål');
    expect(hidden.text).not.toContain('/steps/policeCertificate/record');
    const hiddenList = await contact.get('/volunteers').expect(200);
    expect(hiddenList.text).not.toContain('<option value="policeCertificate">');
    expect(hiddenList.text).not.toContain('<th scope="col">Politiattest</th>');
    expect((await contact.get('/overview').expect(200)).text).not.toContain('Politiattest');
    await contact.get('/volunteers').query({ step: 'policeCertificate' }).expect(403);

    const shown = await officer.get(`/volunteers/${id}`).expect(200);
    expect(shown.text).toContain('<th scope="row">Politiattest</th>');
    expect(shown.text).toContain('Bekreftelse på formål');
    expect(shown.text).toContain(`action="/volunteers/${id}/steps/policeCertificate/record"`);
    const shownList = await officer.get('/volunteers').query({ step: 'policeCertificate' }).expect(200);
    expect(shownList.text).toContain('<th scope="col">Politiattest</th>');
    expect(shownList.text).toContain('Siri Attest');

    await submit(officer, `/volunteers/${id}`, `/volunteers/${id}/steps/policeCertificate/record`, { issuedOn: today(), presentedOn: today(), outcome: 'approved' });
    expect(flashOf((await officer.get(`/volunteers/${id}`).expect(200)).text)).toEqual(['success', 'Politiattesten er registrert som godkjent.']);
  });
});
