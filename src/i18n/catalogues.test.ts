import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.js';

/**
 * Every catalogue of every namespace (whatever files src/i18n/locales/en/ holds: portal, refusals, email, …)
 * against the English one: the same keys, the plural forms each language's Intl.PluralRules asks for and no
 * others, no empty string, and no placeholder or tag that English does not have (a misspelt {{name}} would
 * print as is), and none of English's left out.
 */
const LOCALES = join(dirname(fileURLToPath(import.meta.url)), 'locales');
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL = new RegExp(`^(.*)_(${CATEGORIES.join('|')})$`);

const namespaceFiles = (language: string) =>
  readdirSync(join(LOCALES, language))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();

async function catalogue(language: string, file: string): Promise<Record<string, unknown>> {
  const module = (await import(join(LOCALES, language, file))) as Record<string, unknown>;
  const objects = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
  expect(objects, `${language}/${file} exports one catalogue object`).toHaveLength(1);
  return objects[0] as Record<string, unknown>;
}

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null)
      for (const [inner, leaf] of flatten(value as Record<string, unknown>, `${prefix}${key}.`))
        flat.set(inner, leaf);
    else flat.set(`${prefix}${key}`, value);
  }
  return flat;
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)>/g)].map((match) => match[1] ?? `<${match[2]}>`));

/** The keys a language must have: English's plain keys, and each plural base in that language's categories. */
function expectedKeys(english: Map<string, unknown>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const bases = new Set(
    [...english.keys()].flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -6)] : [])),
  );
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const base = PLURAL.exec(key)?.[1];
    if (base === undefined || !bases.has(base)) keys.add(key);
  }
  for (const base of bases) for (const category of categories) keys.add(`${base}_${category}`);
  return keys;
}

/** What English allows in a key: for a plural form, what any of its English forms uses. */
function allowedPlaceholders(english: Map<string, unknown>, key: string): Set<string> {
  const base = PLURAL.exec(key)?.[1];
  const sources =
    base !== undefined && english.has(`${base}_other`)
      ? CATEGORIES.map((category) => english.get(`${base}_${category}`))
      : [english.get(key)];
  return new Set(sources.flatMap((text) => (typeof text === 'string' ? [...placeholders(text)] : [])));
}

const namespaces = namespaceFiles('en');

describe('message catalogues', () => {
  it('has a folder of the same namespaces for every language, and English has them all', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) expect(namespaceFiles(language), language).toEqual(namespaces);
  });

  for (const file of namespaces) {
    for (const language of LANGUAGES) {
      it(`${language}/${file}: every key of English, its own plural forms, nothing empty or extra`, async () => {
        const english = flatten(await catalogue('en', file));
        const own = flatten(await catalogue(language, file));
        const expected = expectedKeys(english, language);
        expect(
          [...expected].filter((key) => !own.has(key)),
          'missing keys',
        ).toEqual([]);
        expect(
          [...own.keys()].filter((key) => !expected.has(key)),
          'keys English does not have',
        ).toEqual([]);
        for (const [key, text] of own) {
          expect(typeof text === 'string' && text.trim() !== '', `${key} is a non-empty string`).toBe(true);
          const unknown = [...placeholders(String(text))].filter(
            (name) => !allowedPlaceholders(english, key).has(name),
          );
          expect(unknown, `${key}: placeholders English does not have`).toEqual([]);
          if (english.has(key) && !PLURAL.test(key)) {
            const dropped = [...placeholders(String(english.get(key)))].filter(
              (name) => !placeholders(String(text)).has(name),
            );
            expect(dropped, `${key}: placeholders of English left out`).toEqual([]);
          }
        }
      });
    }
  }
});
