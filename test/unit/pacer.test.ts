import { describe, it, expect } from 'vitest';
import type { Clock } from '../../src/ports.js';
import { Pacer } from '../../src/webhook/pacer.js';
import { virtualClock } from '../support/virtual-clock.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A virtual clock whose sleep, like the real one, ends early when the signal aborts. */
function abortableClock(): Clock & { sleeps: number[] } {
  let now = T0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    monotonic: () => now,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      if (!signal?.aborted) now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

describe('Pacer', () => {
  it('starts turns at least intervalMs apart, start to start', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await pacer.turn()).toBe(true);
      starts.push(clock.now());
    }
    expect(starts).toEqual([T0, T0 + 1_800, T0 + 3_600, T0 + 5_400, T0 + 7_200]);
  });

  it('does not wait before the first turn', async () => {
    const clock = virtualClock(T0);
    await new Pacer(1_800, clock).turn();
    expect(clock.sleeps).toEqual([]);
    expect(clock.now()).toBe(T0);
  });

  it('does not stretch the cadence by the time an answer took', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    const first = clock.now();
    await clock.sleep(300); // the receiver's answer
    await pacer.turn();
    const second = clock.now();
    expect(second - first).toBe(1_800);
    expect(clock.sleeps).toEqual([300, 1_500]);
  });

  it('does not wait at all when more than the interval already passed', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    await clock.sleep(2_500); // a slow answer, longer than the interval
    const before = clock.sleeps.length;
    expect(await pacer.turn()).toBe(true);
    expect(clock.sleeps.length).toBe(before);
    expect(clock.now()).toBe(T0 + 2_500);
  });

  it('spaces the next turn from the late start, never shorter', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_000, clock);
    await pacer.turn();
    await clock.sleep(1_700);
    await pacer.turn(); // starts at 1700, not at the 1000 slot
    await pacer.turn();
    expect(clock.now()).toBe(T0 + 2_700);
  });

  it('honours notBefore when it is later than the next slot', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    expect(await pacer.turn(undefined, T0 + 5_000)).toBe(true);
    expect(clock.now()).toBe(T0 + 5_000);
    // The slot after that counts from the delayed start.
    await pacer.turn();
    expect(clock.now()).toBe(T0 + 6_800);
  });

  it('keeps the slot when notBefore is earlier than it', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    await pacer.turn(undefined, T0 + 100);
    expect(clock.now()).toBe(T0 + 1_800);
  });

  it('honours notBefore on the very first turn', async () => {
    const clock = virtualClock(T0);
    await new Pacer(1_800, clock).turn(undefined, T0 + 750);
    expect(clock.now()).toBe(T0 + 750);
  });

  it('returns false and claims no turn when the signal is already aborted', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    expect(await pacer.turn(AbortSignal.abort())).toBe(false);
    // Had the aborted call claimed a turn, this one would wait 1800 ms.
    expect(await pacer.turn()).toBe(true);
    expect(clock.now()).toBe(T0);
    expect(clock.sleeps).toEqual([]);
  });

  it('returns false without claiming when aborted while waiting', async () => {
    const clock = abortableClock();
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    expect(await pacer.turn(AbortSignal.abort())).toBe(false);
    expect(clock.now()).toBe(T0);
    // The slot is still the one the first turn set, not a new one.
    expect(await pacer.turn()).toBe(true);
    expect(clock.now()).toBe(T0 + 1_800);
    // The aborted turn did not even start waiting; the next waited its full slot.
    expect(clock.sleeps).toEqual([1_800]);
  });

  it('never waits with an interval of 0', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(0, clock);
    for (let i = 0; i < 10; i++) expect(await pacer.turn()).toBe(true);
    expect(clock.sleeps).toEqual([]);
    expect(clock.now()).toBe(T0);
  });

  it('keeps its cadence when the wall clock steps back 120 s or forward an hour (issue 23, row 5)', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    await pacer.turn();
    clock.stepWall(-120_000);
    await pacer.turn();
    clock.stepWall(3_600_000);
    await pacer.turn();
    expect(clock.sleeps).toEqual([1_800, 1_800]);
    expect(clock.monotonic()).toBe(T0 + 3_600);
  });

  it('tells when the next turn would start, on the monotonic clock', async () => {
    const clock = virtualClock(T0);
    const pacer = new Pacer(1_800, clock);
    expect(pacer.nextTurnAt()).toBe(T0);
    await pacer.turn();
    expect(pacer.nextTurnAt()).toBe(T0 + 1_800);
    expect(pacer.nextTurnAt(T0 + 5_000)).toBe(T0 + 5_000);
    clock.stepWall(-120_000);
    expect(pacer.nextTurnAt()).toBe(T0 + 1_800);
  });
});
