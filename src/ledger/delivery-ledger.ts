import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../atomic-write.js';
import { deliveryTime, idKey, type Progress, type ProgressError } from '../progress/progress.js';
import type { ChangedTicket, EventStanding } from '../run-report.js';
import type { SelectionRules } from '../select/select-tickets.js';
import { soldAfterReason, whyNotEligible } from '../select/why-not-eligible.js';
import { redactPersonalData, stringField, type Ticket } from '../vivenu/tickets.js';
import { deliveryId } from '../webhook/envelope.js';

export type LedgerState =
  | 'delivered'
  | 'failed'
  | 'pending'
  | 'changed since delivery'
  /** Would count, but sold at or after `sold-before`: the live webhook sent it. */
  | 'sold after cutoff';

/**
 * One ticket that is or was eligible. Ids, ticket type, status and times only: no holder
 * names, emails, addresses, barcodes or `secret`s.
 */
export interface LedgerRow {
  _id: string;
  ticketName: string;
  ticketTypeId: string;
  /** As Vivenu has it now; empty for a delivered ticket gone from the pull. */
  status: string;
  createdAt: string;
  transactionId: string;
  /** The `id` of its delivery (stable for the ticket: envelope.ts `deliveryId`). */
  deliveryId: string;
  state: LedgerState;
  /** Why it failed (the receiver's answer, redacted) or what changed since delivery. */
  reason: string;
  /** When it was delivered (delivered, changed) or last failed; empty when not known. */
  when: string;
  /** Its last redelivery (redeliver mode): `<time> <status>`; empty when it had none. */
  redelivered: string;
  /** Eligible in this pull: counts towards "delivered of eligible". Not a column. */
  eligibleNow: boolean;
}

/** The columns, in order, as the header names them. */
const COLUMNS: { key: keyof LedgerRow; header: string }[] = [
  { key: '_id', header: '_id' },
  { key: 'ticketName', header: 'ticketName' },
  { key: 'ticketTypeId', header: 'ticketTypeId' },
  { key: 'status', header: 'status' },
  { key: 'createdAt', header: 'createdAt' },
  { key: 'transactionId', header: 'transactionId' },
  { key: 'deliveryId', header: 'delivery id' },
  { key: 'state', header: 'state' },
  { key: 'reason', header: 'reason' },
  { key: 'when', header: 'when' },
  { key: 'redelivered', header: 'redelivered' },
];

export interface LedgerInput {
  /** The pulled tickets with an `_id`. */
  tickets: readonly Ticket[];
  /** The tickets eligible now, oldest first (the selection's). */
  eligible: readonly Ticket[];
  /** The tickets `sold-before` left out, oldest first (the selection's). */
  soldAfterCutoff: readonly Ticket[];
  /** False for an incomplete or untrusted pull: a ticket missing from it may still exist. */
  pullComplete: boolean;
  /** The event and the selection rules, to say why a delivered ticket is no longer eligible. */
  rules: SelectionRules & { eventId: string };
  progress: Progress;
}

/** A recorded time to the second, as `sent_at` keeps delivery times; kept as written when unreadable. */
function sameAsDeliveryTimes(timestamp: string): string {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : deliveryTime(ms);
}

/** The last recorded failure of each ticket of the event (an earlier tool's have no event). */
function lastFailures(
  errors: readonly ProgressError[],
  eventId: string,
): Map<string, ProgressError> {
  const last = new Map<string, ProgressError>();
  for (const error of errors) {
    if (error.event_id !== '' && idKey(error.event_id) !== idKey(eventId)) continue;
    last.set(idKey(error.ticket_id), error);
  }
  return last;
}

/** The ticket's row, made as one object: a ledger makes one per ticket, 100,000 at a time. */
function rowOf(
  ticket: Ticket,
  how: Pick<LedgerRow, 'eligibleNow' | 'state' | 'reason' | 'when' | 'redelivered'>,
): LedgerRow {
  const field = (name: string): string => stringField(ticket, name) ?? '';
  return {
    _id: ticket._id,
    ticketName: field('ticketName'),
    ticketTypeId: field('ticketTypeId'),
    status: field('status'),
    createdAt: field('createdAt'),
    transactionId: field('transactionId'),
    deliveryId: deliveryId(ticket),
    state: how.state,
    reason: how.reason,
    when: how.when,
    redelivered: how.redelivered,
    eligibleNow: how.eligibleNow,
  };
}

