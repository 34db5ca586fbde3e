import { compareByCreation, stringField, type Ticket } from '../vivenu/tickets.js';

export interface Batch {
  /** What this run delivers, oldest first. */
  send: Ticket[];
  /** Left for a later run because of `limit`. */
  waiting: number;
  /** Set when the first purchase left out is a team that would have been split by `limit`. */
  teamWaiting?: { transactionId: string; size: number };
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

/**
 * At most `limit` of the pending tickets (0 = all), in creation order, never splitting a
 * purchase: a team that does not fit waits whole for the next run, and so does everything
 * after it, so the order stays oldest first.
 */
export function planBatch(pending: readonly Ticket[], limit: number): Batch {
  if (limit === 0 || pending.length <= limit) return { send: [...pending], waiting: 0 };
  const send: Ticket[] = [];
  for (const purchase of purchases(pending)) {
    if (send.length + purchase.length > limit) {
      const teamWaiting =
        purchase.length > 1 && send.length < limit
          ? {
              transactionId: stringField(purchase[0]!, 'transactionId') ?? '',
              size: purchase.length,
            }
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
