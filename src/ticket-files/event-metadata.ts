import type { PulledEvent } from '../vivenu/pull-event.js';
import { creationRange, stringField, type Ticket } from '../vivenu/tickets.js';

/**
 * How many tickets have each value of a field; a missing or non-string value counts as "(none)".
 * The values come from Vivenu, so the counts sit in an object without a prototype: a status
 * `toString` or a ticket name `constructor` is counted like any other (on a plain object it
 * would find Object.prototype's function), and a `__proto__` becomes an own key that
 * JSON.stringify writes out instead of swapping the prototype and vanishing.
 */
export function countBy(tickets: readonly Ticket[], field: string): Record<string, number> {
  const counts = Object.create(null) as Record<string, number>;
  for (const ticket of tickets) {
    const value = stringField(ticket, field) ?? '(none)';
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/**
 * Counts most frequent first, ties by value. A list, not an object: object keys that look like
 * numbers ("2025") would otherwise jump to the front.
 */
export function sortedCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

export interface EventMetadata {
  event_id: string;
  region: string;
  pulled_at: string;
  vivenu_origin: string;
  total_reported: number;
  /** Unique tickets with an `_id` (in `all_tickets.json`). */
  total_pulled: number;
  /** Rows without a string `_id` (in `without_id.json`): never delivered. */
  without_id: number;
  complete: boolean;
  by_status: Record<string, number>;
  by_ticket_name: Record<string, number>;
  first_created_at: string | null;
  last_created_at: string | null;
  api_calls: number;
  retries: number;
  passes: number;
  duration_ms: number;
}

/** `metadata.json`: what was pulled, counted. No personal data: ticket types and statuses only. */
export function buildEventMetadata(
  pulled: PulledEvent,
  context: { region: string; origin: string; pulledAt: Date },
): EventMetadata {
  const created = creationRange(pulled.tickets);
  return {
    event_id: pulled.eventId,
    region: context.region,
    pulled_at: context.pulledAt.toISOString(),
    vivenu_origin: context.origin,
    total_reported: pulled.totalReported,
    total_pulled: pulled.tickets.length,
    without_id: pulled.withoutId.length,
    complete: pulled.complete,
    by_status: countBy(pulled.tickets, 'status'),
    by_ticket_name: countBy(pulled.tickets, 'ticketName'),
    first_created_at: created.first,
    last_created_at: created.last,
    api_calls: pulled.apiCalls,
    retries: pulled.retries,
    passes: pulled.passes,
    duration_ms: pulled.durationMs,
  };
}
