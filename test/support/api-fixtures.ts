import { randomUUID } from 'node:crypto';
import type { Operation } from '../../api/openapi/operation.ts';
import { operations } from '../../api/openapi/registry.ts';
import { createStaffUser, issueApiToken } from '../../infra/auth/staff-accounts.ts';
import { startApplication, updateWorkflow } from '../../api/http/temporal-calls.ts';
import { Application, HoursEntry } from '../../infra/db/entities/index.ts';
import { applicationWorkflowId, confirmApplicationUpdate } from '../../workflows/application/definitions.ts';
import { volunteerBody, type Stack } from './stack.ts';

/**
 * What the registry's operations act on, made through the API as a client would, and the URLs and
 * bodies that reach them: shared by the role × endpoint matrix and the fuzz tests.
 */

/** One of each thing an operation's path can name, all in one unit. */
export interface ApiFixtures {
  volunteer: string;
  organisation: string;
  agreement: string;
  hoursEntry: string;
  staffUser: string;
  token: string;
  /** A course session for the unit, an hour from now. */
  course: string;
  /** A network meeting for the unit's contacts, an hour from now. */
  meeting: string;
  /** A confirmed public application for the unit, waiting in the queue. */
  application: string;
  /** The year of an evaluation the test started (one per year on the shared Temporal server: each test file its own). */
  year: number;
}

export function registered(method: Operation['method'], path: string): Operation {
  const operation = operations.find((o) => o.method === method && o.path === path);
  if (!operation) throw new Error(`${method} ${path} is not in the registry`);
  return operation;
}

