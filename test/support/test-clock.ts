import type { Clock } from '../../src/clock.js';

/** A clock that stands still until a test moves it. */
export class TestClock implements Clock {
  constructor(private time: number) {}

  static at(iso: string): TestClock {
    return new TestClock(Date.parse(iso));
  }

  now(): number {
    return this.time;
  }

  set(iso: string): void {
    this.time = Date.parse(iso);
  }

  advance(milliseconds: number): void {
    this.time += milliseconds;
  }
}
