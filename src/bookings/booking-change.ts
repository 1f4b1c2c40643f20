import type { BusinessSettings } from '../settings/business-settings.js';
import type { BookingFacts, ChangeOrigin, Conflict } from './booking.js';

/** Who is asking in the Customer Portal, and through which door: a signed-in session or an email's booking link. */
export interface CustomerIdentity {
  customerId: string;
  channel: 'portal' | 'email_link';
}

/** Who asks for a change: the office (admin pages or API), or a customer in the portal. */
export type Requester =
  | { kind: 'office'; origin: ChangeOrigin }
  | { kind: 'customer'; identity: CustomerIdentity };

export const officeRequester = (origin: ChangeOrigin): Requester => ({ kind: 'office', origin });
export const customerRequester = (identity: CustomerIdentity): Requester => ({ kind: 'customer', identity });

export function originOf(by: Requester): ChangeOrigin {
  // A customer makes a new booking in the portal, whichever door they came in by.
  return by.kind === 'office' ? by.origin : { actor: 'customer', channel: by.identity.channel };
}

/** Every change a booking can go through. `expectedVersion` comes from If-Match. */
export type ChangeRequest =
  | {
      kind: 'create';
      customerId: string;
      serviceId: string;
      /** null: whoever performs the service and is free then (a customer's "Schedule an appointment"). */
      staffId: string | null;
      startsAt: number;
      notes: string | null;
      /** Office override: place it even on top of other work (reported as conflicts). */
      allowConflict: boolean;
    }
  | {
      kind: 'reschedule';
      bookingId: string;
      startsAt: number;
      reason: string | null;
      allowConflict: boolean;
      expectedVersion: number | undefined;
      /** A customer's move to another staff member (undefined or null: the booking's own). */
      staffId?: string | null | undefined;
    }
  | {
      kind: 'cancel' | 'complete';
      bookingId: string;
      reason: string | null;
      expectedVersion: number | undefined;
    };

/**
 * What a change answers with, all from the change's own transaction: the booking as written (its version is
 * the ETag), its history, what it overlaps, and the names and settings its pages show.
 */
export interface ChangeOutcome extends BookingFacts {
  conflicts: Conflict[];
  /** The booking's pending reschedule request after the change: always ended by a change (null). */
  rescheduleRequest: null;
  settings: BusinessSettings;
  /** The change's own time (read after its locks). */
  now: number;
}
