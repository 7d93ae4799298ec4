import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { createApp } from '../api/http/app.ts';
import { operations } from '../api/openapi/registry.ts';
import { createStaffUser } from '../infra/auth/staff-accounts.ts';
import { AuditEntry, HoursEntry, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import { html, serialise } from '../infra/html/html.ts';
import { createLinkSigner, LINK_PURPOSES, linkPath, type LinkPurpose } from '../infra/links/signed-links.ts';
import { createLogger } from '../infra/logging.ts';
import { COURSE_MOVE_REQUESTED, courseMoveRequestWorkflowId } from '../workflows/course-move-request/definitions.ts';
import { linkRequestWorkflowId, osloDay } from '../workflows/link-request/definitions.ts';
import { createApiFixtures, fillPath, fixtureParams, type ApiFixtures } from './support/api-fixtures.ts';
import { DIALECTS } from './support/databases.ts';
import { send, serve, type Served } from './support/fuzz-answers.ts';
import { CookieJar, linkFormTokens, stateChangingRoutes } from './support/fuzz-forms.ts';
import { historyText } from './support/history.ts';
import { compressedPolicy } from './support/policy.ts';
import { linkIn } from './support/self-service.ts';
import { signInOverHttp } from './support/sign-in.ts';
import { sentTo } from './support/smtp-sink.ts';
import { csrfOf } from './support/staff-session.ts';
import { startStack, testLinks, volunteerBody, type Stack } from './support/stack.ts';

/**
 * The security checks beside the role × endpoint matrix (test/access-matrix.test.ts) and signing in
 * (test/auth.test.ts): names that try markup or SQL shown safely, signed links that cannot be forged,
 * reused or used late, CSRF on every form, security headers on every kind of page, and no personal
 * data in the link workflows or the logs.
 */

const UNIT = 'aktivitetshusene';
const DAY = 86_400_000;
const PASSWORD = 'et langt passord for sikkerhetstesten';
/** What a browser asks for: a page, so errors come as pages. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** A name as every view shows it: through the escaping `html` tag. */
const escaped = (name: string): string => serialise(html`${name}`);

/** Names a person may have, or an attacker may try. */
const NAMES = [
  'Åse Ødegård-Æsøy 🌿',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE volunteer; --",
  "Robert'); DROP TABLE volunteer_step;--",
  'Zoë \u202Eevil\u202C 👩🏽‍🦰 a\u200Bb',
];

/** Markup that would run or load something if it reached a page unescaped. */
const ACTIVE_MARKUP = /<script>alert|<img src=x/;

async function signedInCoordinator(stack: Stack, served: Served): Promise<{ cookie: string; csrf: string }> {
  const email = `sikkerhet.${randomUUID().slice(0, 8)}@kommune.no`;
  await createStaffUser(stack.orm.em.fork(), { email, name: 'Sikker Koordinator', role: 'coordinator', serviceUnitIds: [], password: PASSWORD });
  return signInOverHttp(served.url, email, PASSWORD);
}

async function page(served: Served, path: string, cookie = ''): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${served.url}${path}`, { headers: { cookie, accept: BROWSER_ACCEPT }, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe.each(DIALECTS)('names with markup, SQL and any letters on %s', (dialect) => {
  let stack: Stack;
  let served: Served;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
    served = await serve(stack.app);
    session = await signedInCoordinator(stack, served);
  });
  afterAll(async () => {
    await served?.close();
    await stack?.close();
  });

  it('are stored exactly, and shown escaped on the dashboard, in emails and on the status page', async () => {
    const registered: { id: string; name: string; email: string }[] = [];
    for (const name of NAMES) {
      const body = volunteerBody({ name, suitabilityNote: name });
      const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
      registered.push({ id: created.id as string, name, email: body.email });
      expect((await stack.api.get(`/api/volunteers/${created.id}`).expect(200)).body).toMatchObject({ name });
      expect(await stack.orm.em.fork().findOneOrFail(Volunteer, { id: created.id as string })).toMatchObject({ name, suitabilityNote: name });
    }
    const list = await page(served, '/volunteers', session.cookie);
    expect(list.status).toBe(200);
    expect(list.text).not.toMatch(ACTIVE_MARKUP);
    for (const { id, name, email } of registered) {
      expect(list.text).toContain(escaped(name));
      const own = await page(served, `/volunteers/${id}`, session.cookie);
      expect(own.text).toContain(`<h1>${escaped(name)}</h1>`);
      expect(own.text).toContain(`<title>${escaped(name)} – Samspill</title>`);
      expect(own.text).not.toMatch(ACTIVE_MARKUP);

      const [welcome] = await stack.sink.waitFor((m: ParsedMail) => sentTo(email)(m) && (m.subject?.startsWith('Velkommen') ?? false));
      const html = String(welcome!.html);
      expect(html).toContain(escaped(name));
      expect(html).not.toMatch(ACTIVE_MARKUP);
      expect(welcome!.text).toContain(name);

      const status = await page(served, linkIn(welcome!.text, 'status')!);
      expect(status.status).toBe(200);
      expect(status.text).toContain(`Hei, ${escaped(name)}!`);
      expect(status.text).not.toMatch(ACTIVE_MARKUP);
    }
    // The SQL in the names was data: every table is still there, with every row.
    const connection = stack.orm.em.getConnection();
    for (const table of ['volunteer', 'volunteer_step', 'audit_entry']) {
      const [row] = await connection.execute<{ count: number | string }[]>(`select count(*) as count from ${table}`);
      expect(Number(row!.count)).toBeGreaterThanOrEqual(NAMES.length);
    }
    expect((await stack.api.get('/api/volunteers').query({ limit: 200 }).expect(200)).body.total).toBe(NAMES.length);
  }, 120_000);

  it('are shown escaped for organisations and staff too', async () => {
    const name = NAMES[2]!;
    const organisation = (await stack.api
      .post('/api/organisations')
      .send({ name, organisationNumber: '974761076', registeredInFrivillighetsregisteret: true, contact: { name, email: 'ola@org.example.no' } })
      .expect(201)).body.id as string;
    const staff = (await stack.api.post('/api/staff').send({ email: `x.${randomUUID().slice(0, 6)}@kommune.no`, name, role: 'contact', serviceUnitIds: [UNIT] }).expect(201)).body.id as string;
    for (const path of ['/organisations', `/organisations/${organisation}`, '/staff', `/staff/${staff}`]) {
      const shown = await page(served, path, session.cookie);
      expect({ path, status: shown.status, escaped: shown.text.includes(escaped(name)), active: ACTIVE_MARKUP.test(shown.text) }).toEqual({ path, status: 200, escaped: true, active: false });
    }
  });
});

describe('the app\'s defences on sqlite', () => {
  /** The year of this file's evaluation: one per year on the shared Temporal server. */
  const YEAR = 2018;
  let stack: Stack;
  let served: Served;
  let session: { cookie: string; csrf: string };
  let fixtures: ApiFixtures;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy());
    served = await serve(stack.app);
    session = await signedInCoordinator(stack, served);
    await stack.api.post('/api/evaluations').send({ year: YEAR }).expect(202);
    fixtures = await createApiFixtures(stack, UNIT, YEAR);
    tokens = await linkFormTokens(stack, fixtures);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await stack?.close();
  });

  describe('signed links', () => {
    const pathFor = (purpose: LinkPurpose, token: string) => linkPath(purpose, token);
    /** Whom a link of each purpose is for: the fixtures' volunteer, agreement, or the evaluation's recipient. */
    const subjectOf = (purpose: LinkPurpose) =>
      purpose === 'answerReview' ? fixtures.agreement : purpose === 'evaluationResponse' ? testLinks.claimsIgnoringExpiry(tokens['/s/evaluation/:token']!)!.subjectId : fixtures.volunteer;

    it('open only the page of their own purpose', async () => {
      for (const purpose of LINK_PURPOSES) {
        const token = testLinks.sign(subjectOf(purpose), purpose, DAY);
        for (const other of LINK_PURPOSES) {
          const shown = await page(served, pathFor(other, token));
          expect({ purpose, at: other, status: shown.status }).toEqual({ purpose, at: other, status: other === purpose ? expect.any(Number) : 404 });
          if (other === purpose) expect(shown.status).toBeLessThan(500);
        }
      }
    });

    it('cannot be forged: a changed payload, another secret, or no signature at all', async () => {
      const genuine = testLinks.sign(fixtures.volunteer, 'viewStatus', DAY);
      const [payload, signature] = genuine.split('.') as [string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const { body: other } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
      const reencode = (changed: Record<string, unknown>) => Buffer.from(JSON.stringify(changed)).toString('base64url');
      const forged = [
        `${reencode({ ...claims, v: other.id })}.${signature}`,
        `${reencode({ ...claims, e: Math.floor(Date.now() / 1000) + 365 * 86_400 })}.${signature}`,
        `${reencode({ ...claims, p: 'logHours' })}.${signature}`,
        createLinkSigner(Buffer.from('another secret that is also long enough 0123456789')).sign(fixtures.volunteer, 'viewStatus', DAY),
        `${payload}.`,
        `${payload}.${signature}.${signature}`,
        `${payload}.${signature.slice(0, -2)}`,
        payload,
        'a.b',
        '%',
        `${reencode({ v: fixtures.volunteer, p: 'viewStatus', e: 9e15 })}.${signature}`,
      ];
      for (const token of forged) {
        const shown = await page(served, `/s/status/${token}`);
        expect({ token, status: shown.status }).toEqual({ token, status: token === '%' ? 400 : 404 });
        expect(shown.text).not.toContain('Din status som frivillig');
      }
      // With a forged token, a form does nothing: the hours of another volunteer cannot be logged.
      const forgedHours = `${reencode({ ...claims, v: other.id, p: 'logHours' })}.${signature}`;
      const browser = new CookieJar();
      const opened = await fetch(`${served.url}/s/hours/${tokens['/s/hours/:token']}`, { headers: { accept: BROWSER_ACCEPT } });
      browser.take(opened);
      const answer = await fetch(`${served.url}/s/hours/${forgedHours}`, {
        method: 'POST',
        headers: { cookie: browser.header, accept: BROWSER_ACCEPT },
        body: new URLSearchParams({ month: '2025-06', hours: '5', _csrf: csrfOf(await opened.text()) }),
      });
      expect(answer.status).toBe(404);
      expect(await stack.orm.em.fork().count(HoursEntry, { volunteerId: other.id as string })).toBe(0);
    });

    it('are used once where once is all they are for: an accepted declaration cannot be accepted again', async () => {
      const { body: volunteer } = await stack.api.post('/api/volunteers').send(volunteerBody()).expect(201);
      const token = testLinks.sign(volunteer.id as string, 'acceptDeclaration', DAY);
      const jar = new CookieJar();
      const submit = async () => {
        const opened = await fetch(`${served.url}/s/${token}`, { headers: { cookie: jar.header, accept: BROWSER_ACCEPT } });
        jar.take(opened);
        const csrf = csrfOf(await opened.text()) || jar.header.match(/samspill_csrf=([^;]+)/)?.[1] || '';
        const response = await fetch(`${served.url}/s/${token}`, { method: 'POST', headers: { cookie: jar.header, accept: BROWSER_ACCEPT }, body: new URLSearchParams({ _csrf: csrf }) });
        return { status: response.status, text: await response.text() };
      };
      await stack.sink.waitFor(sentTo(volunteer.email as string));
      expect((await submit()).status).toBe(200);
      const again = await submit();
      expect(again.status).toBe(409);
      expect(again.text).toContain('Send meg en ny lenke');
      const accepted = await stack.orm.em.fork().find(AuditEntry, { volunteerId: volunteer.id as string, step: 'confidentialityDeclaration', action: 'stepCompleted' });
      expect(accepted).toHaveLength(1);
    });

    it('are refused once expired, for reading and for sending, and nothing is stored', async () => {
      const expiredHours = testLinks.sign(fixtures.volunteer, 'logHours', -1_000);
      for (const purpose of LINK_PURPOSES) {
        const shown = await page(served, pathFor(purpose, testLinks.sign(subjectOf(purpose), purpose, -1_000)));
        expect({ purpose, status: shown.status }).toEqual({ purpose, status: 410 });
      }
      const jar = new CookieJar();
      const opened = await fetch(`${served.url}/s/hours/${expiredHours}`, { headers: { accept: BROWSER_ACCEPT } });
      jar.take(opened);
      const before = await stack.orm.em.fork().count(HoursEntry, { volunteerId: fixtures.volunteer });
      const answer = await fetch(`${served.url}/s/hours/${expiredHours}`, {
        method: 'POST',
        headers: { cookie: jar.header, accept: BROWSER_ACCEPT },
        body: new URLSearchParams({ month: '2025-05', hours: '3', _csrf: csrfOf(await opened.text()) }),
      });
      expect(answer.status).toBe(410);
      expect(await stack.orm.em.fork().count(HoursEntry, { volunteerId: fixtures.volunteer })).toBe(before);
    });
  });

  describe('CSRF', () => {
    it('refuses every form of the app without its token, with another\'s token or a forged one, and nothing happens', async () => {
      const routes = stateChangingRoutes(stack.app);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['post /sign-in', 'post /sign-out', 'post /volunteers', 'post /s/:token', 'post /s/new-link', 'post /hours/imports', 'post /account/password']));
      const other = await signedInCoordinator(stack, served);
      const anonymous = new CookieJar();
      const opened = await fetch(`${served.url}/sign-in`, { headers: { accept: BROWSER_ACCEPT } });
      anonymous.take(opened);
      const anonymousCsrf = csrfOf(await opened.text());
      const otherBrowser = new CookieJar();
      const otherOpened = await fetch(`${served.url}/sign-in`, { headers: { accept: BROWSER_ACCEPT } });
      otherBrowser.take(otherOpened);
      const otherBrowserCsrf = csrfOf(await otherOpened.text());
      // What a person did; the lifecycles' own timers (reminders, steps opening) go on writing 'system' entries meanwhile.
      const byPeople = () => stack.orm.em.fork().count(AuditEntry, { actor: { $ne: 'system' } });
      const audit = await byPeople();
      const steps = (await stack.orm.em.fork().find(VolunteerStep, { volunteer: fixtures.volunteer })).map((s) => [s.step, s.completedAt?.toISOString()]);

      const refusals: string[] = [];
      for (const { method, path: route } of routes) {
        const path = fillPath(route, Object.fromEntries(Object.entries(fixtureParams(route, fixtures, { token: tokens[route] ?? testLinks.sign(fixtures.volunteer, 'viewStatus', DAY) })).map(([k, v]) => [k, encodeURIComponent(v)])));
        const signedIn = !route.startsWith('/s/') && route !== '/sign-in';
        const cookie = signedIn ? session.cookie : anonymous.header;
        const attempts: [string, Record<string, string>, string][] = [
          ['no token', {}, cookie],
          ['a forged token', { _csrf: 'forged-token-forged-token-forged-token' }, cookie],
          ['another browser\'s token', { _csrf: signedIn ? other.csrf : otherBrowserCsrf }, cookie],
          ['a token without the cookie it belongs to', { _csrf: signedIn ? session.csrf : anonymousCsrf }, ''],
        ];
        for (const [what, fields, withCookie] of attempts) {
          const answer = await send(served.url, method.toUpperCase(), path, {
            headers: { cookie: withCookie, accept: BROWSER_ACCEPT, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ name: 'Forfalsket', email: 'forfalsket@example.no', month: '2025-06', hours: '1', intent: 'confirm', ...fields }).toString(),
          });
          if (answer.status !== 403 || !answer.contentType.startsWith('text/html')) refusals.push(`${method.toUpperCase()} ${route} with ${what}: ${answer.status} ${answer.contentType}`);
        }
      }
      expect(refusals).toEqual([]);
      // Nothing happened: no entry in the log by a person, no step completed, and the session was not signed out.
      expect(await byPeople()).toBe(audit);
      expect((await stack.orm.em.fork().find(VolunteerStep, { volunteer: fixtures.volunteer })).map((s) => [s.step, s.completedAt?.toISOString()])).toEqual(steps);
      expect((await page(served, '/', session.cookie)).status).toBe(200);
    }, 60_000);

    it('refuses every state-changing API operation from a browser session without the header', async () => {
      const refusals: string[] = [];
      for (const operation of operations.filter((o) => o.method !== 'get')) {
        const path = fillPath(operation.path, fixtureParams(operation.path, fixtures));
        for (const header of [{}, { 'x-csrf-token': 'forged' }] as Record<string, string>[]) {
          const answer = await send(served.url, operation.method.toUpperCase(), path, { headers: { cookie: session.cookie, 'content-type': 'application/json', ...header }, body: '{}' });
          if (answer.status !== 403) refusals.push(`${operation.method.toUpperCase()} ${operation.path} ${JSON.stringify(header)}: ${answer.status}`);
        }
      }
      expect(refusals).toEqual([]);
    });

    it('takes the token from a header for scripts and from the address for a file upload, and from nowhere else', async () => {
      const headers = { cookie: session.cookie, accept: BROWSER_ACCEPT };
      const inQuery = await send(served.url, 'POST', `/volunteers/${fixtures.volunteer}/pause?_csrf=${encodeURIComponent(session.csrf)}`, {
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      expect(inQuery.status).toBe(403);
      const upload = new FormData();
      upload.append('file', new Blob(['volunteerId;month;hours\n']), 'timer.csv');
      const withoutQuery = await fetch(`${served.url}/hours/imports`, { method: 'POST', headers, body: upload });
      expect(withoutQuery.status).toBe(403);
      const apiHeader = await send(served.url, 'POST', '/api/hours', { headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': session.csrf }, body: '{}' });
      expect(apiHeader.status).toBe(422);
    });
  });

  describe('security headers', () => {
    it('are on every kind of answer: pages, error pages, redirects, link pages, JSON, files and assets', async () => {
      const expiredStatus = testLinks.sign(fixtures.volunteer, 'viewStatus', -DAY);
      const kinds: [string, () => Promise<{ status: number; headers: Headers }>][] = [
        ['a dashboard page', () => page(served, '/volunteers', session.cookie)],
        ['a dashboard form shown again', () => fetch(`${served.url}/volunteers`, { method: 'POST', headers: { cookie: session.cookie, accept: BROWSER_ACCEPT }, body: new URLSearchParams({ _csrf: session.csrf }) })],
        ['a dashboard error page', () => page(served, `/volunteers/${randomUUID()}`, session.cookie)],
        ['a refused form', () => fetch(`${served.url}/volunteers`, { method: 'POST', headers: { cookie: session.cookie, accept: BROWSER_ACCEPT }, body: new URLSearchParams({}) })],
        ['a redirect to sign in', () => page(served, '/volunteers')],
        ['the sign-in page', () => page(served, '/sign-in')],
        ['a link page', () => page(served, fillPath('/s/hours/:token', { token: tokens['/s/hours/:token']! }))],
        ['an expired link page', () => page(served, `/s/status/${expiredStatus}`)],
        ['an invalid link page', () => page(served, '/s/status/not-a-token')],
        ['the API', () => fetch(`${served.url}/api/volunteers`, { headers: { cookie: session.cookie } })],
        ['an API error', () => fetch(`${served.url}/api/volunteers`)],
        ['the API documentation', () => page(served, '/api/docs')],
        ['the OpenAPI document', () => fetch(`${served.url}/api/openapi.json`)],
        ['a CSV file', () => fetch(`${served.url}/api/evaluations/${YEAR}/report.csv`, { headers: { cookie: session.cookie } })],
        ['a report page', () => page(served, `/reports/${YEAR}`, session.cookie)],
        ['the style sheet', () => fetch(`${served.url}/assets/dashboard.css`)],
        ['the health check', () => fetch(`${served.url}/health`)],
        ['an unknown address', () => page(served, '/no-such-page')],
      ];
      const missing: string[] = [];
      for (const [kind, request] of kinds) {
        const { status, headers } = await request();
        const csp = headers.get('content-security-policy') ?? '';
        const problems = [
          status >= 500 && `answered ${status}`,
          !csp.includes("default-src 'self'") && 'CSP default-src',
          !/script-src 'self'(;|$)/.test(csp) && 'CSP script-src without inline scripts',
          !csp.includes("frame-ancestors 'none'") && 'CSP frame-ancestors',
          !csp.includes("form-action 'self'") && 'CSP form-action',
          !csp.includes("object-src 'none'") && 'CSP object-src',
          !csp.includes("base-uri 'self'") && 'CSP base-uri',
          headers.get('x-content-type-options') !== 'nosniff' && 'X-Content-Type-Options',
          headers.get('referrer-policy') !== 'no-referrer' && 'Referrer-Policy',
          headers.get('x-frame-options') !== 'SAMEORIGIN' && 'X-Frame-Options',
          headers.get('cross-origin-opener-policy') !== 'same-origin' && 'Cross-Origin-Opener-Policy',
          headers.get('x-powered-by') !== null && 'X-Powered-By is sent',
          ...headers.getSetCookie().filter((c) => !/; HttpOnly/i.test(c) || !/; SameSite=Lax/i.test(c)).map((c) => `a cookie without HttpOnly and SameSite: ${c.split('=')[0]}`),
        ].filter(Boolean);
        if (problems.length) missing.push(`${kind}: ${problems.join(', ')}`);
      }
      expect(missing).toEqual([]);
    });

    it('add HSTS and secure cookies behind HTTPS', async () => {
      const app = createApp({ orm: stack.orm, policy: await compressedPolicy(), temporal: stack.temporal, links: testLinks, bodyLimit: '100kb', log: () => undefined, auth: { secureCookies: true } });
      const secure = await serve(app);
      try {
        for (const path of ['/sign-in', '/s/status/not-a-token', '/api/volunteers', '/volunteers']) {
          const response = await fetch(`${secure.url}${path}`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
          expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({ path, hsts: expect.stringMatching(/max-age=\d+/) });
          expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
          for (const cookie of response.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/);
        }
      } finally {
        await secure.close();
      }
    });
  });

  describe('personal data', () => {
    const PERSON = { name: 'Gunnhild Særpreget', email: 'gunnhild.saerpreget@example.no', phone: '+47 912 34 999', note: 'Snakker nordsamisk flytende' };
    const CONTACT = { name: 'Kontakt Kristoffersen', email: 'kontakt.kristoffersen@tonsberg.kommune.no' };
    const MOVE_NOTE = 'Kan ikke tirsdager på grunn av dialyse';

    it('stays out of the link workflows\' IDs, search attributes and histories, and out of every log line', async () => {
      const lines: string[] = [];
      const observed = createApp({
        orm: stack.orm,
        policy: await compressedPolicy(),
        temporal: stack.temporal,
        links: testLinks,
        bodyLimit: '100kb',
        log: (line) => lines.push(line),
        logger: createLogger({ service: 'api', level: 'debug', write: (line) => lines.push(line) }),
        auth: { secureCookies: false },
      });
      const app = await serve(observed);
      // Whatever else writes to the process's output while the actions run (the worker, a driver) is read too.
      const written: string[] = [];
      const [stdout, stderr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
      const capture = (original: typeof stdout) => ((chunk: unknown, ...rest: unknown[]) => {
        written.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stdout;
      process.stdout.write = capture(stdout);
      process.stderr.write = capture(stderr);
      const usedTokens: string[] = [];
      let volunteerId = '';
      try {
        const api = (method: string, path: string, body?: unknown) =>
          send(app.url, method, path, { headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        const { token: apiToken } = await stack.as({ role: 'coordinator', serviceUnitIds: [] });
        // A refused registration carries the name too.
        expect((await api('POST', '/api/volunteers', { ...volunteerBody({ name: PERSON.name, email: 'not an address' }) })).status).toBe(422);
        const registered = await api('POST', '/api/volunteers', volunteerBody({ name: PERSON.name, email: PERSON.email, phone: PERSON.phone, suitabilityNote: PERSON.note }));
        expect(registered.status).toBe(201);
        volunteerId = (JSON.parse(registered.text) as { id: string }).id;
        expect((await api('POST', `/api/volunteers/${volunteerId}/contact`, CONTACT)).status).toBe(200);
        expect((await api('POST', `/api/volunteers/${volunteerId}/steps/introductionCourse/session`, { at: new Date(Date.now() + 5 * DAY).toISOString() })).status).toBe(200);

        // The volunteer's links: the status page, a request to move the course, hours, the declaration, and a fresh link for an expired one.
        const browser = new CookieJar();
        const visit = async (path: string, fields?: Record<string, string>) => {
          const opened = await fetch(`${app.url}${path}`, { headers: { cookie: browser.header, accept: BROWSER_ACCEPT } });
          browser.take(opened);
          const html = await opened.text();
          if (!fields) return opened.status;
          const { action = path, ...values } = fields;
          const posted = await fetch(`${app.url}${action}`, {
            method: 'POST',
            headers: { cookie: browser.header, accept: BROWSER_ACCEPT },
            body: new URLSearchParams({ ...values, _csrf: csrfOf(html) }),
          });
          return posted.status;
        };
        const link = (purpose: LinkPurpose, validForMs = DAY) => {
          const token = testLinks.sign(volunteerId, purpose, validForMs);
          usedTokens.push(token);
          return linkPath(purpose, token);
        };
        expect(await visit(link('viewStatus'))).toBe(200);
        expect(await visit(link('manageCourse'), { intent: 'move', proposedTime: `${new Date().getFullYear() + 1}-03-03T18:00`, note: MOVE_NOTE })).toBe(200);
        expect(await visit(link('logHours'), { month: '2025-06', hours: '2,5' })).toBeLessThan(500);
        expect(await visit(link('acceptDeclaration'), {})).toBe(200);
        const expired = link('logHours', -DAY);
        expect(await visit(expired, { action: '/s/new-link', token: expired.slice('/s/hours/'.length), lang: 'nb' })).toBe(200);

        // The coordinator reads the volunteer's page and registers hours in the dashboard.
        const coordinator = await signedInCoordinator(stack, app);
        expect((await page(app, `/volunteers/${volunteerId}`, coordinator.cookie)).status).toBe(200);
        const hours = await fetch(`${app.url}/hours`, {
          method: 'POST',
          headers: { cookie: coordinator.cookie, accept: BROWSER_ACCEPT },
          body: new URLSearchParams({ volunteerId, month: '2025-07', hours: '4', _csrf: coordinator.csrf }),
          redirect: 'manual',
        });
        expect(hours.status).toBe(303);

        await stack.sink.waitFor((m) => sentTo(CONTACT.email)(m) && (m.subject?.startsWith('Ønsker å flytte') ?? false));
        await stack.sink.waitFor((m) => sentTo(PERSON.email)(m) && (m.subject?.startsWith('Ny lenke') ?? false));
      } finally {
        process.stdout.write = stdout;
        process.stderr.write = stderr;
        await app.close();
      }

      const moveRequest = await stack.orm.em.fork().findOneOrFail(AuditEntry, { volunteerId, action: COURSE_MOVE_REQUESTED });
      const workflows = [courseMoveRequestWorkflowId(volunteerId, moveRequest.id), linkRequestWorkflowId({ subjectId: volunteerId, purpose: 'logHours' }, osloDay(new Date()))];
      const personal = [PERSON.name, ...PERSON.name.split(' '), PERSON.email, PERSON.phone, PERSON.note, MOVE_NOTE, 'dialyse', CONTACT.name, CONTACT.email];
      for (const workflowId of workflows) {
        const description = await stack.client.workflow.getHandle(workflowId).describe();
        expect(description.status.name).toBe('COMPLETED');
        const visible = JSON.stringify({ id: description.workflowId, searchAttributes: description.searchAttributes, typed: description.typedSearchAttributes, memo: description.memo });
        const history = await historyText(stack.client, workflowId);
        for (const text of personal) {
          expect({ workflowId, text, inDescription: visible.includes(text), inHistory: history.includes(text) }).toEqual({ workflowId, text, inDescription: false, inHistory: false });
        }
      }
      const logged = [...lines, ...written, ...stack.logged].join('\n');
      expect(lines.length).toBeGreaterThan(5);
      for (const text of [...personal, ...usedTokens]) expect({ text, logged: logged.includes(text) }).toEqual({ text, logged: false });
    }, 120_000);
  });
});
