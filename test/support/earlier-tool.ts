import type { Ticket } from '../../src/vivenu/tickets.js';

/**
 * The earlier Python tool's reading rules, played on a progress file, as
 * docs/sources.md ("Its progress file", how it reads them) describes them:
 * - it indexes `event_progress[<event>]["status"]` directly: an entry without it raises
 *   `KeyError: 'status'` before anything is sent;
 * - `status == "completed"` skips the event unless `--resume` is given;
 * - with `--resume` it starts at `last_processed_index + 1` of the eligible list sorted by
 *   `createdAt` and skips any ticket whose `_id` is in `sent_ticket_ids`;
 * - per delivery it appends to `sent_ticket_ids` and increments `processed_tickets`, and sets
 *   `status` to `completed` when `processed_tickets >= total_tickets`.
 * What it does on an unfinished event without `--resume` is not described, so it is not played.
 * Its sort is Python's `sorted` (stable): tickets with the same `createdAt` (a team) stay in the
 * order it pulled them, which need not be ours; `tiesReversed` plays the other order.
 */
export class EarlierToolKeyError extends Error {
  override name = 'KeyError';
}

export interface EarlierToolRun {
  /** The `_id`s it delivered, in order. */
  sent: string[];
  /** Whether it skipped the event as completed. */
  skippedAsCompleted: boolean;
  /** The file as it would write it back. */
  file: EarlierFile;
}

interface EarlierEntry {
  total_tickets: number;
  processed_tickets: number;
  sent_ticket_ids: string[];
  last_processed_index: number;
  status: string;
  batches_completed: number;
  [other: string]: unknown;
}

export interface EarlierFile {
  event_progress?: Record<string, Partial<EarlierEntry>>;
  [other: string]: unknown;
}

export function playEarlierTool(
  fileText: string,
  eventId: string,
  eligibleNow: readonly Ticket[],
  options: { resume: boolean; tiesReversed?: boolean },
): EarlierToolRun {
  const file = JSON.parse(fileText) as EarlierFile;
  const found = file.event_progress?.[eventId];
  const entry: EarlierEntry = found
    ? (found as EarlierEntry)
    : {
        total_tickets: 0,
        processed_tickets: 0,
        sent_ticket_ids: [],
        last_processed_index: -1,
        status: 'pending',
        batches_completed: 0,
      };
  if (!('status' in entry)) throw new EarlierToolKeyError("'status'");
  if (entry.status === 'completed' && !options.resume)
    return { sent: [], skippedAsCompleted: true, file };
  if (!options.resume)
    throw new Error('the earlier tool without --resume on an unfinished event is not described');

  const pulled = options.tiesReversed ? [...eligibleNow].reverse() : [...eligibleNow];
  // Stable, by createdAt only, like sorted(tickets, key=lambda t: t['createdAt']).
  const ordered = pulled
    .map((ticket, position) => ({ ticket, position }))
    .sort(
      (a, b) =>
        String(a.ticket.createdAt).localeCompare(String(b.ticket.createdAt)) ||
        a.position - b.position,
    )
    .map(({ ticket }) => ticket);
  entry.total_tickets = ordered.length;
  const start = options.resume ? entry.last_processed_index + 1 : 0;
  const sent: string[] = [];
  for (let index = start; index < ordered.length; index++) {
    const ticket = ordered[index]!;
    if (entry.sent_ticket_ids.includes(ticket._id)) continue;
    sent.push(ticket._id);
    entry.sent_ticket_ids.push(ticket._id);
    entry.processed_tickets++;
    entry.last_processed_index = index;
  }
  entry.batches_completed++;
  if (entry.processed_tickets >= entry.total_tickets) entry.status = 'completed';
  file.event_progress = { ...file.event_progress, [eventId]: entry };
  return { sent, skippedAsCompleted: false, file };
}
