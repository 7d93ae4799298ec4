import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';

/**
 * Generated bad input for the fuzz tests: text, numbers and JSON that have broken web services
 * before, objects shaped like an operation's schema with wrong values in them, and the registry's
 * examples with a field or two spoiled, so the input gets past the first check to the ones behind it.
 */

/** Text worth trying in every field: Norwegian letters, emoji, right-to-left and invisible characters, markup, SQL and number-like words. */
const TRICKY_TEXTS = [
  'Åse Ødegård-Æsøy',
  'æøå ÆØÅ',
  '🌿👩🏽‍🦰🇳🇴',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  'e\u0301',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE volunteer; --",
  "' OR '1'='1",
  '1); SELECT pg_sleep(5); --',
  '\u0000',
  '%00',
  '\r\n',
  '\\',
  '${7*7}',
  '{{7*7}}',
  '../../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '-1e308',
  '9007199254740993',
  '0x1F',
  ' ',
  '',
  'null',
  'true',
  '[]',
  '__proto__',
  'constructor',
  'toString',
] as const;

/** Keys an object may carry that the schemas never name, or that JavaScript treats specially. */
const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '_csrf', 'actor', 'id', 'phase', 'anonymisedAt', 'passwordHash', 'role'];

const trickyText = fc.constantFrom(...TRICKY_TEXTS);

/** A text long enough to find a missing length limit, below the body limit unless it is made of emoji. */
const longText = fc.tuple(fc.constantFrom('x', 'ø', '🌿', "'; --", '<b>'), fc.integer({ min: 201, max: 20_000 })).map(([unit, length]) => unit.repeat(length));

export const trickyString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: trickyText },
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates included: not valid UTF-16, still valid JSON.
  fc.string({ unit: 'binary' }),
  fc.array(trickyText, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')),
  longText,
);

const trickyNumber: Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.1, 0.001, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1985, 2012, 744.001, 12.345),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** JSON.rawJSON (Node 21+, not yet in TypeScript's es2024 lib): a value JSON.stringify writes as the given text. */
const rawJson = (text: string) => (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/** Number tokens JSON.stringify never writes: they parse to -0, Infinity, 0 or a rounded number. */
const rawNumber = fc.constantFrom('-0', '1e400', '-1e400', '1e-400', '123456789012345678901234567890', '2012.0000000000000001').map((text) => rawJson(text));

/** Objects whose keys would change Object.prototype if merged carelessly. */
const POLLUTING = [JSON.parse('{"__proto__":{"polluted":"yes"}}'), JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}')] as unknown[];

/** An array nested deeper than any schema goes. */
const deepArray = fc.integer({ min: 20, max: 2_000 }).map((depth) => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

const trickyKey = fc.oneof(fc.constantFrom(...TRICKY_KEYS), fc.string({ maxLength: 10 }));

/** An object from entries, so `__proto__` becomes an own key as JSON.parse makes it, not the prototype. */
const objectOf = (value: Arbitrary<unknown>) => fc.array(fc.tuple(trickyKey, value), { maxLength: 5 }).map((entries) => Object.fromEntries(entries) as unknown);

/** Any JSON value, biased towards the tricky ones. */
export const trickyValue: Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 4, arbitrary: trickyString },
    { weight: 2, arbitrary: trickyNumber },
    rawNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    objectOf(tie('value')),
    deepArray,
    fc.constantFrom(...POLLUTING),
  ),
})).value;

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; entries?: Record<string, string>; values?: unknown[]; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under wrappers (optional, default, pipe…), where its shape is. */
function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return unwrapped(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrapped(def.in);
  return schema;
}

/** A value of the right kind when the schema names its choices (enums, literals), so the others are reached. */
function plausible(schema: z.ZodType): Arbitrary<unknown> | undefined {
  const def = defOf(unwrapped(schema));
  if (def.type === 'enum' && def.entries) return fc.constantFrom(...Object.values(def.entries));
  if (def.type === 'literal' && def.values) return fc.constantFrom(...def.values);
  if (def.type === 'boolean') return fc.boolean();
  return undefined;
}

