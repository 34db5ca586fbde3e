import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PAUSE_MS, ProgressKeeper } from '../../src/progress/progress-keeper.js';
import {
  keepLocally,
  type ProgressPublisher,
  type PublishFailure,
  type PublishReason,
  type PublishResult,
} from '../../src/progress/progress-publisher.js';
import { memoryLogger } from '../support/memory-logger.js';
import { virtualClock } from '../support/virtual-clock.js';

const EVENT = '0123456789abcdef01234567';
const PERIOD_MS = 60_000;
const unavailable: PublishFailure = { kind: 'unavailable', message: 'GitHub answered 502' };
const protectedBranch: PublishFailure = { kind: 'protected-branch', message: 'main is protected' };

/** A publisher that answers from a script, one entry per call (then lands), recording each call. */
function scriptedPublisher(script: (PublishFailure | 'lands')[]) {
  const calls: { reason: PublishReason; sent: number }[] = [];
  const publisher: ProgressPublisher = {
    where: 'hia/sync@main',
    publish: (progress, reason): Promise<PublishResult> => {
      calls.push({ reason, sent: progress.ticketsSent });
      const next = script.shift() ?? 'lands';
      return Promise.resolve(
        next === 'lands'
          ? { landed: true, commit: `c${calls.length}` }
          : { landed: false, failure: next },
      );
    },
    read: () => Promise.resolve({ read: true, progress: undefined }),
  };
  return { publisher, calls };
}

async function keeperWith(publisher: ProgressPublisher, deadlineMs = Number.POSITIVE_INFINITY) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'keeper-'));
  const clock = virtualClock();
  const logger = memoryLogger();
  const keeper = await ProgressKeeper.open(
    path.join(folder, 'progress.json'),
    { region: 'DEV', receiver: 'https://receiver.example/ticket-created' },
    {
      publisher,
      periodMs: PERIOD_MS,
      clock,
      logger,
      deadlineMs: clock.now() + deadlineMs,
      random: () => 0.5,
    },
  );
  let n = 0;
  /** One delivery 20 s after the last, recorded, then the keeper's turn. */
  const deliver = async () => {
    await clock.sleep(20_000);
    await keeper.record({ t: 'sent', e: EVENT, id: `t${++n}` });
    return keeper.afterDelivery();
  };
  return { keeper, clock, logger, deliver };
}

