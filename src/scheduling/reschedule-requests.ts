import { isActive } from './booking-rules.js';
import type { Interval } from './interval.js';
import { overlaps } from './interval.js';

/**
 * The office asks a customer to move their booking and suggests times; the customer picks one, declines, or
 * lets it expire. These are the request's rules, decided once for the office's routes, the portal, the
 * pipeline and the worker.
 */
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request suggests at most this many times. */
export const MAX_SUGGESTIONS = 3;
/** Without a respond-by time, the customer has this long to answer (never past the booking's start). */
export const DEFAULT_RESPONSE_MS = 48 * 3_600_000;

export interface SuggestedTime {
  startsAt: number;
  endsAt: number;
  staffId: string;
}

export type RespondByCheck = { ok: true; respondBy: number } | { ok: false; message: string };

/**
 * Until when the customer may answer: the office's time, or 48 hours from now; never after the booking
 * starts (a booking that has started can no longer be moved by its customer).
 */
export function respondByFor(asked: number | null, now: number, bookingStartsAt: number): RespondByCheck {
  if (asked !== null && asked <= now) return { ok: false, message: 'must be in the future' };
  return { ok: true, respondBy: Math.min(asked ?? now + DEFAULT_RESPONSE_MS, bookingStartsAt) };
}

/** The office may ask about a booking that is confirmed and has not started. */
export function mayAskToReschedule(
  booking: { status: 'confirmed' | 'cancelled' | 'completed'; startsAt: number },
  now: number,
): boolean {
  return isActive(booking, now);
}

/** A pending request at or past its respond-by time is over: the worker marks it expired. */
export function isPastRespondBy(request: { status: RequestStatus; respondBy: number }, now: number): boolean {
  return request.status === 'pending' && now >= request.respondBy;
}

/** Is the request still open for the customer to answer right now? */
export function isAnswerable(request: { status: RequestStatus; respondBy: number }, now: number): boolean {
  return request.status === 'pending' && now < request.respondBy;
}

/** Whom the booking may move to, under a pending request: the staff the office named. */
export function requestAllowsStaff(request: { staffIds: readonly string[] }, staffId: string): boolean {
  return request.staffIds.includes(staffId);
}

/** The free times of one staff member (sorted or not), as the availability engine found them. */
export interface StaffFreeTimes {
  staffId: string;
  slots: ReadonlyArray<{ startsAt: number; endsAt: number }>;
}

export interface SuggestionRules {
  /** The booking's current start: suggestions are the nearest to it, before or after. */
  around: number;
  /** The time itself is not a suggestion when it stays with its own staff member. */
  current: { startsAt: number; staffId: string };
  /** A bulk request's range: no suggestion overlaps it. */
  excluded: Interval | null;
  /** Times already suggested to someone else in the same bulk request: avoided while others remain. */
  taken?: ReadonlyArray<SuggestedTime>;
  count?: number;
}

/**
 * Up to three times, the nearest to the booking's current time, never overlapping the excluded range. With
 * several staff members they are spread over them: each staff member's nearest time in turn (nearest first),
 * then the next-nearest of each. Returned in time order. The free times must already respect the minimum
 * notice, the booking window and real availability (the engine's slots do).
 */
export function suggestTimes(free: readonly StaffFreeTimes[], rules: SuggestionRules): SuggestedTime[] {
  const count = rules.count ?? MAX_SUGGESTIONS;
  const distance = (slot: { startsAt: number }) => Math.abs(slot.startsAt - rules.around);
  const clashes = (a: SuggestedTime, b: SuggestedTime) =>
    a.staffId === b.staffId &&
    overlaps({ start: a.startsAt, end: a.endsAt }, { start: b.startsAt, end: b.endsAt });
  const queues = free.map(({ staffId, slots }) =>
    slots
      .map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt, staffId }))
      .filter(
        (slot) =>
          !(slot.staffId === rules.current.staffId && slot.startsAt === rules.current.startsAt) &&
          !(rules.excluded && overlaps({ start: slot.startsAt, end: slot.endsAt }, rules.excluded)),
      )
      .sort((a, b) => distance(a) - distance(b) || a.startsAt - b.startsAt),
  );
  const pick = (avoidTaken: boolean): SuggestedTime[] => {
    const chosen: SuggestedTime[] = [];
    const cursors = queues.map(() => 0);
    while (chosen.length < count) {
      // Each round takes one time from every staff member that has one left, nearest first.
      const round: SuggestedTime[] = [];
      queues.forEach((queue, index) => {
        let cursor = cursors[index] ?? 0;
        while (cursor < queue.length) {
          const slot = queue[cursor++] as SuggestedTime;
          if (avoidTaken && rules.taken?.some((other) => clashes(slot, other))) continue;
          round.push(slot);
          break;
        }
        cursors[index] = cursor;
      });
      if (round.length === 0) break;
      round.sort((a, b) => distance(a) - distance(b) || a.startsAt - b.startsAt);
      chosen.push(...round.slice(0, count - chosen.length));
    }
    return chosen;
  };
  let chosen = pick(true);
  if (chosen.length < count && rules.taken && rules.taken.length > 0) {
    // Too few untaken times: a time someone else may also pick beats no time at all.
    const more = pick(false).filter((slot) => !chosen.some((other) => clashes(slot, other)));
    chosen = [...chosen, ...more].sort((a, b) => distance(a) - distance(b)).slice(0, count);
  }
  return chosen.sort((a, b) => a.startsAt - b.startsAt || (a.staffId < b.staffId ? -1 : 1));
}
