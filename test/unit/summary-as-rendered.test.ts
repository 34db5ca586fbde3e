import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { renderJobSummary } from '../../src/report/job-summary.js';
import type {
  DryRunPlan,
  EventStanding,
  EventSyncReport,
  FailedDelivery,
  RunReport,
} from '../../src/run-report.js';
import { runReport, syncReport } from '../support/run-reports.js';
import type { EventMetadata } from '../../src/ticket-files/event-metadata.js';
import {
  brokenTables,
  firstParagraph,
  foldsIn,
  parseSummary,
  rawJsonIn,
  tablesIn,
  unfoldedText,
  type RenderedTable,
} from '../support/rendered-summary.js';

/*
 * The job summary of every outcome a run can end in, read the way GitHub reads it (GFM, parsed
 * into a syntax tree) rather than as characters: the verdict is the paragraph under the title,
 * tables are tables with numbers right and text left, no raw JSON, details in folds (issue 14).
 */

const EVENT = '6864d4f427c2aa9b05cd17ee';
const ELIGIBLE = 152;
const TICKET_TYPES = {
  'HYROX MEN | CHARITY HIA': 'tt-men-charity',
  'HYROX WOMEN CHARITY': 'tt-women',
};
const KV_ANSWER = '{"error":"ticketTypeId not found in KV store"}';

function metadata(): EventMetadata {
  return {
    event_id: EVENT,
    region: 'DEV',
    pulled_at: '2025-01-06T09:00:00.000Z',
    vivenu_origin: 'https://vivenu.dev',
    total_reported: ELIGIBLE + 8,
    total_pulled: ELIGIBLE + 8,
    without_id: 0,
    complete: true,
    by_status: { VALID: ELIGIBLE, INVALID: 8 },
    by_ticket_name: { 'HYROX MEN | CHARITY HIA': 100, 'HYROX WOMEN CHARITY': 52, Spectator: 8 },
    first_created_at: '2024-11-02T10:15:00.000Z',
    last_created_at: '2025-01-05T18:30:00.000Z',
    api_calls: 2,
    retries: 0,
    passes: 1,
    duration_ms: 2_300,
  };
}

/** This run's delivery to the one event: `sentNow` sent, `failed` failed, the rest left. */
function sync(sent: number, changes: Partial<EventSyncReport> = {}): EventSyncReport {
  return syncReport({
    eventId: EVENT,
    found: ELIGIBLE + 8,
    rejectedStatus: 8,
    eligible: ELIGIBLE,
    sentNow: sent,
    remaining: ELIGIBLE - sent,
    ...changes,
  });
}

/** How far the event is across all runs, `delivered` of 152. */
function standing(delivered: number, failed = 0): EventStanding {
  const pending = ELIGIBLE - delivered - failed;
  return {
    eventId: EVENT,
    eligible: ELIGIBLE,
    delivered,
    failed,
    pending,
    soldAfterCutoff: 0,
    failuresByReason: failed > 0 ? [{ reason: `HTTP 404: ${KV_ANSWER}`, tickets: failed }] : [],
    changed: 0,
    changedShown: [],
    timeLeftMs: (failed + pending) * 1_800,
    followUpRuns: failed + pending > 0 ? 1 : 0,
    runBudgetMinutes: 300,
    intervalSeconds: 1.8,
    pullComplete: true,
    ledgerFile: `/home/runner/work/sync/sync/purchased_tickets/${EVENT}/delivery-ledger.csv`,
  };
}

function failures(tickets: number): FailedDelivery[] {
  return Array.from({ length: tickets }, (_, i) => ({
    eventId: EVENT,
    ticketId: `failed-ticket-${String(i + 1).padStart(2, '0')}`,
    ticketName: 'HYROX MEN | CHARITY HIA',
    ticketTypeId: TICKET_TYPES['HYROX MEN | CHARITY HIA'],
    status: 404,
    reason: KV_ANSWER,
  }));
}

