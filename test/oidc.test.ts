import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import supertest from 'supertest';
import { createApp } from '../api/http/app.ts';
import { pendingSealer, PENDING_LIFETIME_MS } from '../api/auth/oidc-pending.ts';
import { createStaffUser, disableStaffUser } from '../infra/auth/staff-accounts.ts';
import { ConfigError, loadConfig } from '../infra/config.ts';
import { StaffUser } from '../infra/db/entities/index.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, testLinks, type Agent, type Stack } from './support/stack.ts';

const CLIENT_ID = 'samspill';
const CLIENT_SECRET = 'a client secret only the app and the provider know';

interface ProviderAccount {
  email: string;
  email_verified: boolean;
}

async function listening(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The provider's storage, kept in memory for the test: what a real provider keeps in its database. */
function providerStorage(): (name: string) => Adapter {
  const stored = new Map<string, AdapterPayload>();
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const findBy = (match: (payload: AdapterPayload) => boolean) => [...stored].find(([k, payload]) => k.startsWith(`${model}:`) && match(payload))?.[1];
    return {
      upsert: (id, payload) => Promise.resolve(void stored.set(key(id), payload)),
      find: (id) => Promise.resolve(stored.get(key(id))),
      findByUid: (uid) => Promise.resolve(findBy((payload) => payload.uid === uid)),
      findByUserCode: (userCode) => Promise.resolve(findBy((payload) => payload.userCode === userCode)),
      consume: (id) => Promise.resolve(void Object.assign(stored.get(key(id)) ?? {}, { consumed: Math.floor(Date.now() / 1000) })),
      destroy: (id) => Promise.resolve(void stored.delete(key(id))),
      revokeByGrantId: (grantId) => Promise.resolve([...stored].forEach(([k, payload]) => payload.grantId === grantId && stored.delete(k))),
    };
  };
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1. Its login page is a stand-in the
 * test drives over HTTP: `GET /interaction/<uid>/login?account=<id>` signs that account in and
 * grants the scopes asked for, as a person would by typing a password and consenting.
 */
async function startIdentityProvider(redirectUri: string, accounts: Map<string, ProviderAccount>) {
  const server = createServer();
  const issuer = await listening(server);
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    cookies: { keys: ['a cookie key for the test provider'] },
    adapter: providerStorage(),
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  const standard = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (!/^\/interaction\/[^/]+\/login$/.test(url.pathname)) {
      void standard(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = url.searchParams.get('account') ?? '';
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the OpenID Connect configuration and the pending sign-in cookie', () => {
  it('reads the provider from the environment: all of issuer, client ID and secret, or none', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const config = loadConfig({ PUBLIC_URL: 'https://samspill.kommune.no/', OIDC_ISSUER_URL: 'https://login.kommune.no/realms/ansatte', OIDC_CLIENT_ID: 'samspill', OIDC_CLIENT_SECRET: 's3cret' });
    expect(config.oidc).toEqual({
      issuerUrl: 'https://login.kommune.no/realms/ansatte',
      clientId: 'samspill',
      clientSecret: 's3cret',
      buttonLabel: 'Logg inn med kommunens pålogging',
      redirectUri: 'https://samspill.kommune.no/auth/oidc/callback',
    });
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://login.kommune.no' })).toThrow(
      new ConfigError('Invalid configuration:\n  OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set\n  OIDC_CLIENT_SECRET: required when OIDC_ISSUER_URL is set'),
    );
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'http://login.kommune.no', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow(/OIDC_ISSUER_URL: use https:\/\//);
    expect(loadConfig({ OIDC_ISSUER_URL: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).oidc?.issuerUrl).toBe('http://127.0.0.1:9000');
  });

  it('refuses a pending sign-in that was altered, signed with another secret, or is too old', () => {
    const sealer = pendingSealer(CLIENT_SECRET);
    const pending = { state: 's', nonce: 'n', codeVerifier: 'v', next: '/hours' };
    const cookie = sealer.seal(pending, 1_000);
    expect(sealer.open(cookie, 2_000)).toEqual(pending);
    const [payload, signature] = cookie.split('.');
    const altered = Buffer.from(JSON.stringify({ ...pending, state: 'mine', expires: 1_000 + PENDING_LIFETIME_MS })).toString('base64url');
    expect(sealer.open(`${altered}.${signature}`, 2_000)).toBeUndefined();
    expect(pendingSealer('another secret').open(cookie, 2_000)).toBeUndefined();
    expect(sealer.open(cookie, 1_000 + PENDING_LIFETIME_MS + 1)).toBeUndefined();
    expect(sealer.open(`${payload}`, 2_000)).toBeUndefined();
    expect(sealer.open(undefined)).toBeUndefined();
  });
});

describe.each(DIALECTS)('signing in through the municipality\'s identity provider on %s', (dialect) => {
  let stack: Stack;
  let appServer: Server;
  let appUrl: string;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  const accounts = new Map<string, ProviderAccount>();
  const logged: string[] = [];

  /** An account at the provider and, unless `staff` is false, a Samspill account with the same email but no password. */
  async function person(options: { staff?: boolean; verified?: boolean } = {}) {
    const subject = randomUUID();
    const email = `person.${subject.slice(0, 8)}@kommune.no`;
    accounts.set(subject, { email: email.toUpperCase(), email_verified: options.verified ?? true });
    const user = options.staff === false ? undefined : (await createStaffUser(stack.orm.em.fork(), { email, name: 'Kari Nordmann', role: 'contact', serviceUnitIds: ['aktivitetshusene'], password: null })).user;
    return { subject, email, id: user?.id };
  }

  /** A browser starting the sign-in at Samspill and signing in at the provider; answers where the provider sends it back. */
  async function signInAtProvider(subject: string, next = '/'): Promise<{ browser: Agent; callback: URL }> {
    const browser = supertest.agent(appUrl);
    const atProvider = supertest.agent(idp.issuer);
    const start = await browser.get(`/auth/oidc/start?next=${encodeURIComponent(next)}`).expect(303);
    let location = new URL(start.headers.location!);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    for (let hops = 0; location.origin === idp.issuer; hops++) {
      if (hops > 5) throw new Error(`the provider kept redirecting: ${location.href}`);
      const path = /^\/interaction\/[^/]+$/.test(location.pathname) ? `${location.pathname}/login?account=${subject}` : `${location.pathname}${location.search}`;
      const answer = await atProvider.get(path);
      if (answer.status !== 303 && answer.status !== 302) throw new Error(`the provider answered ${answer.status}: ${answer.text}`);
      location = new URL(answer.headers.location!, idp.issuer);
    }
    expect(`${location.origin}${location.pathname}`).toBe(`${appUrl}/auth/oidc/callback`);
    return { browser, callback: location };
  }

  const userOf = (id: string | undefined) => stack.orm.em.fork().findOneOrFail(StaffUser, { id: id! });

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy(), { worker: false });
    // The app listens first, so its redirect URI is known when the provider registers it as a client.
    appServer = createServer();
    appUrl = await listening(appServer);
    const redirectUri = `${appUrl}/auth/oidc/callback`;
    idp = await startIdentityProvider(redirectUri, accounts);
    const oidc = { issuerUrl: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, buttonLabel: 'Logg inn med Tønsberg-ID', redirectUri };
    const log = (line: string) => logged.push(line);
    appServer.on('request', createApp({ orm: stack.orm, policy: await compressedPolicy(), temporal: stack.temporal, links: testLinks, bodyLimit: '100kb', log, auth: { secureCookies: false, oidc } }));
  });
  afterAll(async () => {
    await new Promise((resolve) => appServer.close(resolve));
    await idp.close();
    await stack.close();
  });

  it('links the provider\'s subject on the first sign-in by the verified email and lands on the dashboard', async () => {
    const page = await supertest(appUrl).get('/sign-in?next=%2Fhours').expect(200);
    expect(page.text).toContain('href="/auth/oidc/start?next=%2Fhours">Logg inn med Tønsberg-ID</a>');

    const kari = await person();
    const { browser, callback } = await signInAtProvider(kari.subject);
    await browser.get(`${callback.pathname}${callback.search}`).expect(303).expect('Location', '/');
    const dashboard = await browser.get('/').expect(200);
    expect(dashboard.text).toContain('<h1>I dag</h1>');
    expect(dashboard.text).toContain('Kari Nordmann');
    expect(await userOf(kari.id)).toMatchObject({ oidcSubject: kari.subject, lastSignInAt: expect.any(Date) });

    // Later sign-ins find the account by subject, even after the email changes at the provider.
    accounts.set(kari.subject, { email: 'kari.nordmann@ny.kommune.no', email_verified: true });
    const again = await signInAtProvider(kari.subject, '/account');
    await again.browser.get(`${again.callback.pathname}${again.callback.search}`).expect(303).expect('Location', '/account');
    await again.browser.get('/account').expect(200);
  });

  it('refuses a person without a Samspill account, or whose email the provider has not verified, with a page saying whom to ask', async () => {
    const stranger = await person({ staff: false });
    const { browser, callback } = await signInAtProvider(stranger.subject);
    const refused = await browser.get(`${callback.pathname}${callback.search}`).expect(403);
    expect(refused.text).toContain('Du har ingen konto i Samspill');
    expect(refused.text).toContain('Be frivilligkoordinatoren om å opprette en konto til deg');
    expect(refused.headers['set-cookie']?.toString() ?? '').not.toContain('samspill_session=');
    await browser.get('/').expect(303).expect('Location', '/sign-in?next=%2F');

    const unverified = await person({ verified: false });
    const second = await signInAtProvider(unverified.subject);
    await second.browser.get(`${second.callback.pathname}${second.callback.search}`).expect(403);
    expect((await userOf(unverified.id)).oidcSubject).toBeNull();
  });

  it('refuses a disabled account', async () => {
    const ola = await person();
    const em = stack.orm.em.fork();
    await disableStaffUser(em, await em.findOneOrFail(StaffUser, { id: ola.id! }));
    const { browser, callback } = await signInAtProvider(ola.subject);
    expect((await browser.get(`${callback.pathname}${callback.search}`).expect(403)).text).toContain('Kontoen din er deaktivert');
    expect((await userOf(ola.id)).oidcSubject).toBeNull();
  });

  it('refuses an answer whose state was tampered with, or that reaches a browser which did not start the sign-in', async () => {
    const kari = await person();
    const { browser, callback } = await signInAtProvider(kari.subject);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'a state the attacker chose');
    const refused = await browser.get(`${tampered.pathname}${tampered.search}`).expect(400);
    expect(refused.text).toContain('Innloggingen kunne ikke bekreftes');
    expect(logged.at(-1)).toMatch(/OpenID Connect sign-in failed \(rejected\): .*state/);
    await browser.get('/').expect(303);
    expect((await userOf(kari.id)).oidcSubject).toBeNull();

    const other = await signInAtProvider(kari.subject);
    const elsewhere = await supertest(appUrl).get(`${other.callback.pathname}${other.callback.search}`).expect(400);
    expect(elsewhere.text).toContain('Innloggingen ble ikke fullført');
  });
});