describe('ProgressKeeper', () => {
  it('keeping progress on this machine only never publishes and never stops', async () => {
    const { keeper, deliver } = await keeperWith(keepLocally);
    await keeper.proveWritable();
    for (let i = 0; i < 10; i++) expect(await deliver()).toBeUndefined();
    await keeper.finish(undefined);
    expect(keeper.commits).toBe(0);
    expect(keeper.failure).toBeUndefined();
  });

  it('proves it can write with one commit, trying again while GitHub has passing trouble', async () => {
    const { publisher, calls } = scriptedPublisher([unavailable, unavailable]);
    const { keeper, clock } = await keeperWith(publisher);
    await keeper.proveWritable();
    expect(calls.map((c) => c.reason)).toEqual(['start', 'start', 'start']);
    // Backoff with equal jitter at 0.5: 2 s × 0.75, then 4 s × 0.75.
    expect(clock.sleeps).toEqual([1_500, 3_000]);
    expect(keeper.commits).toBe(1);
  });

  it('does not prove it can write when the failure lasts: throws naming it, at once', async () => {
    const { publisher, calls } = scriptedPublisher([protectedBranch]);
    const { keeper } = await keeperWith(publisher);
    await expect(keeper.proveWritable()).rejects.toThrow(
      'Nothing was delivered: the progress file cannot be committed to hia/sync@main, so a later run could not know what this one sent: main is protected.',
    );
    expect(calls).toHaveLength(1);
  });

  it('publishes once a period has passed, not before', async () => {
    const { publisher, calls } = scriptedPublisher([]);
    const { keeper, deliver } = await keeperWith(publisher);
    await keeper.proveWritable();
    for (let i = 0; i < 9; i++) expect(await deliver()).toBeUndefined();
    // 20 s apart and 60 s a period: after the 3rd, 6th and 9th.
    expect(calls.map((c) => `${c.reason}:${c.sent}`)).toEqual([
      'start:0',
      'periodic:3',
      'periodic:6',
      'periodic:9',
    ]);
  });

  it('pauses deliveries while GitHub cannot take the commit, and goes on when it can', async () => {
    const { publisher, calls } = scriptedPublisher([
      'lands',
      unavailable,
      unavailable,
      unavailable,
    ]);
    const { keeper, deliver, clock, logger } = await keeperWith(publisher);
    await keeper.proveWritable();
    await deliver();
    await deliver();
    expect(keeper.unpublishedDeliveries).toBe(2);
    expect(await deliver()).toBeUndefined();
    // Four tries of the periodic commit before the next delivery could start.
    expect(calls.map((c) => c.reason)).toEqual([
      'start',
      'periodic',
      'periodic',
      'periodic',
      'periodic',
    ]);
    expect(clock.sleeps.slice(-3)).toEqual([1_500, 3_000, 6_000]);
    expect(keeper.unpublishedDeliveries).toBe(0);
    expect(logger.lines.filter((l) => l.startsWith('warning: Deliveries paused'))).toHaveLength(1);
    expect(logger.text()).toContain('GitHub took the progress file: deliveries go on.');
  });

  it('stops when the failure lasts, saying how many deliveries are not committed', async () => {
    const { publisher } = scriptedPublisher(['lands', protectedBranch]);
    const { keeper, deliver } = await keeperWith(publisher);
    await keeper.proveWritable();
    await deliver();
    await deliver();
    expect(await deliver()).toEqual({
      reason: 'progress-not-committed',
      message:
        'Stopped delivering: the progress file can no longer be committed to hia/sync@main (main is protected); 3 deliveries not committed yet.',
    });
  });

  it('stops after MAX_PAUSE_MS of GitHub trouble, or at the time budget if that comes first', async () => {
    const { publisher } = scriptedPublisher([
      'lands',
      ...Array<PublishFailure>(100).fill(unavailable),
    ]);
    const long = await keeperWith(publisher);
    await long.keeper.proveWritable();
    await long.deliver();
    await long.deliver();
    const stop = await long.deliver();
    expect(stop?.reason).toBe('progress-not-committed');
    expect(stop?.message).toMatch(
      /^Stopped delivering: GitHub has not taken the progress file for \d+ minutes/,
    );
    const paused = long.clock.sleeps.slice(2).reduce((a, b) => a + b, 0);
    expect(paused).toBeLessThanOrEqual(MAX_PAUSE_MS);
    expect(paused).toBeGreaterThan(MAX_PAUSE_MS / 2);

    const second = scriptedPublisher(['lands', ...Array<PublishFailure>(100).fill(unavailable)]);
    const short = await keeperWith(second.publisher, 5 * 60_000);
    await short.keeper.proveWritable();
    await short.deliver();
    await short.deliver();
    expect(await short.deliver()).toEqual({
      reason: 'time-budget',
      message: 'time budget reached',
    });
  });

  it('finishes with a commit only when the published copy is behind, and keeps the failure', async () => {
    const { publisher, calls } = scriptedPublisher([
      'lands',
      unavailable,
      unavailable,
      unavailable,
    ]);
    const { keeper, deliver } = await keeperWith(publisher);
    await keeper.proveWritable();
    await deliver();
    await keeper.finish(undefined);
    expect(calls.map((c) => c.reason)).toEqual(['start', 'end', 'end', 'end']);
    expect(keeper.failure).toEqual(unavailable);
    expect(keeper.unpublishedDeliveries).toBe(1);

    const quiet = scriptedPublisher([]);
    const idle = await keeperWith(quiet.publisher);
    await idle.keeper.finish(undefined);
    expect(quiet.calls).toEqual([]);
  });
});
