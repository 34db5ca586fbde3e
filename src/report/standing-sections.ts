import { count } from '../format.js';
import type { EventStanding, RunReport } from '../run-report.js';
import { percentDelivered, progressBar } from '../run-report.js';
import {
  duration,
  eventCell,
  receiverInWords,
  runsText,
  soldAfterCutoffText,
} from './summary-phrases.js';
import {
  joinSpans,
  numberColumn,
  textColumn,
  line,
  tableBlock,
  type Paragraph,
  type Span,
  type SummaryBlock,
  type SummarySection,
} from './summary-model.js';

/** Changed tickets listed in a terminal per event; the ledger has them all. */
const CHANGED_LINES_SHOWN_IN_TERMINAL = 50;

/** Cells of each event's bar in the how-far table. */
const PROGRESS_BAR_CELLS = 20;

/**
 * How far each event is across all runs so far (the progress file and this pull), not this
 * run alone: delivered of eligible, how many failed, and the time the rest takes at the
 * interval, in runs of the time budget. Why they failed is told once, under the failed
 * deliveries (failure-section.ts).
 */
export function standingSection(report: RunReport): SummarySection[] {
  const standings = report.standings ?? [];
  if (standings.length === 0) return [];
  const blocks: SummaryBlock[] = [
    tableBlock({
      columns: [
        textColumn({ markdown: 'Event', text: 'How far (all runs)' }),
        numberColumn('Delivered'),
        numberColumn('Eligible'),
        numberColumn('Done'),
        textColumn('Progress'),
        numberColumn('Failed'),
        numberColumn('Never tried', 'markdown'),
        numberColumn('Time left'),
        numberColumn('Runs left'),
      ],
      rows: standings.map((s) => [
        eventCell(report, s.eventId),
        s.delivered,
        s.eligible,
        percentDelivered(s),
        { code: `[${progressBar(s, PROGRESS_BAR_CELLS)}]` },
        s.failed,
        s.pending,
        // Nothing left takes no time: a dash, not "0 s" and "0 runs".
        s.delivered < s.eligible ? duration(s.timeLeftMs) : '-',
        s.delivered < s.eligible ? runsText(s.followUpRuns) : '-',
      ]),
    }),
  ];
  const pace = standings[0]!;
  blocks.push(
    line(
      [
        `Time left is at one delivery every ${pace.intervalSeconds} s; runs left are runs of \`max-runtime-minutes\` (${count(pace.runBudgetMinutes)} min), the pull included, so at least that many. Every ticket's state is in \`${report.ledgerName}\` in the event's folder of the tickets artifact.`,
      ],
      'markdown',
    ),
  );
  for (const s of standings) {
    blocks.push(...eventStandingNotes(s));
    // The job summary gives the changed tickets a section of their own.
    if (s.changed > 0) blocks.push(changedTicketLines(s));
  }
  const afterCutoff = soldAfterCutoffText(
    report,
    standings.reduce((sum, s) => sum + s.soldAfterCutoff, 0),
  );
  if (afterCutoff !== undefined) blocks.push(line([afterCutoff]));
  const ledgers = standings.flatMap((s) => (s.ledgerFile ? [[{ value: s.ledgerFile }]] : []));
  if (ledgers.length > 0)
    blocks.push(line(['Delivery ledger: ', ...joinSpans(ledgers, ', ')], 'text'));
  const heading = `How far each event is at ${receiverInWords(report)} (all runs so far)`;
  return [{ kind: 'section', heading: [heading], blocks }];
}

/** The job summary's notes on one event: a ledger not written, an incomplete pull. */
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
  return notes;
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
        (s.changed === 1
          ? ' ticket was delivered in an earlier run and is not eligible now. '
          : ' tickets were delivered in an earlier run and are not eligible now. ') +
          'Nothing was sent again and nothing was sent to undo them (the receiver has no such endpoint).',
      ]),
      tableBlock({
        columns: [
          textColumn('_id'),
          textColumn('Ticket type'),
          textColumn('ticketTypeId'),
          textColumn('Status now'),
          textColumn('What changed'),
        ],
        rows: s.changedShown.map((t) => [
          t.id,
          t.ticketName || '-',
          t.ticketTypeId || '-',
          t.status || '-',
          t.change,
        ]),
      }),
      ...(more > 0
        ? [line([`and ${count(more)} more: every one is in \`${report.ledgerName}\`.`])]
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
