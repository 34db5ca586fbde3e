import { logText } from '../log-text.js';

/**
 * A Vivenu ticket as pulled: every field kept exactly as received, unknown ones too. Only
 * the few fields this tool reads are typed; everything else rides along untouched.
 */
export type Ticket = { readonly _id: string } & Readonly<Record<string, unknown>>;

const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi;

/**
 * Ids the log shows on every line anyway (`[3/80] sent <_id> (<ticketName>)`, the summary's
 * ticketTypeIds): not personal data, and what a reader needs to act on, so an answer keeps them.
 */
const SHOWN_FIELDS = ['_id', 'ticketTypeId', 'eventId', 'ticketName'] as const;
/**
 * Values shorter than this are left in an answer. Redacting case-insensitively, a 1-2
 * character value ("M", "DE", a one-letter initial, a short id) would hit inside almost every
 * word and eat the whole message, and alone it names nobody; from 3 on ("Ann", "Lee") a value
 * can be a name, so it goes.
 */
export const MIN_REDACTED_LENGTH = 3;
/** Numbers this long may be a phone number or a customer number; shorter ones are prices, counts. */
const MIN_REDACTED_DIGITS = 6;
/** A hostile ticket cannot make the walk deep or long. */
const MAX_DEPTH = 20;

/** Every string (and long number) inside `value`, at any depth, as the receiver may echo it. */
function collectValues(value: unknown, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.length < MIN_REDACTED_LENGTH) return;
    into.add(trimmed);
    // An echo in JSON shows quotes and backslashes escaped, and, from an encoder that writes
    // ASCII only (Python's json.dumps by default), every other character as \uXXXX.
    const escaped = JSON.stringify(trimmed).slice(1, -1);
    into.add(escaped);
    into.add(
      escaped.replace(
        /[^\x20-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    );
  } else if (typeof value === 'number' && Number.isInteger(value)) {
    const digits = String(Math.abs(value));
    if (digits.length >= MIN_REDACTED_DIGITS) into.add(digits);
  } else if (Array.isArray(value)) {
    for (const item of value) collectValues(item, into, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectValues(item, into, depth + 1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every value of the ticket (at any depth: `extraFields` contacts, history
 * entries), in any case, and anything shaped like an email replaced, for the receiver that
 * echoes what it was sent into an error message we record. The ids the log shows anyway
 * (SHOWN_FIELDS) stay. Redact before cutting: a cut value no longer matches.
 */
export function redactPersonalData(text: string, ticket: Ticket): string {
  if (text === '') return text;
  const values = new Set<string>();
  collectValues(ticket, values, 0);
  for (const field of SHOWN_FIELDS) {
    const shown = stringField(ticket, field)?.trim();
    if (shown) values.delete(shown);
  }
  let redacted = text;
  if (values.size > 0) {
    // Longest first, so a full name goes whole before its first name could split it.
    const alternatives = [...values].sort((a, b) => b.length - a.length).map(escapeRegExp);
    redacted = redacted.replace(new RegExp(alternatives.join('|'), 'gi'), '[redacted]');
  }
  return redactEmails(redacted);
}

export function redactEmails(text: string): string {
  return text.replace(EMAIL, '[redacted]');
}

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
