import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { calendarDateOf, formatDateTime } from '../../src/shared/business-time';
import { answerOf } from '../shared/api-client';
import type { BookingDetails } from '../shared/api-types';
import { ApiError, adminApi, fieldErrors, problemMessage } from './admin-api';
import { BookingTimeField, chosenStart, type TimeChoice, wallClockOf } from './booking-time-field';
import { useBusiness } from './business-context';
import { DialogButtons, Modal, Notice, ReasonField } from './ui';

/** Moves a booking to another time, as the office; the customer gets the Booking Rescheduled email. */
export function RescheduleDialog({
  booking,
  etag,
  timeZone,
  onClose,
  onDone,
  onStale,
}: {
  booking: BookingDetails;
  etag: string | null;
  timeZone: string;
  onClose(): void;
  onDone(updated: BookingDetails, etag: string | null): void;
  onStale(): void;
}) {
  const { locale } = useBusiness().settings;
  const [choice, setChoice] = useState<TimeChoice>({
    day: calendarDateOf(booking.startsAt, timeZone),
    slot: null,
    allowConflict: false,
    time: wallClockOf(booking.startsAt, timeZone),
  });
  const [reason, setReason] = useState('');
  const [pickError, setPickError] = useState<string>();
  const reschedule = useMutation({
    mutationFn: (startsAt: string) =>
      answerOf(
        adminApi.POST('/api/v1/bookings/{id}/reschedule', {
          params: { path: { id: booking.id }, header: etag ? { 'if-match': etag } : {} },
          body: {
            startsAt,
            ...(reason.trim() && { reason: reason.trim() }),
            allowConflict: choice.allowConflict,
          },
        }),
      ),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === 'booking_changed') onStale();
    },
  });
  const failure = reschedule.error;
  const error = !failure
    ? undefined
    : failure instanceof ApiError && failure.code === 'booking_changed'
      ? 'Someone changed this booking while you were choosing. It has been reloaded: check it and try again.'
      : failure instanceof ApiError && failure.code === 'slot_unavailable'
        ? 'That time is no longer free. Pick another time, or allow a conflict to book it anyway.'
        : (fieldErrors(failure).startsAt ?? fieldErrors(failure).reason ?? problemMessage(failure));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = chosenStart(choice, timeZone);
    if (!startsAt) {
      setPickError(
        choice.allowConflict ? 'Enter a start time.' : 'Choose one of the free times, or allow a conflict.',
      );
      return;
    }
    setPickError(undefined);
    reschedule.mutate(startsAt);
  };

  return (
    <Modal
      title="Reschedule booking"
      onClose={onClose}
      wide
      footer={
        <DialogButtons
          form="reschedule-form"
          cancel="Keep current time"
          onCancel={onClose}
          submit="Reschedule"
          busy={reschedule.isPending}
          busyLabel="Rescheduling…"
        />
      }
    >
      <form id="reschedule-form" onSubmit={submit} noValidate>
        <p>
          Now: <strong>{formatDateTime(booking.startsAt, timeZone, locale)}</strong>. The customer is emailed
          the new time.
        </p>
        {error && <Notice tone="error">{error}</Notice>}
        <BookingTimeField
          serviceId={booking.serviceId}
          staffId={booking.staffId}
          movingBooking={booking}
          timeZone={timeZone}
          choice={choice}
          onChange={(next) => {
            setChoice(next);
            setPickError(undefined);
          }}
          error={pickError}
        />
        <ReasonField value={reason} onChange={setReason} />
      </form>
    </Modal>
  );
}
