import { Link } from 'react-router';
import { useBusiness } from './business-context';
import { SETTINGS_PATHS } from './paths';
import { PageHeader } from './ui';

const GROUPS = [
  {
    title: 'Business',
    links: [
      {
        href: SETTINGS_PATHS.business,
        label: 'Business',
        description:
          'Logo, accent colour, the phone number customers may call, and how dates and times are written.',
      },
      {
        href: SETTINGS_PATHS.general,
        label: 'General',
        description:
          'Business name, where office notifications go, booking grid, booking window and reminders.',
      },
      {
        href: '/admin/availability',
        label: 'Working hours & time zone',
        description: 'Opening times per weekday, blocked time, and the time zone every time is shown in.',
      },
    ],
  },
  {
    title: 'Customer Portal',
    links: [
      {
        href: SETTINGS_PATHS.flags,
        label: 'Flags & Permissions',
        description:
          'Whether customers may reschedule or cancel online, real-time availability, and minimum notice time.',
      },
    ],
  },
  {
    title: 'Communications',
    links: [
      {
        href: SETTINGS_PATHS.templates,
        label: 'Email Templates',
        description:
          'The wording of confirmations, reminders and the other emails, with the Reschedule button.',
      },
    ],
  },
] as const;

export function SettingsPage() {
  const { settings } = useBusiness();
  const portal = settings.customerPortal;
  return (
    <>
      <PageHeader title="Settings" description={`How ${settings.businessName} works with its customers.`} />
      <div className="settings-groups">
        {GROUPS.map((group) => (
          <section key={group.title} className="card settings-group" aria-labelledby={`group-${group.title}`}>
            <h2 id={`group-${group.title}`}>{group.title}</h2>
            <ul className="settings-links">
              {group.links.map((link) => (
                <li key={link.href}>
                  <Link to={link.href}>{link.label}</Link>
                  <p className="hint">{link.description}</p>
                </li>
              ))}
            </ul>
            {group.title === 'Customer Portal' && (
              <p className="settings-summary">
                Online rescheduling is <strong>{portal.allowReschedule ? 'on' : 'off'}</strong>, cancelling is{' '}
                <strong>{portal.allowCancel ? 'on' : 'off'}</strong>.
              </p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
