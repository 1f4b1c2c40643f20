import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BrowserRouter,
  Link,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import { LOGO_PATH, type PortalBootstrap } from '../../src/shared/portal-bootstrap';
import { createQueryClient } from '../shared/query-client';
import { BookingViewPage } from './booking-view-page';
import { formattingLocale, type PortalSite, PortalSiteContext, usePortalSite } from './bootstrap';
import { signOut } from './portal-api';
import { MY_BOOKINGS_PATH, SCHEDULE_PATH, SIGN_IN_PATH } from './portal-paths';
import { meQuery } from './portal-queries';
import { MessagePage, Skeleton } from './ui-parts';

// The booking page, where customers arrive from their emails, comes with the app; the others when visited.
const MyBookingsPage = lazy(() =>
  import('./my-bookings-page').then((module) => ({ default: module.MyBookingsPage })),
);
const SignInPage = lazy(() => import('./sign-in-page').then((module) => ({ default: module.SignInPage })));
const ScheduleAppointmentPage = lazy(() =>
  import('./schedule-appointment-page').then((module) => ({ default: module.ScheduleAppointmentPage })),
);

function BookingRoute() {
  const { bookingId = '' } = useParams();
  return <BookingViewPage key={bookingId} bookingId={bookingId} />;
}

function SignInRoute() {
  const [search] = useSearchParams();
  return <SignInPage linkExpired={search.get('link') === 'expired'} />;
}

function ScheduleRoute() {
  const near = useSearchParams()[0].get('near');
  return <ScheduleAppointmentPage nearDay={near && /^\d{4}-\d{2}-\d{2}$/.test(near) ? near : undefined} />;
}

function PortalRoutes() {
  return (
    <Suspense fallback={<Skeleton height="12rem" />}>
      <Routes>
        <Route path={MY_BOOKINGS_PATH} element={<MyBookingsPage />} />
        <Route path={SIGN_IN_PATH} element={<SignInRoute />} />
        <Route path={SCHEDULE_PATH} element={<ScheduleRoute />} />
        <Route path="/portal/bookings/:bookingId" element={<BookingRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <MessagePage title={t('notFound.title')} action={{ to: MY_BOOKINGS_PATH, label: t('notFound.action') }}>
      {t('notFound.text')}
    </MessagePage>
  );
}

const queryClient = createQueryClient();

export function PortalApp({ bootstrap }: { bootstrap: PortalBootstrap & { fromServer: boolean } }) {
  const [signedIn, setSignedIn] = useState(bootstrap.signedIn);
  const [linked, setLinked] = useState(bootstrap.linkedBookingIds);
  const site = useMemo<PortalSite>(
    () => ({
      ...bootstrap,
      signedIn,
      linkedBookingIds: linked,
      dateLocale: formattingLocale(bootstrap.locale, bootstrap.language),
      mayReadBooking: (id) => !bootstrap.fromServer || signedIn || linked.includes(id),
      mayBook: !bootstrap.fromServer || signedIn || linked.length > 0,
      setSignedIn,
      addLinkedBooking: (id) => setLinked((ids) => (ids.includes(id) ? ids : [...ids, id])),
    }),
    [bootstrap, signedIn, linked],
  );
  return (
    <PortalSiteContext.Provider value={site}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Portal />
        </BrowserRouter>
      </QueryClientProvider>
    </PortalSiteContext.Provider>
  );
}

function Portal() {
  const { t } = useTranslation();
  const site = usePortalSite();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const onSignInPage = location.pathname.replace(/\/+$/, '') === SIGN_IN_PATH;
  // Who is signed in, for the header: a booking link alone is not a sign-in. Signing in happens outside the
  // app (the emailed link opens a fresh page), so the server's word on this page load holds: without a
  // session, /portal/me is not asked at all (it could only answer 401).
  const customer = useQuery({ ...meQuery, enabled: site.signedIn }).data ?? null;
  const [signingOut, setSigningOut] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPage = useRef(true);

  // After moving to another page, start at its top and read (and tab) from its heading, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname, location.search]);

  const onSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch {
      // Signing out of a session the server no longer has still leaves this browser signed out.
    }
    client.clear();
    site.setSignedIn(false);
    setSigningOut(false);
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link className="brand" to={MY_BOOKINGS_PATH}>
            {site.hasLogo ? (
              // Beside the business's name, which says it: decorative.
              <img className="brand-logo" src={LOGO_PATH} alt="" />
            ) : (
              <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <rect x="3" y="5" width="18" height="16" rx="3" />
                <path d="M3 10h18M8 3v4M16 3v4" />
              </svg>
            )}
            <span className="brand-name">{site.businessName || t('app.portalName')}</span>
          </Link>
          <nav aria-label={t('app.accountNav')} className="header-nav">
            {customer || (site.signedIn && !onSignInPage) ? (
              <button type="button" className="link-button" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? t('app.signingOut') : t('app.signOut')}
              </button>
            ) : onSignInPage ? null : (
              <Link className="header-link" to={SIGN_IN_PATH}>
                {t('app.signIn')}
              </Link>
            )}
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <PortalRoutes />
      </main>
    </>
  );
}
