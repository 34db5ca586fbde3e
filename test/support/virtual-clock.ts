import type { Clock } from '../../src/ports.js';

/** A clock whose sleeps return at once and move virtual time on, recording each wait. */
export function virtualClock(
  startMs = Date.parse('2026-01-01T00:00:00Z'),
): Clock & { sleeps: number[] } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}
