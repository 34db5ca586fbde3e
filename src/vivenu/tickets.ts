import { logText } from '../log-text.js';

/**
 * A Vivenu ticket as pulled: every field kept exactly as received, unknown ones too. Only
 * the few fields this tool reads are typed; everything else rides along untouched.
 */
export type Ticket = { readonly _id: string } & Readonly<Record<string, unknown>>;

// Kept where callers have always found them; the redaction itself is in redaction.ts.
export { MIN_REDACTED_LENGTH, redactEmails, redactPersonalData } from './redaction.js';

export function stringField(ticket: Ticket, field: string): string | undefined {
  const value = ticket[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * How a ticket is named in logs, summaries and errors: its id and ticket type, nothing a
 * person could be recognised by. Both come from Vivenu, so both are escaped for a log line.
 */
export function describeTicket(ticket: Ticket): string {
  const ticketName = stringField(ticket, 'ticketName');
  const id = logText(ticket._id);
  return ticketName === undefined ? id : `${id} (${logText(ticketName)})`;
}

/** Creation time in ms; a missing or unreadable `createdAt` sorts last. */
export function createdAtMs(ticket: Ticket): number {
  const ms = Date.parse(stringField(ticket, 'createdAt') ?? '');
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Oldest first; ties (a team bought together) broken by `_id` so the order is total. */
export function compareByCreation(a: Ticket, b: Ticket): number {
  const difference = createdAtMs(a) - createdAtMs(b);
  if (difference !== 0 && !Number.isNaN(difference)) return difference;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** First and last `createdAt` of tickets sorted oldest first, ignoring unreadable ones. */
export function creationRange(sorted: readonly Ticket[]): {
  first: string | null;
  last: string | null;
} {
  const dates = sorted
    .map((ticket) => stringField(ticket, 'createdAt'))
    .filter((value) => value !== undefined && !Number.isNaN(Date.parse(value)));
  return { first: dates[0] ?? null, last: dates.at(-1) ?? null };
}
