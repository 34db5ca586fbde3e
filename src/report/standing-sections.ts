import { count } from '../format.js';
import type { EventStanding, RunReport } from '../run-report.js';
import { percentDelivered, progressBar } from '../run-report.js';
import { eventCell } from './delivery-sections.js';
import { duration, runsText } from './summary-phrases.js';
import {
  columns,
  joinSpans,
  line,
  tableBlock,
  type Paragraph,
  type Span,
  type SummaryBlock,
  type SummarySection,
} from './summary-model.js';

/** Answers shown per event under "How far"; the ledger has every ticket's. */
const STANDING_REASONS_SHOWN = 10;
/** Characters of an answer shown in the summary; the ledger keeps it whole. */
const REASON_CHARACTERS_SHOWN = 120;
/** A terminal lists fewer answers, cut shorter, one a line. */
const STANDING_REASONS_SHOWN_IN_TERMINAL = 5;
const REASON_CHARACTERS_SHOWN_IN_TERMINAL = 80;
/** Changed tickets listed in a terminal per event; the ledger has them all. */
const CHANGED_LINES_SHOWN_IN_TERMINAL = 50;

/**
 * How far each event is across all runs so far (the progress file and this pull), not this
 * run alone: delivered of eligible, what failed by the receiver's last answer, and the time
 * the rest takes at the interval, in runs of the time budget.
 */
export function standingSection(report: RunReport): SummarySection[] {
  const standings = report.standings ?? [];
  if (standings.length === 0) return [];
  const blocks: SummaryBlock[] = [
    tableBlock({
      columns: columns(
        { markdown: 'Event', text: 'How far (all runs)' },
        'Delivered',
        'Eligible',
        'Done',
        'Progress',
        'Failed',
        { header: 'Never tried', only: 'markdown' },
        'Time left',
        'Runs left',
      ),
      rows: standings.map((s) => [
        eventCell(report, s.eventId),
        s.delivered,
        s.eligible,
        percentDelivered(s),
        { code: progressBar(s) },
        s.failed,
        s.pending,
        duration(s.timeLeftMs),
        runsText(s.followUpRuns),
      ]),
    }),
  ];
  const pace = standings[0]!;
  blocks.push(
    line(
      [
        `Time left is at one delivery every ${pace.intervalSeconds} s; runs left are runs of \`max-runtime-minutes\` (${count(pace.runBudgetMinutes)} min), the pull included, so at least that many. Every ticket's state is in \`delivery-ledger.csv\` in the event's folder of the tickets artifact.`,
      ],
      'markdown',
    ),
  );
  for (const s of standings) blocks.push(...eventStandingNotes(s), ...eventStandingLines(s));
  const ledgers = standings.flatMap((s) => (s.ledgerFile ? [[{ value: s.ledgerFile }]] : []));
  if (ledgers.length > 0)
    blocks.push(line(['Delivery ledger: ', ...joinSpans(ledgers, ', ')], 'text'));
  return [{ kind: 'section', heading: ['How far each event is (all runs so far)'], blocks }];
}

/** The job summary's notes on one event: a ledger not written, an incomplete pull, what failed. */
function eventStandingNotes(s: EventStanding): SummaryBlock[] {
  const event: Span[] = ['Event ', { value: s.eventId }];
  const notes: SummaryBlock[] = [];
  if (!s.ledgerFile) {
    notes.push(
      line(
        [
          ...event,
          ': its ledger could not be written (the log says why); the progress file holds every delivery.',
        ],
        'markdown',
      ),
    );
  }
  if (!s.pullComplete) {
    notes.push(
      line(
        [
          ...event,
          ': the pull was incomplete, so a delivered ticket it did not list is not called changed.',
        ],
        'markdown',
      ),
    );
  }
  if (s.failuresByReason.length === 0) return notes;
  const shown = s.failuresByReason
    .slice(0, STANDING_REASONS_SHOWN)
    .map((f): Span[] => [
      { code: f.reason.slice(0, REASON_CHARACTERS_SHOWN) },
      ` × ${count(f.tickets)}`,
    ]);
  const more = s.failuresByReason.length - shown.length;
  const andMore = more > 0 ? `; and ${count(more)} more answers (in the ledger)` : '';
  notes.push(
    line(
      [...event, ', failed by last answer: ', ...joinSpans(shown, '; '), `${andMore}.`],
      'markdown',
    ),
  );
  return notes;
}

/**
 * A terminal's lines on one event: each failed answer, then the tickets changed since delivery
 * (the job summary gives those a section of their own).
 */
function eventStandingLines(s: EventStanding): SummaryBlock[] {
  const lines: SummaryBlock[] = s.failuresByReason
    .slice(0, STANDING_REASONS_SHOWN_IN_TERMINAL)
    .map((f) =>
      line(
        [
          `Event ${s.eventId}: ${count(f.tickets)} failed, last answer `,
          { value: f.reason.slice(0, REASON_CHARACTERS_SHOWN_IN_TERMINAL) },
        ],
        'text',
      ),
    );
  if (s.changed > 0) lines.push(changedTicketLines(s));
  return lines;
}

function changedTicketLines(s: EventStanding): Paragraph {
  const tickets = s.changedShown
    .slice(0, CHANGED_LINES_SHOWN_IN_TERMINAL)
    .map((t): Span[] => [
      '  ',
      { value: t.id },
      '  ',
      { value: t.ticketName || '-' },
      '  ',
      { value: t.status || '-' },
      '  ',
      { value: t.change },
    ]);
  const more = s.changed - tickets.length;
  return {
    kind: 'paragraph',
    lines: [
      [
        `Event ${s.eventId}: ${count(s.changed)} delivered earlier, not eligible now (not re-sent; correct the totals by these):`,
      ],
      ...tickets,
      ...(more > 0 ? [[`  and ${count(more)} more`]] : []),
    ],
    only: 'text',
  };
}

/**
 * Tickets delivered in an earlier run that are not eligible now (refunded, `INVALID`, renamed,
 * gone): a report for the charity's totals. Nothing is re-sent or sent to undo them.
 */
export function changedSection(report: RunReport): SummarySection[] {
  const changed = (report.standings ?? []).filter((s) => s.changed > 0);
  if (changed.length === 0) return [];
  const blocks = changed.flatMap((s): SummaryBlock[] => {
    const more = s.changed - s.changedShown.length;
    return [
      line([
        'Event ',
        { value: s.eventId },
        ': ',
        { strong: count(s.changed) },
        ' tickets were delivered in an earlier run and are not eligible now. ' +
          'Nothing was sent again and nothing was sent to undo them (the receiver has no such endpoint).',
      ]),
      tableBlock({
        columns: columns('_id', 'Ticket type', 'ticketTypeId', 'Status now', 'What changed'),
        rows: s.changedShown.map((t) => [
          t.id,
          t.ticketName || '-',
          t.ticketTypeId || '-',
          t.status || '-',
          t.change,
        ]),
      }),
      ...(more > 0
        ? [line([`and ${count(more)} more: every one is in \`delivery-ledger.csv\`.`])]
        : []),
    ];
  });
  // A terminal lists the changed tickets under each event's standing instead.
  return [
    {
      kind: 'section',
      heading: ['Changed since delivery (not re-sent; correct the totals by these)'],
      blocks,
      only: 'markdown',
    },
  ];
}
