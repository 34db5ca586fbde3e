import { count } from '../format.js';
import { urlForDisplay } from '../log-text.js';
import { sortedCounts } from '../ticket-files/event-metadata.js';
import type { EventSyncReport, RunReport, TestDelivery } from '../run-report.js';
import { syncTotals, ticketsFound, type SyncFigures } from '../run-report.js';
import { failureReason, reasonLabel } from './failure-groups.js';
import {
  counted,
  createdRange,
  duration,
  eventCell,
  limitExceededText,
  soldAfterCutoffText,
} from './summary-phrases.js';
import {
  joinSpans,
  line,
  numberColumn,
  tableBlock,
  textColumn,
  type Cell,
  type Span,
  type SummaryBlock,
  type SummarySection,
  type SummaryTable,
} from './summary-model.js';

// The sections' earlier home: run-summary.ts still imports them from here.
export { failuresSection } from './failure-section.js';
export { dryRunPlanSection } from './dry-run-section.js';
export { eventCell } from './summary-phrases.js';

function countsTable(label: string, counts: Record<string, number>): SummaryTable {
  return {
    columns: [textColumn(label), numberColumn('Tickets')],
    rows: sortedCounts(counts).map(([name, n]): Cell[] => [name, n]),
  };
}

export function pulledSection(report: RunReport): SummarySection[] {
  if (report.pulls.length === 0) return [];
  const table: SummaryTable = {
    columns: [
      textColumn({ markdown: 'Event', text: 'Pulled event' }),
      numberColumn('Reported'),
      numberColumn('Pulled'),
      textColumn('Complete'),
      textColumn('Files', 'text'),
    ],
    rows: report.pulls.map(({ metadata: m, eventDir }) => [
      eventCell(report, m.event_id),
      m.total_reported,
      m.total_pulled,
      m.complete ? 'yes' : { markdown: { strong: 'no' }, text: 'NO' },
      eventDir,
    ]),
    // One event's row is its own total.
    ...(report.pulls.length > 1
      ? {
          totals: {
            cells: [
              { strong: 'Total' },
              report.pulls.reduce((sum, pull) => sum + pull.metadata.total_reported, 0),
              ticketsFound(report),
              '',
              '',
            ],
            only: 'markdown' as const,
          },
        }
      : {}),
  };
  const byStatusAndType = report.pulls.map(({ metadata: m }): SummaryBlock => {
    const tickets = `${counted(m.total_pulled, 'ticket')} by status and ticket type`;
    return {
      kind: 'details',
      summary:
        report.pulls.length > 1
          ? [{ value: eventCell(report, m.event_id).literal }, `: ${tickets}`]
          : [tickets[0]!.toUpperCase() + tickets.slice(1)],
      blocks: [
        tableBlock(countsTable('Status', m.by_status)),
        tableBlock(countsTable('Ticket type', m.by_ticket_name)),
        line(createdRange(m.first_created_at, m.last_created_at)),
      ],
      only: 'markdown',
    };
  });
  const afterCutoff = soldAfterCutoffText(
    report,
    report.syncs.reduce((sum, s) => sum + s.soldAfterCutoff, 0),
  );
  return [
    {
      kind: 'section',
      heading: ['Pulled'],
      blocks: [
        tableBlock(table),
        ...(afterCutoff === undefined ? [] : [line([afterCutoff])]),
        ...byStatusAndType,
      ],
    },
  ];
}

/**
 * This run's events in figures. A dry run sends nothing, so it shows what a real run would
 * deliver instead of sent and failed.
 */
