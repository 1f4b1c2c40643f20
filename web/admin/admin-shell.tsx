import { type ReactNode, useEffect, useRef } from 'react';
import { AvailabilityPage } from './availability-page';
import { BookingDetailsPage } from './booking-details-page';
import { BookingsPage } from './bookings-page';
import { useBusiness } from './business-context';
import { CustomersPage } from './customers-page';
import { EmailTemplatesPage } from './email-templates-page';
import { FlagsAndPermissionsPage } from './flags-and-permissions-page';
import { GeneralSettingsPage } from './general-settings-page';
import { Link, navigate, useLocation } from './navigation';
import { OutboxEmailPage, OutboxPage } from './outbox-page';
import { SETTINGS_PATHS } from './paths';
import { ServicesPage } from './services-page';
import { SettingsPage } from './settings-page';
import { StaffMemberPage, StaffPage } from './staff-page';
import { TemplateEditorPage } from './template-editor-page';
import { PageHeader } from './ui';

const SECTIONS = [
  { href: '/admin/bookings', label: 'Bookings' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/staff', label: 'Staff' },
  { href: '/admin/services', label: 'Services' },
  { href: '/admin/availability', label: 'Availability' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/outbox', label: 'Outbox' },
] as const;

function page(path: string): ReactNode {
  const parts = path.split('/').slice(2).map(decodeURIComponent);
  const [section, id, ...rest] = parts;
  switch (section) {
    case 'bookings':
      return id ? <BookingDetailsPage key={id} id={id} /> : <BookingsPage />;
    case 'customers':
      return <CustomersPage />;
    case 'staff':
      return id ? <StaffMemberPage key={id} id={id} /> : <StaffPage />;
    case 'services':
      return <ServicesPage />;
    case 'availability':
      return <AvailabilityPage />;
    case 'outbox':
      return id ? <OutboxEmailPage key={id} id={id} /> : <OutboxPage />;
    case 'settings':
      if (!id) return <SettingsPage />;
      if (path === SETTINGS_PATHS.general) return <GeneralSettingsPage />;
      if (path === SETTINGS_PATHS.flags) return <FlagsAndPermissionsPage />;
      if (path === SETTINGS_PATHS.templates) return <EmailTemplatesPage />;
      if (path.startsWith(`${SETTINGS_PATHS.templates}/`) && rest.length === 2 && rest[1])
        return <TemplateEditorPage key={rest[1]} kind={rest[1]} />;
      return <NotFound />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  return (
    <PageHeader
      title="Page not found"
      description={
        <>
          There is no page at this address. Go to <Link href="/admin/bookings">Bookings</Link>.
        </>
      }
    />
  );
}

export function AdminShell({ onSignOut }: { onSignOut(): void }) {
  const { path } = useLocation();
  const { settings } = useBusiness();

  useEffect(() => {
    if (path === '/admin') navigate('/admin/bookings', { replace: true });
  }, [path]);

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
                  <Link href={section.href} {...(active && { 'aria-current': 'page' as const })}>
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
        {path === '/admin' ? null : page(path)}
      </main>
    </div>
  );
}