function dryRunPlan(): DryRunPlan {
  return {
    eventId: EVENT,
    ticketTypes: [
      { ticketName: 'HYROX MEN | CHARITY HIA', ticketTypeId: 'tt-men-charity', count: 100 },
      { ticketName: 'HYROX WOMEN CHARITY', ticketTypeId: 'tt-women', count: 52 },
    ],
    ticketTypeIds: Object.values(TICKET_TYPES),
    firstCreatedAt: '2024-11-02T10:15:00.000Z',
    lastCreatedAt: '2025-01-05T18:30:00.000Z',
    firstDeliveries: Array.from({ length: 20 }, (_, i) => ({
      createdAt: `2024-11-02T10:${String(15 + i).padStart(2, '0')}:00.000Z`,
      id: `first-delivery-${String(i + 1).padStart(2, '0')}`,
      ticketName: i % 3 === 0 ? 'HYROX WOMEN CHARITY' : 'HYROX MEN | CHARITY HIA',
    })),
    toSend: ELIGIBLE,
  };
}

const RUNNER_PATH = '/home/runner/work/sync/sync';

/** A sync of the one event to the test receiver, from a workflow run on GitHub. */
function report(changes: Partial<RunReport>): RunReport {
  return runReport({
    ticketsDir: `${RUNNER_PATH}/purchased_tickets`,
    progressFile: `${RUNNER_PATH}/historical_sync_progress_DEV.json`,
    webhookUrl: 'https://receiver.example/test-created',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    stagingTickets: false,
    startedAtMs: Date.UTC(2025, 0, 6, 9, 0),
    finishedAtMs: Date.UTC(2025, 0, 6, 9, 5),
    events: [
      { eventId: EVENT, name: 'HYROX Berlin', start: '2025-05-23T08:00:00.000Z', end: null },
    ],
    pulls: [{ metadata: metadata(), eventDir: `${RUNNER_PATH}/purchased_tickets/${EVENT}` }],
    syncs: [],
    complete: false,
    publishing: { where: 'hia/vivenu-historical-sync@main', commits: 1 },
    ...changes,
  });
}

interface Outcome {
  report: RunReport;
  /** The failure that ended the run, as the action passes it. */
  failure?: string;
  /**
   * A finished run may end on its verdict alone (or "Next: nothing"); every other outcome says
   * what to do next.
   */
  needsNextStep: boolean;
}

const OUTCOMES: Record<string, Outcome> = {
  done: {
    report: report({
      syncs: [sync(ELIGIBLE)],
      standings: [standing(ELIGIBLE)],
      complete: true,
      publishing: { where: 'hia/vivenu-historical-sync@main', commits: 2 },
    }),
    needsNextStep: false,
  },
  'budget left': {
    report: report({
      syncs: [sync(31)],
      standings: [standing(31)],
      stop: { reason: 'time-budget', message: 'time budget reached' },
      followUp: { dispatched: false, note: 'auto-continue is off' },
    }),
    needsNextStep: true,
  },
  'limit reached': {
    report: report({
      syncs: [sync(50, { waitingForLimit: ELIGIBLE - 50 })],
      standings: [standing(50)],
    }),
    needsNextStep: true,
  },
  failures: {
    report: report({
      syncs: [sync(ELIGIBLE - 16, { failed: 16 })],
      standings: [standing(ELIGIBLE - 16, 16)],
      failures: failures(16),
    }),
    needsNextStep: true,
  },
  'refused key': {
    report: report({
      pulls: [],
      publishing: { where: 'hia/vivenu-historical-sync@main', commits: 0 },
    }),
    failure:
      'Vivenu refused the API key (401) for region DEV at https://vivenu.dev: check the api-key input (the DEV_API secret) and that it belongs to this region.',
    needsNextStep: true,
  },
  'dry run': {
    report: report({
      dryRun: true,
      syncs: [sync(0, { remaining: ELIGIBLE })],
      plans: [dryRunPlan()],
      standings: [standing(0)],
      publishing: undefined,
    }),
    needsNextStep: true,
  },
  test: {
    report: report({
      mode: 'test',
      publishing: undefined,
      testDelivery: {
        eventId: EVENT,
        ticketId: 'first-delivery-01',
        ticketName: 'HYROX MEN | CHARITY HIA',
        url: 'https://receiver.example/test-created',
        status: 200,
        answer: 'OK',
        delivered: true,
      },
    }),
    needsNextStep: true,
  },
  'pull-only': {
    report: report({ mode: 'pull-only', publishing: undefined }),
    needsNextStep: true,
  },
  'already complete': {
    report: report({
      syncs: [
        sync(0, {
          passedOverAsComplete: true,
          eligible: 0,
          deliveredBefore: ELIGIBLE,
          remaining: 0,
        }),
      ],
      standings: [standing(ELIGIBLE)],
      complete: true,
      publishing: { where: 'hia/vivenu-historical-sync@main', commits: 0 },
    }),
    needsNextStep: false,
  },
};

