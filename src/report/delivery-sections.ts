import { count } from '../format.js';
import { urlForDisplay } from '../log-text.js';
import { sortedCounts } from '../ticket-files/event-metadata.js';
import type { DryRunPlan, EventSyncReport, RunReport, TestDelivery } from '../run-report.js';
import { eventLabel, syncTotals, ticketsFound } from '../run-report.js';
import { failureAdvice, groupFailures, unregisteredTicketTypes } from './failure-groups.js';
import { duration, limitExceededText } from './summary-phrases.js';
import {
  columns,
  joinSpans,
  line,
  tableBlock,
  type Cell,
  type Span,
  type SummaryBlock,
  type SummarySection,
  type SummaryTable,
} from './summary-model.js';

/** Failure reasons in the job summary's table; the progress file's `errors` has them all. */
const FAILURE_REASONS_SHOWN = 20;
/** A terminal's table is shorter, its answers cut to fit a line. */
const FAILURE_REASONS_SHOWN_IN_TERMINAL = 10;
const REASON_CHARACTERS_SHOWN_IN_TERMINAL = 60;
const EXAMPLE_IDS = 3;

/** An event as a row names it: its name and dates when known, and its id. */
export function eventCell(report: RunReport, eventId: string): Cell {
  return { literal: eventLabel(report, eventId) };
}

function countsTable(label: string, counts: Record<string, number>): SummaryTable {
  return { columns: columns(label, 'Tickets'), rows: sortedCounts(counts) };
}

function createdRange(first: string | null, last: string | null): Span[] {
  return ['Created from ', { value: first ?? '-' }, ' to ', { value: last ?? '-' }, '.'];
}

export function pulledSection(report: RunReport): SummarySection[] {
  if (report.pulls.length === 0) return [];
  const table: SummaryTable = {
    columns: columns(
      { markdown: 'Event', text: 'Pulled event' },
      'Reported',
      'Pulled',
      'Complete',
      { header: 'Requests', only: 'markdown' },
      { header: 'Seconds', only: 'markdown' },
      { header: 'Files', only: 'text' },
    ),
    rows: report.pulls.map(({ metadata: m, eventDir }) => [
      eventCell(report, m.event_id),
      m.total_reported,
      m.total_pulled,
      m.complete ? 'yes' : { markdown: { strong: 'no' }, text: 'NO' },
      m.api_calls,
      (m.duration_ms / 1000).toFixed(1),
      eventDir,
    ]),
    totals: {
      cells: [
        { strong: 'Total' },
        report.pulls.reduce((sum, pull) => sum + pull.metadata.total_reported, 0),
        ticketsFound(report),
        '',
        '',
        '',
        '',
      ],
      only: 'markdown',
    },
  };
  const byStatusAndType = report.pulls.map(({ metadata: m }): SummaryBlock => ({
    kind: 'details',
    summary: [`Event ${m.event_id}: ${count(m.total_pulled)} tickets by status and ticket type`],
    blocks: [
      tableBlock(countsTable('Status', m.by_status)),
      tableBlock(countsTable('Ticket type', m.by_ticket_name)),
      line(createdRange(m.first_created_at, m.last_created_at)),
    ],
    only: 'markdown',
  }));
  return [
    { kind: 'section', heading: ['Pulled'], blocks: [tableBlock(table), ...byStatusAndType] },
  ];
}

function deliveredTable(report: RunReport): SummaryTable {
  const totals = syncTotals(report);
  return {
    columns: columns(
      {
        markdown: 'Event',
        text: report.dryRun ? 'Would deliver (dry run)' : 'Delivered event',
      },
      'Found',
      'Eligible',
      { markdown: 'Delivered before', text: 'Before' },
      'Sent now',
      'Failed',
      'Remaining',
    ),
    rows: report.syncs.map((s) =>
      s.skippedAsProcessed
        ? [
            eventCell(report, s.eventId),
            '-',
            '-',
            s.deliveredBefore,
            { markdown: 'already processed', text: 'processed' },
            '-',
            '-',
          ]
        : [
            eventCell(report, s.eventId),
            s.found,
            s.eligible,
            s.deliveredBefore,
            s.sentNow,
            s.failed,
            s.remaining,
          ],
    ),
    totals: {
      cells: [
        { strong: 'Total' },
        '',
        totals.eligible,
        totals.skipped,
        totals.sent,
        totals.failed,
        totals.remaining,
      ],
    },
  };
}

