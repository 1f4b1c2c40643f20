import type { BusinessSettings } from '../settings/business-settings.js';

/** Whether customers may move to another staff member who performs the service (off unless the business says). */
export function allowsStaffChange(settings: BusinessSettings): boolean {
  return settings.customerPortal.allowStaffChange;
}
