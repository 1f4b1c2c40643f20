import { z } from 'zod';
import { bookingDetailsSchema, bookingSchema } from '../bookings/booking-schemas.js';
import { blockedEventSchema } from '../catalog/blocked-event-schemas.js';
import { customerSchema } from '../catalog/customer-schemas.js';
import { serviceSchema } from '../catalog/service-schemas.js';
import { staffMemberSchema } from '../catalog/staff.js';
import { portalBookingSchema, portalBookingSummarySchema } from '../portal/portal-booking-view.js';
import { businessSettingsViewSchema } from '../settings/business-settings.js';

/**
 * The response shapes the OpenAPI document names once under components.schemas and refers to from every
 * route that answers them, rather than repeating them inline (the web apps' generated types follow it).
 * Registering the same schema again is harmless, so every app a process builds may call this.
 */
export function nameResponseSchemas(): void {
  const named: Array<[z.ZodType, string]> = [
    [bookingSchema, 'Booking'],
    [bookingDetailsSchema, 'BookingDetails'],
    [blockedEventSchema, 'BlockedEvent'],
    [customerSchema, 'Customer'],
    [serviceSchema, 'Service'],
    [staffMemberSchema, 'StaffMember'],
    [businessSettingsViewSchema, 'BusinessSettings'],
    [portalBookingSchema, 'PortalBooking'],
    [portalBookingSummarySchema, 'PortalBookingSummary'],
  ];
  for (const [schema, id] of named) z.globalRegistry.add(schema, { id });
}

type OpenApiDocument = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * The document's components without the ones no route refers to: every named schema is also emitted in an
 * "…Input" form for request bodies, and none of these is a request body.
 */
export function withoutUnusedSchemas<T extends OpenApiDocument>(document: T): T {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const { components, ...rest } = document;
  const referenced = new Set(
    [...JSON.stringify(rest).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]),
  );
  // A kept schema may refer to others.
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of referenced) {
      for (const match of JSON.stringify(schemas[name ?? ''] ?? {}).matchAll(
        /"#\/components\/schemas\/([^"]+)"/g,
      ))
        if (!referenced.has(match[1])) {
          referenced.add(match[1]);
          grew = true;
        }
    }
  }
  const used = Object.fromEntries(Object.entries(schemas).filter(([name]) => referenced.has(name)));
  return { ...document, components: { ...components, schemas: used } };
}