/** A valid Norwegian organisation number (mod 11), different every time, as organisations are unique by it. */
export function organisationNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((total, weight, i) => total + weight * digits[i]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

/** Whether a route names a course session, a meeting or an application: each is a workflow with its own mailings, so only made when needed. */
export function fixtureNeeds(path: string): { course: boolean; meeting: boolean; application: boolean } {
  return { course: /\/courses\/:id/.test(path), meeting: /\/meetings\/:id/.test(path), application: /\/applications\/:id/.test(path) };
}

/** An application as the public form leaves it, confirmed as its link would, so it waits in the unit's queue. */
export async function confirmedApplication(stack: Stack, unit: string): Promise<string> {
  const em = stack.orm.em.fork();
  const application = em.create(Application, {
    id: randomUUID(),
    name: 'Fixture Søker',
    email: `fixture.${randomUUID().slice(0, 8)}@example.no`,
    birthYear: 1990,
    activityTypeId: 'besoksvenn',
    serviceUnitIds: [unit],
    language: 'nb',
  });
  await em.flush();
  await startApplication(stack.temporal, stack.policy, application.id);
  await updateWorkflow(stack.temporal, applicationWorkflowId(application.id), confirmApplicationUpdate, { privacyNoticeVersion: stack.policy.recruitment.privacyNotice.version });
  return application.id;
}

/**
 * A volunteer, an organisation with an agreement covering `unit`, a pending hours entry there, and a
 * staff account with a token; and, unless `needs` leaves them out, a course session, a meeting and an application.
 */
export async function createApiFixtures(stack: Stack, unit: string, year: number, needs = { course: true, meeting: true, application: true }): Promise<ApiFixtures> {
  const volunteer = (await stack.api.post('/api/volunteers').send(volunteerBody({ serviceUnitId: unit })).expect(201)).body.id as string;
  const organisationExample = registered('post', '/api/organisations').example as Record<string, unknown>;
  const organisation = (await stack.api.post('/api/organisations').send({ ...organisationExample, organisationNumber: organisationNumber() }).expect(201)).body.id as string;
  const agreementExample = registered('post', '/api/agreements').example as Record<string, unknown>;
  const agreement = (await stack.api.post('/api/agreements').send({ ...agreementExample, organisationId: organisation, serviceUnitIds: [unit] }).expect(201)).body.id as string;
  const em = stack.orm.em.fork();
  const entry = em.create(HoursEntry, {
    volunteerId: volunteer,
    serviceUnitId: unit,
    activityTypeId: 'besoksvenn',
    month: '2025-06',
    hours: 3,
    status: 'pending',
    source: 'volunteer',
    enteredBy: `volunteer:${volunteer}`,
    approvedBy: null,
  });
  await em.flush();
  const { user } = await createStaffUser(em, { email: `fixture.${randomUUID().slice(0, 8)}@test.no`, name: 'Fixture Contact', role: 'contact', serviceUnitIds: [unit], password: null });
  const { record } = await issueApiToken(em, user.id, 'fixture');
  const courseExample = registered('post', '/api/courses').example as Record<string, unknown>;
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  const course = needs.course ? ((await stack.api.post('/api/courses').send({ ...courseExample, startsAt: inAnHour, serviceUnitIds: [unit] }).expect(201)).body.id as string) : '';
  const meetingExample = registered('post', '/api/meetings').example as Record<string, unknown>;
  const meeting = needs.meeting ? ((await stack.api.post('/api/meetings').send({ ...meetingExample, startsAt: inAnHour, serviceUnitIds: [unit] }).expect(201)).body.id as string) : '';
  const application = needs.application ? await confirmedApplication(stack, unit) : '';
  return { volunteer, organisation, agreement, hoursEntry: String(entry.id), staffUser: user.id, token: record.id, course, meeting, application, year };
}

/** The value of each of a path's parameters: `:id` is the fixture of the collection it follows, others by name (`more` adds to them). */
export function fixtureParams(path: string, fixtures: ApiFixtures, more: Record<string, string> = {}): Record<string, string> {
  const byCollection: Record<string, string> = {
    volunteers: fixtures.volunteer,
    organisations: fixtures.organisation,
    agreements: fixtures.agreement,
    hours: fixtures.hoursEntry,
    staff: fixtures.staffUser,
    courses: fixtures.course,
    meetings: fixtures.meeting,
    applications: fixtures.application,
  };
  const byName: Record<string, string> = { roleId: 'besoksvenn', step: 'introductionCourse', year: String(fixtures.year), tokenId: fixtures.token, volunteerId: fixtures.volunteer, ...more };
  const segments = path.split('/');
  return Object.fromEntries(
    segments.flatMap((segment, i) => {
      if (!segment.startsWith(':')) return [];
      const value = segment === ':id' ? byCollection[segments[i - 1]!] : byName[segment.slice(1)];
      if (!value) throw new Error(`No fixture for ${segment} in ${path}; add one to test/support/api-fixtures.ts.`);
      return [[segment.slice(1), value]];
    }),
  );
}

/** The path with its parameters put in, as given (encode them first). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
}

/** The path filled with the fixtures. */
export function urlOf(operation: Operation, fixtures: ApiFixtures): string {
  return fillPath(operation.path, fixtureParams(operation.path, fixtures));
}

/** The registry's example with the fixtures' IDs (and the test's year) put in. */
export function exampleBodyOf(operation: Operation, fixtures: ApiFixtures): unknown {
  const example = operation.example ?? {};
  if (typeof example !== 'object' || example === null) return example;
  const ids: Record<string, unknown> = { volunteerId: fixtures.volunteer, organisationId: fixtures.organisation, year: fixtures.year };
  return Object.fromEntries(Object.entries(example).map(([key, value]) => [key, key in ids ? ids[key] : value]));
}

/** The parts of Express 5's router layers (router 2.x) that tell which routes it serves. */
export interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `method path` the router stack serves, descending into mounted routers. */
export function routesOf(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const path = layer.rawPath === '/' || layer.rawPath === undefined ? '' : layer.rawPath;
    if (layer.route) {
      const full = (prefix + layer.route.path).replace(/(.)\/$/, '$1');
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((method) => `${method} ${full}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack, prefix + path) : [];
  });
}
