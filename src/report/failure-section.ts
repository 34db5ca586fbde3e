import { count } from '../format.js';
import type { EventStanding, RunReport } from '../run-report.js';
import {
  groupFailures,
  failureReason,
  ledgerFailureReason,
  ledgerStatus,
  reasonLabel,
  type FailureGroup,
  type FailureReason,
} from './failure-groups.js';
import { counted, eventCell } from './summary-phrases.js';
import {
  joinSpans,
  line,
  numberColumn,
  tableBlock,
  textColumn,
  type Span,
  type SummaryBlock,
  type SummarySection,
  type SummaryTable,
} from './summary-model.js';

/** `_id`s in a group's fold; the progress file's `errors` and the ledger have every one. */
const IDS_SHOWN = 200;
/** A terminal names a few, to look up in the ledger. */
const IDS_SHOWN_IN_TERMINAL = 5;

/**
 * The failed deliveries, told once: this run's failures grouped by their reason in words, each
 * with the ticket types and events to act on and the `_id`s in a fold; then, per event, the
 * tickets that failed in an earlier run and were not tried in this one (from the ledger), by
 * reason in words. The how-far table counts every failed ticket across runs but tells no
 * reasons, and the receiver's raw answers stay in the progress file and the ledger: a summary
 * quotes no JSON.
 */
export function failuresSection(report: RunReport): SummarySection[] {
  const groups = groupFailures(report.failures);
  const earlier = (report.standings ?? []).flatMap((s) => earlierFailuresBlock(report, s));
  if (groups.length === 0 && earlier.length === 0) return [];
  const events = new Set(report.failures.map((f) => f.eventId)).size;
  const blocks = [...groups.flatMap((group) => groupBlocks(report, group, events > 1)), ...earlier];
  return [{ kind: 'section', heading: ['Failed deliveries (retried on the next run)'], blocks }];
}

function groupBlocks(report: RunReport, group: FailureGroup, manyEvents: boolean): SummaryBlock[] {
  const table: SummaryTable = {
    columns: [
      textColumn({ markdown: 'Ticket type', text: 'Failed ticket type' }),
      textColumn('ticketTypeId'),
      // A terminal's table stays narrow: it names the event only when there is a choice.
      textColumn('Event', manyEvents ? undefined : 'markdown'),
      numberColumn('Tickets'),
    ],
    rows: group.ticketTypes.map((type) => [
      { literal: type.ticketName || '(none)' },
      type.ticketTypeId ? { code: type.ticketTypeId } : '(none)',
      eventCell(report, type.eventId),
      type.tickets,
    ]),
  };
  const more = group.ids.length - IDS_SHOWN;
  const ids = group.ids.slice(0, IDS_SHOWN).map((id): Span[] => [{ code: id }]);
  const inTerminal = group.ids.slice(0, IDS_SHOWN_IN_TERMINAL).map((id): Span[] => [{ value: id }]);
  const moreInTerminal = group.ids.length - inTerminal.length;
  return [
    line([{ strong: group.label }, `: ${counted(group.tickets, 'ticket')}. `, group.reason.advice]),
    tableBlock(table),
    {
      kind: 'details',
      summary: [`_id of the ${counted(group.tickets, 'ticket')}`],
      blocks: [
        line([
          ...joinSpans(ids, ', '),
          more > 0 ? ` and ${count(more)} more, in the progress file's \`errors\`.` : '',
        ]),
      ],
      only: 'markdown',
    },
    line(
      [
        '_id: ',
        ...joinSpans(inTerminal, ', '),
        moreInTerminal > 0 ? ` and ${count(moreInTerminal)} more` : '',
      ],
      'text',
    ),
  ];
}

/**
 * The event's tickets whose last delivery failed in an earlier run and that this run did not
 * try (a dry run, a pull, or a run stopped first), by reason in words: the ledger's failed
 * tickets less this run's failures of the same reason.
 */
function earlierFailuresBlock(report: RunReport, standing: EventStanding): SummaryBlock[] {
  if (standing.failed === 0) return [];
  const byReason = new Map<FailureReason, { statuses: (number | null)[]; tickets: number }>();
  for (const { reason: answer, tickets } of standing.failuresByReason) {
    const reason = ledgerFailureReason(answer);
    const entry = byReason.get(reason) ?? { statuses: [], tickets: 0 };
    entry.statuses.push(ledgerStatus(answer));
    entry.tickets += tickets;
    byReason.set(reason, entry);
  }
  for (const failure of report.failures) {
    if (failure.eventId !== standing.eventId) continue;
    const entry = byReason.get(failureReason(failure.status, failure.reason));
    if (entry) entry.tickets--;
  }
  const reasons = [...byReason]
    .filter(([, entry]) => entry.tickets > 0)
    .sort((a, b) => b[1].tickets - a[1].tickets);
  const tickets = reasons.reduce((sum, [, entry]) => sum + entry.tickets, 0);
  if (tickets === 0) return [];
  const told = reasons.map(([reason, entry]): Span[] => [
    `${reasonLabel(reason, entry.statuses)} (${count(entry.tickets)})`,
  ]);
  return [
    line([
      `${counted(tickets, 'ticket')} of `,
      eventCell(report, standing.eventId),
      tickets === 1
        ? ' failed in an earlier run and was not tried in this one: '
        : ' failed in an earlier run and were not tried in this one: ',
      ...joinSpans(told, '; '),
      `. Each ticket's last answer is in \`${report.ledgerName}\`.`,
    ]),
  ];
}
