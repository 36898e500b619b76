// Test-only preload (`node --import <this file>`): every process of the cross-context test reads
// the same wall-clock offset from HUB_TEST_CLOCK_FILE (milliseconds, re-read at most every 50 ms),
// so the test can move the whole fleet's "now" — registration, participation, the gateway and the
// token CLI alike — across a calendar quarter without waiting three months. Monotonic time
// (performance.now, timers) is untouched. Never loaded outside tests.
import { readFileSync } from 'node:fs';

const file = process.env.HUB_TEST_CLOCK_FILE;
if (file) {
  const RealDate = globalThis.Date;
  let offset = 0;
  let readAt = -Infinity;
  const current = () => {
    const t = RealDate.now();
    if (t - readAt > 50) {
      readAt = t;
      try {
        const v = Number(readFileSync(file, 'utf8').trim());
        if (Number.isFinite(v)) offset = v;
      } catch {
        /* keep the last offset */
      }
    }
    return t + offset;
  };
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(current());
      else super(...args);
    }
    static now() {
      return current();
    }
  }
  globalThis.Date = ShiftedDate;
}
