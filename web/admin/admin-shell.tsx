import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  createBrowserRouter,
  Link,
  Navigate,
  Outlet,
  type RouteObject,
  RouterProvider,
  useLocation,
  useParams,
} from 'react-router';
import { AvailabilityPage } from './availability-page';
import { BookingDetailsPage } from './booking-details-page';
import { BookingsPage } from './bookings-page';
import { useBusiness } from './business-context';
import { BusinessSettingsPage } from './business-settings-page';
import { CustomersPage } from './customers-page';
import { EmailTemplatesPage } from './email-templates-page';
import { FlagsAndPermissionsPage } from './flags-and-permissions-page';
import { GeneralSettingsPage } from './general-settings-page';
import { OutboxEmailPage, OutboxPage } from './outbox-page';
import { SETTINGS_PATHS } from './paths';
import { RescheduleRequestsPage } from './reschedule-requests-page';
import { ServicesPage } from './services-page';
import { SettingsPage } from './settings-page';
import { StaffMemberPage, StaffPage } from './staff-page';
import { TemplateEditorPage } from './template-editor-page';
import { PageHeader } from './ui';

const SECTIONS = [
  { href: '/admin/bookings', label: 'Bookings' },
  { href: '/admin/reschedule-requests', label: 'Reschedule requests' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/staff', label: 'Staff' },
  { href: '/admin/services', label: 'Services' },
  { href: '/admin/availability', label: 'Availability' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/outbox', label: 'Outbox' },
] as const;

/** A page for one thing (a booking, a staff member) starts afresh for another: keyed by its id. */
function Keyed({ page: Page }: { page: (props: { id: string }) => ReactNode }) {
  const { id = '' } = useParams();
  return <Page key={id} id={id} />;
}

function TemplateRoute() {
  const { kind = '' } = useParams();
  return <TemplateEditorPage key={kind} kind={kind} />;
}

const PAGES: RouteObject[] = [
  { index: true, element: <Navigate to="/admin/bookings" replace /> },
  { path: 'bookings', element: <BookingsPage /> },
  { path: 'bookings/:id', element: <Keyed page={BookingDetailsPage} /> },
  { path: 'reschedule-requests', element: <RescheduleRequestsPage /> },
  { path: 'customers', element: <CustomersPage /> },
  { path: 'staff', element: <StaffPage /> },
  { path: 'staff/:id', element: <Keyed page={StaffMemberPage} /> },
  { path: 'services', element: <ServicesPage /> },
  { path: 'availability', element: <AvailabilityPage /> },
  { path: 'outbox', element: <OutboxPage /> },
  { path: 'outbox/:id', element: <Keyed page={OutboxEmailPage} /> },
  { path: 'settings', element: <SettingsPage /> },
  { path: SETTINGS_PATHS.business, element: <BusinessSettingsPage /> },
  { path: SETTINGS_PATHS.general, element: <GeneralSettingsPage /> },
  { path: SETTINGS_PATHS.flags, element: <FlagsAndPermissionsPage /> },
  { path: SETTINGS_PATHS.templates, element: <EmailTemplatesPage /> },
  { path: `${SETTINGS_PATHS.templates}/:kind`, element: <TemplateRoute /> },
  { path: '*', element: <NotFound /> },
];

/** The admin's pages under /admin, on React Router (a data router: it can hold a page with unsaved edits). */
export function AdminRouter({ onSignOut }: { onSignOut(): void }) {
  const [router] = useState(() =>
    createBrowserRouter([{ path: '/admin', element: <AdminShell onSignOut={onSignOut} />, children: PAGES }]),
  );
  useEffect(() => () => router.dispose(), [router]);
  return <RouterProvider router={router} />;
}

function NotFound() {
  return (
    <PageHeader
      title="Page not found"
      description={
        <>
          There is no page at this address. Go to <Link to="/admin/bookings">Bookings</Link>.
        </>
      }
    />
  );
}

function AdminShell({ onSignOut }: { onSignOut(): void }) {
  const path = useLocation().pathname.replace(/\/+$/, '') || '/admin';
  const { settings } = useBusiness();

  // A new page announces itself: focus moves to its heading, as it would on a full page load.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="sidebar">
        <div className="sidebar-brand">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            <span>
              Rebook <span className="brand-business">{settings.businessName}</span>
            </span>
          </span>
        </div>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {SECTIONS.map((section) => {
              const active = path === section.href || path.startsWith(`${section.href}/`);
              return (
                <li key={section.href}>
                  <Link to={section.href} {...(active && { 'aria-current': 'page' as const })}>
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <button type="button" className="button-link sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" className="content">
        <Outlet />
      </main>
    </div>
  );
}
