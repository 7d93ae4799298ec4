import type { Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';
import { propertiesOf, type JsonSchema } from './document.ts';

/** One row of a field table: a (dotted) field name, its type and rules in words (`code` in backticks). */
export interface FieldRow {
  name: string;
  required: boolean;
  type: string;
  rules: string[];
  description: string | undefined;
}

type Schema = Exclude<JsonSchema, boolean>;

/** The schemas check dates with this pattern rather than a format. */
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const objectOf = (schema: JsonSchema): Schema => (typeof schema === 'boolean' ? {} : schema);
/** What a list holds; a tuple's (never used here) reads as anything. */
const itemsOf = (schema: Schema): Schema => (Array.isArray(schema.items) ? {} : objectOf(schema.items ?? {}));

/** The alternatives of `x | null` and other unions, or the schema itself. */
function alternatives(schema: Schema): Schema[] {
  return schema.anyOf ? schema.anyOf.map(objectOf) : [schema];
}

function typeInWords(schema: Schema, language: Language): string {
  if (schema.anyOf) return alternatives(schema).map((s) => typeInWords(s, language)).join(t(language, 'type.or'));
  if (schema.enum) return t(language, 'type.oneOf', { values: schema.enum.map((v) => JSON.stringify(v)).join(', ') });
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.pattern === DATE_PATTERN) return t(language, 'type.date');
  switch (schema.format) {
    case 'email':
      return t(language, 'type.email');
    case 'uuid':
      return 'UUID';
    case 'date-time':
      return t(language, 'type.dateTime');
  }
  switch (schema.type) {
    case 'string':
      return t(language, 'type.string');
    case 'integer':
      return t(language, 'type.integer');
    case 'number':
      return t(language, 'type.number');
    case 'boolean':
      return t(language, 'type.boolean');
    case 'null':
      return 'null';
    case 'array':
      return t(language, 'type.list', { items: typeInWords(itemsOf(schema), language) });
    case 'object':
      return t(language, 'type.object');
    default:
      return t(language, 'type.any');
  }
}

function rulesInWords(schema: Schema, language: Language): string[] {
  const rules: string[] = [];
  for (const s of alternatives(schema)) {
    if (s.minLength === 1) rules.push(t(language, 'rule.notEmpty'));
    if (s.minLength !== undefined && s.minLength > 1) rules.push(t(language, 'rule.minLength', { count: String(s.minLength) }));
    if (s.maxLength !== undefined) rules.push(t(language, 'rule.maxLength', { count: String(s.maxLength) }));
    if (s.minimum !== undefined) rules.push(`≥ ${s.minimum}`);
    if (s.exclusiveMinimum !== undefined) rules.push(`> ${String(s.exclusiveMinimum)}`);
    // Zod gives every integer a safe-integer bound; it says nothing a reader needs.
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) rules.push(`≤ ${s.maximum}`);
    if (s.minItems !== undefined && s.minItems > 0) rules.push(t(language, 'rule.minItems', { count: String(s.minItems) }));
    // A format or a date already says what the pattern checks.
    if (s.pattern !== undefined && !s.format && s.pattern !== DATE_PATTERN) rules.push(t(language, 'rule.pattern', { pattern: s.pattern }));
  }
  if (schema.default !== undefined) rules.push(t(language, 'rule.default', { value: JSON.stringify(schema.default) }));
  return rules;
}

/** The fields of an object schema, nested objects (and lists of objects) flattened to dotted names. */
export function fieldRows(schema: JsonSchema, language: Language, prefix = ''): FieldRow[] {
  return propertiesOf(schema).flatMap(({ name, schema: property, required }) => {
    const field = objectOf(property);
    const row: FieldRow = {
      name: prefix + name,
      required,
      type: typeInWords(field, language),
      rules: rulesInWords(field, language),
      description: field.description,
    };
    const items = field.type === 'array' ? itemsOf(field) : undefined;
    if (field.type === 'object') return [row, ...fieldRows(field, language, `${prefix}${name}.`)];
    if (items?.type === 'object') return [row, ...fieldRows(items, language, `${prefix}${name}[].`)];
    return [row];
  });
}
