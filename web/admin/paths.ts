/** Addresses of the admin pages, in one place so links and routes cannot drift apart. */
export const SETTINGS_PATHS = {
  business: '/admin/settings/business',
  general: '/admin/settings/general',
  flags: '/admin/settings/customer-portal/flags-permissions',
  templates: '/admin/settings/communications/email-templates',
} as const;

export const templatePath = (kind: string) => `${SETTINGS_PATHS.templates}/${kind}`;
export const bookingPath = (id: string) => `/admin/bookings/${encodeURIComponent(id)}`;
export const outboxEmailPath = (id: string) => `/admin/outbox/${encodeURIComponent(id)}`;
export const staffMemberPath = (id: string) => `/admin/staff/${encodeURIComponent(id)}`;
