import { Random } from './support.js';

/**
 * The R1 mix, shared by the HTTP run (inside the load generator) and the raw driver loop, so both do the same
 * work. Each client owns a few bookings, each with two reserved free times it moves between ("ping-pong"); they
 * always succeed. A share of requests instead moves a parked booking of one contested staff member onto the
 * current contested slot: `contendersPerSlot` attempts go to each slot in turn, the first wins and the rest
 * must get 409. A winning booking stays on its slot for good, so each contested slot ends with one winner.
 */
export interface OwnedBooking {
  id: string;
  positions: [number, number];
  at: 0 | 1;
}

export interface RescheduleSetup {
  contestedStaffId: string;
  /** Start times, in the order they are contested. */
  contestedSlots: number[];
  /** Bookings of the contested staff member, each parked on its own free time. */
  contenders: string[];
  /** owned[client]: the bookings only that client moves. */
  owned: OwnedBooking[][];
  contendersPerSlot: number;
  contestedShare: number;
  seed: number;
}

export interface Planned {
  kind: 'own' | 'contested';
  client: number;
  bookingId: string;
  startsAt: number;
  owned?: OwnedBooking;
  slot?: number;
}

export interface WorkloadSummary {
  own: Record<string, number>;
  contested: Record<string, number>;
  /** Requests whose answer never came (client timeout, or still in flight when the run stopped). */
  abandoned: number;
  /** Contested requests that became own moves because the slots or parked bookings ran out. */
  fellBack: number;
  /** Indexes into contestedSlots that at least one request went for. */
  targetedSlots: number[];
  /** Contested slot index → bookings that won it, as seen by the client. */
  winners: Record<number, string[]>;
  /** Contested slot index → attempts that got an answer (of any status). */
  answered: Record<number, number>;
  successes: number;
}

export class RescheduleWorkload {
  private readonly random: Random;
  private readonly pool: string[];
  private readonly turn: number[];
  private readonly retired = new Set<string>();
  private contested = 0;
  private readonly own: Record<string, number> = {};
  private readonly contestedOutcomes: Record<string, number> = {};
  private readonly targeted = new Set<number>();
  private readonly winners: Record<number, string[]> = {};
  private readonly answered: Record<number, number> = {};
  private abandoned = 0;
  private fellBack = 0;
  private successes = 0;

  constructor(private readonly setup: RescheduleSetup) {
    this.random = new Random(setup.seed);
    this.pool = [...setup.contenders];
    this.turn = setup.owned.map(() => 0);
  }

  get clients(): number {
    return this.setup.owned.length;
  }

  next(client: number): Planned {
    if (this.random.next() < this.setup.contestedShare) {
      const slot = Math.floor(this.contested / this.setup.contendersPerSlot);
      const startsAt = this.setup.contestedSlots[slot];
      const bookingId = this.pool.shift();
      if (startsAt !== undefined && bookingId !== undefined) {
        this.contested++;
        this.targeted.add(slot);
        return { kind: 'contested', client, bookingId, startsAt, slot };
      }
      if (bookingId !== undefined) this.pool.unshift(bookingId);
      this.fellBack++;
    }
    const mine = this.setup.owned[client] ?? [];
    for (let tries = 0; tries < mine.length; tries++) {
      const index = (this.turn[client] ?? 0) % mine.length;
      this.turn[client] = index + 1;
      const owned = mine[index];
      if (owned && !this.retired.has(owned.id)) {
        const target = owned.at === 0 ? 1 : 0;
        return { kind: 'own', client, bookingId: owned.id, startsAt: owned.positions[target], owned };
      }
    }
    throw new Error(`client ${client} has no booking left to move`);
  }

  settle(planned: Planned, status: number): void {
    const key = String(status);
    if (planned.kind === 'own') {
      this.own[key] = (this.own[key] ?? 0) + 1;
      if (status === 200 && planned.owned) {
        planned.owned.at = planned.owned.at === 0 ? 1 : 0;
        this.successes++;
      } else if (planned.owned) {
        // Where it is now is unknown: leave it alone from here on.
        this.retired.add(planned.owned.id);
      }
      return;
    }
    this.contestedOutcomes[key] = (this.contestedOutcomes[key] ?? 0) + 1;
    const slot = planned.slot ?? -1;
    this.answered[slot] = (this.answered[slot] ?? 0) + 1;
    if (status === 200) {
      this.successes++;
      this.winners[slot] = [...(this.winners[slot] ?? []), planned.bookingId];
    } else if (status === 409) {
      this.pool.push(planned.bookingId);
    }
  }

  /** No answer will come for this request: its booking is not used again. */
  abandon(planned: Planned): void {
    this.abandoned++;
    if (planned.owned) this.retired.add(planned.owned.id);
  }

  summary(): WorkloadSummary {
    return {
      own: this.own,
      contested: this.contestedOutcomes,
      abandoned: this.abandoned,
      fellBack: this.fellBack,
      targetedSlots: [...this.targeted].sort((a, b) => a - b),
      winners: this.winners,
      answered: this.answered,
      successes: this.successes,
    };
  }
}
