import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import fc, { type Arbitrary } from 'fast-check';
import { operations } from '../api/openapi/registry.ts';
import { createStaffUser } from '../infra/auth/staff-accounts.ts';
import { createApiFixtures, fillPath, fixtureNeeds, fixtureParams, type ApiFixtures } from './support/api-fixtures.ts';
import { assertProperty, pageAnswerProblems, serve, type Answer, type Served } from './support/fuzz-answers.ts';
import { CookieJar, formRoutes, formsIn, linkFormTokens, routeOf, type FoundForm } from './support/fuzz-forms.ts';
import { leafPaths, trickySegment, trickyString } from './support/fuzz-inputs.ts';
import { compressedPolicy } from './support/policy.ts';
import { signInOverHttp } from './support/sign-in.ts';
import { csrfOf } from './support/staff-session.ts';
import { startStack, testLinks, type Stack } from './support/stack.ts';
import { today } from './support/volunteer-api.ts';

/**
 * Every form the app serves (its POST routes outside /api, found in the router), sent generated
 * field values as a browser would (urlencoded, with the session or the link page's CSRF token):
 * never a 5xx, always a page or a redirect within Samspill, and a refused form shown again with its problems.
 */

const UNIT = 'aktivitetshusene';
/** The evaluation this file starts; one per year on the shared Temporal server, so no other test file uses it. */
const YEAR = 2017;
/** Per form, each CI run with a new seed, so the inputs tried add up across runs. */
const RUNS = 15;
const DAY = 86_400_000;
const PASSWORD = 'et langt passord for skjematesten';

/** What a browser asks for when it sends a form: a page, so errors come as pages too. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Signing out ends the session the other forms are sent with; its CSRF check is in test/security.test.ts. */
const NOT_FUZZED = new Set(['/sign-out']);

/** Forms the crawled pages show only in a later state (a report made), by the API operation that takes the same fields. */
const MIRRORS: Record<string, string> = { '/evaluations/:year/sent': '/api/evaluations/:year/report/sent' };

/** What a refused form shows: the dashboard's error summary, or a link page titled «Feil:» / «Error:». */
const showsProblems = (html: string) => html.includes('class="error-summary"') || /<title>(Feil|Error): /.test(html);

/** Values worth offering any field beside tricky text: dates, times, choices and IDs in the form Samspill expects. */
function plausibleValues(fixtures: ApiFixtures): string[] {
  return [today(), '2025-06', '2025-06-15', `${new Date().getFullYear() + 1}-05-04T18:00`, '2,5', '12', 'approved', 'notApproved', 'on', 'true', 'yes', 'nb', 'en', UNIT, 'besoksvenn', fixtures.volunteer, fixtures.organisation, 'revised', 'continued', 'terminated', 'confirm', 'move', 'coordinator', 'contact'];
}

