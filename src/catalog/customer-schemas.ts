import { z } from 'zod';
import {
  emailField,
  idField,
  languageField,
  phoneField,
  singleLineField,
  timeZoneField,
} from '../field-schemas.js';
import { LANGUAGES } from '../i18n/languages.js';

// Pure Zod, no I/O: the admin's customer form validates with these same schemas before sending.

export const customerSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  timezone: z.string().nullable(),
  /** null: the language of the business's locale. */
  language: z.enum(LANGUAGES).nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

const customerFields = {
  name: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  email: emailField,
  phone: phoneField.nullable(),
  timezone: timeZoneField.nullable(),
  language: languageField.nullable(),
};

export const newCustomerSchema = z.strictObject({
  ...customerFields,
  phone: customerFields.phone.default(null),
  timezone: customerFields.timezone.default(null),
  language: customerFields.language.default(null),
});
/** No defaults here: a field the PATCH does not send keeps its value (a default would overwrite it). */
export const customerPatchSchema = z.strictObject(customerFields).partial();
