import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatDate, formatTimeRange } from '../../src/shared/business-time';
import { ApiError } from '../shared/api-client';
import type { PortalBooking } from '../shared/api-types';
import { BookingActions } from './booking-actions';
import { BookingHistory } from './booking-history';
import { customerTimeOf } from './booking-words';
import { usePortalSite } from './bootstrap';
import { errorMessage } from './error-words';
import { MY_BOOKINGS_PATH, SIGN_IN_PATH } from './portal-paths';
import { bookingQuery } from './portal-queries';
import { usePortalWords } from './portal-words';
import { useRequestWords } from './request-words';
import { RescheduleRequestBanner } from './reschedule-request-banner';
import { CallUs, MessagePage, Notice, PageLoadError, Skeleton, usePageTitle } from './ui-parts';

// The dialogs come after the page: a customer on a slow phone first needs to see the booking. They are fetched
// as soon as the page is up, so a tap on Reschedule rarely waits.
const loadRescheduleDialog = () => import('./reschedule-dialog');
const loadCancelDialog = () => import('./cancel-dialog');
const RescheduleDialog = lazy(() => loadRescheduleDialog().then((m) => ({ default: m.RescheduleDialog })));
const CancelDialog = lazy(() => loadCancelDialog().then((m) => ({ default: m.CancelDialog })));

/** `says`: the status the banner already announces, so the page's own notice of it is not stacked below. */
type Banner = { tone: 'success' | 'info' | 'error'; title: string; text: string; says?: 'cancelled' };

/** What a page that sends the customer here can ask it to say on arrival. */
export interface BookingArrival {
  banner?: Banner;
}

