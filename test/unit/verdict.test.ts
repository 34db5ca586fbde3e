import { describe, expect, it } from 'vitest';
import { renderTextSummary } from '../../src/cli/text-summary.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { outcomeOf, VERDICTS, type Outcome } from '../../src/report/verdict.js';
import type { RunReport } from '../../src/run-report.js';
import { REPORT_EVENT, runReport, syncReport } from '../support/run-reports.js';

const EVENT = REPORT_EVENT;
const sync = syncReport;

/** A finished sync of HYROX Berlin to the PRODUCTION receiver, unless the case says otherwise. */
function report(overrides: Partial<RunReport> = {}): RunReport {
  return runReport({
    finishedAtMs: 60_000,
    events: [{ eventId: EVENT, name: 'HYROX Berlin', start: '2026-05-23', end: '2026-05-24' }],
    ...overrides,
  });
}

/** The paragraph under the title, as Markdown: the verdict, then its next step. */
const firstParagraph = (summary: string): string => summary.split('\n\n')[1]!;

/** One run per outcome the issue names (and the others the table holds). */
const RUNS: [Outcome, RunReport][] = [
  ['done', report()],
  ['already-complete', report({ syncs: [sync({ sentNow: 0, deliveredBefore: 152 })] })],
  [
    'budget-left',
    report({
      complete: false,
      stop: { reason: 'time-budget', message: 'time budget reached' },
      syncs: [sync({ sentNow: 31, remaining: 121 })],
    }),
  ],
  [
    'limit-reached',
    report({
      complete: false,
      syncs: [sync({ sentNow: 50, remaining: 102, waitingForLimit: 102 })],
    }),
  ],
  [
    'failures',
    report({ complete: false, syncs: [sync({ sentNow: 136, failed: 16, remaining: 16 })] }),
  ],
  [
    'key-refused',
    report({
      syncs: [],
      complete: false,
      failure: { kind: 'key-refused', message: 'Vivenu refused the API key (401) for region DEV' },
    }),
  ],
  [
    'dry-run',
    report({
      dryRun: true,
      complete: false,
      syncs: [sync({ sentNow: 0, remaining: 152 })],
      plans: [
        {
          eventId: EVENT,
          ticketTypes: [],
          ticketTypeIds: [],
          firstCreatedAt: null,
          lastCreatedAt: null,
          firstDeliveries: [],
          toSend: 152,
        },
      ],
    }),
  ],
  [
    'test-delivered',
    report({
      mode: 'test',
      receiver: 'test',
      ledgerName: 'delivery-ledger.test-receiver.csv',
      stagingTickets: false,
      complete: false,
      syncs: [],
      testDelivery: {
        eventId: EVENT,
        ticketId: 't1',
        ticketName: 'HYROX | CHARITY HIA',
        url: 'https://receiver.example/test-created',
        status: 200,
        answer: 'ok',
        delivered: true,
      },
    }),
  ],
  [
    'pull-only',
    report({
      mode: 'pull-only',
      syncs: [],
      complete: false,
      artifactName: 'tickets-DEV-6871a0c5e4b0d1f2a3b4c5d6-1-1',
    }),
  ],
];

describe('the verdict: the first paragraph of every summary', () => {
  it.each(RUNS)('%s: its line, with the next step, before anything else', (outcome, run) => {
    expect(outcomeOf(run)).toBe(outcome);
    const verdict = firstParagraph(renderJobSummary(run, run.failure?.message));
    expect(verdict.startsWith(VERDICTS[outcome].icon)).toBe(true);
    expect(verdict).toMatch(/ \*\*Next:\*\* \S/);
    // The terminal says the same first, in its own words for what to do.
    const text = renderTextSummary(run).split('\n')[0]!;
    expect(text.startsWith(VERDICTS[outcome].icon)).toBe(true);
    expect(text).toMatch(/ Next: \S/);
  });

  it('says the numbers and the receiver a person needs', () => {
    expect(firstParagraph(renderJobSummary(RUNS[0]![1]))).toBe(
      '✅ Done: 152 of 152 charity tickets delivered to the PRODUCTION receiver (152 this run). **Next:** nothing; tickets sold from now on reach the receiver through the live webhook.',
    );
    expect(firstParagraph(renderJobSummary(RUNS[2]![1]))).toBe(
      '⏸️ 31 of 152 charity tickets delivered ██░░░░░░░░ 20% · 121 left (~3 min 38 s): the time budget ended this run. **Next:** run the workflow again with the same inputs (or turn on auto-continue).',
    );
    expect(renderTextSummary(RUNS[2]![1]).split('\n')[0]).toBe(
      '⏸️ 31 of 152 charity tickets delivered ██░░░░░░░░ 20% · 121 left (~3 min 38 s): the time budget ended this run. Next: run the same command again.',
    );
  });

  it('tells a refused key by its region and secret', () => {
    expect(firstParagraph(renderJobSummary(RUNS[5]![1]))).toBe(
      '❌ Stopped: Vivenu refused the DEV key (401). Nothing was pulled or sent. **Next:** check the DEV_API secret, and that it belongs to the DEV account.',
    );
  });

  it('gives a dry run the time the real run will take, and how to start it', () => {
    expect(firstParagraph(renderJobSummary(RUNS[6]![1]))).toBe(
      '🔍 Dry run: 152 charity tickets would go to the PRODUCTION receiver, about 4 min 34 s at one every 1.8 s. Nothing was sent. No sold-before cutoff is set: tickets sold after the live webhook went on would go too. **Next:** untick "Dry run" and run the workflow again to deliver them.',
    );
  });

  it('names the artifact a pull-only run leaves to download', () => {
    expect(firstParagraph(renderJobSummary(RUNS[8]![1]))).toContain(
      '**Next:** download the artifact tickets-DEV-6871a0c5e4b0d1f2a3b4c5d6-1-1 to review them.',
    );
  });

  it('has a line and a next step for every outcome in its one table', () => {
    for (const [outcome, line] of Object.entries(VERDICTS)) {
      expect(line.icon, outcome).toMatch(/^\p{Extended_Pictographic}/u);
    }
    expect(Object.keys(VERDICTS)).toHaveLength(27);
  });
});
