import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';
import { kickoffBody } from '../api/evaluation/schemas.ts';
import type { Operation } from '../api/openapi/operation.ts';
import { operations } from '../api/openapi/registry.ts';
import { createApiFixtures, exampleBodyOf, fillPath, fixtureNeeds, fixtureParams, type ApiFixtures } from './support/api-fixtures.ts';
import { apiAnswerProblems, assertProperty, send, serve, type Answer, type Served } from './support/fuzz-answers.ts';
import { keysOf, leafPaths, shapedLike, spoiled, trickyQuery, trickySegment, trickyString, trickyValue, withPath } from './support/fuzz-inputs.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Stack } from './support/stack.ts';

/**
 * Every operation of the registry that takes a body, a query or path parameters, sent generated bad
 * input (fast-check): whatever comes, the answer is never a 5xx, every refusal is the documented
 * error body with a message for each field, and nothing is logged as an unexpected error.
 */

const UNIT = 'aktivitetshusene';
/** The evaluations this file starts; one per year on the shared Temporal server, so no other test file uses these. */
const YEARS = { sqlite: 2030, postgresql: 2031 } as const;
/**
 * Runs per operation: over a thousand in all, each CI run with a new seed, so the inputs tried add
 * up across runs while CI keeps its margin. Fewer on PostgreSQL, which is there for what only it
 * refuses (text longer than its column, NUL).
 */
const RUNS = { sqlite: 10, postgresql: 5 } as const;

const fuzzed = operations.filter((o) => o.body || o.query || o.params || o.bodyMediaType);

interface Generated {
  path: string;
  query: string;
  /** A JSON value, or the text of a CSV file; undefined sends no body. */
  body?: unknown;
  contentType?: string;
  idempotencyKey?: string | null;
}

/** The operation's path parameters: mostly the fixtures, else a tricky segment (markup, SQL, a broken %-escape, `..`). */
function paramsOf(operation: Operation, fixtures: ApiFixtures): Arbitrary<Record<string, string>> {
  const model = Object.fromEntries(
    Object.entries(fixtureParams(operation.path, fixtures)).map(([name, value]) => [name, fc.oneof({ weight: 2, arbitrary: fc.constant(value) }, trickySegment)]),
  );
  return fc.record(model);
}

/** A CSV file as spreadsheets write them, and as they do not: the columns in any order, tricky cells, stray quotes. */
function csvFile(fixtures: ApiFixtures): Arbitrary<string> {
  const cell = fc.oneof(trickyString, fc.constantFrom(fixtures.volunteer, '2025-06', '12,5', '2.25', UNIT, 'besoksvenn', '"', '""', '"a;b"', ''));
  const header = fc.shuffledSubarray(['volunteerId', 'month', 'hours', 'serviceUnitId', 'activityTypeId', 'Volunteer ID', 'extra', '"hours"'], { minLength: 1 });
  const table = fc
    .tuple(fc.constantFrom(';', ','), header, fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
    .map(([separator, columns, rows, newline, bom]) => `${bom ? '\uFEFF' : ''}${[columns, ...rows].map((row) => row.join(separator)).join(newline)}`);
  return fc.oneof({ weight: 4, arbitrary: table }, trickyString);
}

function bodyOf(operation: Operation, fixtures: ApiFixtures): Arbitrary<unknown> {
  if (operation.bodyMediaType) return csvFile(fixtures);
  if (!operation.body) return fc.oneof(fc.constant(undefined), trickyValue);
  const example = exampleBodyOf(operation, fixtures);
  return fc.oneof(trickyValue, fc.jsonValue(), shapedLike(operation.body), { weight: 3, arbitrary: spoiled(example) });
}

/**
 * A valid kickoff starts that year's evaluation on the Temporal server every test shares, where
 * another test file may own the year: only this file's year is started.
 */
function ownYearOnly(operation: Operation, body: unknown, year: number): unknown {
  const startsAnEvaluation = operation.method === 'post' && operation.path === '/api/evaluations' && kickoffBody.safeParse(body).success;
  return startsAnEvaluation ? { year } : body;
}

function requests(operation: Operation, fixtures: ApiFixtures): Arbitrary<Generated> {
  const csvType = fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'text/csv; charset=latin1', 'text/csv; charset=x-unknown');
  return fc.record({
    path: paramsOf(operation, fixtures).map((params) => fillPath(operation.path, params)),
    query: operation.query ? trickyQuery(keysOf(operation.query)) : fc.constant(''),
    body: operation.method === 'get' ? fc.constant(undefined) : bodyOf(operation, fixtures).map((body) => ownYearOnly(operation, body, fixtures.year)),
    contentType: operation.bodyMediaType ? csvType : fc.constant('application/json'),
    idempotencyKey: operation.idempotencyKey ? fc.option(fc.oneof(fc.stringMatching(/^[!-~]{0,40}$/), fc.constant('k'.repeat(300)))) : fc.constant(null),
  });
}