function deliveredTable(report: RunReport, syncs: readonly EventSyncReport[]): SummaryTable {
  const { dryRun } = report;
  const figures = (s: SyncFigures): Cell[] => [
    s.found,
    s.eligible,
    s.deliveredBefore,
    ...(dryRun ? [] : [s.sentNow, s.failed]),
    s.remaining,
  ];
  return {
    columns: [
      textColumn({
        markdown: 'Event',
        text: dryRun ? 'Would deliver (dry run)' : 'Delivered event',
      }),
      numberColumn('Found'),
      numberColumn('Eligible'),
      numberColumn({ markdown: 'Delivered before', text: 'Before' }),
      ...(dryRun ? [] : [numberColumn('Sent now'), numberColumn('Failed')]),
      numberColumn(dryRun ? 'To deliver' : 'Remaining'),
    ],
    rows: syncs.map((s) => [eventCell(report, s.eventId), ...figures(s)]),
    // One event's row is its own total.
    ...(syncs.length > 1
      ? { totals: { cells: [{ strong: 'Total' }, ...figures(syncTotals({ syncs }))] } }
      : {}),
  };
}

/**
 * Events already complete for this selection are not pulled again: a row of dashes and zeros beside
 * them would read as "nothing eligible". What is true is that they were complete before.
 */
function alreadyCompleteLine(
  report: RunReport,
  passedOver: readonly EventSyncReport[],
): SummaryBlock {
  const events = passedOver.map((s): Span[] => [
    eventCell(report, s.eventId),
    s.deliveredBefore > 0
      ? ` (${counted(s.deliveredBefore, 'ticket')} delivered earlier)`
      : ' (by the earlier tool, which did not record its tickets)',
  ]);
  return line([
    passedOver.length === 1 ? 'Complete in an earlier run: ' : 'Complete in earlier runs: ',
    ...joinSpans(events, '; '),
    '. Not pulled again; `resync` sends the tickets sold since.',
  ]);
}

export function deliveredSection(report: RunReport): SummarySection[] {
  if (report.syncs.length === 0) return [];
  const worked = report.syncs.filter((s) => !s.passedOverAsComplete);
  const passedOver = report.syncs.filter((s) => s.passedOverAsComplete);
  const blocks: SummaryBlock[] = [];
  if (worked.length > 0) blocks.push(tableBlock(deliveredTable(report, worked)));
  if (passedOver.length > 0) blocks.push(alreadyCompleteLine(report, passedOver));
  if (worked.length > 0) blocks.push(timeLine(report));
  for (const s of worked) blocks.push(...eventNotes(s));
  const heading = report.dryRun
    ? 'Would deliver (dry run: nothing sent, nothing recorded)'
    : 'Delivered';
  return [{ kind: 'section', heading: [heading], blocks }];
}

function timeLine(report: RunReport): SummaryBlock {
  const spent = (report.finishedAtMs ?? report.startedAtMs) - report.startedAtMs;
  const remaining = syncTotals(report).remaining;
  const left =
    remaining > 0
      ? ` Remaining at one delivery every ${report.intervalSeconds} s: ${duration(remaining * report.intervalSeconds * 1000)}.`
      : '';
  return line([`Time spent: ${duration(spent)}.${left}`], 'markdown');
}

/** A limit exceeded or waited for, and the tickets left out for a reason other than status or name. */
function eventNotes(s: EventSyncReport): SummaryBlock[] {
  const notes: SummaryBlock[] = [];
  if (s.limitExceeded)
    notes.push(line([`Event ${s.eventId}: ${limitExceededText(s.limitExceeded)}.`]));
  const notEligible = notEligibleReasons(s);
  if (notEligible.length > 0) {
    const reasons = joinSpans(notEligible, '; ');
    notes.push(line([`Event ${s.eventId}, not delivered: `, ...reasons, '.'], 'markdown'));
  }
  if (s.waitingForLimit > 0) {
    const team = s.teamWaiting ? ` (the next is a team of ${s.teamWaiting.size}, kept whole)` : '';
    const wait = s.waitingForLimit === 1 ? 'waits' : 'wait';
    const waiting = `Event ${s.eventId}: ${counted(s.waitingForLimit, 'ticket')} ${wait} for the next run because of \`limit\`${team}.`;
    notes.push(line([waiting], 'markdown'));
  }
  return notes;
}

