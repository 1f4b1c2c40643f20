import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
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
import { createQueryClient } from '../shared/query-client';
import { BookingViewPage } from './booking-view-page';
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
  return (
    <MessagePage title="Page not found" action={{ to: MY_BOOKINGS_PATH, label: 'Go to My bookings' }}>
      There is no page at this address.
    </MessagePage>
  );
}

const queryClient = createQueryClient();

export function PortalApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Portal />
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function Portal() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const onSignInPage = location.pathname.replace(/\/+$/, '') === SIGN_IN_PATH;
  // Who is signed in, for the header: a booking link alone is not a sign-in. Signing in happens outside the
  // app (the emailed link), so leaving the sign-in page asks again.
  const customer = useQuery(meQuery).data ?? null;
  const wasOnSignInPage = useRef(onSignInPage);
  useEffect(() => {
    if (wasOnSignInPage.current && !onSignInPage) client.invalidateQueries({ queryKey: meQuery.queryKey });
    wasOnSignInPage.current = onSignInPage;
  }, [onSignInPage, client]);
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
    setSigningOut(false);
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link className="brand" to={MY_BOOKINGS_PATH}>
            <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <rect x="3" y="5" width="18" height="16" rx="3" />
              <path d="M3 10h18M8 3v4M16 3v4" />
            </svg>
            <span>Customer Portal</span>
          </Link>
          <nav aria-label="Account" className="header-nav">
            {customer ? (
              <button type="button" className="link-button" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            ) : onSignInPage ? null : (
              <Link className="header-link" to={SIGN_IN_PATH}>
                Sign in
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