describe('fuzzing every form on sqlite', () => {
  let stack: Stack;
  let served: Served;
  let shared: ApiFixtures;
  let session: { cookie: string; csrf: string };
  const anonymous = new CookieJar();
  let anonymousCsrf = '';
  /** The self-service tokens, by the route they open. */
  const tokens: Record<string, string> = {};
  /** Every field each form route was seen with, and whether it uploads a file. */
  const fieldsByRoute = new Map<string, { fields: Map<string, Set<string>>; multipart: boolean }>();
  let routes: string[] = [];

  const signedIn = (route: string) => !route.startsWith('/s/') && route !== '/s' && route !== '/sign-in' && !route.startsWith('/bli-frivillig');

  async function get(path: string, jar: CookieJar): Promise<string> {
    const response = await fetch(`${served.url}${path}`, { headers: { cookie: jar.header, accept: BROWSER_ACCEPT }, redirect: 'manual' });
    jar.take(response);
    return response.text();
  }

  /** Opens each page that holds a form, and keeps the forms' fields by the route they post to. */
  async function crawl(pages: string[], jar: CookieJar) {
    for (const page of pages) {
      for (const form of formsIn(await get(page, jar), page)) remember(form);
    }
  }

  function remember(form: FoundForm) {
    const found = routeOf(routes, form.action);
    if (!found) throw new Error(`A form posts to ${form.action}, which no POST route serves`);
    const known = fieldsByRoute.get(found.route) ?? { fields: new Map<string, Set<string>>(), multipart: false };
    for (const [name, values] of form.fields) known.fields.set(name, new Set([...(known.fields.get(name) ?? []), ...values]));
    known.multipart ||= form.multipart;
    fieldsByRoute.set(found.route, known);
  }

  /** The fields of a route: those its forms showed, and those of the API operation it mirrors (`/volunteers/:id/contact` ↔ `/api/volunteers/:id/contact`). */
  function fieldsOf(route: string): Map<string, Set<string>> {
    const fields = new Map(fieldsByRoute.get(route)?.fields ?? []);
    const mirrored = operations.find((o) => o.path === (MIRRORS[route] ?? `/api${route}`) && o.method !== 'get');
    for (const path of leafPaths(mirrored?.body)) if (!fields.has(path.join('.'))) fields.set(path.join('.'), new Set());
    return fields;
  }

  function formValues(route: string, fixtures: ApiFixtures): Arbitrary<[string, string][]> {
    const plausible = plausibleValues(fixtures);
    const entries = [...fieldsOf(route)].map(([name, seen]) => {
      const value = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seen, ...plausible) }, { weight: 2, arbitrary: trickyString });
      // A field left out, sent once, or sent twice (as checkboxes are).
      return fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 6, arbitrary: value.map((v) => [[name, v]]) }, { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => [[name, a], [name, b]]) });
    });
    const extra = fc.array(fc.tuple(fc.oneof(trickyString, fc.constantFrom('__proto__', 'constructor', 'actor', 'id', 'role')), trickyString), { maxLength: 2 });
    return fc.tuple(fc.tuple(...entries), extra).map(([fields, more]) => [...(fields as [string, string][][]).flat(), ...more] as [string, string][]);
  }

  /** The route's path: its fixtures, or now and then a tricky segment in place of one of them. */
  function pathOf(route: string, fixtures: ApiFixtures): Arbitrary<string> {
    const params = fixtureParams(route, fixtures, { token: tokens[route] ?? 'no-token-for-this-route' });
    const model = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, fc.oneof({ weight: 4, arbitrary: fc.constant(encodeURIComponent(value)) }, trickySegment)]));
    return fc.record(model).map((filled) => fillPath(route, filled));
  }

  async function post(route: string, path: string, fields: [string, string][]): Promise<Answer> {
    const jar = signedIn(route) ? new CookieJar(session.cookie) : anonymous;
    const csrf = signedIn(route) ? session.csrf : anonymousCsrf;
    const multipart = fieldsByRoute.get(route)?.multipart ?? false;
    let body: URLSearchParams | FormData;
    if (multipart) {
      body = new FormData();
      for (const [name, value] of fields) {
        if (name === 'file') body.append(name, new Blob([value]), 'timer.csv');
        else body.append(name.toWellFormed(), value.toWellFormed());
      }
    } else {
      body = new URLSearchParams([...fields.map(([name, value]): [string, string] => [name.toWellFormed(), value.toWellFormed()]), ['_csrf', csrf]]);
    }
    const url = multipart ? `${path}?_csrf=${encodeURIComponent(csrf)}` : path;
    const response = await fetch(`${served.url}${url}`, { method: 'POST', headers: { cookie: jar.header, accept: BROWSER_ACCEPT }, body, redirect: 'manual' });
    const text = await response.text();
    return {
      request: `POST ${url.slice(0, 200)} ${new URLSearchParams(fields).toString().slice(0, 300)}`,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      location: response.headers.get('location'),
      text,
    };
  }

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy());
    served = await serve(stack.app);
    routes = formRoutes(stack.app);
    const email = 'skjema.koordinator@kommune.no';
    await createStaffUser(stack.orm.em.fork(), { email, name: 'Skjema Koordinator', role: 'coordinator', serviceUnitIds: [], password: PASSWORD });
    session = await signInOverHttp(served.url, email, PASSWORD);

    await stack.api.post('/api/evaluations').send({ year: YEAR }).expect(202);
    shared = await createApiFixtures(stack, UNIT, YEAR);
    Object.assign(tokens, await linkFormTokens(stack, shared));
    const expired = testLinks.sign(shared.volunteer, 'viewStatus', -DAY);

    const sessionJar = new CookieJar(session.cookie);
    const { volunteer, organisation, agreement, staffUser } = shared;
    await crawl(
      [
        '/volunteers', '/volunteers/new', `/volunteers/${volunteer}`, `/volunteers/${volunteer}/privacy`, '/organisations/new', `/organisations/${organisation}`,
        '/agreements/new', `/agreements/${agreement}`, '/staff/new', `/staff/${staffUser}`, '/account', '/hours', '/hours/new', '/hours/imports/new', '/hours/history',
        '/evaluations', `/evaluations/${YEAR}`, `/applications/${shared.application}`,
      ],
      sessionJar,
    );
    const linkPages = ['/s/:token', '/s/hours/:token', '/s/course/:token', '/s/review/:token', '/s/evaluation/:token', '/s/meeting/:token', '/s/check-in/:token', '/s/application/:token'].map((route) => fillPath(route, { token: tokens[route]! }));
    await crawl(['/sign-in', '/bli-frivillig/besoksvenn', ...linkPages, `/s/status/${expired}`], anonymous);
    anonymousCsrf = csrfOf(await get('/sign-in', anonymous));
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await stack?.close();
  });
  afterEach(() => {
    expect(stack.logged.splice(0)).toEqual([]);
  });

  it('finds a form for the routes it fuzzes, and fuzzes every POST route but signing out', () => {
    expect(routes.length).toBeGreaterThan(30);
    const withoutFields = routes.filter((route) => !NOT_FUZZED.has(route) && !fieldsByRoute.has(route) && fieldsOf(route).size === 0);
    // Forms with no field but the CSRF token (confirmations such as «pause») are found on the crawled pages or need none.
    expect(withoutFields.filter((route) => !/\/(pause|resume|withdraw|end|close|cancel|approve|enable|disable|password|revoke|unlink|review\/start)$/.test(route))).toEqual([]);
  });

  // Signing in last: its failures count towards the limiter of the whole app.
  const order = (route: string) => (route === '/sign-in' ? 1 : 0);

  it('answers generated fields on every form with a page or a redirect within Samspill, never a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !NOT_FUZZED.has(r)).sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
      // Dashboard forms that change something get fixtures of their own, so one route's runs never decide what the next finds.
      const fixtures = signedIn(route) ? await createApiFixtures(stack, UNIT, YEAR, fixtureNeeds(route)) : shared;
      try {
        await assertProperty(
          fc.asyncProperty(pathOf(route, fixtures), formValues(route, fixtures), async (path, fields) => {
            const answer = await post(route, path, fields);
            const problems = [...pageAnswerProblems(answer, showsProblems), ...stack.logged.splice(0).map((line) => line.slice(0, 400))];
            if (problems.length) throw new Error(`${answer.request}\n${problems.join('\n')}`);
          }),
          RUNS,
        );
      } catch (error) {
        failures.push(`POST ${route}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
