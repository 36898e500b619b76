/**
 * The Clock port. Domain and application code never call `new Date()` or `Date.now()`: they ask
 * a Clock, so that tests (and the demo seed) control time.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that tests move by hand. */
export class ManualClock extends Clock {
  private current: Date;
  constructor(start: Date | string = '2026-01-15T04:00:00.000Z') {
    super();
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date | string): void {
    this.current = new Date(to);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
