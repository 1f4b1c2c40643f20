import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatDate, formatDuration, formatShortDate, formatTimeRange } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import { BookingActions } from './booking-actions';
import { BookingHistory } from './booking-history';
import { customerTimeOf, formatWhen, STATUS_LABEL } from './booking-words';
import { CancelDialog } from './cancel-dialog';
import { errorMessage } from './error-words';
import { MY_BOOKINGS_PATH, SIGN_IN_PATH } from './portal-paths';
import { bookingQuery } from './portal-queries';
import { REQUEST_WORDS } from './request-words';
import { RescheduleDialog } from './reschedule-dialog';
import { RescheduleRequestBanner } from './reschedule-request-banner';
import { MessagePage, Notice, PageLoadError, Skeleton } from './ui-parts';

type Banner = { tone: 'success' | 'info' | 'error'; title: string; text: string };

/** What a page that sends the customer here can ask it to say on arrival. */
export interface BookingArrival {
  banner?: Banner;
}

/** The booking view page: when, with whom, what happened so far, and what can be done now. */
export function BookingViewPage({ bookingId }: { bookingId: string }) {
  const client = useQueryClient();
  const load = useQuery(bookingQuery(bookingId));
  const location = useLocation();
  const navigate = useNavigate();
  const arrival = location.state as BookingArrival | null;
  // A suggested time from the office's email (`?startsAt=`): shown ready to confirm; opening it changes nothing.
  const ready = new URLSearchParams(location.search).get('startsAt');
  const forgetReady = () => {
    if (ready)
      navigate({ pathname: location.pathname, search: '' }, { replace: true, state: location.state });
  };
  const [banner, setBanner] = useState<Banner | undefined>(arrival?.banner);
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | null>(null);

  const booking = load.data;
  useEffect(() => {
    document.title = booking
      ? `${booking.service.name}, ${formatShortDate(booking.startsAt, booking.timezone)} · Your booking`
      : 'Your booking';
  }, [booking]);

  const changed = (updated: PortalBooking) => {
    client.setQueryData(bookingQuery(bookingId).queryKey, updated);
    client.invalidateQueries({ queryKey: ['bookings', 'mine'] });
    client.invalidateQueries({ queryKey: ['slots'] });
  };

  if (load.error instanceof ApiError && load.error.status === 401) return <SignInToSee />;
  if (load.error instanceof ApiError && load.error.status === 404) return <BookingNotFound />;
  if (load.isError)
    return (
      <>
        <BackLink />
        <h1 className="page-title" tabIndex={-1}>
          Your booking
        </h1>
        <PageLoadError message={errorMessage(load.error)} onRetry={() => load.refetch()} />
      </>
    );
  if (!booking) return <BookingSkeleton />;

  return (
    <>
      <BackLink />
      <div className="page-heading">
        <p className="eyebrow">Booking {booking.reference}</p>
        <div className="title-row title-with-badge">
          <h1 className="page-title" tabIndex={-1}>
            {booking.service.name}
          </h1>
          <span className={`badge badge-${booking.status}`}>{STATUS_LABEL[booking.status]}</span>
        </div>
      </div>

      {banner && (
        <Notice tone={banner.tone} title={banner.title}>
          <p>{banner.text}</p>
        </Notice>
      )}
      {booking.status === 'cancelled' && (
        <Notice tone="warning" live={false} title="This booking was cancelled">
          <p>It no longer takes place and cannot be changed online.</p>
        </Notice>
      )}
      {booking.status === 'completed' && (
        <Notice tone="info" live={false} title="This appointment has taken place">
          <p>Thank you for visiting us.</p>
        </Notice>
      )}

      {booking.rescheduleRequest && booking.status === 'confirmed' && (
        <RescheduleRequestBanner
          booking={booking}
          ready={ready}
          onRescheduled={(updated) => {
            changed(updated);
            forgetReady();
            setBanner({
              tone: 'success',
              title: REQUEST_WORDS.rescheduledTitle,
              text: REQUEST_WORDS.rescheduledText(formatWhen(updated.startsAt, updated.timezone)),
            });
          }}
          onDeclined={() => {
            forgetReady();
            client.invalidateQueries({ queryKey: bookingQuery(bookingId).queryKey });
            setBanner({ tone: 'info', title: REQUEST_WORDS.declinedTitle, text: REQUEST_WORDS.declinedText });
          }}
          onAllTimes={() => {
            setBanner(undefined);
            setDialog('reschedule');
          }}
        />
      )}
      <WhenCard booking={booking} />
      <BookingActions
        booking={booking}
        onReschedule={() => {
          setBanner(undefined);
          setDialog('reschedule');
        }}
        onCancel={() => {
          setBanner(undefined);
          setDialog('cancel');
        }}
      />
      <BookingHistory booking={booking} />

      {dialog === 'reschedule' && (
        <RescheduleDialog
          booking={booking}
          onClose={() => setDialog(null)}
          onRescheduled={(updated) => {
            changed(updated);
            forgetReady();
            setBanner({
              tone: 'success',
              title: 'Your booking has been rescheduled',
              text: `It is now on ${formatWhen(updated.startsAt, updated.timezone)}. A confirmation email is on its way.`,
            });
            setDialog(null);
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          booking={booking}
          onClose={() => setDialog(null)}
          onCancelled={(updated) => {
            changed(updated);
            setBanner({
              tone: 'success',
              title: 'Your booking has been cancelled',
              text: 'A cancellation email is on its way.',
            });
            setDialog(null);
          }}
        />
      )}
    </>
  );
}

function WhenCard({ booking }: { booking: PortalBooking }) {
  const zone = booking.timezone;
  const theirs = customerTimeOf(booking.startsAt, booking.endsAt, zone, booking.customerTimezone);
  const cancelled = booking.status === 'cancelled';
  return (
    <section className={`card when-card${cancelled ? ' when-cancelled' : ''}`} aria-labelledby="when-heading">
      <div className="when-main">
        <h2 id="when-heading" className="visually-hidden">
          Date and time
        </h2>
        <p className="when-date" data-testid="booking-date">
          {formatDate(booking.startsAt, zone)}
        </p>
        <p className="when-time" data-testid="booking-time">
          {formatTimeRange(booking.startsAt, booking.endsAt, zone)}
        </p>
        {theirs && (
          <p className="when-theirs">
            Your time: <span>{theirs}</span>
          </p>
        )}
      </div>
      <dl className="facts">
        {booking.staff.name && (
          <div className="fact">
            <dt>With</dt>
            <dd>{booking.staff.name}</dd>
          </div>
        )}
        <div className="fact">
          <dt>Duration</dt>
          <dd>{formatDuration(booking.service.durationMinutes)}</dd>
        </div>
        <div className="fact">
          <dt>Reference</dt>
          <dd>{booking.reference}</dd>
        </div>
        <div className="fact fact-wide">
          <dt>Notes</dt>
          <dd className={booking.notes ? 'notes' : 'muted'}>{booking.notes || 'No notes'}</dd>
        </div>
      </dl>
    </section>
  );
}

function BackLink() {
  return (
    <Link className="back-link" to={MY_BOOKINGS_PATH}>
      <span aria-hidden="true">←</span> My bookings
    </Link>
  );
}

function BookingSkeleton() {
  return (
    <div aria-busy="true">
      <BackLink />
      <div className="page-heading">
        <Skeleton width="7rem" height="0.9rem" />
        <h1 className="page-title" tabIndex={-1}>
          <span className="visually-hidden">Loading your booking…</span>
          <Skeleton width="14rem" height="2rem" />
        </h1>
      </div>
      <section className="card when-card">
        <div className="when-main">
          <Skeleton width="16rem" height="1.6rem" />
          <Skeleton width="10rem" height="1.25rem" />
        </div>
        <div className="facts">
          <Skeleton width="60%" />
          <Skeleton width="40%" />
          <Skeleton width="50%" />
        </div>
      </section>
      <section className="card card-padded">
        <Skeleton width="12rem" height="1.25rem" />
        <div className="button-row">
          <Skeleton width="8rem" height="2.75rem" />
          <Skeleton width="9rem" height="2.75rem" />
        </div>
      </section>
    </div>
  );
}

function SignInToSee() {
  return (
    <MessagePage
      title="Sign in to see your booking"
      action={{ to: SIGN_IN_PATH, label: 'Sign in with your email' }}
    >
      For your privacy, a booking opens from the link in your booking emails, or after you sign in with your
      email address.
    </MessagePage>
  );
}

function BookingNotFound() {
  return (
    <MessagePage title="Booking not found" action={{ to: MY_BOOKINGS_PATH, label: 'Go to My bookings' }}>
      We could not find this booking. The address may be mistyped, or it may belong to another account.
    </MessagePage>
  );
}
