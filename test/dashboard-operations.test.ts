import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AnnualEvaluation, HoursEntry, ImportJob, OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';
import { evaluationStatusQuery, evaluationWorkflowId } from '../workflows/annual-evaluation/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { csrfOf, newStaffSession, submitForm as submit } from './support/staff-session.ts';
import { waitUntil } from './support/wait.ts';

const isRefreshing = (html: string) => html.includes('<meta http-equiv="refresh"');

describe.each(DIALECTS)('the dashboard\'s hours, evaluation and outbox pages on %s', (dialect) => {
  let stack: Stack;
  let coordinator: Agent;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
    coordinator = await signIn({ role: 'coordinator', serviceUnitIds: [] });
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));
  const signIn = async (user: Parameters<typeof newStaffSession>[1]): Promise<Agent> => (await newStaffSession(stack, user)).agent;

  async function volunteer(serviceUnitId = 'aktivitetshusene', name = 'Kari Nordmann'): Promise<string> {
    const em = stack.orm.em.fork();
    const created = em.create(Volunteer, { id: randomUUID(), name, email: `${randomUUID().slice(0, 8)}@example.no`, serviceUnitId, activityTypeId: 'besoksvenn' });
    await em.flush();
    return created.id;
  }

  describe('hours', () => {
    it('enters hours through the form, shows a bad entry again with its messages, and lists the hours with totals', async () => {
      const id = await volunteer('sidebygningen', 'Åse Entry');
      const form = await coordinator.get(`/hours/new?volunteerId=${id}`).expect(200);
      expect(form.text).toContain('<h1>Registrer timer</h1>');
      expect(form.text).toMatch(new RegExp(`<option value="${id}" selected>Åse Entry \\(Sidebygningen\\)</option>`));

      const bad = await submit(coordinator, '/hours/new', '/hours', { volunteerId: id, month: '2025-13', hours: '-1', serviceUnitId: '', activityTypeId: '' }, 422);
      expect(bad.text).toContain('class="error-summary"');
      expect(bad.text).toMatch(/<p class="error" id="month-error">Give the month as YYYY-MM/);
      expect(bad.text).toMatch(/<p class="error" id="hours-error">Hours must be more than 0\.<\/p>/);
      expect(bad.text).toContain('value="-1"');

      const saved = await submit(coordinator, '/hours/new', '/hours', { volunteerId: id, month: '2025-03', hours: '2,5', serviceUnitId: '', activityTypeId: 'turvenn' }, 303);
      expect(saved.headers.location).toBe('/hours');
      const list = await coordinator.get('/hours?serviceUnitId=sidebygningen&year=2025').expect(200);
      expect(list.text).toContain('Timene er lagret.');
      expect(list.text).toMatch(new RegExp(`<a href="/volunteers/${id}">Åse Entry</a>`));
      expect(list.text).toMatch(/<td>Sidebygningen<\/td><td>Turvenn[^<]*<\/td><td>mars 2025<\/td>\s*<td class="number">2,5<\/td>/);
      expect(list.text).toMatch(/Timer i alt<\/p><p class="figure">2,5<\/p>/);
      const stored = await stack.orm.em.fork().findOneOrFail(HoursEntry, { volunteerId: id });
      expect(stored).toMatchObject({ hours: 2.5, status: 'approved', source: 'contact', activityTypeId: 'turvenn' });

      const english = await coordinator.get('/hours?serviceUnitId=sidebygningen&year=2025&lang=en').expect(200);
      expect(english.text).toContain('<h1>Volunteer hours</h1>');
      expect(english.text).toContain('<td>March 2025</td>');
      const conflicting = await coordinator.get('/hours?month=2025-03&year=2025&lang=nb').expect(422);
      expect(conflicting.text).toContain('Filter by month or by year, not both.');
    });

    it('shows the hours pages in nynorsk when asked', async () => {
      const id = await volunteer('sidebygningen', 'Nils Nynorsk');
      await stack.api.post('/api/hours').send({ volunteerId: id, month: '2024-03', hours: 1.5 }).expect(201);
      // A session of its own: `?lang=` is remembered, and the other tests read the pages in bokmål.
      const reader = await signIn({ role: 'coordinator', serviceUnitIds: [] });
      const list = (await reader.get(`/hours?volunteerId=${id}&lang=nn`).expect(200)).text;
      expect(list).toContain('<html lang="nn">');
      expect(list).toContain('<h1>Frivilligtimar</h1>');
      expect(list).toContain('<a class="button" href="/hours/new">Registrer timar</a>');
      expect(list).toContain('<a class="button" href="/hours/imports/new">Importer frå CSV</a>');
      expect(list).toContain('<label for="serviceUnitId">Eining</label>');
      expect(list).toContain('<label for="month">Månad</label>');
      expect(list).toMatch(/Timar i alt<\/p><p class="figure">1,5<\/p>/);
      expect(list).toMatch(/<td>Sidebygningen<\/td><td>[^<]*<\/td><td>mars 2024<\/td>\s*<td class="number">1,5<\/td><td><span class="badge done">Godkjent<\/span><\/td><td>Tilsett<\/td>/);
      expect(list).not.toContain('Timer i alt');
      const form = (await reader.get('/hours/new').expect(200)).text;
      expect(form).toContain('<h1>Registrer timar</h1>');
      expect(form).toContain('<p class="hint" id="hours-hint">Til dømes 2,5</p>');
      expect(form).toContain('<button type="submit">Lagre timane</button>');
      const imports = (await reader.get('/hours/imports/new').expect(200)).text;
      expect(imports).toContain('<h1>Importer timar frå CSV</h1>');
      expect(imports).toContain('<p>Første rad må namngje kolonnane <code>volunteerId</code>, <code>month</code> (ÅÅÅÅ-MM) og <code>hours</code>');
      expect((await reader.get('/evaluations').expect(200)).text).toContain('<h1>Årleg evaluering</h1>');
    });

    it('lets a contact approve a pending entry of their unit, and hides other units\' hours', async () => {
      const own = await volunteer('hjemmetjenestene', 'Per Pending');
      const other = await volunteer('sterk-og-stodig', 'Olga Other');
      const em = stack.orm.em.fork();
      const pending = (volunteerId: string, serviceUnitId: string) =>
        em.create(HoursEntry, { volunteerId, serviceUnitId, activityTypeId: 'besoksvenn', month: '2025-05', hours: 4, status: 'pending', source: 'volunteer', enteredBy: 'volunteer' });
      const mine = pending(own, 'hjemmetjenestene');
      const theirs = pending(other, 'sterk-og-stodig');
      await em.flush();

      const contact = await signIn({ role: 'contact', serviceUnitIds: ['hjemmetjenestene'] });
      const list = await contact.get('/hours?status=pending').expect(200);
      expect(list.text).toContain('Per Pending');
      expect(list.text).not.toContain('Olga Other');
      expect(list.text).not.toContain('Importer fra CSV');
      expect(list.text).toMatch(/<option value="hjemmetjenestene">Hjemmetjenestene<\/option><\/select>/);
      expect(list.text).toContain(`action="/hours/${mine.id}/approve"`);

      const approved = await submit(contact, '/hours?status=pending', `/hours/${mine.id}/approve`, { back: '/hours?status=pending' }, 303);
      expect(approved.headers.location).toBe('/hours?status=pending');
      expect((await contact.get('/hours?status=approved').expect(200)).text).toContain('Timene er godkjent.');
      expect(await stack.orm.em.fork().findOneOrFail(HoursEntry, { id: mine.id })).toMatchObject({ status: 'approved', approvedBy: expect.stringMatching(/^staff:/) });

      const elsewhere = await submit(contact, '/hours', `/hours/${theirs.id}/approve`, { back: 'https://evil.example/' }, 404);
      expect(elsewhere.text).toContain('Finnes ikke');
      const twice = await submit(contact, '/hours', `/hours/${mine.id}/approve`, {}, 409);
      expect(twice.text).toContain('These hours are already approved');
      await (await signIn({ role: 'unitManager', serviceUnitIds: ['hjemmetjenestene'] })).get('/hours/new').expect(403);
    });
  });

  describe('the CSV import', () => {
    it('imports an uploaded file as a background job whose page follows it to the results of every row', async () => {
      const [a, b] = [await volunteer(), await volunteer('hjemmetjenestene')];
      const file = ['volunteerId;month;hours;serviceUnitId', `${a};2025-06;3,5;`, `${randomUUID()};2025-06;1;`, `${b};2025-13;2;`, `${b};2025-06;1,25;hjemmetjenestene`].join('\r\n');
      const form = await coordinator.get('/hours/imports/new').expect(200);
      const csrf = csrfOf(form.text);
      expect(form.text).toContain(`action="/hours/imports?_csrf=${csrf}" enctype="multipart/form-data"`);

      const upload = () => coordinator.post('/hours/imports').attach('file', Buffer.from(file), { filename: 'timer.csv', contentType: 'text/csv' });
      await upload().expect(403);
      const started = await coordinator
        .post(`/hours/imports?_csrf=${encodeURIComponent(csrf)}`)
        .attach('file', Buffer.from(file), { filename: 'timer.csv', contentType: 'text/csv' })
        .expect(303);
      const jobPath = started.headers.location!;
      expect(jobPath).toMatch(/^\/hours\/imports\/[0-9a-f-]{36}$/);

      let page = '';
      await waitUntil(async () => !isRefreshing((page = (await coordinator.get(jobPath).expect(200)).text)));
      expect(page).toContain('Importen er ferdig: 4 rader behandlet.');
      expect(page).toMatch(/Importert<\/p><p class="figure">2<\/p>/);
      expect(page).toMatch(/Feilet<\/p><p class="figure">2<\/p>/);
      expect(page).toMatch(/<th scope="row" class="number">3<\/th><td><code>volunteerId<\/code>: No volunteer in Samspill has this ID; check it\.<\/td>/);
      expect(page).toMatch(/<th scope="row" class="number">4<\/th><td><code>month<\/code>: Give the month as YYYY-MM/);
      const job = await stack.orm.em.fork().findOneOrFail(ImportJob, { id: jobPath.split('/').pop()! });
      expect(job).toMatchObject({ kind: 'hoursImport', state: 'done', total: 4, processed: 4, result: { imported: 2, failed: 2 } });
      const imported = await stack.api.get(`/api/hours?volunteerId=${b}`).expect(200);
      expect(imported.body).toMatchObject({ total: 1, totalHours: 1.25, items: [{ source: 'import', serviceUnitId: 'hjemmetjenestene' }] });
      expect((await coordinator.get('/hours/imports/new').expect(200)).text).toContain(`href="${jobPath}"`);
    });

    it('shows a running job as a progress bar that reloads itself, and a job that lost its process as interrupted', async () => {
      const em = stack.orm.em.fork();
      const running = em.create(ImportJob, { id: randomUUID(), kind: 'hoursImport', total: 1000, processed: 200, createdBy: stack.coordinator.actor });
      const lost = em.create(ImportJob, { id: randomUUID(), kind: 'hoursImport', total: 1000, processed: 400, createdBy: stack.coordinator.actor, createdAt: new Date(Date.now() - 3_600_000) });
      await em.flush();
      const page = (await coordinator.get(`/hours/imports/${running.id}`).expect(200)).text;
      expect(page).toContain('<meta http-equiv="refresh" content="2">');
      expect(page).toMatch(/<label for="progress">Fremdrift<\/label>\s*<progress id="progress" max="1000" value="200">/);
      expect(page).toContain('200 av 1000 rader er behandlet');
      const interrupted = (await coordinator.get(`/hours/imports/${lost.id}?lang=en`).expect(200)).text;
      expect(isRefreshing(interrupted)).toBe(false);
      expect(interrupted).toContain('The import was interrupted');
      expect(interrupted).toContain('400 of 1000 rows were processed');
      await coordinator.get(`/hours/imports/${randomUUID()}?lang=nb`).expect(404);
      await coordinator.get('/hours/imports/not-an-id').expect(404);
    });

    it('shows a file it cannot read again with the reason, and is the coordinator\'s alone', async () => {
      const csrf = csrfOf((await coordinator.get('/hours/imports/new').expect(200)).text);
      const headless = await coordinator.post(`/hours/imports?_csrf=${csrf}`).attach('file', Buffer.from('1;2;3\n'), { filename: 'x.csv', contentType: 'text/csv' }).expect(422);
      expect(headless.text).toContain('Filen kunne ikke leses');
      expect(headless.text).toContain('missing: volunteerId, month, hours');
      const empty = await coordinator.post(`/hours/imports?_csrf=${csrf}`).field('note', 'no file').expect(422);
      expect(empty.text).toContain('Velg en CSV-fil å importere.');

      const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
      await contact.get('/hours/imports/new').expect(403);
      const contactCsrf = csrfOf((await contact.get('/hours').expect(200)).text);
      await contact.post(`/hours/imports?_csrf=${contactCsrf}`).attach('file', Buffer.from('volunteerId,month,hours\n'), 'x.csv').expect(403);
    });
  });

  describe('the outbox', () => {
    it('lists every email with its status, filters by status, template and recipient, and is the coordinator\'s alone', async () => {
      const em = stack.orm.em.fork();
      const volunteerId = await volunteer();
      const email = (n: number, fields: Partial<OutboxEmail>) =>
        em.create(OutboxEmail, { idempotencyKey: `test:${randomUUID()}`, messageId: `<${n}@test>`, text: 't', html: '<p>t</p>', template: 'welcome', recipient: `person${n}@example.no`, subject: `Emne ${n}`, ...fields });
      email(1, { recipient: 'Kari_Nordmann@Example.no', status: 'sent', sentAt: new Date(), attempts: 1, volunteerId, step: 'policeCertificate' });
      email(2, { template: 'stepReminder', attempts: 2, lastError: 'Error: connect ECONNREFUSED 127.0.0.1:25', agreementId: randomUUID() });
      // Marion matches `i_n` only if `_` were a wildcard.
      email(3, { template: 'bulk', recipient: 'marion@example.no' });
      for (let n = 4; n < 60; n++) email(n, { template: 'bulk' });
      await em.flush();

      const page = (await coordinator.get('/outbox').expect(200)).text;
      expect(page).toContain('<h1>Utsendte e-poster</h1>');
      expect(page).toContain('Side 1 av 2');
      const filtered = (await coordinator.get('/outbox?template=welcome').expect(200)).text;
      expect(filtered).toContain('<td>Kari_Nordmann@Example.no</td>');
      expect(filtered).toContain('<td>Emne 1</td><td>politiattest</td><td><span class="badge done">Sendt</span></td>');
      expect(filtered).toContain(`<a href="/volunteers/${volunteerId}">Frivillig</a>`);
      expect(filtered).not.toContain('Emne 2');

      const failing = (await coordinator.get('/outbox?status=pending&template=stepReminder').expect(200)).text;
      expect(failing).toContain('<span class="badge overdue">Feilet, prøver igjen</span>');
      expect(failing).toContain('<td class="number">2</td><td>Error: connect ECONNREFUSED 127.0.0.1:25</td>');
      expect(failing).toMatch(/<a href="\/agreements\/[0-9a-f-]{36}">Avtale<\/a>/);

      expect((await coordinator.get('/outbox?recipient=NORDMANN').expect(200)).text).toContain('Emne 1');
      const underscore = (await coordinator.get('/outbox?recipient=i_n').expect(200)).text;
      expect(underscore).toContain('Emne 1');
      expect(underscore).not.toContain('Emne 3<');
      expect((await coordinator.get('/outbox?recipient=%25').expect(200)).text).toContain('Ingen e-poster passer filteret.');
      await coordinator.get('/outbox?status=lost').expect(422);

      const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
      const refused = await contact.get('/outbox').expect(403);
      expect(refused.text).toContain('Ikke tilgang');
      expect((await contact.get('/').expect(200)).text).not.toContain('href="/outbox"');
    });
  });

  describe('the annual evaluation', () => {
    // One evaluation per year on the run's Temporal server: each dialect evaluates a year of its own.
    const year = dialect === 'sqlite' ? 2015 : 2016;

    it('starts, closes, approves and records a year through the forms, following the report\'s making', async () => {
      await stack.stopWorker();
      const kickoff = await submit(coordinator, '/evaluations', '/evaluations', { year: String(year) }, 303);
      expect(kickoff.headers.location).toBe(`/evaluations/${year}`);
      const starting = (await coordinator.get(`/evaluations/${year}`).expect(200)).text;
      expect(starting).toContain(`Evalueringen av ${year} er startet.`);
      expect(starting).toContain('<meta http-equiv="refresh" content="3">');
      expect(starting).toContain('Evalueringen starter: mottakerne listes opp og e-postene sendes.');
      await stack.startWorker();

      let page = '';
      await waitUntil(async () => (page = (await coordinator.get(`/evaluations/${year}`).expect(200)).text).includes('Avslutt innsamlingen og lag rapporten'));
      expect(isRefreshing(page)).toBe(false);
      expect(page).toContain('<span class="badge open">Under innsamling</span>');
      expect(page).toMatch(/<th scope="row">Aktivitetshusene<\/th><td>Virksomhet: Aktivitetshusene<\/td><td>frivillig\.aktivitetshusene@tonsberg\.kommune\.no<\/td><td><span class="badge pending">Ikke svart<\/span><\/td>/);

      const contact = await signIn({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
      const seen = (await contact.get(`/evaluations/${year}`).expect(200)).text;
      expect(seen).toContain('Under innsamling');
      expect(seen).not.toContain('Avslutt innsamlingen');
      expect(seen).not.toContain('frivillig.aktivitetshusene@');
      await submit(contact, `/evaluations/${year}`, `/evaluations/${year}/close`, {}, 403);

      const closed = await submit(coordinator, `/evaluations/${year}`, `/evaluations/${year}/close`, {}, 303);
      expect(closed.headers.location).toBe(`/evaluations/${year}?closing`);
      const following = (await coordinator.get(closed.headers.location!).expect(200)).text;
      expect(following).toContain('Innsamlingen er avsluttet.');
      // Either the report is still being made (the page reloads itself) or it is already there.
      expect(following).toMatch(/rapporten lages nå[\s\S]*<progress id="progress">|Godkjenn rapporten/);
      await waitUntil(async () => (page = (await coordinator.get(`/evaluations/${year}?closing`).expect(200)).text).includes('<button type="submit">Godkjenn rapporten</button>'));
      expect(isRefreshing(page)).toBe(false);
      expect(page).toContain(`<a href="/reports/${year}?lang=nb">`);
      expect(page).toContain(`<a href="/api/evaluations/${year}/report.csv" download>`);
      expect((await coordinator.get(`/reports/${year}`).expect(200)).text).toContain(`årsrapport ${year}`);
      expect((await coordinator.get(`/api/evaluations/${year}/report.csv`).expect(200)).text).toContain('type;id;navn;timer;arsverk');
      await submit(coordinator, `/evaluations/${year}`, `/evaluations/${year}/close`, {}, 409);
      // The report's row is written just before the workflow itself moves on to wait for approval.
      const workflow = stack.client.workflow.getHandle(evaluationWorkflowId(year));
      await waitUntil(async () => (await workflow.query(evaluationStatusQuery)).status === 'reportReady');

      await submit(coordinator, `/evaluations/${year}`, `/evaluations/${year}/approve`, {}, 303);
      const approved = (await coordinator.get(`/evaluations/${year}`).expect(200)).text;
      expect(approved).toContain('Rapporten er godkjent.');
      expect(approved).toMatch(/<input id="sentOn" name="sentOn" type="date" value="\d{4}-\d{2}-\d{2}" required/);

      const bad = await submit(coordinator, `/evaluations/${year}`, `/evaluations/${year}/sent`, { caseNumber: ' ', sentOn: '20.02.2026' }, 422);
      expect(bad.text).toMatch(/<p class="error" id="caseNumber-error">Give the case number/);
      expect(bad.text).toContain('value="20.02.2026"');
      await submit(coordinator, `/evaluations/${year}`, `/evaluations/${year}/sent`, { caseNumber: `${year + 1}/42`, sentOn: `${year + 1}-02-20` }, 303);
      const sent = (await coordinator.get(`/evaluations/${year}`).expect(200)).text;
      expect(sent).toContain(`Rapporten ble sendt til politisk behandling 20. feb. ${year + 1} med saksnummer ${year + 1}/42.`);

      const list = (await coordinator.get('/evaluations').expect(200)).text;
      expect(list).toMatch(new RegExp(`<a href="/evaluations/${year}">${year}</a></th><td><span class="badge done">Sendt til politisk behandling</span>`));
      expect(list).toContain('<form method="post" action="/evaluations">');
      expect((await contact.get('/evaluations').expect(200)).text).not.toContain('action="/evaluations"');
    });

    it('shows the report as being made once the collection window has run out, and 404 for a year never started', async () => {
      const em = stack.orm.em.fork();
      em.create(AnnualEvaluation, { year: year + 50, status: 'collecting', kickedOffAt: new Date(Date.now() - 60 * 86_400_000) });
      await em.flush();
      const page = (await coordinator.get(`/evaluations/${year + 50}`).expect(200)).text;
      expect(page).toContain('Innsamlingen er avsluttet, og rapporten lages nå.');
      expect(page).toContain('<meta http-equiv="refresh" content="3">');
      expect(page).not.toContain('Avslutt innsamlingen og lag rapporten');
      await coordinator.get(`/evaluations/${year + 60}`).expect(404);
      const refused = await submit(coordinator, '/evaluations', '/evaluations', { year: '1999' }, 422);
      expect(refused.text).toMatch(/<p class="error" id="year-error">The year must be 2000 or later\.<\/p>/);
    });
  });
});
