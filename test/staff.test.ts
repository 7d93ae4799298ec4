import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { createStaffUser, issueApiToken } from '../infra/auth/staff-accounts.ts';
import { AuditEntry, StaffUser, type StaffRole } from '../infra/db/entities/index.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';
import { csrfOf } from './support/staff-session.ts';

const PASSWORD = 'et langt og hemmelig passord';
const secretOf = (html: string) => /<code data-secret[^>]*>([^<]+)<\/code>/.exec(html)?.[1] ?? '';
/** A form body as a browser sends it: repeated names for checkboxes, which superagent's own encoding would turn into `name[0]`. */
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

describe.each(DIALECTS)('staff administration on %s', (dialect) => {
  let stack: Stack;
  let coordinator: Agent;
  let coordinatorEmail: string;

  async function person(role: StaffRole, serviceUnitIds: string[] = role === 'coordinator' ? [] : ['aktivitetshusene']) {
    const email = `${role}.${randomUUID().slice(0, 8)}@kommune.no`;
    const { user } = await createStaffUser(stack.orm.em.fork(), { email, name: `Test ${role}`, role, serviceUnitIds, password: PASSWORD });
    return { id: user.id, email };
  }

  async function signIn(email: string, password = PASSWORD, expected = 303): Promise<Agent> {
    const agent = supertest.agent(stack.app);
    const page = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ email, password, _csrf: csrfOf(page.text), next: '/' }).expect(expected);
    return agent;
  }

  /** Posts a form the way a browser does after showing `page`: with that page's CSRF token; checks the answer's status. */
  async function submit(agent: Agent, page: string, action: string, fields: [string, string][], status: number) {
    const shown = await agent.get(page).expect(200);
    return agent.post(action).type('form').send(form([...fields, ['_csrf', csrfOf(shown.text)]])).expect(status);
  }

  const userOf = (id: string) => stack.orm.em.fork().findOneOrFail(StaffUser, { id });

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy(), { worker: false });
    coordinatorEmail = (await person('coordinator')).email;
    coordinator = await signIn(coordinatorEmail);
  });
  afterAll(() => stack.close());

  it('lets the coordinator create a contact through the form, whose password is shown once and works', async () => {
    const email = `ola.${randomUUID().slice(0, 8)}@kommune.no`;
    const fields: [string, string][] = [['email', email], ['name', 'Ola Kontakt'], ['role', 'contact'], ['certificateOfficer', 'on'], ['language', 'nb'], ['signIn', 'password']];

    const missingUnits = await submit(coordinator, '/staff/new', '/staff/new', fields, 422);
    expect(missingUnits.text).toContain('En frivilligkontakt eller virksomhetsleder må ha minst én virksomhet.');
    expect(missingUnits.text).toContain(`value="${email}"`);

    const units: [string, string][] = [['serviceUnitIds', 'aktivitetshusene'], ['serviceUnitIds', 'sidebygningen']];
    const created = await submit(coordinator, '/staff/new', '/staff/new', [...fields, ...units], 200);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = secretOf(created.text);
    expect(password).toHaveLength(20);

    const stored = await stack.orm.em.fork().findOneOrFail(StaffUser, { email });
    expect(stored).toMatchObject({ role: 'contact', serviceUnitIds: ['aktivitetshusene', 'sidebygningen'], certificateOfficer: true, oidcSubject: null });
    expect(stored.passwordHash).not.toContain(password);

    const again = await submit(coordinator, '/staff/new', '/staff/new', [...fields, ...units], 409);
    expect(again.text).toContain('Det finnes allerede en konto med denne e-postadressen.');

    const contact = await signIn(email, password);
    const overview = await contact.get('/').expect(200);
    expect(overview.text).not.toContain('href="/staff"');
    const list = await coordinator.get('/staff').expect(200);
    expect(list.text).toContain('Ola Kontakt');
    expect(list.text).toMatch(/Aktivitetshusene, Sidebygningen/);
    expect((await userOf(stored.id)).lastSignInAt).toBeInstanceOf(Date);
  });

  it('creates an account for the municipal sign-in only, without a password', async () => {
    const email = `kun.oidc.${randomUUID().slice(0, 8)}@kommune.no`;
    const fields: [string, string][] = [['email', email], ['name', 'Kari Leder'], ['role', 'unitManager'], ['serviceUnitIds', 'hjemmetjenestene'], ['signIn', 'oidc']];
    const created = await submit(coordinator, '/staff/new', '/staff/new', fields, 303);
    const detail = await coordinator.get(created.headers.location!).expect(200);
    expect(detail.text).toContain('Kontoen er opprettet. Kari Leder logger inn med kommunens pålogging.');
    expect(await stack.orm.em.fork().findOneOrFail(StaffUser, { email })).toMatchObject({ passwordHash: null, role: 'unitManager' });
  });

  it('answers 403 to a contact on /staff and /api/staff, while /account is theirs', async () => {
    const viaToken = await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    expect((await viaToken.api.get('/api/staff').expect(403)).body.error.code).toBe('NotAllowed');
    await viaToken.api.post('/api/staff').send({ email: 'x@kommune.no', name: 'X', role: 'coordinator', serviceUnitIds: [] }).expect(403);

    const contact = await signIn((await person('contact')).email);
    await contact.get('/staff').expect(403);
    await contact.get('/staff/new').expect(403);
    await contact.get(`/staff/${stack.coordinator.id}`).expect(403);
    const account = await contact.get('/account').expect(200);
    expect(account.text).toContain('Frivilligkontakt');
    expect(account.text).toContain('Aktivitetshusene');
  });

  it('ends the other sessions when a person changes their password, and keeps the one it was done from', async () => {
    const { email } = await person('contact');
    const here = await signIn(email);
    const elsewhere = await signIn(email);

    const wrong = await submit(here, '/account', '/account/password', [['currentPassword', 'not it at all'], ['newPassword', 'et helt nytt passord'], ['confirmPassword', 'et helt nytt passord']], 422);
    expect(wrong.text).toContain('Det nåværende passordet er feil.');
    const short = await submit(here, '/account', '/account/password', [['currentPassword', PASSWORD], ['newPassword', 'kort'], ['confirmPassword', 'kort']], 422);
    expect(short.text).toContain('Passordet må ha minst 12 tegn.');
    await elsewhere.get('/account').expect(200);

    const changed = await submit(here, '/account', '/account/password', [['currentPassword', PASSWORD], ['newPassword', 'et helt nytt passord'], ['confirmPassword', 'et helt nytt passord']], 303);
    expect(changed.headers.location).toBe('/account');
    expect((await here.get('/account').expect(200)).text).toContain('Passordet er byttet.');
    await elsewhere.get('/account').expect(303).expect('Location', '/sign-in?next=%2Faccount');
    await signIn(email, PASSWORD, 401);
    await signIn(email, 'et helt nytt passord');
  });

  it('keeps the preferred language a person chooses on /account', async () => {
    const { id, email } = await person('unitManager');
    const agent = await signIn(email);
    await submit(agent, '/account', '/account/language', [['language', 'en']], 303);
    expect((await agent.get('/account').expect(200)).text).toContain('<h1>My account</h1>');
    expect((await userOf(id)).language).toBe('en');
  });

  it('lets a person choose nynorsk on /account, after which the dashboard speaks nynorsk without ?lang', async () => {
    const { id, email } = await person('coordinator');
    const agent = await signIn(email);
    const account = await agent.get('/account').expect(200);
    expect(account.text).toContain('<option value="nb" selected>Norsk (bokmål)</option><option value="nn">Norsk (nynorsk)</option><option value="en">English</option>');

    await submit(agent, '/account', '/account/language', [['language', 'nn']], 303);
    expect((await userOf(id)).language).toBe('nn');
    const chosen = await agent.get('/account').expect(200);
    expect(chosen.text).toContain('<h1>Kontoen min</h1>');
    expect(chosen.text).toContain('Språket er lagra.');
    expect(chosen.text).toContain('<option value="nn" selected>Norsk (nynorsk)</option>');
    const staff = await agent.get('/staff').expect(200);
    expect(staff.text).toContain('<html lang="nn">');
    expect(staff.text).toContain('<h1>Tilsette</h1>');
    expect(staff.text).toContain('<th scope="col">Einingar</th>');

    // Another browser remembers nothing: the choice stored on the account decides.
    const elsewhere = await signIn(email);
    const page = await elsewhere.get('/account').expect(200);
    expect(page.text).toContain('<html lang="nn">');
    expect(page.text).toContain('<th scope="row">Rolle</th><td>Frivilligkoordinator</td>');
    expect(page.text).toContain('Endre passordet');
    const audit = await elsewhere.get('/audit').expect(200);
    expect(audit.text).toContain('<a class="skip" href="#main">Hopp til innhaldet</a>');
    expect(audit.text).toContain('<option value="">Alle handlingar</option>');
  });

  it('shows a name typed as markup as text on the staff list, the staff page and the audit log, in every language', async () => {
    const name = '<script>alert(1)</script>';
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;';
    const email = `markup.${randomUUID().slice(0, 8)}@kommune.no`;
    const { user } = await createStaffUser(stack.orm.em.fork(), { email, name, role: 'contact', serviceUnitIds: ['aktivitetshusene'], password: PASSWORD });
    const em = stack.orm.em.fork();
    em.create(AuditEntry, { volunteerId: null, agreementId: randomUUID(), at: new Date(), actor: `staff:${user.id}`, action: 'reminded', step: null, details: null });
    await em.flush();
    const viewer = await signIn(coordinatorEmail);

    for (const lang of ['nb', 'nn', 'en']) {
      const list = (await viewer.get(`/staff?lang=${lang}`).expect(200)).text;
      expect(list).toContain(`<a href="/staff/${user.id}">${escaped}</a>`);
      const detail = (await viewer.get(`/staff/${user.id}?lang=${lang}`).expect(200)).text;
      expect(detail).toContain(`<h1>${escaped}</h1>`);
      expect(detail).toContain(`<title>${escaped} – Samspill</title>`);
      expect(detail).toContain(`value="${escaped}"`);
      const audit = (await viewer.get(`/audit?actor=${encodeURIComponent(`staff:${user.id}`)}&lang=${lang}`).expect(200)).text;
      expect(audit).toContain(`<td>${escaped}</td>`);
      expect(audit).toContain(`<option value="staff:${user.id}" selected>${escaped}</option>`);
      for (const markup of [list, detail, audit]) expect(markup).not.toContain(name);
    }
    const reset = await submit(viewer, `/staff/${user.id}`, `/staff/${user.id}/password`, [], 200);
    expect(reset.text).toContain(escaped);
    expect(reset.text).not.toContain(name);
  });

  it('refuses a disabled person at sign-in and stops their API token, through the form and the API', async () => {
    const { id, email } = await person('contact');
    const { token } = await issueApiToken(stack.orm.em.fork(), id, 'fagsystem');
    const integration = supertest(stack.app);
    await integration.get('/api/organisations').set('Authorization', `Bearer ${token}`).expect(200);
    const session = await signIn(email);

    const disabled = await submit(coordinator, `/staff/${id}`, `/staff/${id}/disable`, [], 303);
    expect(disabled.headers.location).toBe(`/staff/${id}`);
    expect((await coordinator.get(`/staff/${id}`).expect(200)).text).toContain('er deaktivert og logget ut overalt');
    await integration.get('/api/organisations').set('Authorization', `Bearer ${token}`).expect(401);
    await session.get('/account').expect(303);
    await signIn(email, PASSWORD, 401);
    expect((await stack.api.get(`/api/staff/${id}`).expect(200)).body.disabledAt).toEqual(expect.any(String));

    await stack.api.post(`/api/staff/${id}/enable`).expect(200);
    await signIn(email);
    // Enabling gives the person access back, not the tokens that were revoked with the account.
    await integration.get('/api/organisations').set('Authorization', `Bearer ${token}`).expect(401);

    await stack.api.post(`/api/staff/${id}/disable`).expect(200);
    await signIn(email, PASSWORD, 401);
  });

  it('answers 401 to a revoked API token', async () => {
    const contact = await stack.as({ role: 'contact', serviceUnitIds: ['aktivitetshusene'] });
    const issued = await stack.api.post(`/api/staff/${contact.id}/tokens`).send({ name: 'Fagsystem' }).expect(201);
    expect(issued.body).toMatchObject({ name: 'Fagsystem', token: expect.stringMatching(/^sp_/), revokedAt: null });
    const withToken = () => supertest(stack.app).get('/api/organisations').set('Authorization', `Bearer ${issued.body.token}`);
    await withToken().expect(200);
    const listed = await stack.api.get(`/api/staff/${contact.id}/tokens`).expect(200);
    expect((listed.body as { items: { id: string }[] }).items.map((t) => t.id)).toContain(issued.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);

    await stack.api.delete(`/api/staff/${contact.id}/tokens/${issued.body.id}`).expect(200);
    expect((await withToken().expect(401)).body.error.code).toBe('InvalidToken');

    // The same through the dashboard: issued once on the page, revoked with its button.
    const page = await submit(coordinator, `/staff/${contact.id}`, `/staff/${contact.id}/tokens`, [['tokenName', 'Rapportverktøy']], 200);
    const token = secretOf(page.text);
    await supertest(stack.app).get('/api/organisations').set('Authorization', `Bearer ${token}`).expect(200);
    const detail = await coordinator.get(`/staff/${contact.id}`).expect(200);
    const revoke = /action="(\/staff\/[^"]+\/tokens\/[^"]+\/revoke)"/.exec(detail.text)![1]!;
    await coordinator.post(revoke).type('form').send({ _csrf: csrfOf(detail.text) }).expect(303);
    await supertest(stack.app).get('/api/organisations').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('creates, changes and validates accounts through /api/staff, and never leaves the municipality without a coordinator', async () => {
    const email = `api.${randomUUID().slice(0, 8)}@kommune.no`;
    await stack.api.post('/api/staff').send({ email, name: 'Per API', role: 'contact', serviceUnitIds: ['ukjent'] }).expect(422);
    const created = await stack.api.post('/api/staff').send({ email, name: 'Per API', role: 'contact', serviceUnitIds: ['aktivitetshusene'] }).expect(201);
    expect(created.body).toMatchObject({ email, role: 'contact', password: expect.any(String), signsInWith: { password: true, municipalLogin: false } });
    await stack.api.post('/api/staff').send({ email, name: 'Per API', role: 'contact', serviceUnitIds: ['aktivitetshusene'] }).expect(409);
    await signIn(email, created.body.password);

    const changed = await stack.api
      .put(`/api/staff/${created.body.id}`)
      .send({ name: 'Per Leder', role: 'unitManager', serviceUnitIds: ['sidebygningen'], certificateOfficer: true })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Per Leder', role: 'unitManager', serviceUnitIds: ['sidebygningen'], certificateOfficer: true });
    const everyone = (await stack.api.get('/api/staff').expect(200)).body as { items: { email: string }[] };
    expect(everyone.items.map((u) => u.email)).toContain(email);

    // Every coordinator but the test's own is disabled; then the last one can be neither disabled nor demoted.
    const others = (await stack.orm.em.fork().find(StaffUser, { role: 'coordinator', disabledAt: null, id: { $ne: stack.coordinator.id } })).map((u) => u.id);
    for (const id of others) await stack.api.post(`/api/staff/${id}/disable`).expect(200);
    expect((await stack.api.post(`/api/staff/${stack.coordinator.id}/disable`).expect(409)).body.error.code).toBe('LastCoordinator');
    await stack.api.put(`/api/staff/${stack.coordinator.id}`).send({ name: 'K', role: 'contact', serviceUnitIds: ['aktivitetshusene'] }).expect(409);
    for (const id of others) await stack.api.post(`/api/staff/${id}/enable`).expect(200);
    coordinator = await signIn(coordinatorEmail);
  });
});
