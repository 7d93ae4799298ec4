import type { Language } from '../../activities/emails/layout.ts';
import { tr } from '../views/layout.ts';
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
  if (schema.anyOf) return alternatives(schema).map((s) => typeInWords(s, language)).join(tr(language, ' eller ', ' or '));
  if (schema.enum) return `${tr(language, 'én av', 'one of')} ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.pattern === DATE_PATTERN) return tr(language, 'dato (ÅÅÅÅ-MM-DD)', 'date (YYYY-MM-DD)');
  switch (schema.format) {
    case 'email':
      return tr(language, 'e-postadresse', 'email address');
    case 'uuid':
      return 'UUID';
    case 'date-time':
      return tr(language, 'tidspunkt (ISO 8601, med tidssone)', 'date and time (ISO 8601, with time zone)');
  }
  switch (schema.type) {
    case 'string':
      return tr(language, 'tekst', 'text');
    case 'integer':
      return tr(language, 'heltall', 'whole number');
    case 'number':
      return tr(language, 'tall', 'number');
    case 'boolean':
      return tr(language, 'true eller false', 'true or false');
    case 'null':
      return 'null';
    case 'array':
      return `${tr(language, 'liste av', 'list of')} ${typeInWords(itemsOf(schema), language)}`;
    case 'object':
      return tr(language, 'objekt', 'object');
    default:
      return tr(language, 'hva som helst', 'anything');
  }
}

function rulesInWords(schema: Schema, language: Language): string[] {
  const rules: string[] = [];
  for (const s of alternatives(schema)) {
    if (s.minLength === 1) rules.push(tr(language, 'ikke tom', 'not empty'));
    if (s.minLength !== undefined && s.minLength > 1) rules.push(tr(language, `minst ${s.minLength} tegn`, `at least ${s.minLength} characters`));
    if (s.maxLength !== undefined) rules.push(tr(language, `høyst ${s.maxLength} tegn`, `at most ${s.maxLength} characters`));
    if (s.minimum !== undefined) rules.push(`≥ ${s.minimum}`);
    if (s.exclusiveMinimum !== undefined) rules.push(`> ${String(s.exclusiveMinimum)}`);
    // Zod gives every integer a safe-integer bound; it says nothing a reader needs.
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) rules.push(`≤ ${s.maximum}`);
    if (s.minItems !== undefined && s.minItems > 0) rules.push(tr(language, `minst ${s.minItems}`, `at least ${s.minItems}`));
    // A format or a date already says what the pattern checks.
    if (s.pattern !== undefined && !s.format && s.pattern !== DATE_PATTERN) rules.push(`${tr(language, 'mønster', 'pattern')} \`${s.pattern}\``);
  }
  if (schema.default !== undefined) rules.push(`${tr(language, 'standard', 'default')} \`${JSON.stringify(schema.default)}\``);
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
