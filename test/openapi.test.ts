import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import supertest from 'supertest';
import { openApiPath, operationId, pathParameterNames, propertiesOf, requestSchema } from '../api/openapi/document.ts';
import { operations } from '../api/openapi/registry.ts';
import { compressedPolicy } from './support/policy.ts';
import { startStack, type Stack } from './support/stack.ts';

interface Response {
  $ref?: string;
  content?: Record<string, { schema: unknown }>;
}
interface Described {
  parameters?: { name: string; in: string }[];
  security?: unknown[];
  responses: Record<string, Response>;
}
/** A type, not an interface, so it passes as the validator's plain record. */
type Document = {
  paths: Record<string, Record<string, Described>>;
  components: { responses: Record<string, Response>; schemas: Record<string, any> };
};

describe('the API contract', () => {
  let stack: Stack;
  let document: Document;

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy(), { worker: false });
    document = (await supertest(stack.app).get('/api/openapi.json').expect(200).expect('Content-Type', /json/)).body;
  });
  afterAll(() => stack.close());

  it('is a valid OpenAPI 3.1 document, served to anyone', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every operation of the registry, once, with its parameters', () => {
    const ids = operations.map(operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const described = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(described.sort()).toEqual(operations.map((o) => `${o.method} ${openApiPath(o.path)}`).sort());
    for (const operation of operations) {
      const described = document.paths[openApiPath(operation.path)]![operation.method]!;
      const pathParameters = (described.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect({ operation: operationId(operation), pathParameters }).toEqual({ operation: operationId(operation), pathParameters: pathParameterNames(operation.path) });
      expect(described.security).toEqual(operation.access === 'public' ? [] : undefined);
    }
  });

  it('answers every error with the one error body, and 401 wherever a sign-in is needed', () => {
    const errorBody = (response: Response) => (response.$ref ? document.components.responses[response.$ref.split('/').pop()!]! : response);
    for (const operation of operations) {
      const { responses } = document.paths[openApiPath(operation.path)]![operation.method]!;
      expect({ operation: operationId(operation), signIn: '401' in responses }).toEqual({ operation: operationId(operation), signIn: operation.access !== 'public' });
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        expect(errorBody(response).content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(document.components.schemas.Error.properties.error.required).toEqual(['status', 'code', 'message']);
  });

  it('has an example for every body that needs one, and each example is a valid request', () => {
    for (const operation of operations.filter((o) => o.body)) {
      const body = operation.body!;
      if (operation.bodyMediaType) {
        // A CSV example names every required column in its header.
        const header = String(operation.example).split(/\r?\n/)[0]!.split(/[;,]/);
        const required = propertiesOf(requestSchema(body)).filter((p) => p.required).map((p) => p.name);
        expect(header).toEqual(expect.arrayContaining(required));
        continue;
      }
      const example = operation.example ?? {};
      const parsed = body.safeParse(example);
      expect({ operation: operationId(operation), issues: parsed.error?.issues ?? [] }).toEqual({ operation: operationId(operation), issues: [] });
    }
  });

  it('is readable as a page at /api/docs, without signing in, in both languages', async () => {
    const page = await supertest(stack.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
    expect(page.text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page.text).toContain('Samspills API');
    expect(page.text).not.toContain('<script');
    for (const operation of operations) {
      expect(page.text).toContain(`id="${operationId(operation)}"><span class="badge">${operation.method.toUpperCase()}</span> <code>${operation.path}</code>`);
    }
    const english = await supertest(stack.app).get('/api/docs?lang=en').expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Who may call it:');
    expect(english.text).toContain('<th scope="col">Field</th>');
  });
});
