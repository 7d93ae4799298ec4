import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { createApp } from '../api/http/app.ts';
import { createSignInLimiter } from '../api/auth/sign-in-limiter.ts';
import { createStaffUser } from '../infra/auth/staff-accounts.ts';
import { hashPassword, verifyPassword } from '../infra/auth/passwords.ts';
import { LimitedAttempt, StaffSession } from '../infra/db/entities/index.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, testLinks, type Stack } from './support/stack.ts';
import { csrfOf } from './support/staff-session.ts';

const PASSWORD = 'et langt og hemmelig passord';

describe('passwords', () => {
  it('hashes with scrypt, salted, parameters stored beside the hash', async () => {
    const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'md5$abc')).toBe(false);
  });
});

describe.each(DIALECTS)('signing in on %s', (dialect) => {
  let stack: Stack;
  const email = 'kari.koordinator@kommune.no';

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy(), { worker: false });
    await createStaffUser(stack.orm.em.fork(), { email, name: 'Kari Koordinator', role: 'coordinator', serviceUnitIds: [], password: PASSWORD });
  });
  afterAll(() => stack.close());

  async function signedIn() {
    const agent = supertest.agent(stack.app);
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ email, password: PASSWORD, _csrf: csrfOf(form.text), next: '/volunteers?phase=active' }).expect(303).expect('Location', '/volunteers?phase=active');
    return agent;
  }

  it('answers 401 to the API and sends pages to the sign-in form without a session', async () => {
    const api = supertest(stack.app);
    const json = await api.get('/api/volunteers').expect(401);
    expect(json.body.error).toMatchObject({ code: 'SignInRequired', message: expect.stringContaining('Sign in') });
    expect((await api.get('/api/volunteers').set('Authorization', 'Bearer nonsense').expect(401)).body.error.code).toBe('InvalidToken');
    await api.get('/volunteers?phase=active').expect(303).expect('Location', '/sign-in?next=%2Fvolunteers%3Fphase%3Dactive');
  });

  it('signs in with a session cookie that scripts and other sites cannot use, and signs out', async () => {
    const agent = supertest.agent(stack.app);
    const form = await agent.get('/sign-in').expect(200);
    const response = await agent.post('/sign-in').type('form').send({ email: ` ${email.toUpperCase()} `, password: PASSWORD, _csrf: csrfOf(form.text) }).expect(303);
    const cookie = (response.headers['set-cookie'] as unknown as string[]).find((c: string) => c.startsWith('samspill_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await agent.get('/api/volunteers').expect(200)).body).toMatchObject({ total: 0 });
    const page = await agent.get('/').expect(200);
    await agent.post('/sign-out').type('form').send({ _csrf: csrfOf(page.text) }).expect(303).expect('Location', '/sign-in');
    await agent.get('/api/volunteers').expect(401);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const app = createApp({ orm: stack.orm, policy: await compressedPolicy(), temporal: stack.temporal, links: testLinks, bodyLimit: '100kb', log: () => undefined, auth: { secureCookies: true } });
    const agent = supertest.agent(app);
    const form = await agent.get('/sign-in').expect(200);
    expect(form.headers['strict-transport-security']).toMatch(/max-age=/);
    const response = await agent.post('/sign-in').set('Cookie', form.headers['set-cookie']!).type('form').send({ email, password: PASSWORD, _csrf: csrfOf(form.text) }).expect(303);
    expect((response.headers['set-cookie'] as unknown as string[]).find((c: string) => c.startsWith('samspill_session='))).toMatch(/; Secure/);
  });

  it('refuses a wrong password with the same message as an unknown email, then slows down guessing', async () => {
    const agent = supertest.agent(stack.app);
    const form = await agent.get('/sign-in').expect(200);
    const attempt = (who: string) => agent.post('/sign-in').type('form').send({ email: who, password: 'feil passord', _csrf: csrfOf(form.text) });
    const wrong = await attempt('guessed@kommune.no').expect(401);
    expect(wrong.text).toContain('Feil e-post eller passord.');
    await createStaffUser(stack.orm.em.fork(), { email: 'ola@kommune.no', name: 'Ola', role: 'contact', serviceUnitIds: ['sidebygningen'], password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await attempt('ola@kommune.no').expect(401)).text).toContain('Feil e-post eller passord.');
    const blocked = await attempt('ola@kommune.no').expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.text).toContain('For mange mislykkede forsøk');
    expect(stack.logged.join('\n')).not.toContain('feil passord');
  });

  it('blocks an account after five failures and an address after twenty, for the rest of the window, keeping only digests', async () => {
    let now = Date.now();
    const limiter = createSignInLimiter({ em: () => stack.orm.em.fork(), now: () => now });
    for (let i = 0; i < 5; i++) await limiter.recordFailure('10.0.0.1', 'kari.grense@kommune.no');
    expect(await limiter.retryAfter('10.0.0.2', 'kari.grense@kommune.no')).toBe(900);
    expect(await limiter.retryAfter('10.0.0.1', 'ola.grense@kommune.no')).toBe(0);
    now += 15 * 60_000 + 1;
    expect(await limiter.retryAfter('10.0.0.2', 'kari.grense@kommune.no')).toBe(0);
    for (let i = 0; i < 20; i++) await limiter.recordFailure('10.0.0.3', `person${i}@kommune.no`);
    expect(await limiter.retryAfter('10.0.0.3', 'new@kommune.no')).toBeGreaterThan(0);
    await limiter.recordSuccess('person1@kommune.no');
    const stored = await stack.orm.em.fork().find(LimitedAttempt, {});
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.key))).toBe(true);
  });

  it('counts failures across two API processes on one database: the sixth guess is refused by the other', async () => {
    await createStaffUser(stack.orm.em.fork(), { email: 'per@kommune.no', name: 'Per', role: 'contact', serviceUnitIds: ['sidebygningen'], password: PASSWORD });
    const second = createApp({ orm: stack.orm, policy: await compressedPolicy(), temporal: stack.temporal, links: testLinks, bodyLimit: '100kb', log: () => undefined, auth: { secureCookies: false } });
    const guess = async (app: typeof second) => {
      const agent = supertest.agent(app);
      const form = await agent.get('/sign-in').expect(200);
      return agent.post('/sign-in').type('form').send({ email: 'per@kommune.no', password: 'gjettet passord', _csrf: csrfOf(form.text) });
    };
    for (let i = 0; i < 5; i++) expect((await guess(i % 2 ? second : stack.app)).status).toBe(401);
    const refused = await guess(second);
    expect(refused.status).toBe(429);
    expect((await guess(stack.app)).status).toBe(429);
  });

  it('refuses forms without the CSRF token, for sessions and for the sign-in form itself', async () => {
    const agent = await signedIn();
    const noToken = await agent.post('/sign-out').type('form').send({}).expect(403);
    expect(noToken.text).toContain('Reload the page');
    await agent.post('/api/hours').send({}).expect(403);
    await agent.post('/api/hours').set('X-CSRF-Token', 'forged').send({}).expect(403);
    const page = await agent.get('/').expect(200);
    await agent.post('/api/hours').set('X-CSRF-Token', csrfOf(page.text)).send({}).expect(422);
    await supertest(stack.app).post('/sign-in').type('form').send({ email, password: PASSWORD }).expect(403);
  });

  it('sends no one elsewhere after signing in', async () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example']) {
      const agent = supertest.agent(stack.app);
      const form = await agent.get('/sign-in').expect(200);
      await agent.post('/sign-in').type('form').send({ email, password: PASSWORD, _csrf: csrfOf(form.text), next }).expect(303).expect('Location', '/');
    }
  });

  it('answers with security headers on pages and API alike', async () => {
    for (const path of ['/sign-in', '/api/volunteers', '/health']) {
      const response = await supertest(stack.app).get(path);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('shows the sign-in page and the account page in nynorsk with ?lang=nn', async () => {
    const form = await supertest.agent(stack.app).get('/sign-in?lang=nn').expect(200);
    expect(form.text).toContain('<html lang="nn">');
    expect(form.text).toContain('<title>Logg inn – Samspill</title>');
    expect(form.text).toContain('<h1>Logg inn i Samspill</h1>');
    expect(form.text).toContain('<label for="password">Passord <span aria-hidden="true">*</span></label>');

    const agent = await signedIn();
    const account = await agent.get('/account?lang=nn').expect(200);
    expect(account.text).toContain('<html lang="nn">');
    expect(account.text).toContain('<h1>Kontoen min</h1>');
    expect(account.text).toContain('<caption>Slik er kontoen din sett opp</caption>');
    expect(account.text).toContain('<th scope="row">Namn</th><td>Kari Koordinator</td>');
    expect(account.text).toContain('<td>Alle einingar</td>');
    expect(account.text).toContain('<button type="submit">Endre passordet</button>');
    expect(account.text).toContain('Noverande passord');
    expect(account.text).toContain('<option value="nn">Norsk (nynorsk)</option>');
    for (const bokmål of ['Min konto', 'Nåværende passord', 'Bytt passord', 'Virksomheter', 'ikke']) expect(account.text).not.toContain(bokmål);
  });

  it('stores only a hash of the session token', async () => {
    const agent = supertest.agent(stack.app);
    const form = await agent.get('/sign-in').expect(200);
    const response = await agent.post('/sign-in').type('form').send({ email, password: PASSWORD, _csrf: csrfOf(form.text) }).expect(303);
    const token = /samspill_session=([^;]+)/.exec((response.headers['set-cookie'] as unknown as string[]).join(';'))![1]!;
    const sessions = await stack.orm.em.fork().find(StaffSession, {});
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.tokenHash !== token && s.tokenHash.length === 64)).toBe(true);
  });
});
