import type { Kysely } from 'kysely';
import type { Service } from '../catalog/service-repository.js';
import type { StaffMember } from '../catalog/staff-repository.js';
import type { Database } from '../db/schema.js';
import { availableSlots, localDateOf } from '../scheduling/availability.js';
import type { Interval } from '../scheduling/interval.js';
import { type SuggestedTime, suggestTimes } from '../scheduling/reschedule-requests.js';
import { slotRulesFor } from '../scheduling/slot-rules.js';
import type { BusinessSettings } from '../settings/business-settings.js';
import type { Booking, BusyTime } from './booking.js';
import { findBusyTimes } from './booking-repository.js';

const DAY = 86_400_000;
/** Suggestions are looked for this far either side of the booking's current time. */
export const SUGGESTION_SEARCH_DAYS = 21;

/** The span whose busy times matter to a booking's suggestions (a day more each side for buffers). */
export function suggestionSpan(booking: Pick<Booking, 'startsAt'>, now: number): Interval {
  return {
    start: Math.max(now, booking.startsAt - SUGGESTION_SEARCH_DAYS * DAY) - DAY,
    end: booking.startsAt + (SUGGESTION_SEARCH_DAYS + 1) * DAY,
  };
}

export interface SuggestionInput {
  settings: BusinessSettings;
  booking: Booking;
  service: Service;
  /** Whom the booking may move to. */
  staff: readonly StaffMember[];
  /** What keeps each of them busy around the booking (the booking itself is left out here). */
  busy: ReadonlyMap<string, readonly BusyTime[]>;
  excluded: Interval | null;
  taken?: readonly SuggestedTime[];
  now: number;
}

/**
 * Up to three free times from the real availability engine (whatever the portal's mode), with the portal's
 * minimum notice and booking window, the nearest to the booking's time (decided by the core's suggestTimes).
 */
export function suggestionsFor(input: SuggestionInput): SuggestedTime[] {
  const { settings, booking, now } = input;
  const span = suggestionSpan(booking, now);
  const fromDate = localDateOf(Math.max(now, span.start + DAY), settings.timezone);
  const toDate = localDateOf(span.end - DAY, settings.timezone);
  // The booking keeps its own length, even if the service's has changed since.
  const service = { ...input.service, durationMinutes: (booking.endsAt - booking.startsAt) / 60_000 };
  const free = input.staff.map((member) => {
    const busy = (input.busy.get(member.id) ?? []).filter((time) => time.id !== booking.id);
    const rules = slotRulesFor(settings, { service, staff: member }, 'requested', now, busy);
    return { staffId: member.id, slots: availableSlots(rules, fromDate, toDate) };
  });
  return suggestTimes(free, {
    around: booking.startsAt,
    current: { startsAt: booking.startsAt, staffId: booking.staffId },
    excluded: input.excluded,
    ...(input.taken && { taken: input.taken }),
  });
}

/** Reads the busy times and suggests (for one booking: a request, or fresh times after a pick was taken). */
export async function findSuggestions(
  db: Kysely<Database>,
  input: Omit<SuggestionInput, 'busy'>,
): Promise<SuggestedTime[]> {
  const busy = await findBusyTimes(
    db,
    input.staff.map((member) => member.id),
    suggestionSpan(input.booking, input.now),
    input.booking.id,
  );
  return suggestionsFor({ ...input, busy });
}
