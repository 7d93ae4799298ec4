import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { randomUUID } from 'node:crypto';
import type { Access } from '../api/auth/access.ts';
import type { Operation } from '../api/openapi/operation.ts';
import { operations } from '../api/openapi/registry.ts';
import { createStaffUser, issueApiToken } from '../infra/auth/staff-accounts.ts';
import { HoursEntry } from '../infra/db/entities/index.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, volunteerBody, type Agent, type Stack } from './support/stack.ts';

/**
 * Every operation of the registry (api/openapi/registry.ts) called by every kind of principal, so a
 * new endpoint is checked for sign-in, role and unit the moment it is registered, and an endpoint
 * that is served but not registered (or the reverse) fails the last test.
 */

const UNIT_A = 'aktivitetshusene';
const UNIT_B = 'sidebygningen';
/** One evaluation per year on the shared dev server; the other tests use other years. */
const YEAR = 2012;

const PRINCIPALS = ['anonymous', 'contactB', 'managerB', 'managerA', 'officerA', 'contactA', 'coordinator'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type StaffName = Exclude<PrincipalName, 'anonymous'>;

/** Who each access rule lets through, written out rather than computed with `permits`. */
const MAY: Record<Access, StaffName[]> = {
  staff: ['contactB', 'managerB', 'managerA', 'officerA', 'contactA', 'coordinator'],
  writer: ['contactB', 'officerA', 'contactA', 'coordinator'],
  certificateOfficer: ['officerA', 'coordinator'],
  coordinator: ['coordinator'],
};
const OUTSIDERS: PrincipalName[] = ['contactB', 'managerB'];

/** Registering a volunteer in another unit is refused outright: there is nothing to hide yet. */
const REFUSED_OUTSIDE_THE_UNIT = new Set(['post /api/volunteers']);

type Expected = 'signIn' | 'forbidden' | 'hidden' | 'refused' | 'emptyList' | 'served';

const isList = (operation: Operation) => operation.method === 'get' && !operation.path.includes(':');

function expected(operation: Operation, principal: PrincipalName): Expected {
  if (operation.access === 'public') return 'served';
  if (principal === 'anonymous') return 'signIn';
  if (!MAY[operation.access].includes(principal)) return 'forbidden';
  if (!operation.unitScoped || !OUTSIDERS.includes(principal)) return 'served';
  if (REFUSED_OUTSIDE_THE_UNIT.has(`${operation.method} ${operation.path}`)) return 'refused';
  return isList(operation) ? 'emptyList' : 'hidden';
}

/** What the fixtures of one run are: all in unit A, so an outsider (unit B) must find none of them. */
interface Fixtures {
  volunteer: string;
  organisation: string;
  agreement: string;
  hoursEntry: string;
  staffUser: string;
  token: string;
}

function registered(method: Operation['method'], path: string): Operation {
  const operation = operations.find((o) => o.method === method && o.path === path);
  if (!operation) throw new Error(`${method} ${path} is not in the registry`);
  return operation;
}

/** A valid Norwegian organisation number (mod 11), different every time, as organisations are unique by it. */
function organisationNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((total, weight, i) => total + weight * digits[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

describe('role × endpoint access on sqlite', () => {
  let stack: Stack;
  let shared: Fixtures;
  const agents = {} as Record<PrincipalName, Agent>;

  /** A volunteer, an organisation with an agreement covering unit A, a pending hours entry there, and a staff account with a token. */
  async function createFixtures(): Promise<Fixtures> {
    const volunteer = (await stack.api.post('/api/volunteers').send(volunteerBody({ serviceUnitId: UNIT_A })).expect(201)).body.id as string;
    const organisationExample = registered('post', '/api/organisations').example as Record<string, unknown>;
    const organisation = (await stack.api.post('/api/organisations').send({ ...organisationExample, organisationNumber: organisationNumber() }).expect(201)).body.id as string;
    const agreementExample = registered('post', '/api/agreements').example as Record<string, unknown>;
    const agreement = (await stack.api.post('/api/agreements').send({ ...agreementExample, organisationId: organisation, serviceUnitIds: [UNIT_A] }).expect(201)).body.id as string;
    const em = stack.orm.em.fork();
    const entry = em.create(HoursEntry, {
      volunteerId: volunteer,
      serviceUnitId: UNIT_A,
      activityTypeId: 'besoksvenn',
      month: '2025-06',
      hours: 3,
      status: 'pending',
      source: 'volunteer',
      enteredBy: `volunteer:${volunteer}`,
      approvedBy: null,
    });
    await em.flush();
    const { user } = await createStaffUser(em, { email: `fixture.${randomUUID().slice(0, 8)}@test.no`, name: 'Fixture Contact', role: 'contact', serviceUnitIds: [UNIT_A], password: null });
    const { record } = await issueApiToken(em, user.id, 'fixture');
    return { volunteer, organisation, agreement, hoursEntry: String(entry.id), staffUser: user.id, token: record.id };
  }

  /** The path with its parameters filled in: `:id` is the fixture of the collection it follows. */
  function urlOf(operation: Operation, fixtures: Fixtures): string {
    const byCollection: Record<string, string> = {
      volunteers: fixtures.volunteer,
      organisations: fixtures.organisation,
      agreements: fixtures.agreement,
      hours: fixtures.hoursEntry,
      staff: fixtures.staffUser,
    };
    const byName: Record<string, string> = { step: 'introductionCourse', year: String(YEAR), tokenId: fixtures.token };
    const segments = operation.path.split('/');
    return segments
      .map((segment, i) => {
        if (!segment.startsWith(':')) return segment;
        const value = segment === ':id' ? byCollection[segments[i - 1]!] : byName[segment.slice(1)];
        if (!value) throw new Error(`No fixture for ${segment} in ${operation.path}; add one to this test.`);
        return value;
      })
      .join('/');
  }

  /** The registry's example with the fixtures' IDs (and the test's year) put in. */
  function bodyOf(operation: Operation, fixtures: Fixtures): unknown {
    const example = operation.example ?? {};
    if (typeof example !== 'object' || example === null) return example;
    const ids: Record<string, unknown> = { volunteerId: fixtures.volunteer, organisationId: fixtures.organisation, year: YEAR };
    return Object.fromEntries(Object.entries(example).map(([key, value]) => [key, key in ids ? ids[key] : value]));
  }

  function call(operation: Operation, principal: PrincipalName, fixtures: Fixtures) {
    const request = agents[principal][operation.method](urlOf(operation, fixtures));
    if (operation.method === 'get') return request;
    if (operation.bodyMediaType) return request.set('Content-Type', operation.bodyMediaType).send(String(operation.example));
    return request.send(bodyOf(operation, fixtures) as object);
  }

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy());
    agents.anonymous = supertest.agent(stack.app);
    agents.coordinator = stack.api;
    agents.contactA = (await stack.as({ role: 'contact', serviceUnitIds: [UNIT_A] })).api;
    agents.contactB = (await stack.as({ role: 'contact', serviceUnitIds: [UNIT_B] })).api;
    agents.managerA = (await stack.as({ role: 'unitManager', serviceUnitIds: [UNIT_A] })).api;
    agents.managerB = (await stack.as({ role: 'unitManager', serviceUnitIds: [UNIT_B] })).api;
    agents.officerA = (await stack.as({ role: 'contact', serviceUnitIds: [UNIT_A], certificateOfficer: true })).api;
    await stack.api.post('/api/evaluations').send({ year: YEAR }).expect(202);
    shared = await createFixtures();
  }, 120_000);
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));

  describe.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))('%s', (_name, operation) => {
    it.each(PRINCIPALS)('as %s', async (principal) => {
      const expectation = expected(operation, principal);
      // Whoever may change something gets fixtures of their own, so what one principal did (withdraw, revoke…) never decides what the next gets.
      const fixtures = expectation === 'served' && operation.method !== 'get' ? await createFixtures() : shared;
      const response = await call(operation, principal, fixtures);
      const error = response.body?.error as { code?: string; message?: string } | undefined;
      const seen = { status: response.status, code: error?.code, message: error?.message };
      switch (expectation) {
        case 'signIn':
          expect(seen).toMatchObject({ status: 401, code: 'SignInRequired' });
          break;
        case 'forbidden':
        case 'refused':
          expect(seen).toMatchObject({ status: 403, code: 'NotAllowed' });
          break;
        case 'hidden':
          // Another unit's data is 404 as if it did not exist, and not the 404 of a route that does not exist.
          expect(seen).toMatchObject({ status: 404, code: 'NotFound', message: expect.not.stringMatching(/^There is no /) });
          break;
        case 'emptyList':
          expect(seen).toMatchObject({ status: 200 });
          expect(response.body.items).toEqual([]);
          break;
        case 'served': {
          // A state the action does not fit (409) or a domain rule (422) is an answer; a schema failure would mean a wrong example.
          const answered =
            (seen.status >= 200 && seen.status < 300) ||
            seen.status === 409 ||
            (seen.status === 422 && seen.code !== 'ValidationFailed') ||
            // Unknown to the operation (e.g. an email not asked) but not hidden by unit.
            (seen.status === 404 && !operation.unitScoped && 404 in operation.responses && !seen.message?.startsWith('There is no '));
          expect({ ...seen, answered }).toMatchObject({ answered: true });
          if (isList(operation) && operation.unitScoped) expect(response.body.items.length).toBeGreaterThan(0);
          break;
        }
      }
    }, 60_000);
  });

  it('serves exactly the registered operations under /api', async () => {
    const served = routesOf(stack.app.router.stack as Layer[], '').filter((route) => /^\w+ \/api(\/|$)/.test(route));
    expect(served.sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    const unknown = await stack.api.get('/api/no-such-thing').expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'NotFound', message: 'There is no GET /api/no-such-thing.' });
  });
});

/** The parts of Express 5's router layers (router 2.x) that tell which routes it serves. */
interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `method path` the router stack serves, descending into mounted routers. */
function routesOf(stack: Layer[], prefix: string): string[] {
  return stack.flatMap((layer) => {
    const path = layer.rawPath === '/' || layer.rawPath === undefined ? '' : layer.rawPath;
    if (layer.route) {
      const full = (prefix + layer.route.path).replace(/(.)\/$/, '$1');
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((method) => `${method} ${full}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack, prefix + path) : [];
  });
}