/** Valid as an address, and longer than the 254 characters an address can have. */
const LONG_EMAIL = `${'a'.repeat(64)}@${['b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.')}.no`;

/**
 * The example with one text field at a time at its longest: an email address over the 254 characters
 * an address can have, else thousands of characters; every field of the schema, not only the example's.
 */
function lengthened(example: unknown, schema: z.ZodType): unknown[] {
  return leafPaths(schema).flatMap((path) => {
    const longs = /email/i.test(path.at(-1)!) ? [LONG_EMAIL, `${'ø'.repeat(30)}@example.no`] : ['ø'.repeat(5_000), '🌿'.repeat(300), 'x'.repeat(201)];
    return longs.map((long) => withPath(example, path, long));
  });
}

describe.each(DIALECTS)('fuzzing every API operation on %s', (dialect) => {
  const YEAR = YEARS[dialect];
  let stack: Stack;
  let served: Served;
  let token: string;
  let shared: ApiFixtures;

  const call = (generated: Generated, method: string): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (generated.body !== undefined) {
      headers['content-type'] = generated.contentType ?? 'application/json';
      body = typeof generated.body === 'string' && generated.contentType?.startsWith('text/csv') ? generated.body : JSON.stringify(generated.body);
    }
    if (generated.idempotencyKey) headers['idempotency-key'] = generated.idempotencyKey;
    return send(served.url, method, `${generated.path}${generated.query ? `?${generated.query}` : ''}`, { headers, ...(body === undefined ? {} : { body }) });
  };

  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
    served = await serve(stack.app);
    token = (await stack.as({ role: 'coordinator', serviceUnitIds: [] })).token;
    await stack.api.post('/api/evaluations').send({ year: YEAR }).expect(202);
    shared = await createApiFixtures(stack, UNIT, YEAR);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await stack?.close();
  });
  afterEach(() => {
    expect(stack.logged.splice(0)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(fuzzed.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))('%s answers generated input with a 2xx or a documented 4xx', async (_name, operation) => {
    // What changes something gets fixtures of its own, so one operation's runs never decide what the next finds.
    const fixtures = operation.method === 'get' ? shared : await createApiFixtures(stack, UNIT, YEAR, fixtureNeeds(operation.path));
    await assertProperty(
      fc.asyncProperty(requests(operation, fixtures), async (generated) => {
        const answer = await call(generated, operation.method.toUpperCase());
        const problems = [...apiAnswerProblems(answer), ...stack.logged.splice(0).map((line) => line.slice(0, 400))];
        if (problems.length) throw new Error(`${answer.request.slice(0, 300)}\n${problems.join('\n')}`);
      }),
      RUNS[dialect],
    );
  }, 120_000);

  const withBodies = operations.filter((o) => o.method !== 'get');

  it('stores or refuses every text field at its longest, in every database', async () => {
    const failures: string[] = [];
    for (const operation of withBodies.filter((o) => o.body && !o.bodyMediaType)) {
      const fixtures = await createApiFixtures(stack, UNIT, YEAR, fixtureNeeds(operation.path));
      for (const body of lengthened(exampleBodyOf(operation, fixtures), operation.body!)) {
        const answer = await call({ path: fillPath(operation.path, fixtureParams(operation.path, fixtures)), query: '', body: ownYearOnly(operation, body, fixtures.year) }, operation.method.toUpperCase());
        const problems = [...apiAnswerProblems(answer), ...stack.logged.splice(0)];
        if (problems.length) failures.push(`${answer.request.slice(0, 200)}: ${problems.map((p) => p.slice(0, 200)).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses malformed JSON with 400, whatever the operation', async () => {
    for (const operation of withBodies.filter((o) => !o.bodyMediaType)) {
      for (const text of ['{"name":', '{name: 1}', "{'a': 1}", '[1,]', '{"a":1}}', 'NaN', '\u0000', '{"a":"\\x"}']) {
        const answer = await send(served.url, operation.method.toUpperCase(), fillPath(operation.path, fixtureParams(operation.path, shared)), {
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: text,
        });
        expect({ request: answer.request, status: answer.status, problems: apiAnswerProblems(answer) }).toEqual({ request: answer.request, status: 400, problems: [] });
        expect(JSON.parse(answer.text).error.code).toBe('MalformedJson');
      }
    }
  }, 60_000);

  it('refuses a body nested 40 000 deep with a 4xx where the operation takes a body, and ignores it where not', async () => {
    const depth = 40_000;
    for (const operation of withBodies.filter((o) => !o.bodyMediaType)) {
      for (const body of ['['.repeat(depth) + ']'.repeat(depth), `${'{"a":'.repeat(depth / 8)}1${'}'.repeat(depth / 8)}`]) {
        const answer = await send(served.url, operation.method.toUpperCase(), fillPath(operation.path, fixtureParams(operation.path, shared)), {
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        const refused = answer.status >= 400 || !operation.body;
        expect({ request: answer.request.slice(0, 100), refused, problems: apiAnswerProblems(answer) }).toEqual({ request: answer.request.slice(0, 100), refused: true, problems: [] });
      }
    }
  }, 60_000);

  it('refuses bodies over the limit with 413, whatever the operation', async () => {
    for (const operation of withBodies) {
      const type = operation.bodyMediaType ?? 'application/json';
      const body = operation.bodyMediaType ? `volunteerId;month;hours\n${'x;2025-01;1\n'.repeat(200_000)}` : JSON.stringify({ name: 'ø'.repeat(120_000) });
      const answer = await send(served.url, operation.method.toUpperCase(), fillPath(operation.path, fixtureParams(operation.path, shared)), {
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
      expect({ request: answer.request, status: answer.status, problems: apiAnswerProblems(answer) }).toEqual({ request: answer.request, status: 413, problems: [] });
    }
  }, 60_000);

  it('refuses a body it cannot read as the operation\'s media type with a 4xx', async () => {
    const kinds: [string, string][] = [
      ['text/plain', 'name=Kari'],
      ['application/xml', '<volunteer><name>Kari</name></volunteer>'],
      ['application/x-www-form-urlencoded', 'name=Kari&email=kari%40example.no'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nKari\r\n--x--\r\n'],
      ['application/json; charset=utf-16', '{"a":1}'],
      ['application/octet-stream', '\u0000\u0001'],
    ];
    // Fixtures of its own: a refusal that did not refuse must not spoil the shared ones.
    const fixtures = await createApiFixtures(stack, UNIT, YEAR);
    for (const operation of withBodies) {
      for (const [type, body] of operation.bodyMediaType ? [['application/json', '{"a":1}'] as [string, string], ...kinds] : kinds) {
        const answer = await send(served.url, operation.method.toUpperCase(), fillPath(operation.path, fixtureParams(operation.path, fixtures)), {
          headers: { authorization: `Bearer ${token}`, 'content-type': type },
          body,
        });
        expect({ request: `${answer.request} as ${type}`, status: answer.status >= 400 && answer.status < 500, problems: apiAnswerProblems(answer) }).toEqual({
          request: `${answer.request} as ${type}`,
          status: true,
          problems: [],
        });
      }
    }
  }, 120_000);
});
