import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Application, OutboxEmail, Volunteer } from '../infra/db/entities/index.ts';
import { APPLICATION_PREFIX, applicationWorkflowId } from '../workflows/application/definitions.ts';
import { applicantBrowser, applicantEmail, applicantLink } from './support/applicant.ts';
import { DIALECTS } from './support/databases.ts';
import { allHistoriesText, recordHistories } from './support/history.ts';
import { compressedPolicy, seconds } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { freePort, runNode, type RunningProcess } from './support/processes.ts';
import { LINK_SECRET, PUBLIC_URL, startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';
import { testEnv } from './support/test-env.ts';
import { waitUntil } from './support/wait.ts';

const CONFIRM_WITHIN_S = 6;
const CONTACT_AFTER_S = 4;
const COORDINATOR_AFTER_S = 8;
const ANONYMISE_AFTER_S = 3;
const UNIT = 'aktivitetshusene';
const UNIT_CONTACT = 'frivillig.aktivitetshusene@tonsberg.kommune.no';
const COORDINATOR = 'frivilligkoordinator@tonsberg.kommune.no';

const about = (email: string, subject: string) => (mail: { to?: unknown; subject?: string }) =>
  sentTo(email)(mail as never) && (mail.subject?.startsWith(subject) ?? false);

/** The shipped policy with every recruitment time in seconds, and no limit per address: all these tests come from one. */
async function recruitmentPolicy() {
  const policy = await compressedPolicy();
  return compressedPolicy({}, {
    recruitment: {
      ...policy.recruitment,
      confirmWithin: seconds(CONFIRM_WITHIN_S),
      ladder: [
        { afterMs: seconds(CONTACT_AFTER_S), notify: 'contact' },
        { afterMs: seconds(COORDINATOR_AFTER_S), notify: 'coordinator' },
      ],
      anonymiseAfter: seconds(ANONYMISE_AFTER_S),
      limits: { ...policy.recruitment.limits, perAddress: { count: 10_000, per: 3_600_000 } },
    },
  });
}

/**
 * Public applications on a real Temporal server, a real database and a real SMTP sink: the double
 * opt-in, the queue, each decision, the escalation ladder, anonymisation, and the rules at the form.
 * Each test has applicants of its own, so they run side by side while the workflows' timers run.
 */
describe.each(DIALECTS)('applications on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await recruitmentPolicy());
  }, 120_000);
  afterAll(() => stack?.close());

  const stored = (email: string) => stack.orm.em.fork().findOne(Application, { email });
  const queuedIds = async () => ((await stack.api.get('/api/applications').expect(200)).body.items as { id: string }[]).map((a) => a.id);

  /** Applies with a fresh address and confirms through the emailed link; returns the application and the applicant's browser. */
  async function confirmedApplication(fields: { email?: string; language?: string } = {}) {
    const email = fields.email ?? applicantEmail();
    const browser = applicantBrowser(stack.app);
    const sent = await browser.apply('besoksvenn', { email, ...(fields.language ? { language: fields.language } : {}) });
    expect(sent.status).toBe(303);
    const link = await applicantLink(stack, email, fields.language === 'en' ? 'Please confirm your application' : 'Bekreft søknaden');
    const page = (await browser.agent.get(link).expect(200)).text;
    expect(page).toContain(fields.language === 'en' ? 'is the controller of the information' : 'behandlingsansvarlig');
    await browser.press(link, 'confirm');
    const application = (await stored(email))!;
    return { email, browser, link, application };
  }

  it.concurrent('apply → confirm → queue → accept: the privacy notice version is kept, staff are told, and the welcome is sent once', async () => {
    const { email, application } = await confirmedApplication();
    expect(application).toMatchObject({ status: 'open', privacyNoticeVersion: 'tonsberg-2026-12', name: 'Sara Søker' });
    expect(application.confirmedAt).toBeInstanceOf(Date);
    await stack.sink.waitFor(about(UNIT_CONTACT, 'Ny søknad'));
    await stack.sink.waitFor(about(COORDINATOR, 'Ny søknad'));
    const received = stack.sink.matching(about(COORDINATOR, 'Ny søknad')).at(-1)!;
    expect(received.text).not.toContain('Sara Søker');
    expect(received.text).not.toContain(email);

    expect(await queuedIds()).toContain(application.id);
    const accepted = (await stack.api.post(`/api/applications/${application.id}/accept`).send({ serviceUnitId: UNIT }).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'accepted', anonymised: true, name: null, email: null });
    const volunteer = (await stack.orm.em.fork().findOne(Volunteer, { id: accepted.volunteerId as string }))!;
    expect(volunteer).toMatchObject({ name: 'Sara Søker', email, serviceUnitId: UNIT, activityTypeId: 'besoksvenn', birthYear: 1990 });
    await stack.sink.waitFor(about(email, 'Velkommen som frivillig'));
    await stack.api.post(`/api/applications/${application.id}/accept`).send({ serviceUnitId: UNIT }).expect(409);
    await sleep(1_500);
    expect(stack.sink.matching(about(email, 'Velkommen som frivillig'))).toHaveLength(1);
    await recordHistories(stack.client, applicationWorkflowId(application.id), `application-${dialect}-confirmed-accepted`);
    expect(await queuedIds()).not.toContain(application.id);
  }, 60_000);

  it.concurrent('invites to a conversation first, then accepts', async () => {
    const { email, application } = await confirmedApplication();
    await stack.api.post(`/api/applications/${application.id}/invite`).send({}).expect(200);
    const invitation = (await stack.sink.waitFor(about(email, 'Vi vil gjerne møte deg')))[0]!;
    expect(invitation.text).toContain(UNIT_CONTACT);
    await stack.api.post(`/api/applications/${application.id}/invite`).send({}).expect(409);
    const accepted = (await stack.api.post(`/api/applications/${application.id}/accept`).send({ serviceUnitId: UNIT }).expect(200)).body;
    expect(accepted.volunteerId).toEqual(expect.any(String));
    await stack.sink.waitFor(about(email, 'Velkommen som frivillig'));
  }, 60_000);

  it.concurrent('declines with a kind email in the applicant\'s language, then anonymises it and empties its emails', async () => {
    const { email, application } = await confirmedApplication({ language: 'en' });
    await stack.api.post(`/api/applications/${application.id}/decline`).send({}).expect(200);
    const [declined] = await stack.sink.waitFor(about(email, 'Thank you for your application'));
    expect(declined!.text).toContain('Thank you so much');
    await waitUntil(async () => (await stack.orm.em.fork().findOne(Application, { id: application.id }))?.anonymisedAt != null, 20_000);
    const after = (await stack.orm.em.fork().findOne(Application, { id: application.id }))!;
    expect(after).toMatchObject({ status: 'declined', name: null, email: null, phone: null, motivation: null, birthYear: 1990, activityTypeId: 'besoksvenn' });
    const emails = await stack.orm.em.fork().find(OutboxEmail, { idempotencyKey: { $like: `${APPLICATION_PREFIX}${application.id}:%` } });
    expect(emails.length).toBeGreaterThan(0);
    for (const row of emails) expect(row.recipient === email || row.text.includes('Sara')).toBe(false);
    await recordHistories(stack.client, applicationWorkflowId(application.id), `application-${dialect}-declined-anonymised`);
  }, 60_000);

  it.concurrent('deletes an application nobody confirms, with its emails', async () => {
    const email = applicantEmail();
    expect((await applicantBrowser(stack.app).apply('besoksvenn', { email })).status).toBe(303);
    await stack.sink.waitFor(about(email, 'Bekreft søknaden'));
    const pending = (await stored(email))!;
    expect(pending.status).toBe('unconfirmed');
    expect(await queuedIds()).not.toContain(pending.id);
    await waitUntil(async () => (await stored(email)) === null, 20_000);
    expect(await stack.orm.em.fork().count(OutboxEmail, { idempotencyKey: { $like: `${APPLICATION_PREFIX}${pending.id}:%` } })).toBe(0);
  }, 60_000);

  it.concurrent('escalates an unanswered application to the unit\'s contact, then to the coordinator', async () => {
    const { application } = await confirmedApplication();
    const waiting = (to: string) => (mail: Parameters<ReturnType<typeof sentTo>>[0]) => sentTo(to)(mail) && (mail.subject?.startsWith('Søknad venter på svar') ?? false) && mail.text?.includes(application.id) === true;
    await stack.sink.waitFor(waiting(UNIT_CONTACT), 1, 20_000);
    expect(stack.sink.matching(waiting(COORDINATOR))).toHaveLength(0);
    await stack.sink.waitFor(waiting(COORDINATOR), 1, 20_000);
    await stack.api.post(`/api/applications/${application.id}/decline`).send({}).expect(200);
  }, 60_000);

  it.concurrent('lets the applicant withdraw through their link, with a thank-you', async () => {
    const { email, browser, link, application } = await confirmedApplication();
    await browser.press(link, 'withdraw');
    await stack.sink.waitFor(about(email, 'Søknaden din er trukket tilbake'));
    expect((await stored(email))?.status ?? 'withdrawn').toBe('withdrawn');
    expect((await browser.agent.get(link).expect(200)).text).toContain('Du har trukket søknaden');
    await stack.api.post(`/api/applications/${application.id}/accept`).send({ serviceUnitId: UNIT }).expect(409);
  }, 60_000);

  it.concurrent('refuses someone under the role\'s minimum age at the form, with the form filled in again', async () => {
    const email = applicantEmail();
    const answer = await applicantBrowser(stack.app).apply('vaketjeneste', { email, birthYear: String(new Date().getFullYear() - 20) });
    expect(answer.status).toBe(422);
    expect(answer.text).toContain('<title>Feil:');
    expect(answer.text).toContain('Du må være minst 25 år for denne oppgaven.');
    expect(answer.text).toContain(`value="${email}"`);
    expect(await stored(email)).toBeNull();
  });

  it.concurrent('answers a known address as any other on the page, and tells the truth only by email', async () => {
    const { body: volunteer } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
    const answer = await applicantBrowser(stack.app).apply('besoksvenn', { email: (volunteer.email as string).toUpperCase(), name: 'Noen Andre' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/bli-frivillig/besoksvenn/sendt?lang=nb');
    const [known] = await stack.sink.waitFor(about(volunteer.email as string, 'Du er allerede registrert'));
    expect(known!.text).toContain('/s/status/');
    expect(known!.text).not.toContain('Noen Andre');
    await waitUntil(async () => (await stored((volunteer.email as string).toLowerCase())) === null);
  }, 60_000);

  it.concurrent('takes nothing from a form whose honeypot is filled in, and tells it nothing either', async () => {
    const email = applicantEmail();
    const answer = await applicantBrowser(stack.app).apply('besoksvenn', { email, website: 'https://spam.example' });
    expect(answer.status).toBe(303);
    await sleep(1_000);
    expect(await stored(email)).toBeNull();
    expect(stack.sink.matching(sentTo(email))).toHaveLength(0);
  });

  it.concurrent('reads no more of a form than a filled-in application takes, and says so', async () => {
    const email = applicantEmail();
    const answer = await applicantBrowser(stack.app).apply('besoksvenn', { email, motivation: 'å'.repeat(10_000) });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('Søknaden var for lang');
    const longest = await applicantBrowser(stack.app).apply('besoksvenn', { email, motivation: 'å'.repeat(2_000) });
    expect(longest.status).toBe(303);
  });

  it.concurrent('asks a form sent faster than a person fills it in to be sent again', async () => {
    const email = applicantEmail();
    const answer = await applicantBrowser(stack.app).apply('besoksvenn', { email }, { shownAt: testLinks.stamp() });
    expect(answer.status).toBe(422);
    expect(answer.text).toContain('Skjemaet ble sendt veldig raskt');
    expect(await stored(email)).toBeNull();
  });

  it.concurrent('keeps personal data out of the workflow\'s history', async () => {
    const { email, application } = await confirmedApplication();
    await stack.api.post(`/api/applications/${application.id}/decline`).send({}).expect(200);
    await stack.sink.waitFor(about(email, 'Takk for søknaden din'));
    const { text } = await allHistoriesText(stack.client, applicationWorkflowId(application.id));
    for (const personal of [email, 'Sara Søker', 'Jeg liker å gå turer', '1990']) expect(text).not.toContain(personal);
  }, 60_000);
});

