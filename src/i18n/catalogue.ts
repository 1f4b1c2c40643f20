/**
 * The shape every language's catalogue of a namespace takes: the English one's keys, each a string. Plural
 * keys follow i18next's Intl.PluralRules suffixes: English has `_one` and `_other`, another language writes
 * the categories its own rules use (Spanish and French add `_many`), so only `_other` is required here and
 * catalogues.test.ts checks each language has exactly its categories.
 */
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase<K> = K extends `${infer Base}_${PluralCategory}` ? Base : never;

export type Translation<T> = {
  [K in keyof T as K extends `${string}_${Exclude<PluralCategory, 'other'>}` ? never : K]: T[K] extends string
    ? string
    : Translation<T[K]>;
} & {
  [K in keyof T as `${PluralBase<K>}_${Exclude<PluralCategory, 'other'>}`]?: string;
};
