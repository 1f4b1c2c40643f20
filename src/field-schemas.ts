import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
// Every schema's messages in the API's own words (a side effect: Zod's configuration is global).
import './validation-messages.js';
import { LANGUAGES } from './i18n/languages.js';
import { isTimeZone } from './scheduling/time-zone.js';

/** Field types shared by the request and response schemas of every module. */

export const timeZoneField = z
  .string()
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' });

export const idField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'is not a valid id' });

export const emailField = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((value) => value.toLowerCase());

/** An instant in a request: ISO 8601 with an offset or Z, read as epoch milliseconds. */
export const instantField = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T10:00:00Z',
  })
  .transform((value) => Temporal.Instant.from(value).epochMilliseconds);

/** An instant in a response: always UTC. */
export const instantOut = z.iso.datetime();
export const toIso = (epochMs: number): string => new Date(epochMs).toISOString();

export const localDateField = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });

/** Tab, line feed and carriage return are the only control characters free text may hold. */
function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Free text a person typed: trimmed, and without control characters that could break headers or layouts. */
export function textField(max: number) {
  return z
    .string()
    .max(max)
    .transform((value) => value.trim())
    .refine((value) => !hasControlCharacters(value), { message: 'must not contain control characters' });
}

export function singleLineField(max: number) {
  return textField(max).refine((value) => !/[\r\n]/.test(value), { message: 'must be a single line' });
}

const PHONE_CHARACTERS = /^[0-9+()\-.\s]*$/;
const PHONE_CHARACTERS_MESSAGE = 'must contain only digits, spaces and + ( ) - .';

/** A phone number as people write it: digits, spaces and + ( ) - . on one line. */
export const phoneField = singleLineField(40).pipe(
  z.string().regex(PHONE_CHARACTERS, { message: PHONE_CHARACTERS_MESSAGE }),
);

/**
 * The business's own phone, which emails and the portal turn into `tel:` links: like any phone, and with 3 to
 * 20 digits so that the link dials something. An empty field clears it (null), as the admin form sends it.
 */
export const contactPhoneField = phoneField
  .transform((value) => (value === '' ? null : value))
  .refine(
    (value) => {
      if (value === null) return true;
      const digits = value.replace(/\D/g, '').length;
      return digits >= 3 && digits <= 20;
    },
    { message: 'must have 3 to 20 digits' },
  )
  .nullable();

/**
 * The tag as Intl writes it ("en-us" → "en-US"), or null when Rebook cannot write dates in it and read them
 * back: Intl must know it, without `-u-` extensions (`en-u-ca-islamic`), and its dates must be Gregorian in
 * Western digits, which the admin's date and time fields type and read (ar-EG's Arabic digits, fa-IR's
 * Persian calendar or th-TH's Buddhist years would be written but misread).
 */
export function canonicalLocale(value: string): string | null {
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    if (tag === undefined || Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0) return null;
    if (new Intl.Locale(tag).baseName !== tag) return null;
    const { calendar, numberingSystem } = new Intl.DateTimeFormat(tag).resolvedOptions();
    return calendar === 'gregory' && numberingSystem === 'latn' ? tag : null;
  } catch {
    return null; // not a well-formed BCP 47 tag
  }
}

/** A BCP 47 locale that dates and times are written in, stored in its canonical form. */
export const localeField = z
  .string()
  .max(64)
  .transform((value, context) => {
    const tag = canonicalLocale(value.trim());
    if (tag === null) {
      context.addIssue({
        code: 'custom',
        message: 'must be a locale such as en-US, en-GB or de-DE (Gregorian dates in Western digits)',
      });
      return z.NEVER;
    }
    return tag;
  });

/** A colour as #RRGGBB, stored in lower case. */
export const hexColorField = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour #RRGGBB, e.g. #1d4ed8' })
  .transform((value) => value.toLowerCase());

/** One of the languages Rebook speaks to customers. */
export const languageField = z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        line: z.number().int().optional(),
        column: z.number().int().optional(),
      }),
    )
    .optional(),
});
