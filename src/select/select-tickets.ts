import { compareByCreation, createdAtMs, stringField, type Ticket } from '../vivenu/tickets.js';

export interface SelectionRules {
  /**
   * The event being synced: a ticket of another event, or without a string `eventId`, is never
   * eligible. The pipeline always sets it; unset only where tickets are counted without a run
   * (tests' expectations, the sandbox demo).
   */
  eventId?: string;
  statuses: readonly string[];
  /** Matched case-insensitively against `ticketName` only, never against holder fields. */
  nameContains: string;
  /**
   * Only tickets created before this (ms) count: `createdAt` is when the ticket was sold, which
   * is when Vivenu sends `ticket.created`; `updatedAt` moves with every later change (a name
   * filled in, a status changed) and would push old sales past the cutoff. A `createdAt` that
   * cannot be read counts as after the cutoff: with a cutoff set, such a ticket is never sent.
   */
  soldBefore?: { ms: number } | undefined;
  /**
   * The event where this run already counted a ticket id eligible, for ids met in an earlier
   * event of the run: such a ticket is delivered once, under that event.
   */
  eligibleEarlier?: (ticketId: string) => string | undefined;
}

export interface Selection {
  /** Tickets that count, oldest first. */
  eligible: Ticket[];
  total: number;
  rejectedStatus: number;
  rejectedName: number;
  /** Tickets whose `eventId` is another event (a Vivenu that answered past its `event` filter). */
  otherEvent: number;
  /** Tickets eligible in an earlier event of this run, by the event they were counted in. */
  eligibleEarlier: Record<string, number>;
  /** Tickets without a string `_id`, `eventId`, `ticketName` or `status`: skipped, never guessed at. */
  invalid: Ticket[];
  /**
   * Tickets that would count but were sold at or after `soldBefore` (the live webhook sent them
   * already), oldest first: never delivered by this run, counted apart.
   */
  soldAfterCutoff: Ticket[];
}

/**
 * Which pulled tickets count: of the event (`eventId`), status in `statuses`, `ticketName`
 * containing `nameContains`, and not already counted in an earlier event of the run.
 */
export function selectTickets(tickets: readonly Ticket[], rules: SelectionRules): Selection {
  const statuses = new Set(rules.statuses);
  const needle = rules.nameContains.toLowerCase();
  const event = rules.eventId?.toLowerCase();
  const selection: Selection = {
    eligible: [],
    total: tickets.length,
    rejectedStatus: 0,
    rejectedName: 0,
    otherEvent: 0,
    // Keys are event ids from the run: a null prototype keeps `__proto__` an ordinary key.
    eligibleEarlier: Object.create(null) as Record<string, number>,
    invalid: [],
    soldAfterCutoff: [],
  };
  const cutoff = rules.soldBefore?.ms;
  for (const ticket of tickets) {
    const status = stringField(ticket, 'status');
    const ticketName = stringField(ticket, 'ticketName');
    const ticketEvent = stringField(ticket, 'eventId');
    const earlier = rules.eligibleEarlier?.(ticket._id);
    if (
      typeof ticket._id !== 'string' ||
      (event !== undefined && ticketEvent === undefined) ||
      status === undefined ||
      ticketName === undefined
    ) {
      selection.invalid.push(ticket);
    } else if (event !== undefined && ticketEvent!.toLowerCase() !== event) {
      // Vivenu ids are lower-case hex; event-id input is lower-cased, so any case matches.
      selection.otherEvent++;
    } else if (!statuses.has(status)) {
      selection.rejectedStatus++;
    } else if (!ticketName.toLowerCase().includes(needle)) {
      selection.rejectedName++;
    } else if (cutoff !== undefined && !(createdAtMs(ticket) < cutoff)) {
      selection.soldAfterCutoff.push(ticket);
    } else if (earlier !== undefined) {
      selection.eligibleEarlier[earlier] = (selection.eligibleEarlier[earlier] ?? 0) + 1;
    } else {
      selection.eligible.push(ticket);
    }
  }
  selection.eligible.sort(compareByCreation);
  selection.soldAfterCutoff.sort(compareByCreation);
  return selection;
}
