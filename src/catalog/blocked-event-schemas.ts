import { z } from 'zod';
import { idField, instantField, instantOut, textField } from '../field-schemas.js';

// Pure Zod, no I/O: the admin's Block time form validates with these same schemas before sending.

export const blockedEventSchema = z.object({
  id: idField,
  staffId: idField.nullable(),
  startsAt: instantOut,
  endsAt: instantOut,
  reason: z.string().nullable(),
});
export type BlockedEventView = z.infer<typeof blockedEventSchema>;

const MAX_BLOCK_MS = 366 * 24 * 3_600_000;

export const newBlockedEventSchema = z
  .strictObject({
    staffId: idField.nullable(),
    startsAt: instantField,
    endsAt: instantField,
    reason: textField(500).nullable().default(null),
  })
  .refine((event) => event.endsAt > event.startsAt, { message: 'must be after the start', path: ['endsAt'] })
  .refine((event) => event.endsAt - event.startsAt <= MAX_BLOCK_MS, {
    message: 'a blocked event can last at most a year',
    path: ['endsAt'],
  });

export const blockedEventQuerySchema = z.strictObject({
  from: instantField.optional(),
  to: instantField.optional(),
  staffId: idField.optional(),
});
