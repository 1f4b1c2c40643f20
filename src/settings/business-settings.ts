import { z } from 'zod';
import {
  contactPhoneField,
  emailField,
  hexColorField,
  localeField,
  singleLineField,
  textField,
  timeZoneField,
} from '../field-schemas.js';
import { givenFields } from '../patch-fields.js';
import {
  workingHoursPatchSchema,
  workingHoursSchema,
  workingHoursViewSchema,
} from './working-hours-schema.js';

const LONGEST_NOTICE = 'The longest notice time is 60 days (1440 hours)';
const RESCHEDULE_LIMIT = 'Enter a number from 1 to 100, or leave it empty for no limit';
const WHOLE_NOTICE = 'Enter whole hours and minutes';
const NOTICE_MINUTES = 'Minutes must be between 0 and 59';

/**
 * The minimum notice as the office enters it, hours and minutes (the admin form's resolver): its words are
 * here with the API's, so the form and a refused request say the same.
 */
export const noticeTimeSchema = z.object({
  hours: z
    .number({ error: WHOLE_NOTICE })
    .int(WHOLE_NOTICE)
    .min(0, WHOLE_NOTICE)
    .max(60 * 24, LONGEST_NOTICE),
  minutes: z.number({ error: WHOLE_NOTICE }).int(WHOLE_NOTICE).min(0, NOTICE_MINUTES).max(59, NOTICE_MINUTES),
});

export const customerPortalSchema = z.strictObject({
  allowReschedule: z.boolean(),
  allowCancel: z.boolean(),
  realTimeAvailability: z.boolean(),
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 60, LONGEST_NOTICE),
  maxReschedulesPerBooking: z
    .number({ error: RESCHEDULE_LIMIT })
    .int(RESCHEDULE_LIMIT)
    .min(1, RESCHEDULE_LIMIT)
    .max(100, RESCHEDULE_LIMIT)
    .nullable(),
  changeBlockedMessage: textField(500),
  allowStaffChange: z.boolean(),
});

/** How the business looks to its customers. `hasLogo` follows PUT/DELETE /settings/logo; no PATCH sets it. */
export const brandingSchema = z.strictObject({
  accentColor: hexColorField,
  hasLogo: z.boolean(),
});

export const businessSettingsSchema = z.strictObject({
  businessName: singleLineField(120).pipe(z.string().min(1, 'must not be empty')),
  timezone: timeZoneField,
  notificationEmail: emailField.nullable(),
  slotIntervalMinutes: z.number().int().min(5).max(240),
  bookingWindowDays: z.number().int().min(1).max(730),
  reminderLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 14),
  workingHours: workingHoursSchema,
  customerPortal: customerPortalSchema,
  locale: localeField,
  contactPhone: contactPhoneField,
  branding: brandingSchema,
});

/** The shape in responses (response schemas must not transform). */
export const businessSettingsViewSchema = z.object({
  businessName: z.string(),
  timezone: z.string(),
  notificationEmail: z.string().nullable(),
  slotIntervalMinutes: z.number().int(),
  bookingWindowDays: z.number().int(),
  reminderLeadMinutes: z.number().int(),
  workingHours: workingHoursViewSchema,
  customerPortal: z.object({
    allowReschedule: z.boolean(),
    allowCancel: z.boolean(),
    realTimeAvailability: z.boolean(),
    minimumNoticeMinutes: z.number().int(),
    maxReschedulesPerBooking: z.number().int().nullable(),
    changeBlockedMessage: z.string(),
    allowStaffChange: z.boolean(),
  }),
  locale: z.string(),
  contactPhone: z.string().nullable(),
  branding: z.object({ accentColor: z.string(), hasLogo: z.boolean() }),
});

export type BusinessSettings = z.output<typeof businessSettingsSchema>;
export type CustomerPortalSettings = BusinessSettings['customerPortal'];

export const businessSettingsPatchSchema = businessSettingsSchema
  .omit({ workingHours: true, customerPortal: true, branding: true })
  .partial()
  .extend({
    workingHours: workingHoursPatchSchema.optional(),
    customerPortal: customerPortalSchema.partial().optional(),
    // Read-only fields are unknown to a PATCH, as everywhere in the API: `hasLogo` → 422 naming it.
    branding: brandingSchema.omit({ hasLogo: true }).partial().optional(),
  });

export type BusinessSettingsPatch = z.output<typeof businessSettingsPatchSchema>;

const weekday = [{ start: '09:00', end: '17:00' }];

/** What a new installation starts with: a weekday business, customers may reschedule up to a day ahead. */
export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = {
  businessName: 'My Business',
  timezone: 'UTC',
  notificationEmail: null,
  slotIntervalMinutes: 15,
  bookingWindowDays: 90,
  reminderLeadMinutes: 24 * 60,
  workingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
  customerPortal: {
    allowReschedule: true,
    allowCancel: true,
    realTimeAvailability: true,
    minimumNoticeMinutes: 24 * 60,
    maxReschedulesPerBooking: null,
    changeBlockedMessage: 'Please contact us to change this booking.',
    allowStaffChange: false,
  },
  locale: 'en-US',
  contactPhone: null,
  branding: { accentColor: '#1d4ed8', hasLogo: false },
};

export function mergeSettings(current: BusinessSettings, patch: BusinessSettingsPatch): BusinessSettings {
  const { workingHours, customerPortal, branding, ...rest } = patch;
  return {
    ...current,
    ...givenFields(rest),
    workingHours: { ...current.workingHours, ...givenFields(workingHours ?? {}) },
    customerPortal: { ...current.customerPortal, ...givenFields(customerPortal ?? {}) },
    branding: { ...current.branding, ...givenFields(branding ?? {}) },
  };
}