/**
 * 30 rapid submissions from one address, spread over two API processes on one database as a load
 * balancer would, meet the shipped policy's one limit of 20 an hour. On PostgreSQL: several API
 * processes behind a load balancer share a database server, not the embedded SQLite file.
 */
describe('the application limit on postgresql', () => {
  let stack: Stack;
  let dataDir: string;
  const apis: RunningProcess[] = [];
  const urls: string[] = [];
  const LIMIT = 20;

  beforeAll(async () => {
    stack = await startStack('postgresql', await compressedPolicy());
    expect(stack.policy.recruitment.limits.perAddress).toEqual({ count: LIMIT, per: 3_600_000 });
    dataDir = await mkdtemp(join(tmpdir(), 'samspill-apis-'));
    for (const port of [await freePort(), await freePort()]) {
      const api = runNode('api/http/main.ts', {
        PATH: process.env.PATH,
        DATA_DIR: dataDir,
        PORT: String(port),
        DATABASE_URL: stack.db.url,
        TEMPORAL_ADDRESS: testEnv.temporalAddress,
        TEMPORAL_TASK_QUEUE: stack.taskQueue,
        LINK_SECRET,
        PUBLIC_URL,
        LOG_LEVEL: 'warn',
      });
      apis.push(api);
      urls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(urls.map((url) => waitUntil(async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true, 60_000)));
  }, 120_000);
  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGTERM');
    await Promise.all(apis.map((api) => api.exited));
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets 20 through and asks the rest to wait, however the load balancer spreads them', async () => {
    const browsers = urls.map((url) => applicantBrowser(url));
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => browsers[i % 2]!.apply('besoksvenn', {}).then((r) => r.status)));
    expect(answers.filter((s) => s === 303)).toHaveLength(LIMIT);
    expect(answers.filter((s) => s === 429)).toHaveLength(30 - LIMIT);
    const refused = await browsers[1]!.apply('besoksvenn', {});
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Prøv igjen om');
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(await stack.orm.em.fork().count(Application, {})).toBe(LIMIT);
  }, 120_000);
});
