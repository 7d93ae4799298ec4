import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { AGREEMENT_SECTIONS } from '../workflows/agreement/definitions.ts';
import { organisationNumber, registered } from './support/api-fixtures.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Stack } from './support/stack.ts';
import { today } from './support/volunteer-api.ts';
import { waitUntil } from './support/wait.ts';

const DAY = 86_400_000;

/**
 * The public recruitment pages, without sign-in, on a real database: every role from the policy with
 * what it asks of you, the next courses meant for it, and the organisations with an agreement in force.
 */
describe.each(DIALECTS)('the public recruitment pages on %s', (dialect) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
  }, 120_000);
  afterAll(() => stack?.close());

  const visitor = () => supertest(stack.app);

  it('lists every role with its age and police-certificate need, in the language asked for', async () => {
    const page = (await visitor().get('/bli-frivillig').expect(200).expect('Content-Type', /html/)).text;
    expect(page).toContain('<title>Bli frivillig i Tønsberg kommune – Samspill</title>');
    for (const role of ['Besøksvenn', 'Våketjeneste', 'Aktivitetsvenn for personer med utviklingshemming']) expect(page).toContain(role);
    expect(page).toContain('Fra 25 år · Ingen politiattest');
    expect(page).toContain('Fra 18 år · Krever politiattest');
    expect((await visitor().get('/bli-frivillig?lang=en').expect(200)).text).toContain('Volunteer with Tønsberg kommune');
    expect((await visitor().get('/bli-frivillig?lang=nn').expect(200)).text).toContain('Her er oppgåvene du kan melde deg til.');
  });

  it('shows a role: what you do and do not, the legal basis for a police certificate, the next courses, and how to sign up', async () => {
    const inAWeek = new Date(Date.now() + 7 * DAY).toISOString();
    await stack.api.post('/api/courses').send({ startsAt: inAWeek, place: 'Frivillighetshuset, sal 4', leader: 'Kari Leder', capacity: 12, activityTypeIds: ['besoksvenn'] }).expect(201);
    await stack.api.post('/api/courses').send({ startsAt: inAWeek, place: 'Bare for turvenner', leader: 'Kari Leder', capacity: 12, activityTypeIds: ['turvenn'] }).expect(201);

    const visiting = (await visitor().get('/bli-frivillig/besoksvenn').expect(200)).text;
    expect(visiting).toContain('Samtale, selskap, turer og sosiale aktiviteter');
    expect(visiting).toContain('Pleie, medisinering, helsefaglige vurderinger');
    expect(visiting).toContain('Du er alene med den du besøker, i hjemmet deres.');
    expect(visiting).toContain('Frivillighetshuset, sal 4');
    expect(visiting).not.toContain('Bare for turvenner');
    expect(visiting).toContain('href="mailto:frivilligkoordinator@tonsberg.kommune.no"');

    const withCertificate = (await visitor().get('/bli-frivillig/aktivitetsvenn-utviklingshemming?lang=en').expect(200)).text;
    expect(withCertificate).toContain('under politiregisterforskriften § 34-1');
    expect((await visitor().get('/bli-frivillig/kultur-og-arrangement').expect(200)).text).toContain('Det trengs ingen politiattest');

    const missing = await visitor().get('/bli-frivillig/ingen-slik-oppgave').expect(404);
    expect(missing.text).toContain('Vi finner ikke den oppgaven');
  }, 60_000);

  it('names the organisations with an agreement in force, by name only', async () => {
    const organisationExample = registered('post', '/api/organisations').example as Record<string, unknown>;
    const number = organisationNumber();
    const name = `Besøksvennene ${number.slice(0, 4)}`;
    const organisation = (await stack.api.post('/api/organisations').send({ ...organisationExample, name, organisationNumber: number, recruitmentUrl: null }).expect(201)).body.id as string;
    const agreementExample = registered('post', '/api/agreements').example as Record<string, unknown>;
    const agreement = (await stack.api.post('/api/agreements').send({ ...agreementExample, organisationId: organisation }).expect(201)).body.id as string;
    expect((await visitor().get('/bli-frivillig').expect(200)).text).not.toContain(name);

    const content = registered('put', '/api/agreements/:id/draft').example as Record<string, unknown>;
    await stack.api.put(`/api/agreements/${agreement}/draft`).send({ ...content, sections: Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, `Avtalt om ${s}.`])) }).expect(200);
    await stack.api.post(`/api/agreements/${agreement}/sign`).send({ signedOn: today() }).expect(200);
    await waitUntil(async () => (await visitor().get('/bli-frivillig').expect(200)).text.includes(name), 20_000);
    const page = (await visitor().get('/bli-frivillig').expect(200)).text;
    const contact = organisationExample.contact as { name: string; email: string };
    for (const hidden of [number, contact.name, contact.email]) expect(page).not.toContain(hidden);
    expect(page).toContain(`href="/bli-frivillig/organisasjoner/${organisation}?lang=nb"`);

    // Its own page: what the agreement covers, and the way in — the coordinator until the organisation's own recruitment is linked.
    const own = (await visitor().get(`/bli-frivillig/organisasjoner/${organisation}`).expect(200)).text;
    expect(own).toContain(`<h1>${name}</h1>`);
    expect(own).toContain('i Aktivitetshusene');
    expect(own).toContain('Skriv til frivilligkoordinatoren');
    for (const hidden of [number, contact.name, contact.email]) expect(own).not.toContain(hidden);
    await stack.api.put(`/api/organisations/${organisation}/recruitment-url`).send({ recruitmentUrl: 'javascript:alert(1)' }).expect(422);
    await stack.api.put(`/api/organisations/${organisation}/recruitment-url`).send({ recruitmentUrl: 'https://frivilligtorg.example.no/besoksvennene' }).expect(200);
    const linked = (await visitor().get(`/bli-frivillig/organisasjoner/${organisation}?lang=en`).expect(200)).text;
    expect(linked).toContain(`<a href="https://frivilligtorg.example.no/besoksvennene">Sign up as a volunteer with ${name}</a>`);
  }, 60_000);

  it('shows no page for an organisation without an agreement in force', async () => {
    const organisationExample = registered('post', '/api/organisations').example as Record<string, unknown>;
    const { body: organisation } = await stack.api.post('/api/organisations').send({ ...organisationExample, organisationNumber: organisationNumber() }).expect(201);
    expect((await visitor().get(`/bli-frivillig/organisasjoner/${organisation.id as string}`).expect(404)).text).toContain('Vi finner ikke den organisasjonen');
    await visitor().get('/bli-frivillig/organisasjoner/ikke-en-id').expect(404);
  });
});
