import { z } from 'zod';
import { emailField, idField, singleLineField, timeZoneField } from '../field-schemas.js';

// Pure Zod, no I/O: the admin's customer form validates with these same schemas before sending.

export const customerSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  timezone: z.string().nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

const phoneField = singleLineField(40).pipe(
  z.string().regex(/^[0-9+()\-.\s]*$/, { message: 'must contain only digits, spaces and + ( ) - .' }),
);

export const newCustomerSchema = z.strictObject({
  name: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  email: emailField,
  phone: phoneField.nullable().default(null),
  timezone: timeZoneField.nullable().default(null),
});
export const customerPatchSchema = newCustomerSchema.partial().strict();
