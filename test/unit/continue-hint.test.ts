import { describe, expect, it } from 'vitest';
import { continuingMakesProgress } from '../../src/cli/continue-hint.js';
import type { EventSyncReport, RunReport, StopReason } from '../../src/run-report.js';
import { runReport, syncReport } from '../support/run-reports.js';

const EVENTS = ['6871a0c5e4b0d1f2a3b4c5d6', '6871a0c5e4b0d1f2a3b4c5d7'];

function sync(overrides: Partial<EventSyncReport> = {}): EventSyncReport {
  return syncReport({ eventId: EVENTS[0]!, found: 10, eligible: 10, sentNow: 10, ...overrides });
}

/** A sync to the test receiver that has not completed, with no event looked up. */
function run(syncs: EventSyncReport[], overrides: Partial<RunReport> = {}): RunReport {
  return runReport({
    region: 'PROD',
    vivenuOrigin: 'https://vivenu.com',
    ticketsDir: '/ws/purchased_tickets',
    progressFile: '/ws/historical_sync_progress_PROD.json',
    webhookUrl: 'https://receiver.example/ticket-created',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    events: undefined,
    syncs,
    complete: false,
    ...overrides,
  });
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
