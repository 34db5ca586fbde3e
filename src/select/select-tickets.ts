import { compareByCreation, stringField, type Ticket } from '../vivenu/tickets.js';

export interface SelectionRules {
  statuses: readonly string[];
  /** Matched case-insensitively against `ticketName` only, never against holder fields. */
  nameContains: string;
}

export interface Selection {
  /** Tickets that count, oldest first. */
  eligible: Ticket[];
  total: number;
  rejectedStatus: number;
  rejectedName: number;
  /** Tickets without a string `_id`, `ticketName` or `status`: skipped, never guessed at. */
  invalid: Ticket[];
}

/** Which pulled tickets count: status in `statuses` and `ticketName` containing `nameContains`. */
export function selectTickets(tickets: readonly Ticket[], rules: SelectionRules): Selection {
  const statuses = new Set(rules.statuses);
  const needle = rules.nameContains.toLowerCase();
  const selection: Selection = {
    eligible: [],
    total: tickets.length,
    rejectedStatus: 0,
    rejectedName: 0,
    invalid: [],
  };
  for (const ticket of tickets) {
    const status = stringField(ticket, 'status');
    const ticketName = stringField(ticket, 'ticketName');
    if (typeof ticket._id !== 'string' || status === undefined || ticketName === undefined) {
      selection.invalid.push(ticket);
    } else if (!statuses.has(status)) {
      selection.rejectedStatus++;
    } else if (!ticketName.toLowerCase().includes(needle)) {
      selection.rejectedName++;
    } else {
      selection.eligible.push(ticket);
    }
  }
  selection.eligible.sort(compareByCreation);
  return selection;
}
