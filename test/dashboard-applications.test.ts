import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Application } from '../infra/db/entities/index.ts';
import { applicantBrowser, applicantEmail, applicantLink } from './support/applicant.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { newStaffSession, submitForm as submit } from './support/staff-session.ts';

const UNIT = 'aktivitetshusene';

/** The queue's row of one application: its link carries the application's ID. */
const rowOf = (id: string) => new RegExp(`<tr><th scope="row"><a href="/applications/${id}">`);

/**
 * The coordinator's and contacts' queue in the dashboard, on a real Temporal server, database and
 * SMTP sink: an application confirmed through the public form, read and decided through the pages.
 */
describe.each(DIALECTS)("the dashboard's applications on %s", (dialect) => {
  let stack: Stack;
  let coordinator: Agent;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
    coordinator = await signIn({ role: 'coordinator', serviceUnitIds: [] });
  }, 120_000);
  afterAll(() => stack?.close());
  afterEach(() => expect(stack.logged).toEqual([]));
  const signIn = async (user: Parameters<typeof newStaffSession>[1]): Promise<Agent> => (await newStaffSession(stack, user)).agent;

  /** Applies through the public form and confirms through the emailed link, as an applicant does. */
  async function confirmedApplication(name: string, motivation: string): Promise<{ id: string; email: string }> {
    const email = applicantEmail();
    const browser = applicantBrowser(stack.app);
    expect((await browser.apply('besoksvenn', { name, email, motivation, serviceUnitIds: [UNIT] })).status).toBe(303);
    await browser.press(await applicantLink(stack, email, 'Bekreft søknaden'), 'confirm');
    const application = await stack.orm.em.fork().findOneOrFail(Application, { email });
    expect(application.status).toBe('open');
    return { id: application.id, email };
  }

  it('lists a confirmed application, shows it with its three decisions, and accepts it into a volunteer', async () => {
    const { id, email } = await confirmedApplication('Petter Kø', 'Jeg liker turer.\nOg å prate med folk.');

    const queue = (await coordinator.get('/applications').expect(200)).text;
    expect(queue).toContain('<h1>Søknader</h1>');
    expect(queue).toContain('<a href="/applications" aria-current="page">Søknader</a>');
    expect(queue).toMatch(new RegExp(`${rowOf(id).source}Petter Kø</a></th><td>Besøksvenn</td><td>Aktivitetshusene</td><td>[^<]+</td><td>Ny</td></tr>`));

    const page = (await coordinator.get(`/applications/${id}`).expect(200)).text;
    expect(page).toContain('<h1>Søknad fra Petter Kø</h1>');
    expect(page).toContain(`<a href="mailto:${email}">${email}</a>`);
    expect(page).toContain('<p class="pre-line">Jeg liker turer.\nOg å prate med folk.</p>');
    expect(page).toMatch(/<dt>Fødselsår<\/dt><dd>1990 \(omtrent \d+ år\)<\/dd>/);
    expect(page).toContain('<dd>Versjon tonsberg-2026-12, bekreftet ');
    expect(page).toContain(`<form method="post" action="/applications/${id}/accept">`);
    expect(page).toContain(`<select id="serviceUnitId" name="serviceUnitId" required><option value="${UNIT}" selected>Aktivitetshusene</option></select>`);
    expect(page).toContain('<button type="submit">Ta opp som frivillig og start oppfølgingen</button>');
    expect(page).toContain(`<form method="post" action="/applications/${id}/invite">`);
    expect(page).toContain(`<form method="post" action="/applications/${id}/decline">`);
    expect(page).toContain('<button type="submit" class="secondary">Avslå</button>');
    expect(page).toContain('anonymiseres 3 måneder etter avslaget');

    const accepted = await submit(coordinator, `/applications/${id}`, `/applications/${id}/accept`, { serviceUnitId: UNIT });
    const location = accepted.headers.location!;
    expect(location).toMatch(/^\/volunteers\/[0-9a-f-]{36}$/);
    const volunteer = (await coordinator.get(location).expect(200)).text;
    expect(volunteer).toContain('Søkeren er registrert som frivillig, og velkomst-e-posten er på vei.');
    expect(volunteer).toContain('Petter Kø');
    await stack.sink.waitFor((mail) => sentTo(email)(mail) && (mail.subject?.startsWith('Velkommen som frivillig') ?? false));

    expect((await coordinator.get('/applications').expect(200)).text).not.toMatch(rowOf(id));
    expect((await coordinator.get('/applications?status=accepted').expect(200)).text).toMatch(new RegExp(`${rowOf(id).source}Anonymisert søknad</a>`));
    const after = (await coordinator.get(`/applications/${id}`).expect(200)).text;
    expect(after).toContain('Søknaden er anonymisert');
    expect(after).toContain(`<a href="${location}">Gå til den frivillige</a>`);
    expect(after).not.toContain('Petter Kø');
    expect(after).not.toContain('<form method="post" action="/applications/');
  }, 60_000);

  it('shows a contact of another unit an empty queue and no application', async () => {
    const { id } = await confirmedApplication('Gro Gjest', 'Gjerne kafévert.');
    const elsewhere = await signIn({ role: 'contact', serviceUnitIds: ['sidebygningen'] });
    const queue = (await elsewhere.get('/applications').expect(200)).text;
    expect(queue).not.toMatch(rowOf(id));
    expect(queue).toContain('Ingen søknader venter. Nye søknader kommer hit når noen har søkt på /bli-frivillig og bekreftet e-postadressen sin.');
    expect(queue).toContain('<a href="/bli-frivillig">');
    await elsewhere.get(`/applications/${id}`).expect(404);
    await submit(elsewhere, '/applications', `/applications/${id}/decline`, {}, 404);

    const own = await signIn({ role: 'contact', serviceUnitIds: [UNIT] });
    // In nynorsk, on a session of its own, since `?lang=` is remembered.
    const nynorsk = (await own.get('/applications?lang=nn').expect(200)).text;
    expect(nynorsk).toMatch(rowOf(id));
    expect(nynorsk).toContain('<th scope="col">Søkjar</th><th scope="col">Oppgåve</th><th scope="col">Einingar</th><th scope="col">Stadfesta</th>');
    expect((await own.get(`/applications/${id}`).expect(200)).text).toContain('<h1>Søknad frå Gro Gjest</h1>');
  }, 60_000);

  it('invites through the form, then declines, and says why a second decline is refused', async () => {
    const { id, email } = await confirmedApplication('Kari Kandidat', 'Vil gjerne hjelpe.');

    const invited = await submit(coordinator, `/applications/${id}`, `/applications/${id}/invite`, {});
    expect(invited.headers.location).toBe(`/applications/${id}`);
    const page = (await coordinator.get(`/applications/${id}`).expect(200)).text;
    expect(page).toContain('Søkeren er invitert til samtale, og e-posten er på vei.');
    expect(page).toContain('<dt>Status</dt><dd>Invitert til samtale</dd>');
    expect(page).not.toContain(`action="/applications/${id}/invite"`);
    expect(page).toContain(`action="/applications/${id}/accept"`);
    expect((await coordinator.get('/applications?status=invited').expect(200)).text).toMatch(rowOf(id));

    const declined = await submit(coordinator, `/applications/${id}`, `/applications/${id}/decline`, {});
    expect(declined.headers.location).toBe(`/applications/${id}`);
    const after = (await coordinator.get(`/applications/${id}`).expect(200)).text;
    expect(after).toContain('Søknaden er avslått, og søkeren får en vennlig e-post.');
    expect(after).toContain('<dt>Status</dt><dd>Avslått</dd>');
    expect(after).toMatch(/<dt>Sist behandlet<\/dt><dd>[^<]+ av Test coordinator<\/dd>/);
    expect(after).not.toContain('<form method="post" action="/applications/');
    await stack.sink.waitFor((mail) => sentTo(email)(mail) && (mail.subject?.startsWith('Takk for søknaden din') ?? false));
    expect((await coordinator.get('/applications').expect(200)).text).not.toMatch(rowOf(id));

    const again = await submit(coordinator, `/applications/${id}`, `/applications/${id}/decline`, {});
    expect(again.headers.location).toBe(`/applications/${id}`);
    expect((await coordinator.get(`/applications/${id}`).expect(200)).text).toMatch(/<div class="flash error" role="alert">Det gikk ikke: [^<]+<\/div>/);
  }, 60_000);
});
