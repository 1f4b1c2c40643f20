import { Link } from 'react-router';
import type { PortalBooking } from '../shared/api-types';
import { scheduleAppointmentPath } from './portal-paths';
import { usePortalWords } from './portal-words';
import { CallUs, Notice } from './ui-parts';

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
  const words = usePortalWords();
  const { t } = words;
  const { reschedule, cancel, scheduleNew } = booking.actions;
  const active = booking.status === 'confirmed';
  const started = active && [reschedule.code, cancel.code].includes('booking_not_active');
  const scheduleInstead = scheduleNew.allowed && (cancel.code === 'cancel_disabled' || !active || started);
  const say = (action: PortalBooking['actions']['reschedule']) =>
    words.refusal(action.code, action.message, booking) ?? '';
  // A booking that is no longer open (cancelled, completed, started) is explained by the page's own notice.
  const reasons = [
    ...new Set(
      [reschedule, cancel]
        .filter((action) => !action.allowed && action.code !== 'booking_not_active')
        .filter((action) => !(action.code === 'cancel_disabled' && reschedule.allowed))
        .map(say)
        .filter(Boolean),
    ),
  ];
  const cancelNote = cancel.code === 'cancel_disabled' && reschedule.allowed ? say(cancel) : undefined;
  const anyButton = reschedule.allowed || cancel.allowed || scheduleInstead;
  const open = active && !started;
  // Only what is really unavailable is named: with Cancel still there, it is rescheduling that is not.
  const reasonsTitle = !open
    ? undefined
    : cancel.allowed
      ? t('actions.rescheduleUnavailable')
      : t('actions.changesUnavailable');
  const notice = booking.policy.minimumNoticeMinutes;
  const noticeText =
    reschedule.allowed && cancel.allowed
      ? t('actions.noticeBoth', { notice: words.duration(notice) })
      : reschedule.allowed
        ? t('actions.noticeReschedule', { notice: words.duration(notice) })
        : t('actions.noticeCancel', { notice: words.duration(notice) });

  return (
    <section className="card card-padded" aria-labelledby="manage-heading">
      <h2 id="manage-heading" className="section-heading">
        {open ? t('actions.manage') : t('actions.another')}
      </h2>
      {reasons.length > 0 && (
        <Notice tone="info" live={false} title={reasonsTitle}>
          {reasons.map((reason) => (
            <p key={reason}>{reason}</p>
          ))}
          <CallUs />
        </Notice>
      )}
      {anyButton && (
        <div className="button-row">
          {reschedule.allowed && (
            <button type="button" className="button button-primary" onClick={onReschedule}>
              {t('actions.reschedule')}
            </button>
          )}
          {cancel.allowed && (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('actions.cancel')}
            </button>
          )}
          {scheduleInstead && (
            <Link
              className={reschedule.allowed ? 'button button-secondary' : 'button button-primary'}
              to={scheduleAppointmentPath(booking)}
            >
              {t('actions.schedule')}
            </Link>
          )}
        </div>
      )}
      {cancelNote && <p className="muted small action-note">{cancelNote}</p>}
      {open && (reschedule.allowed || cancel.allowed) && notice > 0 && (
        <p className="muted small action-note">{noticeText}</p>
      )}
      {!open && <p className="muted small action-note">{t('actions.bookNew')}</p>}
    </section>
  );
}
