import type { EventSyncReport, RunReport } from '../../src/run-report.js';

/**
 * RunReports for the summary's tests: one place that knows every field, so a test names only
 * what its case is about. The defaults are a finished sync of one event: 152 eligible of 400,
 * all sent this run, to the production receiver.
 */
export const REPORT_EVENT = '6871a0c5e4b0d1f2a3b4c5d6';

export function syncReport(overrides: Partial<EventSyncReport> = {}): EventSyncReport {
  return {
    eventId: REPORT_EVENT,
    passedOverAsComplete: false,
    found: 400,
    rejectedStatus: 0,
    rejectedName: 0,
    otherEvent: 0,
    eligibleEarlier: {},
    withoutId: 0,
    invalid: 0,
    soldAfterCutoff: 0,
    eligible: 152,
    deliveredBefore: 0,
    sentNow: 152,
    failed: 0,
    remaining: 0,
    waitingForLimit: 0,
    ...overrides,
  };
}

export function runReport(overrides: Partial<RunReport> = {}): RunReport {
  return {
    region: 'DEV',
    mode: 'sync',
    dryRun: false,
    vivenuOrigin: 'https://vivenu.dev',
    ticketsDir: '/w/purchased_tickets',
    progressFile: '/w/historical_sync_progress_DEV.json',
    webhookUrl: 'https://receiver.example/prod-created',
    receiver: 'production',
    ledgerName: 'delivery-ledger.csv',
    stagingTickets: false,
    signed: true,
    intervalSeconds: 1.8,
    startedAtMs: 0,
    events: [{ eventId: REPORT_EVENT, name: 'HYROX Berlin', start: null, end: null }],
    pulls: [],
    syncs: [syncReport()],
    failures: [],
    plans: [],
    complete: true,
    ...overrides,
  };
}
