import { Link } from 'react-router';
import { formatDuration } from '../../src/shared/business-time';
import type { PortalBooking } from '../shared/api-types';
import { scheduleAppointmentPath } from './portal-paths';
import { Notice } from './ui-parts';

/**
 * What the customer may do now, as the server decided it. A refused change is explained in the business's
 * words instead of showing a button that would only fail.
 */
export function BookingActions({
  booking,
  onReschedule,
  onCancel,
}: {
  booking: PortalBooking;
  onReschedule: () => void;
  onCancel: () => void;
}) {
  const { reschedule, cancel, scheduleNew } = booking.actions;
  const active = booking.status === 'confirmed';
  const scheduleInstead = scheduleNew.allowed && (cancel.code === 'cancel_disabled' || !active);
  const reasons = [
    ...new Set(
      [reschedule, cancel]
        .filter((action) => !action.allowed && action.message && action.code !== 'booking_not_active')
        .filter((action) => !(action.code === 'cancel_disabled' && reschedule.allowed))
        .map((action) => action.message as string),
    ),
  ];
  const cancelNote = cancel.code === 'cancel_disabled' && reschedule.allowed ? cancel.message : undefined;
  const anyButton = reschedule.allowed || cancel.allowed || scheduleInstead;

  return (
    <section className="card card-padded" aria-labelledby="manage-heading">
      <h2 id="manage-heading" className="section-heading">
        {active ? 'Manage your booking' : 'Need another appointment?'}
      </h2>
      {reasons.length > 0 && (
        <Notice tone="info" live={false} title={active ? 'Changes online are not available' : undefined}>
          {reasons.map((reason) => (
            <p key={reason}>{reason}</p>
          ))}
        </Notice>
      )}
      {anyButton && (
        <div className="button-row">
          {reschedule.allowed && (
            <button type="button" className="button button-primary" onClick={onReschedule}>
              Reschedule
            </button>
          )}
          {cancel.allowed && (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel booking
            </button>
          )}
          {scheduleInstead && (
            <Link
              className={reschedule.allowed ? 'button button-secondary' : 'button button-primary'}
              to={scheduleAppointmentPath(booking)}
            >
              Schedule an appointment
            </Link>
          )}
        </div>
      )}
      {cancelNote && <p className="muted small action-note">{cancelNote}</p>}
      {active && (reschedule.allowed || cancel.allowed) && booking.policy.minimumNoticeMinutes > 0 && (
        <p className="muted small action-note">
          You can{' '}
          {[reschedule.allowed && 'reschedule', cancel.allowed && 'cancel'].filter(Boolean).join(' or ')}{' '}
          online up to {formatDuration(booking.policy.minimumNoticeMinutes)} before your appointment.
        </p>
      )}
      {!active && <p className="muted small action-note">Book a new time in a few steps.</p>}
    </section>
  );
}
