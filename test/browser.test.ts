import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { reportInputs } from '../activities/report-figures.ts';
import { createStaffUser } from '../infra/auth/staff-accounts.ts';
import { AnnualEvaluation } from '../infra/db/entities/index.ts';
import { linkPath } from '../infra/links/signed-links.ts';
import { AGREEMENT_SECTIONS } from '../workflows/agreement/definitions.ts';
import { computeReport } from '../workflows/annual-evaluation/report.ts';
import { confirmedApplication, registered } from './support/api-fixtures.ts';
import { launchBrowser, listen, newContext, seriousViolations, signIn } from './support/browser.ts';
import { compressedPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';

const PASSWORD = 'et langt passord for testen';
const COORDINATOR = 'kari.koordinator@kommune.no';
const CONTACT = 'ola.kontakt@kommune.no';
const DAY = 86_400_000;

/**
 * The real service in headless Chromium: the API app over HTTP with a worker, Temporal, SQLite
 * and an SMTP sink behind it, used the way a coordinator, a contact and a volunteer use it.
 */
describe('Samspill in a browser', () => {
  let stack: Stack;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy());
    server = await listen(stack);
    browser = await launchBrowser();
    const em = stack.orm.em.fork();
    await createStaffUser(em, { email: COORDINATOR, name: 'Kari Koordinator', role: 'coordinator', serviceUnitIds: [], password: PASSWORD });
    await createStaffUser(em, { email: CONTACT, name: 'Ola Kontakt', role: 'contact', serviceUnitIds: ['sidebygningen'], password: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.close();
  });

  async function pageAs(email?: string): Promise<Page> {
    const page = await (await newContext(browser, server.url)).newPage();
    if (email) await signIn(page, email, PASSWORD);
    return page;
  }

  const flash = (page: Page) => page.locator('.flash').innerText();
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainText = (page: Page) => page.locator('main').innerText();

  it('lets a coordinator sign in, register a volunteer, complete the steps and see the status change', async () => {
    const page = await pageAs(COORDINATOR);
    expect(await heading(page)).toBe('I dag');

    await page.getByRole('link', { name: 'Frivillige', exact: true }).click();
    await page.getByRole('link', { name: 'Registrer frivillig' }).click();
    await page.getByLabel(/^Navn/).fill('Åse Ødegård');
    await page.getByLabel(/^E-post/).fill('ase.odegard@example.no');
    await page.getByLabel('Fødselsår').fill('1958');
    await page.getByLabel(/^Enhet/).selectOption('aktivitetshusene');
    await page.getByLabel(/^Aktivitet/).selectOption('kultur-og-arrangement');
    await page.getByRole('button', { name: 'Registrer' }).click();
    expect(await heading(page)).toBe('Åse Ødegård');
    await page.locator('.flash').waitFor();

    // The page reloads by itself until the workflow has opened the steps.
    await page.getByRole('button', { name: /taushetserklæring: registrer som fullført/i }).click();
    expect(await flash(page)).toBeTruthy();
    expect(await mainText(page)).toMatch(/Første samtale kan holdes når dette er på plass: kontaktperson/);
    await page.getByText('Tildel kontaktperson').click();
    await page.getByLabel(/^Kontaktpersonens navn/).fill('Ola Kontakt');
    await page.getByLabel(/^Kontaktpersonens e-post/).fill(CONTACT);
    await page.getByRole('button', { name: 'Lagre kontaktperson' }).click();
    expect(await flash(page)).toBeTruthy();
    // The first conversation is offered only once the activation gate is open.
    await page.getByRole('button', { name: /første samtale: registrer som fullført/i }).click();
    expect(await mainText(page)).toContain('Aktiv');

    await page.goto('/volunteers?phase=active');
    await page.getByRole('link', { name: 'Åse Ødegård' }).waitFor();
  }, 120_000);

  it("opens on «I dag» for the coordinator and for a contact, each with their own lists, accessible on a phone", async () => {
    for (const [email, sections] of [
      [COORDINATOR, ['Forfalt – hvem må handle', 'Søknader som venter', 'Kurs denne uken med ledige plasser', 'Avtaler til gjennomgang', 'Møter i år']],
      [CONTACT, ['Førstesamtaler du skal holde', 'Oppfølgingssamtaler de neste 14 dagene', 'Timer som venter på godkjenning', 'Søknader som venter', 'Dine neste kurs', 'Dine neste møter']],
    ] as const) {
      const page = await pageAs(email);
      expect(await heading(page)).toBe('I dag');
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(sections);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    }
  }, 60_000);

  it('imports earlier years\' hours from the form and shows the report over three years, accessible on a phone and in print', async () => {
    const page = await pageAs(COORDINATOR);
    await page.goto('/hours');
    await page.getByRole('link', { name: 'Timer fra tidligere år' }).click();
    const file = ['year;serviceUnitId;hours', '2022;sidebygningen;1310', '2023;sidebygningen;1512', '2024;Sidebygningen;1640', '2024;helsehus-og-sykehjem;"11 905"'].join('\r\n');
    await page.getByLabel('CSV-fil').setInputFiles({ name: 'timer.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Importer timene' }).click();
    expect(await flash(page)).toBe('Timene er importert: 4 nye, 0 endret og 0 uendret.');

    // The report the evaluation would make for 2024, which has only imported hours.
    const em = stack.orm.em.fork();
    const [inputs] = await reportInputs(em, stack.policy, [2024], stack.policy.evaluation.hoursPerFte);
    em.create(AnnualEvaluation, { year: 2024, status: 'approved', report: computeReport(inputs!) });
    await em.flush();
    await page.goto('/reports/2024');
    expect(await heading(page)).toBe('Frivillighet i helse og omsorg – årsrapport 2024');
    expect(await page.locator('#hours-by-unit-caption').locator('xpath=..').getByRole('row', { name: /^Sidebygningen/ }).innerText()).toMatch(/^Sidebygningen\s+1\s310\s+1\s512\s+1\s640$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.municipality').isVisible()).toBe(true);
    expect(await page.locator('.languages').isVisible()).toBe(false);
  }, 60_000);

  it('lets a volunteer open the link in their email and accept the declaration', async () => {
    const body = volunteerBody({ serviceUnitId: 'sidebygningen', name: 'Per Hansen' });
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const [welcome] = await stack.sink.waitFor(sentTo(body.email));
    const link = /http:\/\/samspill\.test(\/s\/[\w.-]+)\s/.exec(`${welcome!.text} `)?.[1];
    expect(link).toBeDefined();

    const page = await pageAs();
    await page.goto(link!);
    await page.getByRole('button', { name: 'Jeg har lest og godtar taushetserklæringen' }).click();
    expect(await heading(page)).toBe('Takk!');
    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect((status as { steps: { step: string }[] }).steps.find((s) => s.step === 'confidentialityDeclaration')).toMatchObject({ state: 'done' });
  }, 60_000);

  it('keeps a contact out of another unit\'s volunteer', async () => {
    const { body: elsewhere } = await stack.api.post('/api/volunteers').send(volunteerBody({ serviceUnitId: 'aktivitetshusene', name: 'Liv Annen' })).expect(201);
    const { body: own } = await stack.api.post('/api/volunteers').send(volunteerBody({ serviceUnitId: 'sidebygningen', name: 'Eva Egen' })).expect(201);
    const page = await pageAs(CONTACT);
    await page.goto('/volunteers');
    await page.getByRole('link', { name: 'Eva Egen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Liv Annen' }).count()).toBe(0);

    const response = await page.goto(`/volunteers/${elsewhere.id}`);
    expect(response?.status()).toBe(404);
    expect(await mainText(page)).not.toContain('Liv Annen');
    expect((await page.goto(`/volunteers/${own.id}`))?.status()).toBe(200);
    expect((await page.goto('/staff'))?.status()).toBe(403);
  }, 60_000);

  /** Until the volunteer's introduction course is open, so they can be enrolled in a session. */
  async function waitForCourseStep(volunteerId: string) {
    for (let tries = 0; tries < 100; tries++) {
      const { body } = await stack.api.get(`/api/volunteers/${volunteerId}`).expect(200);
      if ((body.steps as { step: string; state: string }[]).some((s) => s.step === 'introductionCourse' && s.state === 'waiting')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the course step of ${volunteerId} did not open`);
  }

  it('plans a course, enrols four volunteers in bulk from the list, and records their attendance in one submit, on a phone', async () => {
    const names = ['Bulk Anna', 'Bulk Bjørn', 'Bulk Cecilie', 'Bulk Dag'];
    const ids = await Promise.all(names.map(async (name) => (await stack.api.post('/api/volunteers').send(volunteerBody({ name })).expect(201)).body.id as string));
    for (const id of ids) await waitForCourseStep(id);
    const page = await pageAs(COORDINATOR);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/courses?lang=nb');
    const inTwoHours = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(new Date(Date.now() + 2 * 3_600_000)).replace(' ', 'T');
    await page.getByLabel('Tidspunkt').fill(inTwoHours);
    await page.getByLabel('Sted').fill('Frivillighetshuset, sal 3');
    await page.getByLabel('Kursleder').fill('Kari Leder');
    await page.getByLabel('Antall plasser').fill('6');
    await page.getByRole('button', { name: 'Planlegg kurset' }).click();
    expect(await flash(page)).toContain('Kurset er planlagt.');
    expect(await seriousViolations(page)).toEqual([]);

    const session = page.url();

    // Enrolled from the volunteer list: four ticked, one action, a line per person.
    await page.goto('/volunteers?q=Bulk&lang=nb');
    for (const name of names) await page.getByLabel(`Velg ${name}`).check();
    await page.getByLabel('Meld på introduksjonskurs').check();
    await page.getByLabel('Introduksjonskurs', { exact: true }).selectOption({ index: 1 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Utfør for de valgte' }).click();
    expect(await mainText(page)).toContain('Utført: 4.');
    expect(await page.getByRole('cell', { name: 'Utført', exact: true }).count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(session);
    for (const name of names) await page.getByLabel(`${name} møtte`).check();
    // The roster fits the phone's width: nothing to scroll sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.getByRole('button', { name: 'Registrer oppmøte' }).click();
    expect(await flash(page)).toContain('Oppmøtet er registrert.');
    expect(await mainText(page)).toContain('Holdt');
    expect(await seriousViolations(page)).toEqual([]);
    for (const id of ids) {
      for (let tries = 0; tries < 100; tries++) {
        const { body } = await stack.api.get(`/api/volunteers/${id}`).expect(200);
        if ((body.steps as { step: string; state: string }[]).some((s) => s.step === 'introductionCourse' && s.state === 'done')) break;
        if (tries === 99) throw new Error(`the course of ${id} was not completed`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 120_000);

  it('shows the public recruitment pages on a 320 px phone without sideways scrolling, in each language', async () => {
    const page = await pageAs();
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of ['/bli-frivillig?lang=nb', '/bli-frivillig/besoksvenn?lang=nn', '/bli-frivillig/aktivitetsvenn-utviklingshemming?lang=en', '/bli-frivillig/besoksvenn/sendt?lang=nb']) {
      await page.goto(path);
      expect({ path, fits: await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') }).toEqual({ path, fits: true });
    }
    await page.goto('/bli-frivillig?lang=nb');
    await page.getByRole('link', { name: 'Les mer om Besøksvenn' }).click();
    expect(await mainText(page)).toContain('Dette gjør du ikke');
  }, 60_000);

  it('lets someone apply on a phone, confirm from the email, and the coordinator accept them from the queue', async () => {
    const email = 'nora.nysgjerrig@example.no';
    const phone = await pageAs();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto('/bli-frivillig/besoksvenn');
    await phone.getByLabel(/^Navn/).fill('Nora Nysgjerrig');
    await phone.getByLabel(/^E-post/).fill(email);
    await phone.getByLabel(/^Fødselsår/).fill('1994');
    await phone.getByLabel('Aktivitetshusene').check();
    await phone.getByLabel(/Hvorfor vil du bli frivillig/).fill('Jeg vil gjerne besøke noen som er alene.');
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    // A person takes longer than the policy's minimum time to fill the form in.
    await phone.waitForTimeout(3_100);
    await phone.getByRole('button', { name: 'Send søknaden' }).click();
    expect(await heading(phone)).toBe('Takk! Sjekk e-posten din');

    const [confirmation] = await stack.sink.waitFor((m) => sentTo(email)(m) && m.subject === 'Bekreft søknaden din');
    const link = /http:\/\/samspill\.test(\/s\/application\/[\w.-]+)/.exec(confirmation!.text ?? '')![1]!;
    await phone.goto(link);
    expect(await mainText(phone)).toContain('Slik behandler vi opplysningene dine');
    await phone.getByRole('button', { name: 'Bekreft søknaden' }).click();
    expect(await mainText(phone)).toContain('Søknaden er kommet fram');

    const coordinator = await pageAs(COORDINATOR);
    await coordinator.getByRole('link', { name: 'Søknader', exact: true }).click();
    await coordinator.getByRole('link', { name: 'Nora Nysgjerrig' }).click();
    expect(await mainText(coordinator)).toContain('Jeg vil gjerne besøke noen som er alene.');
    await coordinator.getByRole('button', { name: 'Ta opp som frivillig og start oppfølgingen' }).click();
    expect(await heading(coordinator)).toBe('Nora Nysgjerrig');
    await stack.sink.waitFor((m) => sentTo(email)(m) && (m.subject?.startsWith('Velkommen som frivillig') ?? false));
  }, 120_000);

  /** A volunteer, an organisation with an agreement, hours and a staff member: something on every page. */
  async function pagesToCheck(name: string, organisationNumber: string) {
    const { body: volunteer } = await stack.api.post('/api/volunteers').send(volunteerBody({ name })).expect(201);
    const { body: organisation } = await stack.api
      .post('/api/organisations')
      .send({ name: `Frivilligsentralen ${name}`, organisationNumber, registeredInFrivillighetsregisteret: true, contact: { name: 'Lise Leder', email: 'lise@frivilligsentralen.no' } })
      .expect(201);
    const { body: agreement } = await stack.api
      .post('/api/agreements')
      .send({
        organisationId: organisation.id,
        serviceUnitIds: ['sidebygningen'],
        activityTypeIds: ['besoksvenn'],
        municipalContact: { name: 'Mona Kontakt', email: 'mona@kommune.no' },
        startDate: '2026-01-01',
        sections: {},
      })
      .expect(201);
    const sections = Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, `Avtalt om ${s}.`]));
    const draft = registered('put', '/api/agreements/:id/draft').example as Record<string, unknown>;
    await stack.api.put(`/api/agreements/${agreement.id}/draft`).send({ ...draft, serviceUnitIds: ['sidebygningen'], sections }).expect(200);
    await stack.api.post(`/api/agreements/${agreement.id}/sign`).send({ signedOn: '2026-01-15' }).expect(200);
    await stack.api.post('/api/hours').send({ volunteerId: volunteer.id, month: '2026-01', hours: 3 }).expect(201);
    const { body: staff } = await stack.api.get('/api/staff').expect(200);
    const staffId = (staff.items as { id: string }[])[0]!.id;
    const { body: course } = await stack.api
      .post('/api/courses')
      .send({ startsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(), place: 'Frivillighetshuset', leader: 'Kari Leder', capacity: 8 })
      .expect(201);
    await waitForCourseStep(volunteer.id);
    await stack.api.post(`/api/courses/${course.id}/enrolments`).send({ volunteerIds: [volunteer.id] }).expect(200);
    const { body: meeting } = await stack.api
      .post('/api/meetings')
      .send({ kind: 'network', title: 'Nettverksmøte', agenda: 'Erfaringsdeling', place: 'Rådhuset', startsAt: new Date(Date.now() + DAY).toISOString() })
      .expect(201);
    const invitationId = String((meeting.invitations as { id: number }[])[0]!.id);
    const application = await confirmedApplication(stack, 'aktivitetshusene');

    const coordinatorPages = [
      '/',
      '/overview',
      '/volunteers',
      '/volunteers?phase=onboarding&overdue=true',
      '/volunteers/new',
      `/volunteers/${volunteer.id}`,
      `/volunteers/${volunteer.id}/privacy`,
      '/courses',
      `/courses/${course.id}`,
      '/meetings',
      `/meetings/${meeting.id}`,
      '/applications',
      `/applications/${application}`,
      '/calendar',
      '/agreements',
      '/agreements/new',
      `/agreements/${agreement.id}`,
      '/organisations',
      '/organisations/new',
      `/organisations/${organisation.id}`,
      '/hours',
      '/hours/new',
      '/hours/imports/new',
      '/hours/history',
      '/evaluations',
      '/outbox',
      '/staff',
      '/staff/new',
      `/staff/${staffId}`,
      '/account',
      '/audit',
      '/api/docs',
      '/no-such-page',
    ];
    const linkPages = [
      linkPath('meetingRsvp', testLinks.sign(invitationId, 'meetingRsvp', DAY)),
      linkPath('courseCheckIn', testLinks.sign(course.id, 'courseCheckIn', DAY)),
      linkPath('acceptDeclaration', testLinks.sign(volunteer.id, 'acceptDeclaration', DAY)),
      linkPath('viewStatus', testLinks.sign(volunteer.id, 'viewStatus', DAY)),
      linkPath('logHours', testLinks.sign(volunteer.id, 'logHours', DAY)),
      linkPath('manageCourse', testLinks.sign(volunteer.id, 'manageCourse', DAY)),
      linkPath('answerReview', testLinks.sign(agreement.id, 'answerReview', DAY)),
      linkPath('viewStatus', testLinks.sign(volunteer.id, 'viewStatus', -DAY)),
      '/s/not-a-token',
      '/sign-in',
      '/bli-frivillig',
      '/bli-frivillig/besoksvenn',
      '/bli-frivillig/aktivitetsvenn-utviklingshemming',
      '/bli-frivillig/ingen-slik-oppgave',
      '/bli-frivillig/besoksvenn/sendt',
      `/bli-frivillig/organisasjoner/${organisation.id}`,
      linkPath('application', testLinks.sign(application, 'application', DAY)),
    ];
    return { volunteer: volunteer as { id: string }, coordinatorPages, linkPages };
  }

  /** The serious axe violations found on each of `paths`, by path. */
  async function violationsOn(page: Page, paths: string[]): Promise<Record<string, unknown>> {
    const found: Record<string, unknown> = {};
    for (const path of paths) {
      await page.goto(path);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    return found;
  }

  it('finds no serious accessibility violations on any page', async () => {
    const { volunteer, coordinatorPages, linkPages } = await pagesToCheck('Axe Testesen', '971 277 882');
    const coordinator = await pageAs(COORDINATOR);
    const found = await violationsOn(coordinator, [...coordinatorPages, '/?lang=en', `/volunteers/${volunteer.id}?lang=en`]);
    // A form sent back with its problems: the error summary and the marked fields.
    await coordinator.goto('/volunteers/new?lang=nb');
    await coordinator.evaluate("document.querySelectorAll('form').forEach((form) => { form.noValidate = true; })");
    await coordinator.getByRole('button', { name: 'Registrer' }).click();
    await coordinator.locator('.error-summary').waitFor();
    const formViolations = await seriousViolations(coordinator);
    if (formViolations.length) found['/volunteers/new (with errors)'] = formViolations;

    Object.assign(found, await violationsOn(await pageAs(), linkPages));
    expect(found).toEqual({});
  }, 240_000);

  it('switches to nynorsk from any page, keeps it, and finds no serious accessibility violations in nynorsk', async () => {
    const { coordinatorPages, linkPages } = await pagesToCheck('Nynorsk Testesen', '974 760 673');
    const coordinator = await pageAs(COORDINATOR);
    await coordinator.getByRole('link', { name: 'Norsk (nynorsk)' }).click();
    expect(await coordinator.locator('html').getAttribute('lang')).toBe('nn');
    await coordinator.getByRole('link', { name: 'Tilsette', exact: true }).click();
    expect(await heading(coordinator)).toBe('Tilsette');
    expect(await coordinator.locator('html').getAttribute('lang')).toBe('nn');

    // The choice is remembered, so the pages below are in nynorsk without asking again.
    const found = await violationsOn(coordinator, coordinatorPages);
    expect(await coordinator.locator('html').getAttribute('lang')).toBe('nn');

    const visitor = await pageAs();
    Object.assign(found, await violationsOn(visitor, linkPages.map((path) => `${path}?lang=nn`)));
    expect(await visitor.locator('html').getAttribute('lang')).toBe('nn');
    expect(found).toEqual({});
  }, 240_000);
});
