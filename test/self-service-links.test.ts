import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { setTimeout as sleep } from 'node:timers/promises';
import { hoursLinkPath } from '../api/self-service/hours-routes.ts';
import { AnnualEvaluation, AuditEntry, EvaluationRecipient } from '../infra/db/entities/index.ts';
import { createLinkSigner } from '../infra/links/signed-links.ts';
import { courseMoveRequestWorkflowId } from '../workflows/course-move-request/definitions.ts';
import { linkRequestWorkflowId, osloDay } from '../workflows/link-request/definitions.ts';
import { DIALECTS } from './support/databases.ts';
import { historyText } from './support/history.ts';
import { compressedPolicy, escalate, remind } from './support/policy.ts';
import { linkBrowser, linkIn } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';
import { daysAgo, today } from './support/volunteer-api.ts';

const HOUR = 3_600;
const CONTACT = { name: 'Kontakt Karlsen', email: 'kontakt.karlsen@tonsberg.kommune.no' };
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * 86_400_000) / 60_000) * 60_000);

describe.each(DIALECTS)('self-service links on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    // The declaration escalates after two hours, so it has a due date to show; nothing fires during a test.
    stack = await startStack(dialect, await compressedPolicy({ confidentialityDeclaration: [remind(HOUR, 'volunteer'), escalate(2 * HOUR, 'contact')] }));
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));

  const mailTo = (address: string, subject: string) => (m: ParsedMail) => sentTo(address)(m) && (m.subject?.startsWith(subject) ?? false);

  async function register(overrides: Record<string, unknown> = {}) {
    const body = volunteerBody(overrides);
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const [welcome] = await stack.sink.waitFor(mailTo(body.email, 'Velkommen'));
    return { id: created.id as string, email: body.email, welcome: welcome! };
  }

  it('shows a volunteer their own status and what is left, and of the police certificate only that it is registered', async () => {
    await register({ name: 'Ola Annenmann' });
    const { id, welcome } = await register({ activityTypeId: 'aktivitetsvenn-utviklingshemming' });
    const path = linkIn(welcome.text, 'status');
    expect(path).toBeDefined();
    expect(welcome.html).toContain(`href="http://samspill.test${path}"`);
    expect(welcome.text).toContain(`Se statusen din og hva som gjenstår: http://samspill.test${path}`);
    const browser = linkBrowser(stack);

    const first = (await browser.get(path!).expect(200).expect('Content-Type', /html/)).text;
    expect(first).toContain('<html lang="nb">');
    expect(first).toContain('<h1>Din status som frivillig</h1>');
    expect(first).toContain('Hei, Kari Nordmann! Her ser du hvor langt du har kommet som frivillig (aktivitetsvenn for personer med utviklingshemming) i Aktivitetshusene');
    expect(first).toContain('Status: <strong>Under oppstart</strong>');
    expect(first).toContain('<th scope="row">Politiattest</th><td>Ikke registrert ennå</td>');
    expect(first).toMatch(/<th scope="row">Taushetserklæring<\/th><td>Gjenstår<\/td><td>Les og godta erklæringen med lenken nedenfor\. Frist \d+\. \p{L}+ \d{4}\.<\/td>/u);
    expect(first).toContain('<th scope="row">Introduksjonskurs</th><td>Gjenstår</td><td>Frivilligkontakten setter deg opp på et kurs.</td>');
    expect(first).toContain('<th scope="row">Første samtale</th><td>Venter på stegene før</td>');
    expect(first).toMatch(/<a href="\/s\/[\w-]+\.[\w-]+">Les og godta taushetserklæringen<\/a>/);
    expect(first).toContain('<a href="mailto:frivillig.aktivitetshusene@tonsberg.kommune.no">');
    expect(first).not.toContain('Ola Annenmann');
    expect(first).not.toContain('Registrer timene dine');

    const issuedOn = daysAgo(10);
    await stack.api.post(`/api/volunteers/${id}/steps/policeCertificate/record`).send({ issuedOn, presentedOn: today(), outcome: 'approved' }).expect(200);
    const at = inDays(5);
    await stack.api.post(`/api/volunteers/${id}/steps/introductionCourse/session`).send({ at: at.toISOString() }).expect(200);
    const later = (await browser.get(path!).expect(200)).text;
    expect(later).toContain('<th scope="row">Politiattest</th><td>Registrert</td><td></td>');
    for (const detail of [issuedOn, today(), 'approved', 'Godkjent', 'godkjent']) expect(later).not.toContain(detail);
    const booked = at.toLocaleString('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' });
    expect(later).toContain(`<th scope="row">Introduksjonskurs</th><td>Gjenstår</td><td>Avtalt ${booked}.`);
    expect(later).toMatch(/<a href="\/s\/course\/[\w-]+\.[\w-]+">Bekreft kurset eller be om et annet tidspunkt<\/a>/);

    const english = (await browser.get(`${path}?lang=en`).expect(200)).text;
    expect(english).toContain('<h1>Your status as a volunteer</h1>');
    expect(english).toContain('<th scope="row">Police certificate</th><td>Registered</td>');
    expect(english).toContain('Status: <strong>Getting started</strong>');

    const expired = await browser.get(`/s/status/${testLinks.sign(id, 'viewStatus', -60_000)}`).expect(410);
    expect(expired.text).toContain('Send meg en ny lenke');
    await browser.get(`/s/status/${testLinks.sign(id, 'logHours', 60_000)}`).expect(404);
  });

  it('lets the volunteer confirm the booked course, or ask to move it, which the contact is told by email', async () => {
    const { id, email } = await register();
    await stack.api.post(`/api/volunteers/${id}/contact`).send(CONTACT).expect(200);
    const at = inDays(3);
    await stack.api.post(`/api/volunteers/${id}/steps/introductionCourse/session`).send({ at: at.toISOString() }).expect(200);
    const [invitation] = await stack.sink.waitFor(mailTo(email, 'Avtalt: introduksjonskurs'));
    expect(invitation!.text).toContain('Bekreft at du kommer, eller be om et annet tidspunkt, med lenken nedenfor.');
    const path = linkIn(invitation!.text, 'course');
    expect(invitation!.text).toContain(`Bekreft kurset eller be om et annet tidspunkt: http://samspill.test${path}`);
    const browser = linkBrowser(stack);

    const shown = (await browser.get(path!).expect(200)).text;
    expect(shown).toContain('<h1>Introduksjonskurset ditt</h1>');
    expect(shown).toContain(`Du er satt opp på introduksjonskurs i Aktivitetshusene ${at.toLocaleString('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' })}.`);
    expect(shown).toMatch(/<label for="proposedTime">Tidspunkt som passer bedre \(valgfritt\)<\/label>/);

    expect((await browser.submit(path!, { intent: 'confirm', lang: 'nb' }, 200)).text).toContain('Vi har notert at du kommer på introduksjonskurset');
    await browser.submit(path!, { intent: 'confirm', lang: 'nb' }, 200);
    expect((await browser.get(path!).expect(200)).text).toContain('Du bekreftet');

    const empty = await browser.submit(path!, { intent: 'move', proposedTime: '', note: '  ' }, 422);
    expect(empty.text).toContain('<title>Feil: Introduksjonskurset ditt – Samspill</title>');
    expect(empty.text).toContain('<strong id="move-error">Foreslå et tidspunkt eller skriv en melding');
    expect((await browser.submit(path!, { intent: 'move', proposedTime: '2020-01-01T10:00', lang: 'en' }, 422)).text).toContain('Choose a time in the future.');

    const proposedTime = `${new Date().getUTCFullYear() + 1}-05-04T18:00`;
    const asked = await browser.submit(path!, { intent: 'move', proposedTime, note: 'Jeg jobber dagtid <b>mandager</b>', lang: 'nb' }, 200);
    expect(asked.text).toContain('Frivilligkontakten har fått beskjed');
    const [notice] = await stack.sink.waitFor(mailTo(CONTACT.email, 'Ønsker å flytte introduksjonskurset: Kari Nordmann'));
    expect(notice!.text).toContain('Kari Nordmann (Aktivitetshusene) ber om et annet tidspunkt for introduksjonskurset');
    expect(notice!.text).toMatch(/Foreslått tidspunkt: \p{L}+ 4\. mai \d{4} kl\. 18:00\./u);
    expect(notice!.text).toContain('Melding fra den frivillige: «Jeg jobber dagtid <b>mandager</b>»');
    expect(notice!.html).toContain('&lt;b&gt;mandager&lt;/b&gt;');
    expect(notice!.text).toContain(`http://samspill.test/volunteers/${id}`);

    const entries = await stack.orm.em.fork().find(AuditEntry, { volunteerId: id, actor: 'volunteer' }, { orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.action, e.step, e.details])).toEqual([
      ['courseConfirmed', 'introductionCourse', { sessionAt: at.toISOString() }],
      ['courseMoveRequested', 'introductionCourse', { sessionAt: at.toISOString(), proposedTime, note: 'Jeg jobber dagtid <b>mandager</b>' }],
    ]);
    const history = await historyText(stack.client, courseMoveRequestWorkflowId(id, entries[1]!.id));
    expect(history).not.toContain('mandager');
    expect(history).not.toContain(email);

    // The contact books a new time: the same link shows it, with nothing answered yet.
    const moved = inDays(10);
    await stack.api.post(`/api/volunteers/${id}/steps/introductionCourse/session`).send({ at: moved.toISOString() }).expect(200);
    await stack.sink.waitFor(mailTo(email, 'Avtalt: introduksjonskurs'), 2);
    const rebooked = (await browser.get(path!).expect(200)).text;
    expect(rebooked).toContain(moved.toLocaleString('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' }));
    expect(rebooked).not.toContain('Du bekreftet');

    await stack.api.post(`/api/volunteers/${id}/steps/introductionCourse/waive`).send({ reason: 'Har tatt kurset før' }).expect(200);
    const over = await browser.get(path!).expect(409);
    expect(over.text).toContain('Du har ikke noe introduksjonskurs som venter på svar nå.');
    expect(over.text).toContain('Send meg en ny lenke');
  });

  it('sends one fresh link of the same kind to the address on file when an expired one asks, and no more that day', async () => {
    const { id, email } = await register();
    const expired = hoursLinkPath(testLinks, id, -60_000);
    const browser = linkBrowser(stack);
    const page = await browser.get(expired).expect(410);
    expect(page.text).toContain('Lenken er utløpt');
    expect(page.text).toContain('<form method="post" action="/s/new-link">');
    const token = expired.slice('/s/hours/'.length);
    expect(page.text).toContain(`<input type="hidden" name="token" value="${token}">`);

    const asked = await browser.submit(expired, { token, lang: 'nb', email: 'someone.else@example.com' }, 200, '/s/new-link');
    expect(asked.text).toContain('Hvis e-postadressen er registrert hos oss, er en ny lenke på vei dit.');
    const [fresh] = await stack.sink.waitFor(mailTo(email, 'Ny lenke fra Samspill'));
    expect(fresh!.text).toContain('Du ba om en ny lenke for å registrere timene dine.');
    const path = linkIn(fresh!.text, 'hours');
    expect(path).toBeDefined();
    expect((await browser.get(path!).expect(200)).text).toContain('Hei, Kari Nordmann!');
    expect((await browser.submit(path!, { month: '2025-09', hours: '2', lang: 'nb' }, 200)).text).toContain('er registrert og venter på godkjenning');

    // Asking again the same day, or with a forged token, sends nothing more, and says the same.
    expect((await browser.submit(expired, { token, lang: 'en' }, 200, '/s/new-link')).text).toContain('If the email address is on file with us, a new link is on its way to it.');
    const forged = createLinkSigner(Buffer.from('x'.repeat(40))).sign(id, 'viewStatus', -60_000);
    expect((await browser.submit(expired, { token: forged, lang: 'nb' }, 200, '/s/new-link')).text).toContain('en ny lenke på vei');
    await sleep(3_000);
    expect(stack.sink.matching(mailTo(email, 'Ny lenke fra Samspill'))).toHaveLength(1);
    expect(stack.sink.matching(sentTo('someone.else@example.com'))).toHaveLength(0);

    const workflowId = linkRequestWorkflowId({ subjectId: id, purpose: 'logHours' }, osloDay(new Date()));
    expect((await stack.client.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED');
    expect(await historyText(stack.client, workflowId)).not.toContain(email);
  });

  it('gives an organisation contact a fresh evaluation link the same way', async () => {
    const em = stack.orm.em.fork();
    em.create(AnnualEvaluation, { year: 2025 });
    // Recipients are numbered per database, and every test shares one Temporal server: a number of its own.
    const id = 1_000 + Math.floor(Math.random() * 1_000_000);
    const person = em.create(EvaluationRecipient, { id, year: 2025, email: 'lise.leder@organisasjon.no', name: 'Lise Leder', kind: 'organisationContact' });
    await em.flush();
    const expired = `/s/evaluation/${testLinks.sign(String(person.id), 'evaluationResponse', -60_000)}`;
    const browser = linkBrowser(stack);
    expect((await browser.get(expired).expect(410)).text).toContain('Be om en ny lenke nedenfor');
    await browser.submit(expired, { token: expired.slice('/s/evaluation/'.length), lang: 'nb' }, 200, '/s/new-link');
    const [fresh] = await stack.sink.waitFor(mailTo('lise.leder@organisasjon.no', 'Ny lenke fra Samspill'));
    expect(fresh!.text).toContain('Hei, Lise Leder!');
    expect(fresh!.text).toContain('English: here is the new link you asked for');
    const form = await browser.get(linkIn(fresh!.text, 'evaluation')!).expect(200);
    expect(form.text).toContain('Evaluering av frivilligsamarbeidet 2025');
  });

  it('brings the hours link with the first conversation, and on the status page once the volunteer is active', async () => {
    const { id, email, welcome } = await register({ activityTypeId: 'kultur-og-arrangement' });
    await stack.api.post(`/api/volunteers/${id}/contact`).send(CONTACT).expect(200);
    await stack.api.post(`/api/volunteers/${id}/steps/confidentialityDeclaration/complete`).send({ signedOn: today() }).expect(200);
    await stack.api.post(`/api/volunteers/${id}/steps/firstConversation/session`).send({ at: inDays(2).toISOString() }).expect(200);
    const [invitation] = await stack.sink.waitFor(mailTo(email, 'Avtalt: første samtale'));
    expect(invitation!.text).toContain('Når du er i gang som frivillig, registrerer du timene dine én gang i måneden med lenken nedenfor');
    const hours = linkIn(invitation!.text, 'hours');
    expect(invitation!.text).toContain(`Registrer timene dine: http://samspill.test${hours}`);
    const browser = linkBrowser(stack);
    expect((await browser.get(hours!).expect(200)).text).toContain('<h1>Frivilligtimer</h1>');

    await stack.api.post(`/api/volunteers/${id}/steps/firstConversation/complete`).send({}).expect(200);
    const status = (await browser.get(linkIn(welcome.text, 'status')!).expect(200)).text;
    expect(status).toContain('Status: <strong>Aktiv frivillig</strong>');
    expect(status).toMatch(/<th scope="row">Oppfølgingssamtale<\/th><td>Gjenstår<\/td><td>Frivilligkontakten avtaler tid med deg\. Frist \d+\. \p{L}+ \d{4}\.<\/td>/u);
    expect(status).toMatch(/<a href="\/s\/hours\/[\w-]+\.[\w-]+">Registrer timene dine<\/a>/);
  });
});
