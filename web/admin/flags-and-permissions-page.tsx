import { useId } from 'react';
import { Link } from 'react-router';
import { customerPortalSchema, noticeTimeSchema } from '../../src/settings/business-settings';
import { formatDuration } from '../../src/shared/business-time';
import type { CustomerPortalSettings } from '../shared/api-types';
import { saveSettings } from './admin-api';
import { useBusiness } from './business-context';
import { SETTINGS_PATHS } from './paths';
import { useServerForm } from './server-form';
import { Field, FieldError, Notice, PageHeader, SaveButton, Switch } from './ui';

const RESCHEDULE_LABEL = 'Allow customers to reschedule bookings through the customer portal and email links';
const CANCEL_LABEL = 'Allow customers to cancel bookings through the customer portal and email links';

// The page asks for the notice in hours and minutes; the API's schema checks the total and says the words.
const flagsSchema = customerPortalSchema
  .omit({ minimumNoticeMinutes: true })
  .extend({ notice: noticeTimeSchema })
  .transform(({ notice, ...rest }) => ({ ...rest, minimumNoticeMinutes: notice.hours * 60 + notice.minutes }))
  .pipe(customerPortalSchema);

const valuesOf = ({ minimumNoticeMinutes, ...portal }: CustomerPortalSettings) => ({
  ...portal,
  notice: { hours: Math.floor(minimumNoticeMinutes / 60), minutes: minimumNoticeMinutes % 60 },
});

/**
 * A number input's value as the schema reads it: empty is `empty`, anything else a number (NaN if it is not).
 * react-hook-form also passes the stored value through here (null for "no limit"), not only the typed text.
 */
const numberOr =
  <T,>(empty: T) =>
  (value: unknown) =>
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
      ? empty
      : Number(value);

