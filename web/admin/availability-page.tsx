import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { newBlockedEventSchema } from '../../src/catalog/blocked-event-schemas';
import { businessSettingsSchema } from '../../src/settings/business-settings';
import {
  calendarDateOf,
  formatClock,
  formatShortDateTime,
  formatWallClock,
  todayIn,
} from '../../src/shared/business-time';
import { instantAt } from '../../src/shared/calendar-dates';
import { dataOf } from '../shared/api-client';
import type { BlockedEvent, BusinessSettings, WorkingHours } from '../shared/api-types';
import { adminApi, problemMessage, saveSettings } from './admin-api';
import { blockedEventsQuery } from './admin-queries';
import { useBusiness } from './business-context';
import { DateInput, TimeInput } from './locale-inputs';
import { staffMemberPath } from './paths';
import { useServerForm } from './server-form';
import { EmptyState, Field, Loading, Modal, Notice, PageHeader, SaveButton } from './ui';
import { checkedHours, WorkingHoursField } from './working-hours-editor';

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...all])].sort();
}

export function AvailabilityPage() {
  const { staff } = useBusiness();
  const ownHours = staff.filter((member) => member.workingHours !== null);
  return (
    <>
      <PageHeader
        title="Availability"
        description="When the business takes bookings. Customers and the office only see times inside these hours."
      />
      <BusinessHoursForm />
      {ownHours.length > 0 && (
        <p className="hint own-hours-note">
          Own working hours instead of these:{' '}
          {ownHours.map((member, index) => (
            <span key={member.id}>
              {index > 0 && ', '}
              <Link to={staffMemberPath(member.id)}>{member.name}</Link>
            </span>
          ))}
          .
        </p>
      )}
      <BlockedTime />
    </>
  );
}

// The office edits the time zone and the hours together; both are checked by the server's settings schemas.
const businessHoursSchema = z
  .object({ timezone: businessSettingsSchema.shape.timezone, workingHours: z.custom<WorkingHours>() })
  .transform(({ timezone, workingHours }, context) => ({
    timezone,
    workingHours: checkedHours(workingHours, context, 'workingHours'),
  }));

