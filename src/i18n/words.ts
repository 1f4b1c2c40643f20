import type { RefusalMessages } from './locales/en/refusals.js';

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
/** Every key of a catalogue as i18next addresses it: nested keys joined by dots, plural suffixes dropped. */
export type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? WithoutPlural<`${Prefix}${K}`>
    : KeyOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * One namespace's words in one language: i18next's fixed `t`, narrowed to that namespace's keys. The wording
 * functions beside the catalogues take one, so the server (an i18next instance of its own) and the portal
 * (react-i18next's `t`) word a refusal or a duration the same way.
 */
export type Words<T> = (key: KeyOf<T>, values?: Record<string, unknown>) => string;

export type RefusalWords = Words<RefusalMessages>;
