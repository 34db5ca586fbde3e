import type { Clock } from '../ports.js';

/**
 * Spaces delivery starts at least `intervalMs` apart, start to start: a 300 ms answer does not
 * stretch a 1.8 s cadence to 2.1 s, and a late timer never makes the next gap shorter. Turns
 * are kept on the clock's monotonic reading: a wall clock stepped back 120 s (NTP) would
 * otherwise put the next turn 120 s away (issue 23, row 5).
 */
export class Pacer {
  private nextStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /**
   * When the next turn would start (on the monotonic clock), waiting for `notBefore` too: now,
   * or later when the last turn was less than the interval ago.
   */
  nextTurnAt(notBefore = Number.NEGATIVE_INFINITY): number {
    return Math.max(this.nextStart, notBefore, this.clock.monotonic());
  }

  /**
   * Waits for the next turn (and for `notBefore`, a monotonic time, e.g. a retry's backoff),
   * then claims it. Returns false without claiming when `signal` aborts first.
   */
  async turn(signal?: AbortSignal, notBefore = Number.NEGATIVE_INFINITY): Promise<boolean> {
    const target = Math.max(this.nextStart, notBefore);
    // Timers may fire a millisecond early: wait again until the turn has really come.
    for (
      let wait = target - this.clock.monotonic();
      wait > 0 && !signal?.aborted;
      wait = target - this.clock.monotonic()
    ) {
      await this.clock.sleep(wait, signal);
    }
    if (signal?.aborted) return false;
    this.nextStart = this.clock.monotonic() + this.intervalMs;
    return true;
  }
}
