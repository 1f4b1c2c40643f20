import { Link } from 'react-router';
import { z } from 'zod';
import { businessSettingsSchema } from '../../src/settings/business-settings';
import { emptyAsNull, saveSettings } from './admin-api';
import { useBusiness } from './business-context';
import { SETTINGS_PATHS } from './paths';
import { useServerForm } from './server-form';
import { Field, PageHeader, SaveButton } from './ui';

const SLOT_INTERVALS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

// The page asks for the reminder in hours; its limits are the API's, in minutes, divided by 60.
const reminderMinutes = businessSettingsSchema.shape.reminderLeadMinutes;
const generalSchema = businessSettingsSchema
  .pick({ businessName: true, notificationEmail: true, slotIntervalMinutes: true, bookingWindowDays: true })
  .extend({
    reminderLeadHours: z
      .number()
      .min((reminderMinutes.minValue ?? 0) / 60)
      .max((reminderMinutes.maxValue ?? 0) / 60),
  })
  .transform(({ reminderLeadHours, ...rest }) => ({
    ...rest,
    reminderLeadMinutes: Math.round(reminderLeadHours * 60),
  }));

export function GeneralSettingsPage() {
  const { settings, setSettings } = useBusiness();
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: generalSchema,
    defaultValues: {
      businessName: settings.businessName,
      notificationEmail: settings.notificationEmail,
      slotIntervalMinutes: settings.slotIntervalMinutes,
      bookingWindowDays: settings.bookingWindowDays,
      reminderLeadHours: settings.reminderLeadMinutes / 60,
    },
    fieldOf: { reminderLeadMinutes: 'reminderLeadHours' },
    save: saveSettings,
    onSaved: (saved) => {
      setSettings(saved);
      form.reset({
        businessName: saved.businessName,
        notificationEmail: saved.notificationEmail,
        slotIntervalMinutes: saved.slotIntervalMinutes,
        bookingWindowDays: saved.bookingWindowDays,
        reminderLeadHours: saved.reminderLeadMinutes / 60,
      });
    },
  });
  const { register } = form;

  return (
    <>
      <PageHeader
        breadcrumb={[
          { label: 'Settings', href: '/admin/settings' },
          { label: 'Business', href: SETTINGS_PATHS.business },
        ]}
        title="General"
        description="The basics customers see in their emails and on the booking pages."
      />
      <form onSubmit={onSubmit} noValidate className="settings-form">
        <section className="card" aria-labelledby="business-heading">
          <h2 id="business-heading">Business</h2>
          <Field label="Business name" error={errorOf('businessName')}>
            {(props) => <input {...props} type="text" {...register('businessName')} />}
          </Field>
          <Field
            label="Office notification email"
            hint="Told whenever a customer reschedules or cancels online. Leave empty for no notifications."
            error={errorOf('notificationEmail')}
          >
            {(props) => (
              <input
                {...props}
                type="email"
                {...register('notificationEmail', { setValueAs: emptyAsNull })}
              />
            )}
          </Field>
          <p className="hint">
            Time zone: <strong>{settings.timezone}</strong>. Change it with the working hours under{' '}
            <Link to="/admin/availability">Availability</Link>.
          </p>
        </section>
        <section className="card" aria-labelledby="booking-heading">
          <h2 id="booking-heading">Booking</h2>
          <Field
            label="Start times every"
            hint="The grid of start times offered to customers, e.g. every 30 minutes: 9:00, 9:30, 10:00."
            error={errorOf('slotIntervalMinutes')}
          >
            {(props) => (
              <select {...props} {...register('slotIntervalMinutes', { setValueAs: Number })}>
                {[...new Set([...SLOT_INTERVALS, settings.slotIntervalMinutes])]
                  .sort((a, b) => a - b)
                  .map((minutes) => (
                    <option key={minutes} value={minutes}>
                      {minutes} minutes
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field
            label="Booking window (days)"
            hint="How far ahead customers may book or move a booking."
            error={errorOf('bookingWindowDays')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                className="input-short"
                {...register('bookingWindowDays', { valueAsNumber: true })}
              />
            )}
          </Field>
          <Field
            label="Send the reminder (hours before)"
            hint="The Booking Reminder email goes out this long before the appointment. 0 sends none."
            error={errorOf('reminderLeadHours')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                step="0.25"
                className="input-short"
                {...register('reminderLeadHours', { valueAsNumber: true })}
              />
            )}
          </Field>
        </section>
        <div className="form-footer">
          <SaveButton state={state} />
        </div>
      </form>
    </>
  );
}