/**
 * The event's tickets left out for a reason other than status or name, counted: each is a sign
 * that Vivenu answered something other than the event's tickets, or a ticket cannot be sent.
 */
function notEligibleReasons(s: EventSyncReport): Span[][] {
  const reasons: Span[][] = [];
  if (s.otherEvent > 0) {
    reasons.push([`${count(s.otherEvent)} of another event (their \`eventId\` is not this event)`]);
  }
  for (const [event, n] of sortedCounts(s.eligibleEarlier)) {
    reasons.push([
      `${count(n)} already eligible in event `,
      { value: event },
      ' earlier in this run (delivered once, there)',
    ]);
  }
  if (s.withoutId > 0) {
    reasons.push([
      `${count(s.withoutId)} without \`_id\` (they cannot be recorded as sent, so they are never delivered; kept in \`without_id.json\` for review)`,
    ]);
  }
  if (s.invalid > 0) {
    reasons.push([`${count(s.invalid)} without an \`eventId\`, \`ticketName\` or \`status\``]);
  }
  return reasons;
}

/** The test delivery's outcome in words: the receiver's own answer is in the log. */
function testAnswer(test: TestDelivery, dryRun: boolean): string {
  if (dryRun) return 'not sent (dry run)';
  if (test.delivered) return `Delivered (HTTP ${test.status ?? '-'})`;
  return reasonLabel(failureReason(test.status, test.answer), [test.status]);
}

function testDeliveryBlocks(test: TestDelivery, dryRun: boolean): SummaryBlock[] {
  const receiver = urlForDisplay(test.url);
  const answer = testAnswer(test, dryRun);
  const table: SummaryTable = {
    columns: [
      textColumn('Ticket'),
      textColumn('Ticket type'),
      textColumn('Receiver'),
      textColumn('Outcome'),
    ],
    rows: [[{ code: test.ticketId }, { literal: test.ticketName }, receiver, answer]],
  };
  const sentence: Span[] = [
    'Test delivery of ',
    { value: test.ticketId },
    ' (',
    { value: test.ticketName },
    `) to ${receiver}: ${answer}`,
  ];
  return [tableBlock(table, 'markdown'), line(sentence, 'text')];
}

/** Redeliver mode: each ticket sent again, with the receiver's answer. */
export function redeliverySection(report: RunReport): SummarySection[] {
  const { redelivery } = report;
  if (!redelivery || redelivery.tickets.length === 0) return [];
  const table = tableBlock({
    columns: [
      textColumn('_id'),
      textColumn('Ticket type'),
      textColumn('ticketTypeId'),
      textColumn('Outcome'),
      textColumn('Answer'),
    ],
    rows: redelivery.tickets.map((t) => [
      { code: t.id },
      { literal: t.ticketName || '(none)' },
      t.ticketTypeId ? { code: t.ticketTypeId } : '(none)',
      t.outcome,
      t.status === null
        ? t.reason
          ? reasonLabel(failureReason(null, t.reason), [null])
          : '-'
        : t.outcome === 'failed'
          ? reasonLabel(failureReason(t.status, t.reason ?? ''), [t.status])
          : String(t.status),
    ]),
  });
  const note = line([
    `Event `,
    eventCell(report, redelivery.eventId),
    ': each under its original delivery id (the ticket’s own), recorded apart in the progress file and the ledger; what counts as delivered is unchanged.',
  ]);
  return [{ kind: 'section', heading: ['Redelivered'], blocks: [note, table] }];
}

export function testDeliverySection(report: RunReport): SummarySection[] {
  if (!report.testDelivery) return [];
  const blocks = testDeliveryBlocks(report.testDelivery, report.dryRun);
  return [{ kind: 'section', heading: ['Test delivery'], blocks }];
}
