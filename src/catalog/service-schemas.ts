import { z } from 'zod';
import { idField, singleLineField } from '../field-schemas.js';

// Pure Zod, no I/O: the admin's service form validates with these same schemas before sending.

export const serviceSchema = z.object({
  id: idField,
  name: z.string(),
  durationMinutes: z.number().int(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const newServiceSchema = z.strictObject({
  name: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  bufferBeforeMinutes: z.number().int().min(0).max(240).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
  active: z.boolean().default(true),
});
export const servicePatchSchema = z.strictObject({
  name: newServiceSchema.shape.name.optional(),
  durationMinutes: newServiceSchema.shape.durationMinutes.optional(),
  bufferBeforeMinutes: z.number().int().min(0).max(240).optional(),
  bufferAfterMinutes: z.number().int().min(0).max(240).optional(),
  active: z.boolean().optional(),
});
