import { compareByCreation, stringField, type Ticket } from '../vivenu/tickets.js';

export interface Batch {
  /** What this run delivers, oldest first. */
  send: Ticket[];
  /** Left for a later run because of `limit`. */
  waiting: number;
  /** Set when the first purchase left out is a team that would have been split by `limit`. */
  teamWaiting?: { transactionId: string; size: number };
  /**
   * Set when the first purchase is a team bigger than the limit: it goes whole anyway, `by`
   * tickets over the limit, since waiting would leave it first in line on every later run.
   */
  limitExceeded?: { teamSize: number; by: number };
}

export interface BatchOptions {
  /**
   * Whether this run has already delivered (or planned) tickets before this batch. Then a team
   * bigger than what is left of the limit waits for the next run, which makes progress with it;
   * with nothing delivered yet, waiting would make no progress at all.
   */
  runHasPlannedBefore?: boolean;
}

/** Tickets bought together (a DOUBLES or RELAY team) share a `transactionId`. */
function purchases(tickets: readonly Ticket[]): Ticket[][] {
  const groups = new Map<string, Ticket[]>();
  for (const ticket of tickets) {
    const key = stringField(ticket, 'transactionId') ?? `ticket:${ticket._id}`;
    const group = groups.get(key);
    if (group) group.push(ticket);
    else groups.set(key, [ticket]);
  }
  return [...groups.values()];
}

function transactionOf(purchase: readonly Ticket[]): string {
  return stringField(purchase[0]!, 'transactionId') ?? '';
}

/**
 * At most `limit` of the pending tickets (0 = all), in creation order, never splitting a
 * purchase: a team that does not fit waits whole for the next run, and so does everything
 * after it, so the order stays oldest first. The one exception: a first team bigger than the
 * limit itself goes whole (see `limitExceeded`), or no run with this limit could ever move on.
 */
export function planBatch(
  pending: readonly Ticket[],
  limit: number,
  { runHasPlannedBefore = false }: BatchOptions = {},
): Batch {
  if (limit === 0 || pending.length <= limit) return { send: [...pending], waiting: 0 };
  const send: Ticket[] = [];
  for (const purchase of purchases(pending)) {
    if (send.length + purchase.length > limit) {
      if (send.length === 0 && !runHasPlannedBefore) {
        return {
          send: [...purchase].sort(compareByCreation),
          waiting: pending.length - purchase.length,
          limitExceeded: { teamSize: purchase.length, by: purchase.length - limit },
        };
      }
      const teamWaiting =
        purchase.length > 1 && send.length < limit
          ? { transactionId: transactionOf(purchase), size: purchase.length }
          : undefined;
      return {
        send: send.sort(compareByCreation),
        waiting: pending.length - send.length,
        teamWaiting,
      };
    }
    send.push(...purchase);
  }
  return { send, waiting: pending.length - send.length };
}