export function FlagsAndPermissionsPage() {
  const { settings, setSettings } = useBusiness();
  const saved = settings.customerPortal;
  const { form, onSubmit, state, errorOf } = useServerForm({
    schema: flagsSchema,
    defaultValues: valuesOf(saved),
    fieldOf: {
      'customerPortal.minimumNoticeMinutes': 'notice.hours',
      'customerPortal.maxReschedulesPerBooking': 'maxReschedulesPerBooking',
      'customerPortal.changeBlockedMessage': 'changeBlockedMessage',
    },
    leaveMessage: 'Your Flags & Permissions changes are not saved. Leave this page and lose them?',
    save: (customerPortal) => saveSettings({ customerPortal }),
    onSaved: (data) => {
      setSettings(data);
      form.reset(valuesOf(data.customerPortal));
    },
  });
  const { register, watch, setValue } = form;
  const ids = { switchLabel: useId(), on: useId(), off: useId(), notice: useId() };

  const realTimeAvailability = watch('realTimeAvailability');
  const allowReschedule = watch('allowReschedule');
  const notice = watch('notice');
  const noticeError =
    errorOf('notice.hours') ??
    errorOf('notice.minutes') ??
    errorOf('notice') ??
    // The total's limit, checked by the API's own schema after the two parts are added up.
    errorOf('minimumNoticeMinutes' as 'notice');
  const noticeParsed = noticeTimeSchema.safeParse(notice);
  const noticeNow = noticeParsed.success
    ? noticeParsed.data.hours * 60 + noticeParsed.data.minutes
    : undefined;

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Settings', href: '/admin/settings' }, { label: 'Customer Portal' }]}
        title="Flags & Permissions"
        description="What customers may change themselves from the Customer Portal and from the links in their emails."
      />
      <form onSubmit={onSubmit} noValidate className="settings-form">
        <section className="card" aria-labelledby="booking-flags">
          <h2 id="booking-flags">Booking flags</h2>
          <div className="check-row">
            <input
              type="checkbox"
              id="allow-reschedule"
              {...register('allowReschedule')}
              aria-describedby="allow-reschedule-hint"
            />
            <div>
              <label htmlFor="allow-reschedule">{RESCHEDULE_LABEL}</label>
              <p className="hint" id="allow-reschedule-hint">
                Customers see <strong>Reschedule</strong> on their booking page, and the “Reschedule or change
                booking details” button appears in confirmation and reminder emails. When off, the button is
                left out of new emails and links in earlier emails no longer allow a change. To take it out of
                your wording as well, edit Booking Confirmation and Booking Reminder in{' '}
                <Link to={SETTINGS_PATHS.templates}>Email Templates</Link>.
              </p>
            </div>
          </div>
          <div className="check-row">
            <input
              type="checkbox"
              id="allow-cancel"
              {...register('allowCancel')}
              aria-describedby="allow-cancel-hint"
            />
            <div>
              <label htmlFor="allow-cancel">{CANCEL_LABEL}</label>
              <p className="hint" id="allow-cancel-hint">
                Customers see <strong>Cancel booking</strong> on their booking page. When off, they are
                offered <strong>Schedule an appointment</strong> instead.
              </p>
            </div>
          </div>
        </section>

        <section className="card" aria-labelledby="rescheduling-rules">
          <h2 id="rescheduling-rules">When customers pick a new time</h2>
          <div className="switch-row">
            <span className="switch-label" id={ids.switchLabel}>
              Real-time availability
            </span>
            <Switch
              checked={realTimeAvailability}
              onChange={(on) => setValue('realTimeAvailability', on, { shouldDirty: true })}
              labelledBy={ids.switchLabel}
              describedBy={realTimeAvailability ? ids.on : ids.off}
            />
          </div>
          <ul className="mode-lines">
            <li id={ids.on} className={realTimeAvailability ? 'mode-current' : ''}>
              <strong>On:</strong> customers only see times that are currently available — existing bookings
              and blocked events are taken into account.
              {realTimeAvailability && <span className="mode-tag">In effect</span>}
            </li>
            <li id={ids.off} className={realTimeAvailability ? '' : 'mode-current'}>
              <strong>Off:</strong> customers can pick any time within your working hours. Conflicts are not
              checked, so you may need to resolve them yourself.
              {!realTimeAvailability && <span className="mode-tag">In effect</span>}
            </li>
          </ul>

          <fieldset
            className={`field notice-time${noticeError ? ' field-invalid' : ''}`}
            aria-describedby={`${ids.notice}-hint${noticeError ? ` ${ids.notice}-error` : ''}`}
          >
            <legend>Minimum notice time</legend>
            <div className="inline-inputs">
              <label>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1440}
                  className="input-short"
                  {...register('notice.hours', { setValueAs: numberOr(0) })}
                  {...(noticeError && { 'aria-invalid': true })}
                />
                <span>hours</span>
              </label>
              <label>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={59}
                  className="input-short"
                  {...register('notice.minutes', { setValueAs: numberOr(0) })}
                  {...(noticeError && { 'aria-invalid': true })}
                />
                <span>minutes</span>
              </label>
            </div>
            <p className="hint" id={`${ids.notice}-hint`}>
              Customers cannot reschedule or cancel a booking that starts within this time, nor move it to a
              time that starts within it.{' '}
              {noticeNow !== undefined &&
                (noticeNow === 0
                  ? 'With 0, they can make changes right up to the start.'
                  : `As set, a booking can be changed online until ${formatDuration(noticeNow)} before it starts.`)}
            </p>
            {noticeError && <FieldError id={`${ids.notice}-error`} message={noticeError} />}
          </fieldset>

          <Field
            label="Maximum reschedules per booking"
            hint="How often a customer may move one booking online. Leave empty for no limit. Changes made by your office do not count."
            error={errorOf('maxReschedulesPerBooking')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                placeholder="No limit"
                className="input-short"
                {...register('maxReschedulesPerBooking', { setValueAs: numberOr(null) })}
              />
            )}
          </Field>

          <Field
            label="Message shown when a change is refused"
            hint="Added after the reason whenever a customer cannot change a booking online — on the booking page and in emails. Say how to reach you, e.g. “Please call us on (555) 010-4477.”"
            error={errorOf('changeBlockedMessage')}
          >
            {(props) => (
              <textarea {...props} rows={3} maxLength={500} {...register('changeBlockedMessage')} />
            )}
          </Field>
        </section>

        {!allowReschedule && saved.allowReschedule && (
          <Notice tone="warning">
            Once saved, customers can no longer reschedule online. Bookings can still be moved from Bookings
            in this admin portal.
          </Notice>
        )}

        <div className="form-footer">
          <SaveButton state={state} />
          <p className="hint form-footer-note">Saved changes apply from the customer’s next request.</p>
        </div>
      </form>
    </>
  );
}
