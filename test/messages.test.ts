import { describe, expect, it } from '@jest/globals';
import { IntlMessageFormat } from 'intl-messageformat';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LANGUAGES, LOCALES } from '../infra/i18n/languages.ts';

/**
 * Every catalogue (a `messages/` folder with nb.ts, nn.ts and en.ts) has the same keys in all three
 * languages, each a valid ICU message with the same placeholders, and every key is used in code.
 */

const ROOT = join(import.meta.dirname, '..');
const SOURCE_FOLDERS = ['api', 'activities', 'infra', 'worker', 'workflows'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, folder, file));
}

const files = SOURCE_FOLDERS.flatMap(sourceFiles);
const CATALOGUE_FILE = /\/(nb|nn|en)\.ts$/;
const catalogueFolders = [...new Set(files.filter((f) => CATALOGUE_FILE.test(f)).map((f) => f.replace(CATALOGUE_FILE, '')))];
const code = files.filter((f) => !CATALOGUE_FILE.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');

/** Each folder whose views or emails show words to people, with its catalogue. */
const EXPECTED = [
  'activities/emails/messages',
  'api/agreements/messages',
  'api/auth/messages',
  'api/evaluation/messages',
  'api/hours/messages',
  'api/openapi/messages',
  'api/outbox/messages',
  'api/overview/messages',
  'api/privacy/messages',
  'api/self-service/messages',
  'api/staff/messages',
  'api/views/messages',
  'api/volunteers/messages',
  'infra/i18n/vocabulary',
];

type Messages = Record<string, string>;

async function load(folder: string): Promise<Record<(typeof LANGUAGES)[number], Messages>> {
  const entries = await Promise.all(
    LANGUAGES.map(async (language) => [language, ((await import(join(folder, `${language}.ts`))) as Record<string, Messages>)[language]!] as const),
  );
  return Object.fromEntries(entries) as Record<(typeof LANGUAGES)[number], Messages>;
}

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The names a message interpolates, at any depth (inside plurals and selects too). */
function argumentsOf(elements: Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') names.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, names);
    argumentsOf(element.children ?? [], names);
  }
  return names;
}

describe('message catalogues', () => {
  it('are found in every feature that shows words to people', () => {
    expect(catalogueFolders.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(EXPECTED));
  });

  it.each(catalogueFolders.map((f) => [relative(ROOT, f), f]))('%s has every key in nb, nn and en, as ICU messages with the same placeholders', async (_name, folder) => {
    const catalogue = await load(folder);
    const keys = Object.keys(catalogue.nb).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      expect(Object.keys(catalogue[language]).sort()).toEqual(keys);
      for (const key of keys) {
        const message = catalogue[language][key]!;
        expect({ key, language, empty: message.trim() === '' }).toEqual({ key, language, empty: false });
        const placeholders = [...argumentsOf(new IntlMessageFormat(message, LOCALES[language], undefined, { ignoreTag: true }).getAst())].sort();
        const bokmål = [...argumentsOf(new IntlMessageFormat(catalogue.nb[key]!, LOCALES.nb, undefined, { ignoreTag: true }).getAst())].sort();
        expect({ key, language, placeholders }).toEqual({ key, language, placeholders: bokmål });
      }
    }
  });

  it.each(catalogueFolders.map((f) => [relative(ROOT, f), f]))('%s has no key that no code uses', async (_name, folder) => {
    const catalogue = await load(folder);
    const unused = Object.keys(catalogue.nb).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
