import { count } from '../format.js';
import { IncompletePullError } from '../errors.js';
import type { Clock, Logger } from '../ports.js';
import { compareByCreation, type Ticket } from './tickets.js';
import type { VivenuClient } from './vivenu-client.js';

export interface PulledEvent {
  eventId: string;
  /** Unique by `_id`, oldest first. */
  tickets: Ticket[];
  /** Vivenu's `total` on the last page read. */
  totalReported: number;
  apiCalls: number;
  retries: number;
  passes: number;
  durationMs: number;
  /** False when fewer unique tickets than `totalReported` arrived even after a second pass. */
  complete: boolean;
}

export interface PullOptions {
  client: VivenuClient;
  clock: Clock;
  logger: Logger;
  pageSize: number;
}

/**
 * Every ticket of one event. Vivenu has no sort parameter and sales go on while we page, so
 * rows can move between pages: tickets are collected by `_id`, and a pass that ends short of
 * `total` is followed by one more pass to pick up what moved.
 */
export async function pullEvent(eventId: string, options: PullOptions): Promise<PulledEvent> {
  const { client, clock, logger } = options;
  const started = clock.now();
  const callsBefore = client.apiCalls;
  const retriesBefore = client.retries;
  const seen = new Map<string, Ticket>();
  let pageSize = options.pageSize;
  let total = 0;
  let passes = 0;

  while (passes < 2) {
    passes++;
    let skip = 0;
    // A `total` that shrinks while we page must not end the pass early: page to the largest.
    let largestTotal = 0;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await client.fetchPage(eventId, skip, pageSize);
      pageSize = page.pageSize;
      total = page.total;
      largestTotal = Math.max(largestTotal, total);
      for (const row of page.rows) if (!seen.has(row._id)) seen.set(row._id, row);
      skip += page.rows.length;
      logger.info(`page ${pageNumber}: ${count(seen.size)}/${count(total)}`);
      if (page.rows.length === 0 || skip >= largestTotal) break;
    }
    if (seen.size >= total) break;
    if (passes === 1) {
      logger.info(
        `${count(seen.size)} unique of ${count(total)} reported: tickets moved between pages while paging; paging once more`,
      );
    }
  }

  return {
    eventId,
    tickets: [...seen.values()].sort(compareByCreation),
    totalReported: total,
    apiCalls: client.apiCalls - callsBefore,
    retries: client.retries - retriesBefore,
    passes,
    durationMs: clock.now() - started,
    complete: seen.size >= total,
  };
}

export function assertComplete(pulled: PulledEvent): void {
  if (!pulled.complete) {
    throw new IncompletePullError(pulled.eventId, pulled.tickets.length, pulled.totalReported);
  }
}
