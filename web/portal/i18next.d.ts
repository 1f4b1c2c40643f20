import type { PortalMessages } from '../../src/i18n/locales/en/portal';
import type { RefusalMessages } from '../../src/i18n/locales/en/refusals';

// t() knows every key of the portal's catalogues: a misspelt key is a tsc error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'portal';
    resources: { portal: PortalMessages; refusals: RefusalMessages };
  }
}