/**
 * The event's ledger: every eligible ticket (oldest first) as delivered, failed (its last
 * answer) or pending, then every ticket delivered earlier that is not eligible now (refunded,
 * `INVALID`, renamed, gone from the pull) as changed since delivery, in delivery order.
 */
export function ledgerRows(input: LedgerInput): LedgerRow[] {
  return [...eachLedgerRow(input)];
}

/**
 * The rows of `ledgerRows` one at a time, made as they are read: a run counts and writes them
 * in two passes instead of holding a row per ticket beside the pull (on Node 24, holding the
 * rows of 100,000 tickets grew the pull's peak memory by a sixth).
 */
export function* eachLedgerRow(input: LedgerInput): Generator<LedgerRow> {
  const { progress, rules } = input;
  const eventId = rules.eventId;
  const failures = lastFailures(progress.errors, eventId);
  const row = (
    ticket: Ticket,
    how: Pick<LedgerRow, 'eligibleNow' | 'state' | 'reason' | 'when'>,
  ) => {
    const again = progress.lastRedelivery(eventId, ticket._id);
    const redelivered = again ? `${again.at} ${again.status ?? 'no answer'}` : '';
    return rowOf(ticket, { ...how, redelivered });
  };
  const eligibleIds = new Set<string>();
  for (const ticket of input.eligible) {
    eligibleIds.add(idKey(ticket._id));
    const failure = failures.get(idKey(ticket._id));
    // Delivered under this event, or under another before the ticket moved here.
    const delivery = progress.delivery(eventId, ticket._id);
    if (delivery) {
      const when = delivery.at ?? '';
      yield row(ticket, { eligibleNow: true, state: 'delivered', reason: '', when });
    } else if (failure) {
      // Redacted when recorded; again against the ticket as it is now, which may hold more.
      const answer = redactPersonalData(failure.error, ticket);
      yield row(ticket, {
        eligibleNow: true,
        state: 'failed',
        reason: `${failure.status ?? 'no answer'} ${answer}`.trim(),
        when: sameAsDeliveryTimes(failure.timestamp),
      });
    } else {
      yield row(ticket, { eligibleNow: true, state: 'pending', reason: '', when: '' });
    }
  }
  // Left out by the cutoff and never delivered; one delivered before the cutoff was set comes
  // below, with the tickets delivered earlier.
  for (const ticket of input.soldAfterCutoff) {
    if (progress.delivery(eventId, ticket._id)) continue;
    eligibleIds.add(idKey(ticket._id));
    const reason = soldAfterReason(rules);
    yield row(ticket, { eligibleNow: false, state: 'sold after cutoff', reason, when: '' });
  }
  // Only the pulled tickets delivered earlier and not eligible now need finding by id.
  const pulled = new Map<string, Ticket>();
  for (const ticket of input.tickets) {
    const id = idKey(ticket._id);
    if (!eligibleIds.has(id) && progress.isSent(eventId, ticket._id)) pulled.set(id, ticket);
  }
  for (const id of progress.sentIds(eventId)) {
    if (eligibleIds.has(idKey(id))) continue;
    const when = progress.sentAt(eventId, id) ?? '';
    const ticket = pulled.get(idKey(id));
    if (ticket === undefined) {
      yield row(
        { _id: id },
        input.pullComplete
          ? {
              eligibleNow: false,
              when,
              state: 'changed since delivery',
              reason: 'gone from the pull',
            }
          : // An incomplete pull proves nothing about a ticket it did not list.
            {
              eligibleNow: false,
              when,
              state: 'delivered',
              reason: 'not in this pull, which was incomplete',
            },
      );
      continue;
    }
    const why = whyNotEligible(ticket, rules);
    yield row(ticket, {
      eligibleNow: false,
      // Still eligible by the rules, counted under an earlier event of this run, or delivered
      // before a cutoff left it out: unchanged.
      state:
        why === undefined || why === soldAfterReason(rules)
          ? 'delivered'
          : 'changed since delivery',
      reason: why ?? '',
      when,
    });
  }
}

/** Changed tickets kept in the run report (and so the summary); the ledger has them all. */
export const CHANGED_TICKETS_KEPT = 50;

/**
 * How far the event is, from its ledger: delivered of eligible, the failures by answer, what
 * changed since delivery, and the time left at `intervalSeconds` per delivery in runs of
 * `runBudgetMinutes` (`max-runtime-minutes`; the pull's minutes come out of the same budget,
 * so the count is a floor, not a promise).
 */