function BusinessHoursForm() {
  const { settings, setSettings } = useBusiness();
  const zones = useMemo(() => timeZones(settings.timezone), [settings.timezone]);
  const valuesOf = (saved: BusinessSettings) => ({
    timezone: saved.timezone,
    workingHours: saved.workingHours,
  });
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: businessHoursSchema,
    defaultValues: valuesOf(settings),
    save: saveSettings,
    onSaved: (saved) => {
      setSettings(saved);
      form.reset(valuesOf(saved));
    },
    invalidates: [['availability']],
    leaveMessage: 'Your working hours are not saved. Leave this page and lose them?',
  });

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="hours-heading">
      <h2 id="hours-heading">Working hours</h2>
      <Field
        label="Time zone"
        hint="Working hours, the calendar and every email use this zone. Existing bookings keep their moment in time."
        error={errorOf('timezone')}
      >
        {(props) => (
          <select {...props} className="input-medium" {...form.register('timezone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <WorkingHoursField control={form.control} label="Business working hours" />
      <div className="form-footer">
        <SaveButton state={state} label="Save working hours" />
      </div>
    </form>
  );
}

/**
 * The Block time form: a day and a wall-clock time in the business's zone for each end, sent as the instants
 * the server's own schema checks (its messages on the end's fields).
 */
const blockedTimeSchema = (timeZone: string) =>
  z
    .object({
      staffId: z.string(),
      startDate: z.string(),
      startTime: z.string(),
      endDate: z.string(),
      endTime: z.string(),
      reason: z.string(),
    })
    .transform((draft, context) => {
      const at = (date: string, time: string, field: string) => {
        try {
          return instantAt(date, time, timeZone);
        } catch {
          context.addIssue({ code: 'custom', message: 'Enter a date and a time', path: [field] });
          return z.NEVER;
        }
      };
      const body = {
        staffId: draft.staffId || null,
        startsAt: at(draft.startDate, draft.startTime, 'startDate'),
        endsAt: at(draft.endDate, draft.endTime, 'endDate'),
        reason: draft.reason.trim() || null,
      };
      const checked = newBlockedEventSchema.safeParse(body);
      for (const issue of checked.error?.issues ?? [])
        context.addIssue({
          code: 'custom',
          message: issue.message,
          path: [BLOCKED_FIELDS[String(issue.path[0])] ?? 'endDate'],
        });
      return body;
    });

/** The form field that shows an API field's message. */
const BLOCKED_FIELDS: Record<string, 'staffId' | 'startDate' | 'endDate' | 'reason'> = {
  staffId: 'staffId',
  startsAt: 'startDate',
  endsAt: 'endDate',
  reason: 'reason',
};

function BlockedTime() {
  const { settings, staff, staffName } = useBusiness();
  const { timezone: zone, locale } = settings;
  const today = todayIn(zone);
  const events = useQuery(blockedEventsQuery({ from: instantAt(today, '00:00', zone) }));
  const [removing, setRemoving] = useState<BlockedEvent>();
  const blockedChanged = [['blocked-events'], ['availability']];

  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: blockedTimeSchema(zone),
    defaultValues: {
      staffId: '',
      startDate: today,
      startTime: '09:00',
      endDate: today,
      endTime: '17:00',
      reason: '',
    },
    save: (body) => dataOf(adminApi.POST('/api/v1/blocked-events', { body })),
    onSaved: () => {
      form.reset({ ...form.getValues(), reason: '' });
    },
    invalidates: blockedChanged,
    fieldOf: BLOCKED_FIELDS,
  });
  const { register } = form;

  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      dataOf(adminApi.DELETE('/api/v1/blocked-events/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setRemoving(undefined);
      await Promise.all(blockedChanged.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });

  const describe = (event: BlockedEvent) => {
    const sameDay = calendarDateOf(event.startsAt, zone) === calendarDateOf(event.endsAt, zone);
    return `${formatShortDateTime(event.startsAt, zone, locale)} – ${sameDay ? formatClock(event.endsAt, zone, locale) : formatShortDateTime(event.endsAt, zone, locale)}`;
  };

  return (
    <section className="card" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">Blocked time</h2>
      <p className="hint">
        Holidays, training, a van in the garage: nobody (or one staff member) can be booked then. With
        real-time availability off, customers can still pick these times and the booking is flagged as a
        conflict.
      </p>
      {events.isPending && <Loading label="Loading blocked time…" />}
      {events.isError && <Notice tone="error">{problemMessage(events.error)}</Notice>}
      {events.data && events.data.length === 0 && <EmptyState>No blocked time ahead.</EmptyState>}
      {events.data && events.data.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id}>
                  <td>{describe(event)}</td>
                  <td>{event.staffId === null ? 'Everyone' : staffName(event.staffId)}</td>
                  <td>{event.reason ?? '—'}</td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() => {
                        remove.reset();
                        setRemoving(event);
                      }}
                      aria-label={`Delete blocked time ${describe(event)}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="blocked-form" onSubmit={onSubmit} noValidate aria-labelledby="add-blocked-heading">
        <h3 id="add-blocked-heading">Block time</h3>
        <div className="form-row">
          <Field label="Who" error={errorOf('staffId')}>
            {(props) => (
              <select {...props} {...register('staffId')}>
                <option value="">Everyone</option>
                {staff.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Reason (optional)" error={errorOf('reason')}>
            {(props) => <input {...props} type="text" {...register('reason')} />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="From date" error={errorOf('startDate')}>
            {(props) => (
              <Controller
                control={form.control}
                name="startDate"
                render={({ field }) => (
                  <DateInput
                    {...props}
                    value={field.value}
                    onChange={(date) => {
                      field.onChange(date);
                      // The end follows the start forward.
                      if (date && form.getValues('endDate') < date) form.setValue('endDate', date);
                    }}
                  />
                )}
              />
            )}
          </Field>
          <Field label="From time">
            {(props) => (
              <Controller
                control={form.control}
                name="startTime"
                render={({ field }) => <TimeInput {...props} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label="Until date" error={errorOf('endDate')}>
            {(props) => (
              <Controller
                control={form.control}
                name="endDate"
                render={({ field }) => <DateInput {...props} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label="Until time">
            {(props) => (
              <Controller
                control={form.control}
                name="endTime"
                render={({ field }) => <TimeInput {...props} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
        </div>
        <div className="form-footer">
          <SaveButton state={state} label="Block this time" busyLabel="Blocking…" primary={false} />
          <span className="hint">
            For a whole day off, block from {formatWallClock('00:00', locale)} until{' '}
            {formatWallClock('00:00', locale)} the next day.
          </span>
        </div>
      </form>
      {removing && (
        <Modal
          title="Delete this blocked time?"
          onClose={() => setRemoving(undefined)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setRemoving(undefined)}>
                Keep it
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(removing.id)}
              >
                Delete
              </button>
            </>
          }
        >
          {remove.isError && <Notice tone="error">{problemMessage(remove.error)}</Notice>}
          <p>
            {describe(removing)} ({removing.staffId === null ? 'everyone' : staffName(removing.staffId)})
            becomes bookable again.
          </p>
        </Modal>
      )}
    </section>
  );
}