export function deliveredSection(report: RunReport): SummarySection[] {
  if (report.syncs.length === 0) return [];
  const blocks: SummaryBlock[] = [tableBlock(deliveredTable(report))];
  const spent = (report.finishedAtMs ?? report.startedAtMs) - report.startedAtMs;
  const remaining = syncTotals(report).remaining;
  blocks.push(
    line(
      [
        `Time spent: ${duration(spent)}. Remaining at one delivery every ${report.intervalSeconds} s: ` +
          `${duration(remaining * report.intervalSeconds * 1000)}.`,
      ],
      'markdown',
    ),
  );
  for (const s of report.syncs) {
    if (s.limitExceeded)
      blocks.push(line([`Event ${s.eventId}: ${limitExceededText(s.limitExceeded)}.`]));
    const notEligible = notEligibleReasons(s);
    if (notEligible.length > 0) {
      const reasons = joinSpans(notEligible, '; ');
      blocks.push(line([`Event ${s.eventId}, not delivered: `, ...reasons, '.'], 'markdown'));
    }
  }
  for (const s of report.syncs) {
    if (s.waitingForLimit === 0) continue;
    const team = s.teamWaiting ? ` (the next is a team of ${s.teamWaiting.size}, kept whole)` : '';
    const waiting = `Event ${s.eventId}: ${count(s.waitingForLimit)} tickets wait for the next run because of \`limit\`${team}.`;
    blocks.push(line([waiting], 'markdown'));
  }
  const heading = report.dryRun
    ? 'Would deliver (dry run: nothing sent, nothing recorded)'
    : 'Delivered';
  return [{ kind: 'section', heading: [heading], blocks }];
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

export function failuresSection(report: RunReport): SummarySection[] {
  if (report.failures.length === 0) return [];
  const groups = groupFailures(report.failures);
  const status = (code: number | null): string => (code === null ? 'none' : String(code));
  const blocks: SummaryBlock[] = [
    tableBlock(
      {
        columns: columns('Receiver said', 'Status', 'Tickets', 'Examples (_id)', 'What to do'),
        rows: groups
          .slice(0, FAILURE_REASONS_SHOWN)
          .map((g) => [
            g.reason || '(no answer)',
            status(g.status),
            g.ids.length,
            g.ids.slice(0, EXAMPLE_IDS).join(', '),
            failureAdvice(g.status, g.reason),
          ]),
      },
      'markdown',
    ),
    tableBlock(
      {
        columns: columns('Receiver said', 'Status', 'Tickets'),
        rows: groups
          .slice(0, FAILURE_REASONS_SHOWN_IN_TERMINAL)
          .map((g) => [
            g.reason.slice(0, REASON_CHARACTERS_SHOWN_IN_TERMINAL) || '(no answer)',
            status(g.status),
            g.ids.length,
          ]),
      },
      'text',
    ),
  ];
  if (groups.length > FAILURE_REASONS_SHOWN) {
    const more = `${groups.length - FAILURE_REASONS_SHOWN} more reasons are in the progress file's \`errors\`.`;
    blocks.push(line([more], 'markdown'));
  }
  const unregistered = unregisteredTicketTypes(report.failures);
  if (unregistered.length > 0) {
    const types = unregistered.map(([type, n]): Span[] => [
      { code: type },
      ` (${count(n)} tickets)`,
    ]);
    blocks.push(
      line(
        [
          'ticketTypeIds the receiver has not registered (`ticketTypeId not found in KV store`): ',
          ...joinSpans(types, ', '),
          '. Register them with the receiver, then run again: only the tickets not delivered go out.',
        ],
        'markdown',
      ),
    );
  }
  return [{ kind: 'section', heading: ['Failed deliveries (retried on the next run)'], blocks }];
}

function planSection(plan: DryRunPlan): SummarySection {
  const ticketTypeIds = plan.ticketTypeIds.map((id): Span[] => ['`', { value: id }, '`']);
  return {
    kind: 'section',
    heading: [`Event ${plan.eventId}: ${count(plan.toSend)} deliveries, oldest first`],
    blocks: [
      tableBlock(countsTable('Ticket type', plan.byTicketType)),
      line([
        'ticketTypeIds the receiver must have registered: ',
        ...(ticketTypeIds.length > 0 ? joinSpans(ticketTypeIds, ', ') : ['-']),
      ]),
      line(createdRange(plan.firstCreatedAt, plan.lastCreatedAt)),
      tableBlock({
        columns: columns('#', 'createdAt', '_id', 'ticketName'),
        rows: plan.firstDeliveries.map((d, i) => [String(i + 1), d.createdAt, d.id, d.ticketName]),
      }),
    ],
  };
}

export function dryRunPlanSection(report: RunReport): SummarySection[] {
  if (report.plans.length === 0) return [];
  const plans = report.plans.map(planSection);
  return [{ kind: 'section', heading: ['Dry-run plan'], blocks: plans, only: 'markdown' }];
}

function testDeliveryBlocks(test: TestDelivery, dryRun: boolean): SummaryBlock[] {
  const receiver = urlForDisplay(test.url);
  const table: SummaryTable = {
    columns: columns('Ticket', 'Ticket type', 'Receiver', 'Answer'),
    rows: [
      [
        test.ticketId,
        test.ticketName,
        receiver,
        dryRun ? '(dry run: not sent)' : `${test.status ?? 'none'} ${test.answer}`,
      ],
    ],
  };
  const answer: Span[] = dryRun
    ? ['not sent (dry run)']
    : [`${test.status ?? 'no answer'} `, { value: test.answer }];
  const sentence: Span[] = [
    'Test delivery of ',
    { value: test.ticketId },
    ' (',
    { value: test.ticketName },
    `) to ${receiver}: `,
    ...answer,
  ];
  return [tableBlock(table, 'markdown'), line(sentence, 'text')];
}

export function testDeliverySection(report: RunReport): SummarySection[] {
  if (!report.testDelivery) return [];
  const blocks = testDeliveryBlocks(report.testDelivery, report.dryRun);
  return [{ kind: 'section', heading: ['Test delivery'], blocks }];
}