export function eventStanding(
  eventId: string,
  rows: Iterable<LedgerRow>,
  pace: { intervalSeconds: number; runBudgetMinutes: number; pullComplete: boolean },
): EventStanding {
  let eligible = 0;
  let delivered = 0;
  let failed = 0;
  let changed = 0;
  let soldAfterCutoff = 0;
  const reasons = new Map<string, number>();
  const changedShown: ChangedTicket[] = [];
  for (const row of rows) {
    if (row.eligibleNow) {
      eligible++;
      if (row.state === 'delivered') delivered++;
      if (row.state === 'failed') {
        failed++;
        reasons.set(row.reason, (reasons.get(row.reason) ?? 0) + 1);
      }
    }
    if (row.state === 'sold after cutoff') soldAfterCutoff++;
    if (row.state === 'changed since delivery' && changed++ < CHANGED_TICKETS_KEPT) {
      changedShown.push({
        id: row._id,
        ticketName: row.ticketName,
        ticketTypeId: row.ticketTypeId,
        status: row.status,
        change: row.reason,
      });
    }
  }
  const left = eligible - delivered;
  const perRun =
    pace.intervalSeconds > 0
      ? // The epsilon keeps 0.06 min / 1.8 s at 2 deliveries, not 1.9999…
        Math.max(1, Math.floor((pace.runBudgetMinutes * 60) / pace.intervalSeconds + 1e-9))
      : Number.POSITIVE_INFINITY;
  return {
    eventId,
    eligible,
    delivered,
    failed,
    pending: left - failed,
    soldAfterCutoff,
    failuresByReason: [...reasons]
      .map(([reason, tickets]) => ({ reason, tickets }))
      .sort((a, b) => b.tickets - a.tickets || (a.reason < b.reason ? -1 : 1)),
    changed,
    changedShown,
    timeLeftMs: left * pace.intervalSeconds * 1000,
    followUpRuns: left === 0 ? 0 : Math.ceil(left / perRun),
    runBudgetMinutes: pace.runBudgetMinutes,
    intervalSeconds: pace.intervalSeconds,
    pullComplete: pace.pullComplete,
  };
}

/**
 * The ledger as CSV (RFC 4180 quoting, CRLF line ends) written by csv-stringify, in pieces.
 * - UTF-8 with a byte order mark: Excel opens a `.csv` by double-click in the system's
 *   code page unless a BOM says UTF-8, and ticket names carry non-ASCII ("Zürich", "É")
 *   (donatstudios.com/CSV-An-Encoding-Nightmare, 2022 update: "Current versions of Excel will
 *   only reliably load a UTF-8 CSV if a UTF-8 BOM is in place"; csv.js.org/stringify/options/bom).
 *   LibreOffice and Google Sheets read the BOM as the UTF-8 mark it is.
 * - Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 *   leading `'`, so a spreadsheet shows it as text instead of running it (OWASP, "CSV
 *   Injection", owasp.org/www-community/attacks/CSV_Injection, and ASVS requirement 1.2.10;
 *   csv-stringify's
 *   `escape_formulas`, csv.js.org/stringify/options/escape_formulas). Ticket names come
 *   from Vivenu, and an answer from the receiver: both are outside values.
 */
export function* ledgerCsv(rows: Iterable<LedgerRow>): Generator<string> {
  // In slices as the rows come, so a ledger of 100,000 tickets is never one string in memory
  // beside the pull (the header comes with the first slice, even of no rows).
  let slice: LedgerRow[] = [];
  let first = true;
  const piece = (): string => {
    const text = stringify(slice, {
      bom: first,
      header: first,
      columns: COLUMNS,
      record_delimiter: 'windows',
      escape_formulas: true,
    });
    slice = [];
    first = false;
    return text;
  };
  for (const row of rows) {
    slice.push(row);
    if (slice.length === CSV_ROWS_PER_PIECE) yield piece();
  }
  if (first || slice.length > 0) yield piece();
}

/** Rows turned into CSV at a time: a few hundred KB. */
const CSV_ROWS_PER_PIECE = 1_000;

/**
 * Writes the receiver's ledger (`ledgerName`, see src/settings/receiver.ts) in `<tickets-dir>/<event>/`
 * beside `all_tickets.json`, so in the artifact, whole or not at all; returns its path.
 */
export async function writeLedger(
  eventDir: string,
  ledgerName: string,
  rows: Iterable<LedgerRow>,
): Promise<string> {
  const file = path.join(eventDir, ledgerName);
  await writeFileAtomic(file, ledgerCsv(rows));
  return file;
}