/**
 * Figures as a person reads them: `1,234`, `12.3`, `20%`, `20.0%`, an amount with its unit
 * (`3 min 20 s`, `1 h`, `2 runs`), or `-` where there is none (a column of figures still).
 */
const NUMBER = /^(-?[\d,]+(\.\d+)?%?( (h|min|s|runs?))*( [\d,]+ (h|min|s))*|-)$/;

/** Whether a column holds numbers: every cell that is not empty reads as one. */
function isNumberColumn(table: RenderedTable, column: number): boolean {
  const cells = table.rows.map((row) => (row[column] ?? '').trim()).filter(Boolean);
  return cells.length > 0 && cells.every((cell) => NUMBER.test(cell));
}

/** Each column whose alignment is not the intended one: numbers right, text left. */
function misalignedColumns(table: RenderedTable): string[] {
  return table.header.flatMap((header, column) => {
    const wanted = isNumberColumn(table, column) ? 'right' : 'left';
    const actual = table.align[column] ?? null;
    return actual === wanted ? [] : [`${header}: ${actual} (wanted ${wanted})`];
  });
}

describe.each(Object.entries(OUTCOMES))('the job summary as rendered: %s', (_, outcome) => {
  const markdown = renderJobSummary(outcome.report, outcome.failure);
  const tree: Root = parseSummary(markdown);

  it('opens with the verdict: an icon first, and the next step when there is one', () => {
    const verdict = firstParagraph(tree);
    expect(verdict, 'a paragraph right under the title').toBeDefined();
    expect(verdict).toMatch(/^\p{Extended_Pictographic}/u);
    // "Next: nothing" names no step: a finished run may say it, or say nothing of a next step.
    expect(/Next: (?!nothing)/.test(verdict ?? ''), 'names a step to take').toBe(
      outcome.needsNextStep,
    );
  });

  it('shows tables GitHub reads as tables, every row as wide as its header', () => {
    expect(brokenTables(tree)).toEqual([]);
    for (const table of tablesIn(tree)) {
      expect(table.rowWidths, table.header.join(' | ')).toEqual(
        table.rowWidths.map(() => table.header.length),
      );
    }
  });

  it('aligns numbers right and text left', () => {
    const misaligned = tablesIn(tree).flatMap(misalignedColumns);
    expect(misaligned).toEqual([]);
  });

  it('shows no raw JSON', () => {
    expect(rawJsonIn(tree)).toEqual([]);
  });

  it('keeps run details (runner paths) in a fold, every fold closed', () => {
    expect(foldsIn(tree).filter((fold) => !fold.closed)).toEqual([]);
    expect(unfoldedText(tree)).not.toContain(RUNNER_PATH);
  });

  it('adds no totals row under a single event', () => {
    const totals = tablesIn(tree).filter((table) => table.rows.some((row) => row[0] === 'Total'));
    expect(totals.map((table) => table.header.join(' | '))).toEqual([]);
  });
});

describe('outcome by outcome, as rendered', () => {
  const rendered = (name: string): Root => {
    const outcome = OUTCOMES[name]!;
    return parseSummary(renderJobSummary(outcome.report, outcome.failure));
  };

  it('failures: a table names the ticket type and the event; the ticket ids wait in a fold', () => {
    const tree = rendered('failures');
    const named = tablesIn(tree).filter(
      (table) =>
        table.header.some((cell) => /ticket type/i.test(cell)) &&
        table.header.some((cell) => /event/i.test(cell)) &&
        table.rows.some((row) => row.includes('HYROX MEN | CHARITY HIA')),
    );
    expect(named).not.toEqual([]);
    expect(unfoldedText(tree)).not.toContain('failed-ticket-01');
  });

  it('dry run: ticket types with their ids in one table; the first deliveries in a fold', () => {
    const tree = rendered('dry run');
    const byType = tablesIn(tree).filter((table) =>
      Object.entries(TICKET_TYPES).every(([name, id]) =>
        table.rows.some((row) => row.includes(name) && row.includes(id)),
      ),
    );
    expect(byType).not.toEqual([]);
    expect(unfoldedText(tree)).not.toContain('first-delivery-01');
    expect(firstParagraph(tree)).toMatch(/Dry run/i);
  });

  it('dates read as a person writes them, not ISO timestamps', () => {
    for (const name of Object.keys(OUTCOMES)) {
      expect(unfoldedText(rendered(name)), name).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    }
  });
});
