import { QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createQueryClient } from '../shared/query-client';
import { BookingViewPage } from './booking-view-page';
import { MyBookingsPage } from './my-bookings-page';
import { followLink, navigate, useLocation } from './navigation';
import { signOut } from './portal-api';
import { MY_BOOKINGS_PATH, SIGN_IN_PATH } from './portal-paths';
import { meQuery } from './portal-queries';
import { ScheduleAppointmentPage } from './schedule-appointment-page';
import { SignInPage } from './sign-in-page';

function PageFor({ location }: { location: string }) {
  const url = new URL(location, window.location.origin);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const booking = /^\/portal\/bookings\/([^/]+)$/.exec(path);
  if (booking?.[1]) return <BookingViewPage key={booking[1]} bookingId={decodeURIComponent(booking[1])} />;
  if (path === '/portal') return <MyBookingsPage />;
  if (path === SIGN_IN_PATH) return <SignInPage linkExpired={url.searchParams.get('link') === 'expired'} />;
  if (path === '/portal/book') {
    const near = url.searchParams.get('near');
    return <ScheduleAppointmentPage nearDay={near && /^\d{4}-\d{2}-\d{2}$/.test(near) ? near : undefined} />;
  }
  return <NotFoundPage />;
}

function NotFoundPage() {
  useEffect(() => {
    document.title = 'Page not found';
  }, []);
  return (
    <div className="narrow">
      <h1 className="page-title" tabIndex={-1}>
        Page not found
      </h1>
      <div className="card card-padded">
        <p>There is no page at this address.</p>
        <div className="button-row">
          <a className="button button-primary" href={MY_BOOKINGS_PATH} onClick={followLink}>
            Go to My bookings
          </a>
        </div>
      </div>
    </div>
  );
}

const queryClient = createQueryClient();

export function PortalApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <Portal />
    </QueryClientProvider>
  );
}

function Portal() {
  const location = useLocation();
  const client = useQueryClient();
  const onSignInPage = new URL(location, window.location.origin).pathname === SIGN_IN_PATH;
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

  // After moving to another page, start reading (and tabbing) from its heading, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location]);

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
          <a className="brand" href={MY_BOOKINGS_PATH} onClick={followLink}>
            <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <rect x="3" y="5" width="18" height="16" rx="3" />
              <path d="M3 10h18M8 3v4M16 3v4" />
            </svg>
            <span>Customer Portal</span>
          </a>
          <nav aria-label="Account" className="header-nav">
            {customer ? (
              <button type="button" className="link-button" onClick={onSignOut} disabled={signingOut}>
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            ) : onSignInPage ? null : (
              <a className="header-link" href={SIGN_IN_PATH} onClick={followLink}>
                Sign in
              </a>
            )}
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <PageFor location={location} />
      </main>
    </>
  );
}
