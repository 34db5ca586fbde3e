import type { Clock } from '../ports.js';

/**
 * Spaces delivery starts at least `intervalMs` apart, start to start: a 300 ms answer does not
 * stretch a 1.8 s cadence to 2.1 s, and a late timer never makes the next gap shorter.
 */
export class Pacer {
  private nextStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Waits for the next turn (and for `notBefore`, e.g. a retry's backoff), then claims it.
   * Returns false without claiming when `signal` aborts first.
   */
  async turn(signal?: AbortSignal, notBefore = Number.NEGATIVE_INFINITY): Promise<boolean> {
    const target = Math.max(this.nextStart, notBefore);
    // Timers may fire a millisecond early: wait again until the turn has really come.
    for (
      let wait = target - this.clock.now();
      wait > 0 && !signal?.aborted;
      wait = target - this.clock.now()
    ) {
      await this.clock.sleep(wait, signal);
    }
    if (signal?.aborted) return false;
    this.nextStart = this.clock.now() + this.intervalMs;
    return true;
  }
}
