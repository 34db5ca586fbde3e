/**
 * The six keys the earlier Python tool keeps per event (docs/sources.md, "Its progress file"),
 * written into every event entry so that tool can continue from our file: it indexes
 * `status` directly (an entry without it crashes it with `KeyError: 'status'`), skips a
 * `completed` event unless `--resume`, and with `--resume` starts at `last_processed_index + 1`
 * of its eligible list sorted by `createdAt`, skipping ids in `sent_ticket_ids`. Its
 * `sent_ticket_ids` is the list we keep anyway; the other five are derived here.
 */
import {
  NO_TICKET_HANDLED,
  selectionKey,
  type EarlierStatus,
  type EarlierToolKeys,
} from './progress-file-format.js';

// What the keys are in a file, and how a file's are read, is the format's (one schema).
export {
  readEarlierKeys,
  type EarlierStatus,
  type EarlierToolKeys,
} from './progress-file-format.js';

/**
 * The keys from the eligible list this run pulled, knowing which were sent.
 *
 * Decided: `last_processed_index` is always -1, the lowest value the rule "no further than the
 * last ticket before the first unsent one" allows. The earlier tool applies the index to the
 * eligible list of *its* run, not ours: a delivered ticket refunded since (or made INVALID)
 * moves every later ticket one place back, and an old RESERVED ticket that became VALID lands
 * inside the range, so any higher index makes it skip as many unsent tickets for good
 * (test/integration/earlier-tool-rules.test.ts plays both). From -1 it goes through its whole
 * list and skips every id in `sent_ticket_ids`: nothing twice, nothing skipped.
 *
 * `processed_tickets` counts the delivered tickets that are eligible now, not every id ever
 * sent: the earlier tool sets `completed` when `processed_tickets >= total_tickets`, so a
 * delivered ticket refunded since must not count towards the tickets still to go.
 */
export function keysFromEligible(
  eligibleIds: readonly string[],
  isSent: (ticketId: string) => boolean,
  sentEver: number,
  batchesCompleted: number,
): EarlierToolKeys {
  const processed = eligibleIds.filter(isSent).length;
  return {
    total_tickets: eligibleIds.length,
    processed_tickets: processed,
    last_processed_index: NO_TICKET_HANDLED,
    status: statusOf(eligibleIds.length, processed, sentEver),
    batches_completed: batchesCompleted,
  };
}

/**
 * Decided: `completed` only when the event has eligible tickets and all are delivered (an
 * event with none is never done: a wrong id or region looks the same); `pending` while
 * nothing of the event was ever delivered; `in_progress` otherwise.
 */
function statusOf(total: number, processed: number, sentEver: number): EarlierStatus {
  if (total > 0 && processed >= total) return 'completed';
  return sentEver > 0 ? 'in_progress' : 'pending';
}

/**
 * The keys of an event this run did not pull (skipped as processed, another run's event, or
 * before the pull): what the file said, brought up to date with the ids delivered since it
 * was read (a replayed journal, a merged concurrent run); each of those was eligible when it
 * went, so it counts as processed. An entry without the keys (ours before they were written,
 * or the earlier tool's own before its first run) counts every sent id. The index is -1, as
 * always (see keysFromEligible), whatever the file said.
 */
export function keysFromFile(
  read: Partial<EarlierToolKeys>,
  options: { sentEver: number; sentSinceRead: number; processed: boolean; batches: number },
): EarlierToolKeys {
  const { sentEver, sentSinceRead } = options;
  const processed =
    read.processed_tickets === undefined ? sentEver : read.processed_tickets + sentSinceRead;
  const status: EarlierStatus =
    read.status === 'completed' || options.processed
      ? 'completed'
      : sentEver > 0
        ? 'in_progress'
        : (read.status ?? 'pending');
  return {
    total_tickets: read.total_tickets ?? sentEver,
    processed_tickets: processed,
    last_processed_index: NO_TICKET_HANDLED,
    status,
    batches_completed: options.batches,
  };
}

/**
 * The earlier tool's selection: status VALID or DETAILSREQUIRED and a ticketName containing
 * CHARITY (its documentation, "Filtering Logic"), the action's defaults. `events_processed` and
 * the six keys above speak of this selection only: an event completed for another is recorded
 * apart (`completed_for`), so the earlier tool never skips an event on a narrower run's word.
 */
export const EARLIER_TOOL_SELECTION = selectionKey({
  statuses: ['VALID', 'DETAILSREQUIRED'],
  nameContains: 'CHARITY',
});
