import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { accessInWords } from './access-words.ts';
import type { Operation } from './operation.ts';

/** A JSON Schema, or `true`/`false` (anything / nothing) where one nests. */
export type JsonSchema = z.core.JSONSchema._JSONSchema;
type JsonObject = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * The JSON Schema of what a client sends, not of what the handler gets after parsing: a field with a
 * default may be left out, a transform shows the text it reads, a coerced number the number it accepts.
 */
export function requestSchema(schema: z.ZodType): z.core.JSONSchema.JSONSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', override: keepPipedFormat });
  return json;
}

/** `z.string().trim().pipe(z.email())` would read as any text; the client should see the format it must have. */
function keepPipedFormat({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const def = zodSchema._zod.def;
  if (def.type === 'pipe' && jsonSchema.type === 'string' && 'format' in def.out._zod.def) jsonSchema.format = String(def.out._zod.def.format);
}

/** `/api/volunteers/:id` → `/api/volunteers/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
}

/** A stable, readable operation id: `post /api/volunteers/:id/pause` → `postVolunteersIdPause`. */
export function operationId(operation: Pick<Operation, 'method' | 'path'>): string {
  const words = operation.path.replace(/^\/api\//, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return operation.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The properties of an object schema with whether each is required, in declaration order. */
export function propertiesOf(schema: JsonSchema): { name: string; schema: JsonSchema; required: boolean }[] {
  if (typeof schema === 'boolean' || !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => ({ name, schema: property, required: required.has(name) }));
}

/** Moves a schema's description onto the parameter, where OpenAPI tools show it. */
function parameter(name: string, where: 'path' | 'query' | 'header', schema: JsonSchema, required: boolean): JsonObject {
  const { description, ...rest } = typeof schema === 'boolean' ? { description: undefined } : schema;
  return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
}

function parameters(operation: Operation): JsonObject[] {
  const pathSchemas = operation.params ? propertiesOf(requestSchema(operation.params)) : [];
  const path = pathParameterNames(operation.path).map((name) =>
    parameter(name, 'path', pathSchemas.find((p) => p.name === name)?.schema ?? { type: 'string' }, true),
  );
  const query = operation.query ? propertiesOf(requestSchema(operation.query)).map((p) => parameter(p.name, 'query', p.schema, p.required)) : [];
  const headers = operation.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [];
  return [...path, ...query, ...headers];
}

/** A CSV body's columns, named from the schema of one row. */
export function csvColumns(row: JsonSchema): string {
  const columns = propertiesOf(row);
  const required = columns.filter((c) => c.required).map((c) => c.name);
  const optional = columns.filter((c) => !c.required).map((c) => c.name);
  return `A CSV file with a header row naming the columns ${required.join(', ')}${optional.length ? ` (and optionally ${optional.join(', ')})` : ''}; one row per entry.`;
}

function requestBody(operation: Operation): JsonObject | undefined {
  if (!operation.body) return undefined;
  const example = operation.example === undefined ? {} : { example: operation.example };
  if (operation.bodyMediaType && operation.bodyMediaType !== 'application/json') {
    return {
      required: true,
      description: csvColumns(requestSchema(operation.body)),
      content: { [operation.bodyMediaType]: { schema: { type: 'string' }, ...example } },
    };
  }
  // Handlers read a missing body as `{}`, so a body is required only when `{}` is not enough.
  return {
    required: !operation.body.safeParse({}).success,
    content: { 'application/json': { schema: requestSchema(operation.body), ...example } },
  };
}

/** The error statuses an operation answers because of its access rule, path and input, beside those it names. */
export function impliedErrors(operation: Operation): number[] {
  const statuses: number[] = [];
  if (operation.access !== 'public') statuses.push(401);
  if (operation.access !== 'public' && operation.access !== 'staff') statuses.push(403);
  if (pathParameterNames(operation.path).length) statuses.push(404);
  if (operation.body || operation.query) statuses.push(422);
  if (operation.method !== 'get') statuses.push(415);
  return statuses;
}

/** The errors an access rule, a path or an input implies, in both languages: the document uses the English, /api/docs either. */
export const STANDARD_ERRORS: Record<number, { name: string; nb: string; en: string }> = {
  401: {
    name: 'SignInRequired',
    nb: 'Ikke innlogget: logg inn, eller send `Authorization: Bearer <token>`.',
    en: 'No valid API token or session: sign in, or send `Authorization: Bearer <token>`.',
  },
  403: { name: 'NotAllowed', nb: 'Rollen din har ikke lov til dette.', en: 'Your role may not do this.' },
  404: {
    name: 'NotFound',
    nb: 'Ingenting med denne ID-en, eller det hører til en enhet du ikke arbeider i.',
    en: 'Nothing with this ID, or it belongs to a unit you do not work in.',
  },
  422: {
    name: 'ValidationFailed',
    nb: 'Noe mangler eller er ugyldig; `error.fields` sier hvilket felt og hva som er galt.',
    en: 'Some input is missing or invalid; `error.fields` names each field and what is wrong.',
  },
  415: {
    name: 'UnsupportedMediaType',
    nb: 'Innholdet er ikke sendt som JSON (`Content-Type: application/json`).',
    en: 'The body is not sent as JSON (`Content-Type: application/json`).',
  },
};

function responses(operation: Operation): JsonObject {
  const answers: JsonObject = {};
  for (const status of impliedErrors(operation)) answers[status] = { $ref: `#/components/responses/${STANDARD_ERRORS[status]!.name}` };
  for (const [status, description] of Object.entries(operation.responses)) {
    answers[status] = Number(status) >= 400 ? { description, content: { 'application/json': { schema: ERROR_REF } } } : { description };
  }
  return Object.fromEntries(Object.entries(answers).sort(([a], [b]) => Number(a) - Number(b)));
}

function operationObject(operation: Operation): JsonObject {
  const body = requestBody(operation);
  const params = parameters(operation);
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    description: `Who may call it: ${accessInWords(operation)}`,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(operation),
    ...(operation.access === 'public' ? { security: [] } : {}),
  };
}

const errorBody = requestSchema(
  z.object({
    error: z.object({
      status: z.int().describe('The HTTP status again.'),
      code: z.string().describe('A stable name of the problem, e.g. `ValidationFailed` or `LifecycleNotRunning`.'),
      message: z.string().describe('What went wrong and what to do, written for a person.'),
      fields: z
        .array(z.object({ field: z.string().describe('The field, dotted for nested ones, e.g. `contact.email`.'), message: z.string() }))
        .optional()
        .describe('For invalid input: each field that is wrong.'),
    }),
  }),
);

/** The OpenAPI 3.1 document of the given operations: one error body, two ways to sign in. */
export function openApiDocument(operations: readonly Operation[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) {
    const path = (paths[openApiPath(operation.path)] ??= {});
    path[operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Samspill API',
      // The contract's own version: raise it when a change breaks clients.
      version: '1',
      description:
        'The municipality\'s work with volunteers: registration and onboarding, cooperation agreements, hours and the annual evaluation. ' +
        'Every error answers the same body (`Error`). Requests signed in with a session cookie must send the session\'s CSRF token as the `X-CSRF-Token` header ' +
        'when they change something; requests with an API token need none.',
    },
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    security: [{ apiToken: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token the coordinator issues for a staff account (`POST /api/staff/{id}/tokens`, or `npm run staff -- token <email>`).' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The browser session after signing in at /sign-in.' },
      },
      schemas: { Error: errorBody },
      parameters: {
        IdempotencyKey: {
          ...parameter('Idempotency-Key', 'header', requestSchema(idempotencyKeyHeader), false),
          description: 'Any unique text; a retry with the same key answers like the first request instead of acting twice.',
        },
      },
      responses: Object.fromEntries(
        Object.values(STANDARD_ERRORS).map(({ name, en }) => [name, { description: en, content: { 'application/json': { schema: ERROR_REF } } }]),
      ),
    },
  };
}
