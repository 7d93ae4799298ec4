import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import type { Access } from '../api/auth/access.ts';
import type { Operation } from '../api/openapi/operation.ts';
import { operations } from '../api/openapi/registry.ts';
import { createApiFixtures, exampleBodyOf, fixtureNeeds, routesOf, urlOf, type ApiFixtures, type Layer } from './support/api-fixtures.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Agent, type Stack } from './support/stack.ts';

/**
 * Every operation of the registry (api/openapi/registry.ts) called by every kind of principal, so a
 * new endpoint is checked for sign-in, role and unit the moment it is registered, and an endpoint
 * that is served but not registered (or the reverse) fails the last test.
 */

const UNIT_A = 'aktivitetshusene';
const UNIT_B = 'sidebygningen';
/** One evaluation per year on the shared dev server; the other tests use other years. */
const YEAR = 2013;

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

describe('role × endpoint access on sqlite', () => {
  let stack: Stack;
  let shared: ApiFixtures;
  const agents = {} as Record<PrincipalName, Agent>;

  /** All in unit A, so an outsider (unit B) must find none of them. */
  const createFixtures = (path?: string) => createApiFixtures(stack, UNIT_A, YEAR, path === undefined ? undefined : fixtureNeeds(path));

  function call(operation: Operation, principal: PrincipalName, fixtures: ApiFixtures) {
    const request = agents[principal][operation.method](urlOf(operation, fixtures));
    if (operation.method === 'get') return request;
    if (operation.bodyMediaType) return request.set('Content-Type', operation.bodyMediaType).send(String(operation.example));
    return request.send(exampleBodyOf(operation, fixtures) as object);
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
      const fixtures = expectation === 'served' && operation.method !== 'get' ? await createFixtures(operation.path) : shared;
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
