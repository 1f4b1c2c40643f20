import { z } from 'zod';
import { emailField, idField, singleLineField } from '../field-schemas.js';
import { workingHoursSchema, workingHoursViewSchema } from '../settings/working-hours-schema.js';

// Pure Zod, no I/O: the admin's staff forms validate with these same schemas before sending.

export const staffMemberSchema = z.object({
  id: idField,
  name: z.string(),
  email: z.string().nullable(),
  serviceIds: z.array(idField),
  workingHours: workingHoursViewSchema.nullable(),
});

export const newStaffMemberSchema = z.strictObject({
  name: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  email: emailField.nullable().default(null),
  serviceIds: z.array(idField).max(200).default([]),
  workingHours: workingHoursSchema.nullable().default(null),
});
export const staffMemberPatchSchema = z.strictObject({
  name: newStaffMemberSchema.shape.name.optional(),
  email: emailField.nullable().optional(),
  serviceIds: z.array(idField).max(200).optional(),
  workingHours: workingHoursSchema.nullable().optional(),
});
