import { z } from 'zod';
import type { WorkingHours } from '../scheduling/working-hours.js';

const timeOfDay = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be a local time HH:MM (00:00 to 24:00)' });

const timeRangeSchema = z
  .strictObject({ start: timeOfDay, end: timeOfDay })
  .refine((range) => range.start < range.end, { message: 'the end must be after the start', path: ['end'] });

const dayRangesSchema = z
  .array(timeRangeSchema)
  .max(12)
  .superRefine((ranges, context) => {
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.start < previous.end) {
        context.addIssue({
          code: 'custom',
          message: `two ranges overlap: make them follow each other (${previous.start}–${previous.end} and ${current.start}–${current.end})`,
        });
      }
    }
  })
  .transform((ranges) => [...ranges].sort((a, b) => a.start.localeCompare(b.start)));

/** Local wall-clock opening times, one list of ranges a weekday (several for a lunch break). */
export const workingHoursSchema = z.strictObject({
  mon: dayRangesSchema,
  tue: dayRangesSchema,
  wed: dayRangesSchema,
  thu: dayRangesSchema,
  fri: dayRangesSchema,
  sat: dayRangesSchema,
  sun: dayRangesSchema,
}) satisfies z.ZodType<WorkingHours, unknown>;

const rangeView = z.object({ start: z.string(), end: z.string() });
/** The shape in responses: response schemas must not transform. */
export const workingHoursViewSchema = z.object({
  mon: z.array(rangeView),
  tue: z.array(rangeView),
  wed: z.array(rangeView),
  thu: z.array(rangeView),
  fri: z.array(rangeView),
  sat: z.array(rangeView),
  sun: z.array(rangeView),
});

/** For PATCH: the days given replace those days; the others stay. */
export const workingHoursPatchSchema = workingHoursSchema.partial();
