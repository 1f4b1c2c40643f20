import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form';
import { z } from 'zod';
import { workingHoursSchema } from '../../src/settings/working-hours-schema';
import type { Weekday, WorkingHours } from '../shared/api-types';
import { errorFor, humanMessage } from './admin-api';
import { WEEKDAY_NAMES, WEEKDAYS } from './admin-words';
import { TimeInput } from './locale-inputs';
import { FieldError } from './ui';

/**
 * The editor's hours as the API takes them, checked by the server's own workingHoursSchema (inside a form
 * schema's transform): its messages land under `path`, on the day they are about.
 */
export function checkedHours(
  hours: WorkingHours,
  context: z.RefinementCtx,
  path: string,
): WorkingHours | typeof z.NEVER {
  const checked = workingHoursSchema.safeParse(hours);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues)
    context.addIssue({ code: 'custom', message: issue.message, path: [path, ...issue.path] });
  return z.NEVER;
}

/** Each message under `prefix` keyed by its dotted path, as the editor reads them per day. */
export function messagesUnder(errors: unknown, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const { message } = node as { message?: unknown };
    if (typeof message === 'string' && message) result[path] ??= humanMessage(message);
    for (const [key, child] of Object.entries(node))
      if (key !== 'ref' && key !== 'message') walk(child, key === 'root' ? path : `${path}.${key}`);
  };
  walk(errors, prefix);
  return result;
}

/** Opening times per weekday; several ranges a day make a lunch break. */
export function WorkingHoursEditor({
  hours,
  onChange,
  errors,
  errorPrefix,
  label,
}: {
  hours: WorkingHours;
  onChange(hours: WorkingHours): void;
  errors: Record<string, string>;
  errorPrefix: string;
  label: string;
}) {
  const setDay = (day: Weekday, ranges: WorkingHours[Weekday]) => onChange({ ...hours, [day]: ranges });
  return (
    <fieldset className="working-hours">
      <legend className="visually-hidden">{label}</legend>
      {WEEKDAYS.map((day) => {
        const ranges = hours[day];
        const error = errorFor(errors, `${errorPrefix}.${day}`);
        const errorId = `${errorPrefix}-${day}-error`;
        return (
          <div key={day} className={`working-day${error ? ' field-invalid' : ''}`}>
            <div className="working-day-name" id={`${errorPrefix}-${day}`}>
              {WEEKDAY_NAMES[day]}
            </div>
            <div className="working-day-ranges">
              {ranges.length === 0 && <span className="closed">Closed</span>}
              {ranges.map((range, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity of their own while edited
                <div key={index} className="time-range">
                  <label className="visually-hidden" htmlFor={`${errorPrefix}-${day}-${index}-start`}>
                    {WEEKDAY_NAMES[day]} range {index + 1} from
                  </label>
                  <TimeInput
                    id={`${errorPrefix}-${day}-${index}-start`}
                    value={range.start}
                    {...(error && { 'aria-invalid': true, 'aria-describedby': errorId })}
                    onChange={(start) =>
                      setDay(
                        day,
                        ranges.map((r, i) => (i === index ? { ...r, start } : r)),
                      )
                    }
                  />
                  <span aria-hidden="true">to</span>
                  <label className="visually-hidden" htmlFor={`${errorPrefix}-${day}-${index}-end`}>
                    {WEEKDAY_NAMES[day]} range {index + 1} until
                  </label>
                  <TimeInput
                    id={`${errorPrefix}-${day}-${index}-end`}
                    endOfDay
                    value={range.end}
                    {...(error && { 'aria-invalid': true, 'aria-describedby': errorId })}
                    onChange={(end) =>
                      setDay(
                        day,
                        ranges.map((r, i) => (i === index ? { ...r, end } : r)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() =>
                      setDay(
                        day,
                        ranges.filter((_, i) => i !== index),
                      )
                    }
                    aria-label={`Remove ${WEEKDAY_NAMES[day]} ${range.start || '…'}–${range.end || '…'}`}
                  >
                    Remove
                  </button>
                </div>
              ))}
              {error && <FieldError id={errorId} message={error} />}
            </div>
            <div className="working-day-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  const last = ranges[ranges.length - 1];
                  const next = last
                    ? {
                        start: last.end,
                        end: last.end < '17:00' ? '17:00' : last.end < '23:00' ? '23:00' : '24:00',
                      }
                    : { start: '09:00', end: '17:00' };
                  setDay(day, [...ranges, next]);
                }}
                aria-label={`Add a range on ${WEEKDAY_NAMES[day]}`}
              >
                Add range
              </button>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The editor as a field of a react-hook-form form whose `workingHours` it edits, with that field's messages. */
export function WorkingHoursField<Values extends FieldValues & { workingHours: WorkingHours }, Output>({
  control,
  label,
}: {
  control: Control<Values, unknown, Output>;
  label: string;
}) {
  return (
    <Controller
      control={control}
      name={'workingHours' as Path<Values>}
      render={({ field, formState }) => (
        <WorkingHoursEditor
          hours={field.value}
          onChange={field.onChange}
          errors={messagesUnder(formState.errors.workingHours, 'workingHours')}
          errorPrefix="workingHours"
          label={label}
        />
      )}
    />
  );
}
