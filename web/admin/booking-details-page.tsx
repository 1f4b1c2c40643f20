import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import {
  formatClock,
  formatDateTime,
  formatDuration,
  formatShortDateTime,
} from '../../src/shared/business-time';
import { answerOf, dataOf } from '../shared/api-client';
import type { BookingDetails } from '../shared/api-types';
import { ApiError, adminApi, problemMessage, query } from './admin-api';
import { bookingQuery, customerQuery, outboxQuery } from './admin-queries';
import { bookingReference, EMAIL_KIND_TITLES } from './admin-words';
import { AskCustomerDialog } from './ask-to-reschedule-dialog';
import { describeHistoryEntry } from './booking-history';
import { useBusiness } from './business-context';
import { bookingPath, outboxEmailPath, staffMemberPath } from './paths';
import { RescheduleDialog } from './reschedule-dialog';
import { WithdrawRequestButton } from './reschedule-requests-page';
import {
  BookingStatusBadge,
  DialogButtons,
  Loading,
  Modal,
  Notice,
  OutboxStatusBadge,
  PageHeader,
  ReasonField,
} from './ui';

type Dialog = 'reschedule' | 'cancel' | 'complete' | 'ask' | null;

export function BookingDetailsPage({ id }: { id: string }) {
  const { settings, serviceName, staffName, services } = useBusiness();
  const { timezone: timeZone, locale } = settings;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'warning'; text: string }>();

  const client = useQueryClient();
  const details = useQuery(bookingQuery(id));
  const customerId = details.data?.data.customerId;
  const customer = useQuery({ ...customerQuery(customerId ?? ''), enabled: customerId !== undefined }).data;
  const emails = useQuery(outboxQuery({ bookingId: id }));
  const reload = () => client.invalidateQueries({ queryKey: bookingQuery(id).queryKey });
  const resend = useMutation({
    mutationFn: () =>
      dataOf(adminApi.POST('/api/v1/bookings/{id}/resend-confirmation', { params: { path: { id } } })),
    onSuccess: () => {
      setMessage({
        tone: 'success',
        text: `A fresh confirmation is on its way to ${customer?.email ?? 'the customer'}.`,
      });
      return client.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (error) => setMessage({ tone: 'error', text: problemMessage(error) }),
  });

  const header = (actions?: ReactNode, description?: string) => (
    <PageHeader
      breadcrumb={[{ label: 'Bookings', href: '/admin/bookings' }]}
      title="Booking Details"
      {...(description && { description })}
      actions={actions}
    />
  );

  if (!details.data) {
    return (
      <>
        {header()}
        {details.error instanceof ApiError && details.error.status === 404 ? (
          <Notice tone="error">
            There is no booking with this reference. <Link to="/admin/bookings">Back to Bookings</Link>
          </Notice>
        ) : details.isError ? (
          <Notice tone="error">{problemMessage(details.error)}</Notice>
        ) : (
          <Loading label="Loading the booking…" />
        )}
      </>
    );
  }

  const { data: booking, etag } = details.data;
  const active = booking.status === 'confirmed';
  const service = services.find((each) => each.id === booking.serviceId);
  const minutes = Math.round((Date.parse(booking.endsAt) - Date.parse(booking.startsAt)) / 60_000);

  const changed = (updated: BookingDetails, nextEtag: string | null, text: string) => {
    client.setQueryData(bookingQuery(id).queryKey, { data: updated, etag: nextEtag });
    client.invalidateQueries({ queryKey: ['bookings', 'list'] });
    client.invalidateQueries({ queryKey: ['outbox'] });
    client.invalidateQueries({ queryKey: ['availability'] });
    setDialog(null);
    setMessage({ tone: 'success', text });
  };

  const actions = active ? (
    <>
      <button type="button" className="button button-primary" onClick={() => setDialog('reschedule')}>
        Reschedule
      </button>
      {!booking.rescheduleRequest && Date.parse(booking.startsAt) > Date.now() && (
        <button type="button" className="button" onClick={() => setDialog('ask')}>
          Ask customer to reschedule
        </button>
      )}
      <button type="button" className="button" onClick={() => setDialog('complete')}>
        Mark completed
      </button>
      <button type="button" className="button button-danger-quiet" onClick={() => setDialog('cancel')}>
        Cancel booking
      </button>
    </>
  ) : undefined;

  return (
    <>
      {header(actions, `Reference ${bookingReference(booking.id)}`)}
      {message && (
        <Notice tone={message.tone}>
          <p>{message.text}</p>
        </Notice>
      )}
      {booking.rescheduleRequest && (
        <Notice tone="info" title="The customer was asked to reschedule">
          <p>
            Asked {formatShortDateTime(booking.rescheduleRequest.createdAt, timeZone, locale)}; the booking
            keeps its time until they answer, by{' '}
            {formatShortDateTime(booking.rescheduleRequest.respondBy, timeZone, locale)}.
            {booking.rescheduleRequest.message && <> Message: “{booking.rescheduleRequest.message}”</>}
          </p>
          {booking.rescheduleRequest.suggestedTimes.length > 0 && (
            <p>
              Suggested:{' '}
              {booking.rescheduleRequest.suggestedTimes
                .map(
                  (time) =>
                    `${formatShortDateTime(time.startsAt, timeZone, locale)}${
                      time.staffId !== booking.staffId ? ` with ${staffName(time.staffId)}` : ''
                    }`,
                )
                .join('; ')}
            </p>
          )}
          <p>
            <Link to="/admin/reschedule-requests">Reschedule requests</Link>{' '}
            <WithdrawRequestButton id={booking.rescheduleRequest.id} />
          </p>
        </Notice>
      )}
      {booking.conflicts.length > 0 && (
        <Notice tone="warning" title="This booking has a conflict">
          <ul className="conflicts">
            {booking.conflicts.map((conflict) => (
              <li key={`${conflict.kind}-${conflict.id}`}>
                {conflict.kind === 'booking' ? 'Overlaps another booking' : 'Overlaps blocked time'}:{' '}
                {formatShortDateTime(conflict.startsAt, timeZone, locale)}–
                {formatClock(conflict.endsAt, timeZone, locale)}
                {conflict.kind === 'booking' && (
                  <>
                    {' '}
                    · <Link to={bookingPath(conflict.id)}>Open that booking</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>Reschedule one of them, or leave it if the overlap is intended.</p>
        </Notice>
      )}
      <div className="details-grid">
        <section className="card" aria-labelledby="appointment-heading">
          <div className="card-head">
            <h2 id="appointment-heading">Appointment</h2>
            <BookingStatusBadge status={booking.status} />
          </div>
          <dl className="details-list">
            <div>
              <dt>When</dt>
              <dd>
                <strong data-testid="booking-time">
                  {formatDateTime(booking.startsAt, timeZone, locale)}
                </strong>
                <span className="hint"> until {formatClock(booking.endsAt, timeZone, locale)}</span>
              </dd>
            </div>
            <div>
              <dt>Service</dt>
              <dd>
                {serviceName(booking.serviceId)} <span className="hint">· {formatDuration(minutes)}</span>
                {service && !service.active && <span className="tag">No longer offered</span>}
              </dd>
            </div>
            <div>
              <dt>Staff</dt>
              <dd>
                <Link to={staffMemberPath(booking.staffId)}>{staffName(booking.staffId)}</Link>
              </dd>
            </div>
            <div>
              <dt>Customer</dt>
              <dd>
                {customer ? (
                  <>
                    <Link to={`/admin/customers${query({ search: customer.email })}`}>{customer.name}</Link>
                    <br />
                    <a href={`mailto:${customer.email}`}>{customer.email}</a>
                    {customer.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${customer.phone}`}>{customer.phone}</a>
                      </>
                    )}
                  </>
                ) : (
                  'Unknown customer'
                )}
              </dd>
            </div>
            <div>
              <dt>Rescheduled</dt>
              <dd>
                {booking.rescheduleCount === 0
                  ? 'Never'
                  : booking.rescheduleCount === 1
                    ? 'Once'
                    : `${booking.rescheduleCount} times`}
              </dd>
            </div>
            {booking.notes && (
              <div>
                <dt>Notes</dt>
                <dd className="pre-line">{booking.notes}</dd>
              </div>
            )}
          </dl>
        </section>

        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ol className="history">
            {[...booking.history].reverse().map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at the end, so positions are stable
              <li key={`${booking.history.length - index}`} className={`history-${entry.type}`}>
                <p>{describeHistoryEntry(entry, timeZone, locale, staffName)}</p>
                <p className="hint">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone, locale)}</time>
                </p>
              </li>
            ))}
          </ol>
        </section>

        <section className="card details-emails" aria-labelledby="emails-heading">
          <div className="card-head">
            <h2 id="emails-heading">Emails</h2>
            {active && (
              <button type="button" className="button button-small" onClick={() => resend.mutate()}>
                Resend confirmation
              </button>
            )}
          </div>
          {emails.isPending && <Loading label="Loading emails…" />}
          {emails.isError && <Notice tone="error">{problemMessage(emails.error)}</Notice>}
          {emails.data && emails.data.length === 0 && <p className="hint">No emails for this booking yet.</p>}
          {emails.data && emails.data.length > 0 && (
            <ul className="email-list">
              {emails.data.map((email) => (
                <li key={email.id}>
                  <div>
                    <Link to={outboxEmailPath(email.id)}>{EMAIL_KIND_TITLES[email.kind]}</Link>
                    <span className="hint"> to {email.to}</span>
                  </div>
                  <div className="email-meta">
                    <OutboxStatusBadge status={email.status} />
                    <span className="hint">
                      {formatShortDateTime(email.sentAt ?? email.createdAt, timeZone, locale)}
                    </span>
                  </div>
                  {email.lastError && <p className="field-error">{email.lastError}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {dialog === 'ask' && (
        <AskCustomerDialog
          bookingId={booking.id}
          staffId={booking.staffId}
          serviceId={booking.serviceId}
          onClose={() => setDialog(null)}
          onAsked={(request) => {
            reload();
            setDialog(null);
            setMessage({
              tone: 'success',
              text: `${request.booking.customerName} has been asked to pick a new time (${request.suggestedTimes.length} suggested).`,
            });
          }}
        />
      )}
      {dialog === 'reschedule' && (
        <RescheduleDialog
          booking={booking}
          etag={etag}
          timeZone={timeZone}
          onClose={() => setDialog(null)}
          onDone={(updated, nextEtag) =>
            changed(
              updated,
              nextEtag,
              `Rescheduled to ${formatDateTime(updated.startsAt, timeZone, locale)}.`,
            )
          }
          onStale={reload}
        />
      )}
      {(dialog === 'cancel' || dialog === 'complete') && (
        <StatusDialog
          action={dialog}
          booking={booking}
          etag={etag}
          onClose={() => setDialog(null)}
          onDone={(updated, nextEtag) =>
            changed(
              updated,
              nextEtag,
              dialog === 'cancel' ? 'The booking is cancelled.' : 'Marked as completed.',
            )
          }
          onStale={reload}
        />
      )}
    </>
  );
}

function StatusDialog({
  action,
  booking,
  etag,
  onClose,
  onDone,
  onStale,
}: {
  action: 'cancel' | 'complete';
  booking: BookingDetails;
  etag: string | null;
  onClose(): void;
  onDone(updated: BookingDetails, etag: string | null): void;
  onStale(): void;
}) {
  const [reason, setReason] = useState('');
  const cancelling = action === 'cancel';
  const change = useMutation({
    mutationFn: () =>
      answerOf(
        adminApi.POST(cancelling ? '/api/v1/bookings/{id}/cancel' : '/api/v1/bookings/{id}/complete', {
          params: { path: { id: booking.id }, header: etag ? { 'if-match': etag } : {} },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: ({ data, etag: next }) => onDone(data, next),
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === 'booking_changed') onStale();
    },
  });
  const error =
    change.error instanceof ApiError && change.error.code === 'booking_changed'
      ? 'Someone changed this booking meanwhile. It has been reloaded: check it and try again.'
      : change.error
        ? problemMessage(change.error)
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };

  return (
    <Modal
      title={cancelling ? 'Cancel this booking?' : 'Mark this booking as completed?'}
      onClose={onClose}
      footer={
        <DialogButtons
          form="status-form"
          cancel={cancelling ? 'Keep booking' : 'Not yet'}
          onCancel={onClose}
          submit={cancelling ? 'Cancel booking' : 'Mark completed'}
          busy={change.isPending}
          danger={cancelling}
        />
      }
    >
      <form id="status-form" onSubmit={submit} noValidate>
        {error && <Notice tone="error">{error}</Notice>}
        <p>
          {cancelling
            ? 'The time is freed for other bookings and the customer is sent the Booking Cancelled email.'
            : 'The appointment took place. It can no longer be changed, by you or the customer.'}
        </p>
        <ReasonField value={reason} onChange={setReason} />
      </form>
    </Modal>
  );
}
