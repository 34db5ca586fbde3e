import type { Clock } from '../../src/ports.js';

/**
 * A clock whose sleeps return at once and move virtual time on, recording each wait. Its
 * monotonic reading starts equal to the wall clock and moves only with sleeps; `stepWall`
 * moves the wall clock alone, as an NTP correction does (issue 23, row 5).
 */
export function virtualClock(
  startMs = Date.parse('2026-01-01T00:00:00Z'),
): Clock & { sleeps: number[]; stepWall(ms: number): void } {
  let elapsed = startMs;
  let wallOffset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => elapsed + wallOffset,
    monotonic: () => elapsed,
    sleep: (ms) => {
      sleeps.push(ms);
      elapsed += Math.max(0, ms);
      return Promise.resolve();
    },
    stepWall: (ms) => {
      wallOffset += ms;
    },
  };
}
