import { describe, expect, it } from 'vitest';
import { continuingMakesProgress } from '../../src/cli/continue-hint.js';
import type { EventSyncReport, RunReport, StopReason } from '../../src/run-report.js';

const EVENTS = ['6871a0c5e4b0d1f2a3b4c5d6', '6871a0c5e4b0d1f2a3b4c5d7'];

function sync(overrides: Partial<EventSyncReport> = {}): EventSyncReport {
  return {
    eventId: EVENTS[0]!,
    passedOverAsComplete: false,
    found: 10,
    rejectedStatus: 0,
    rejectedName: 0,
    otherEvent: 0,
    eligibleEarlier: {},
    withoutId: 0,
    invalid: 0,
    soldAfterCutoff: 0,
    eligible: 10,
    deliveredBefore: 0,
    sentNow: 10,
    failed: 0,
    remaining: 0,
    waitingForLimit: 0,
    ...overrides,
  };
}

function run(syncs: EventSyncReport[], overrides: Partial<RunReport> = {}): RunReport {
  return {
    region: 'PROD',
    mode: 'sync',
    dryRun: false,
    vivenuOrigin: 'https://vivenu.com',
    ticketsDir: '/ws/purchased_tickets',
    progressFile: '/ws/historical_sync_progress_PROD.json',
    webhookUrl: 'https://receiver.example/ticket-created',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    stagingTickets: false,
    signed: true,
    intervalSeconds: 1.8,
    startedAtMs: 0,
    pulls: [],
    syncs,
    failures: [],
    plans: [],
    complete: false,
    ...overrides,
  };
}

const stopped = (reason: StopReason): Partial<RunReport> => ({ stop: { reason, message: '' } });

describe('continuingMakesProgress', () => {
  it('is true when tickets wait for the limit', () => {
    expect(
      continuingMakesProgress(
        run([sync({ remaining: 5, waitingForLimit: 5 })]),
        EVENTS.slice(0, 1),
      ),
    ).toBe(true);
  });

  it('is true when an event was not reached because the limit was used up', () => {
    expect(continuingMakesProgress(run([sync()]), EVENTS)).toBe(true);
  });

  it.each(['cancelled', 'time-budget', 'receiver-down', 'untrusted-pull'] as const)(
    'is true after a stop the next run gets past (%s)',
    (reason) => {
      expect(continuingMakesProgress(run([sync({ remaining: 3 })], stopped(reason)), EVENTS)).toBe(
        true,
      );
    },
  );

  it('is false after a rejected signature: the same secret is rejected again', () => {
    expect(
      continuingMakesProgress(run([sync({ remaining: 3 })], stopped('signature-rejected')), EVENTS),
    ).toBe(false);
  });

  it('is false when every remaining ticket was tried and failed', () => {
    const failedOnly = run([sync({ sentNow: 7, failed: 3, remaining: 3 })]);
    expect(continuingMakesProgress(failedOnly, EVENTS.slice(0, 1))).toBe(false);
  });

  it('is false for a complete run, a dry run and the other modes', () => {
    const waiting = [sync({ remaining: 5, waitingForLimit: 5 })];
    expect(continuingMakesProgress(run(waiting, { complete: true }), EVENTS)).toBe(false);
    expect(continuingMakesProgress(run(waiting, { dryRun: true }), EVENTS)).toBe(false);
    expect(continuingMakesProgress(run(waiting, { mode: 'test' }), EVENTS)).toBe(false);
  });
});