/** The booking view page: when, with whom, what happened so far, and what can be done now. */
export function BookingViewPage({ bookingId }: { bookingId: string }) {
  const client = useQueryClient();
  const words = usePortalWords();
  const { t } = words;
  const requestWords = useRequestWords();
  const site = usePortalSite();
  // Without a sign-in or this booking's link the answer could only be 401: not asked.
  const mayRead = site.mayReadBooking(bookingId);
  const load = useQuery({ ...bookingQuery(bookingId), enabled: mayRead });
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
  usePageTitle(t('booking.title'));
  const changeable = booking?.actions.reschedule.allowed || booking?.actions.cancel.allowed;
  // The dialogs load when the customer reaches for a change (a finger on the screen, the pointer over the
  // buttons, a Tab onto them), not with the page: the booking page's JavaScript stays within its budget
  // (issue 10: 120 KB gzip in total on the page), and a tap still finds the dialog on its way.
  const preloadDialogs = changeable
    ? () => {
        void loadRescheduleDialog();
        void loadCancelDialog();
      }
    : undefined;

  const changed = (updated: PortalBooking) => {
    client.setQueryData(bookingQuery(bookingId).queryKey, updated);
    client.invalidateQueries({ queryKey: ['bookings', 'mine'] });
    client.invalidateQueries({ queryKey: ['slots'] });
  };

  if (!mayRead || (load.error instanceof ApiError && load.error.status === 401)) return <SignInToSee />;
  if (load.error instanceof ApiError && load.error.status === 404) return <BookingNotFound />;
  if (load.isError)
    return (
      <>
        <BackLink />
        <h1 className="page-title" tabIndex={-1}>
          {t('booking.title')}
        </h1>
        <PageLoadError message={errorMessage(load.error, words)} onRetry={() => load.refetch()} />
      </>
    );
  if (!booking) return <BookingSkeleton />;
  // A booking under way is still "confirmed", but no longer the customer's to change: the server says so.
  const started =
    booking.status === 'confirmed' &&
    [booking.actions.reschedule.code, booking.actions.cancel.code].includes('booking_not_active');

  return (
    <>
      <BackLink />
      <div className="page-heading">
        <p className="eyebrow">{t('booking.reference', { reference: booking.reference })}</p>
        <div className="title-row title-with-badge">
          <h1 className="page-title" tabIndex={-1}>
            {booking.service.name}
          </h1>
          <span className={`badge badge-${booking.status}`}>{t(`status.${booking.status}`)}</span>
        </div>
      </div>

      {banner && (
        <Notice tone={banner.tone} title={banner.title}>
          <p>{banner.text}</p>
        </Notice>
      )}
      {booking.status === 'cancelled' && banner?.says !== 'cancelled' && (
        <Notice tone="warning" live={false} title={t('booking.cancelledTitle')}>
          <p>{t('booking.cancelledText')}</p>
        </Notice>
      )}
      {booking.status === 'completed' && (
        <Notice tone="info" live={false} title={t('booking.completedTitle')}>
          <p>{t('booking.completedText')}</p>
        </Notice>
      )}
      {started && (
        <Notice tone="info" live={false} title={t('booking.startedTitle')}>
          <p>{t('booking.startedText')}</p>
          {booking.policy.changeBlockedMessage.trim() && <p>{booking.policy.changeBlockedMessage.trim()}</p>}
          <CallUs />
        </Notice>
      )}

      {/* biome-ignore lint/a11y/noStaticElementInteractions: only warms the dialogs' code; the buttons inside act */}
      <div
        className="preload-changes"
        onPointerOver={preloadDialogs}
        onTouchStart={preloadDialogs}
        onFocus={preloadDialogs}
      >
        {booking.rescheduleRequest && booking.status === 'confirmed' && (
          <RescheduleRequestBanner
            booking={booking}
            ready={ready}
            onRescheduled={(updated) => {
              changed(updated);
              forgetReady();
              setBanner({
                tone: 'success',
                title: requestWords.rescheduledTitle,
                text: requestWords.rescheduledText(words.when(updated.startsAt, updated.timezone)),
              });
            }}
            onDeclined={() => {
              forgetReady();
              client.invalidateQueries({ queryKey: bookingQuery(bookingId).queryKey });
              setBanner({ tone: 'info', title: requestWords.declinedTitle, text: requestWords.declinedText });
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
      </div>
      <BookingHistory booking={booking} />

      <Suspense fallback={null}>
        {dialog === 'reschedule' && (
          <RescheduleDialog
            booking={booking}
            onClose={() => setDialog(null)}
            onRescheduled={(updated) => {
              changed(updated);
              forgetReady();
              setBanner({
                tone: 'success',
                title: t('booking.rescheduledTitle'),
                text: t('booking.rescheduledText', { when: words.when(updated.startsAt, updated.timezone) }),
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
                title: t('booking.cancelledNowTitle'),
                text: t('booking.cancelledNowText'),
                says: 'cancelled',
              });
              setDialog(null);
            }}
          />
        )}
      </Suspense>
    </>
  );
}

function WhenCard({ booking }: { booking: PortalBooking }) {
  const words = usePortalWords();
  const { t, locale } = words;
  const zone = booking.timezone;
  const theirs = customerTimeOf(booking.startsAt, booking.endsAt, zone, booking.customerTimezone, locale);
  const cancelled = booking.status === 'cancelled';
  return (
    <section className={`card when-card${cancelled ? ' when-cancelled' : ''}`} aria-labelledby="when-heading">
      <div className="when-main">
        <h2 id="when-heading" className="visually-hidden">
          {t('booking.dateAndTime')}
        </h2>
        <p className="when-date" data-testid="booking-date">
          {formatDate(booking.startsAt, zone, locale)}
        </p>
        <p className="when-time" data-testid="booking-time">
          {formatTimeRange(booking.startsAt, booking.endsAt, zone, locale)}
        </p>
        {theirs && (
          <p className="when-theirs">
            {t('booking.yourTime')} <span>{theirs}</span>
          </p>
        )}
      </div>
      <dl className="facts">
        {booking.staff.name && (
          <div className="fact">
            <dt>{t('booking.with')}</dt>
            <dd>{booking.staff.name}</dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('booking.duration')}</dt>
          <dd>{words.duration(booking.service.durationMinutes)}</dd>
        </div>
        <div className="fact">
          <dt>{t('booking.referenceLabel')}</dt>
          <dd>{booking.reference}</dd>
        </div>
        <div className="fact fact-wide">
          <dt>{t('booking.notes')}</dt>
          <dd className={booking.notes ? 'notes' : 'muted'}>{booking.notes || t('booking.noNotes')}</dd>
        </div>
      </dl>
    </section>
  );
}

function BackLink() {
  const { t } = usePortalWords();
  return (
    <Link className="back-link" to={MY_BOOKINGS_PATH}>
      <span aria-hidden="true">←</span> {t('common.myBookings')}
    </Link>
  );
}

function BookingSkeleton() {
  const { t } = usePortalWords();
  return (
    <div aria-busy="true">
      <BackLink />
      <div className="page-heading">
        <Skeleton width="7rem" height="0.9rem" />
        <h1 className="page-title" tabIndex={-1}>
          <span className="visually-hidden">{t('booking.loading')}</span>
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
  const { t } = usePortalWords();
  return (
    <MessagePage
      title={t('booking.signInTitle')}
      action={{ to: SIGN_IN_PATH, label: t('common.signInWithEmail') }}
    >
      {t('booking.signInText')}
    </MessagePage>
  );
}

function BookingNotFound() {
  const { t } = usePortalWords();
  return (
    <MessagePage
      title={t('booking.notFoundTitle')}
      action={{ to: MY_BOOKINGS_PATH, label: t('notFound.action') }}
    >
      {t('booking.notFoundText')}
    </MessagePage>
  );
}