/** An object with the schema's keys (some left out, some added), each holding a tricky value or a plausible one. */
export function shapedLike(schema: z.ZodType, depth = 3): Arbitrary<unknown> {
  const def = defOf(unwrapped(schema));
  const fieldValue = (child: z.ZodType) => {
    const nested = depth > 0 ? shapedLike(child, depth - 1) : trickyValue;
    const choice = plausible(child);
    return choice ? fc.oneof(nested, choice) : nested;
  };
  if (def.type === 'object' && def.shape) {
    const model = Object.fromEntries(Object.entries(def.shape).map(([key, child]) => [key, fieldValue(child)]));
    return fc.tuple(fc.record(model, { requiredKeys: [] }), fc.option(objectOf(trickyValue), { freq: 4 })).map(([known, extra]) => ({ ...known, ...(extra as object) }));
  }
  if (def.type === 'array' && def.element) return fc.array(fieldValue(def.element), { maxLength: 4 });
  if (def.type === 'union' && def.options?.length) return fc.oneof(...def.options.map((option) => shapedLike(option, depth)));
  return fc.oneof(trickyValue, plausible(schema) ?? trickyValue);
}

const LEFT_OUT = Symbol('left out');

/** The value with parts of it spoiled: a field replaced by a tricky value, or left out; most stay as they were. */
export function spoiled(value: unknown): Arbitrary<unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const model = Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, fc.oneof({ weight: 6, arbitrary: spoiled(inner) }, { weight: 1, arbitrary: fc.constant(LEFT_OUT) })]),
    );
    const object = fc
      .tuple(fc.record(model), fc.option(objectOf(trickyValue), { freq: 5 }))
      .map(([fields, extra]) => ({ ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== LEFT_OUT)), ...(extra as object) }));
    return fc.oneof({ weight: 8, arbitrary: object }, { weight: 1, arbitrary: trickyValue });
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: trickyValue });
}

/**
 * Node's HTTP parser answers 431 to a request line and headers over 16 KB before the app sees them:
 * addresses stay below it.
 */
const URL_TEXT_LIMIT = 300;

const urlText = trickyString.map((text) => text.slice(0, URL_TEXT_LIMIT).toWellFormed());

/** A path segment: a tricky text percent-encoded, or an encoding that does not decode. */
export const trickySegment: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: urlText.map((text) => encodeURIComponent(text)) },
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%C0%AE%C0%AE', '..', '.', '%2e%2e', '%2F', 'null', '0', '-1', '2147483648', '1.5', '1e3', '00000000-0000-0000-0000-000000000000'),
);

/** A query string from the given keys and tricky ones, a key sometimes repeated (an array), sometimes not decodable. */
export function trickyQuery(keys: string[]): Arbitrary<string> {
  const key = fc.oneof({ weight: 3, arbitrary: keys.length ? fc.constantFrom(...keys) : trickyKey }, trickyKey);
  const pairs = fc.array(fc.tuple(key, fc.oneof(urlText, trickyNumber.map(String))), { maxLength: 6 }).map((entries) => {
    const query = new URLSearchParams();
    for (const [name, value] of entries) query.append(name.toWellFormed(), value);
    return query.toString();
  });
  return fc.oneof({ weight: 6, arbitrary: pairs }, fc.constantFrom('limit=%E0%A4%A', '%=%', 'a[b]=1&a[c]=2', 'offset=-0&limit=1e2', '&&&=', 'page=99999999999999999999'));
}

/** The keys of an object schema (none for others). */
export function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrapped(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Every leaf of an object schema as a key path, through nested objects (`['contact', 'email']`). */
export function leafPaths(schema: z.ZodType | undefined): string[][] {
  if (!schema) return [];
  const def = defOf(unwrapped(schema));
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const inner = leafPaths(child);
    return inner.length ? inner.map((path) => [key, ...path]) : [[key]];
  });
}

/** A copy of the value with `path` set, making the objects on the way. */
export function withPath(value: unknown, path: string[], leaf: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return leaf;
  const object = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { ...object, [key]: withPath(object[key], rest, leaf) };
}
