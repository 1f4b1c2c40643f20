import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatClock, formatDate, zoneAbbreviation } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { BookingSummary } from '../shared/api-types';
import { usePortalSite } from './bootstrap';
import { errorMessage } from './error-words';
import { bookingPath, SCHEDULE_PATH, SIGN_IN_PATH } from './portal-paths';
import { bookingQuery, meQuery, myBookingsQuery } from './portal-queries';
import { type PortalWords, usePortalWords } from './portal-words';
import { PageLoadError, Skeleton, usePageTitle } from './ui-parts';

/**
 * Upcoming first (soonest at the top), then past and cancelled (latest at the top). Which side of "now" a
 * booking falls on only groups the list; what may be done with a booking is asked of the server on its page.
 */
function split(bookings: BookingSummary[], now: number) {
  const upcoming = bookings
    .filter((b) => b.status === 'confirmed' && Date.parse(b.endsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const earlier = bookings
    .filter((b) => !upcoming.includes(b))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, earlier };
}

/** "My bookings": every booking of the signed-in customer. */
export function MyBookingsPage() {
  const navigate = useNavigate();
  const words = usePortalWords();
  const { t } = words;
  // Without a sign-in the list can only answer 401: straight to the sign-in page, nothing asked.
  const { signedIn } = usePortalSite();
  const me = useQuery({ ...meQuery, enabled: signedIn });
  const bookings = useQuery({ ...myBookingsQuery, enabled: signedIn });
  // Booking summaries carry no time zone, and times must read in the business's zone as in its emails; a
  // booking's own view has it. The browser's zone only if there is no booking to ask.
  const firstId = bookings.data?.[0]?.id;
  const first = useQuery({ ...bookingQuery(firstId ?? ''), enabled: firstId !== undefined });
  const failure = me.error ?? bookings.error ?? first.error;

  usePageTitle(t('common.myBookings'));

  useEffect(() => {
    if (!signedIn || (failure instanceof ApiError && failure.status === 401))
      navigate(SIGN_IN_PATH, { replace: true });
  }, [signedIn, failure, navigate]);

  const timeZone =
    firstId === undefined ? Intl.DateTimeFormat().resolvedOptions().timeZone : first.data?.timezone;
  const ready =
    me.data && bookings.data && timeZone
      ? { customer: me.data, bookings: bookings.data, timeZone }
      : undefined;
  const retry = () => {
    for (const query of [me, bookings, first]) if (query.isError) query.refetch();
  };

  if (failure && !(failure instanceof ApiError && failure.status === 401)) {
    return (
      <>
        <h1 className="page-title" tabIndex={-1}>
          {t('common.myBookings')}
        </h1>
        <PageLoadError message={errorMessage(failure, words)} onRetry={retry} />
      </>
    );
  }

  const { upcoming, earlier } = ready ? split(ready.bookings, Date.now()) : { upcoming: [], earlier: [] };

  return (
    <>
      <div className="page-heading title-row">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('common.myBookings')}
          </h1>
          <p className="muted">
            {ready ? t('myBookings.signedInAs', { email: ready.customer.email }) : <Skeleton width="14rem" />}
          </p>
        </div>
        <Link className="button button-primary" to={SCHEDULE_PATH}>
          {t('actions.schedule')}
        </Link>
      </div>

      <section aria-labelledby="upcoming-heading" className="list-section">
        <h2 id="upcoming-heading" className="section-heading">
          {t('myBookings.upcoming')}
        </h2>
        {!ready ? (
          <ListSkeleton />
        ) : upcoming.length === 0 ? (
          <div className="card card-padded empty">
            <p>{t('myBookings.noUpcoming')}</p>
          </div>
        ) : (
          <BookingList bookings={upcoming} timeZone={ready.timeZone} words={words} />
        )}
      </section>

      {(!ready || earlier.length > 0) && (
        <section aria-labelledby="past-heading" className="list-section">
          <h2 id="past-heading" className="section-heading">
            {t('myBookings.earlier')}
          </h2>
          {ready ? (
            <BookingList bookings={earlier} timeZone={ready.timeZone} words={words} />
          ) : (
            <ListSkeleton rows={1} />
          )}
        </section>
      )}
    </>
  );
}

function BookingList({
  bookings,
  timeZone,
  words: { t, locale },
}: {
  bookings: BookingSummary[];
  timeZone: string;
  words: PortalWords;
}) {
  return (
    <ul className="booking-list">
      {bookings.map((booking) => (
        <li key={booking.id}>
          <Link className="booking-row card" to={bookingPath(booking.id)}>
            <span className="booking-row-main">
              <span className="booking-row-head">
                <span className="booking-row-title">{booking.serviceName}</span>
                <span className={`badge badge-${booking.status}`}>{t(`status.${booking.status}`)}</span>
              </span>
              <span className="booking-row-when">
                {formatDate(booking.startsAt, timeZone, locale)},{' '}
                <span className="nowrap">
                  {formatClock(booking.startsAt, timeZone, locale)} –{' '}
                  {formatClock(booking.endsAt, timeZone, locale)}{' '}
                  {zoneAbbreviation(booking.startsAt, timeZone)}
                </span>
              </span>
              {booking.staffName && (
                <span className="booking-row-with">
                  {t('myBookings.withStaff', { staff: booking.staffName })}
                </span>
              )}
            </span>
            <span className="booking-row-chevron" aria-hidden="true">
              ›
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ListSkeleton({ rows = 2 }: { rows?: number }) {
  return (
    <ul className="booking-list" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={String(i)}>
          <div className="booking-row card">
            <span className="booking-row-main">
              <Skeleton width="9rem" height="1.1rem" />
              <Skeleton width="16rem" />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
