import type { FailedDelivery } from '../run-report.js';

/** Why deliveries failed, in the words a person acts on, and what they can do about it. */
export interface FailureReason {
  kind: 'not-registered' | 'no-answer' | 'receiver-busy' | 'receiver-error' | 'refused' | 'other';
  /** The reason in words: the receiver's own answer stays in the progress file and the ledger. */
  words: string;
  /** Whether the words name the answer's HTTP status ("Receiver error (HTTP 503)"). */
  showsStatus: boolean;
  advice: string;
}

/**
 * An answer saying the receiver does not know the ticket's type: the receiver says
 * (docs/sources.md, "Its known answers") "ticketTypeId not found in KV store"; another wording of
 * the same ("unknown ticketTypeId", "ticket type id not registered") means the same to a person.
 */
function namesUnknownTicketType(answer: string): boolean {
  return (
    /ticket[ _-]?type[ _-]?id/i.test(answer) &&
    /not (?:found|known|registered)|unknown|does ?n[o']t exist|no such/i.test(answer)
  );
}

/** Where a person reads the receiver's own answers, which the summary does not quote. */
const answersAreKept =
  "each ticket's answer is in the event's delivery ledger (`delivery-ledger*.csv`) and the progress file's `errors`.";

/**
 * From the receiver's answer to the reason in words, first match wins: the one place that
 * decides how a failure is told.
 */
const FAILURE_REASONS: readonly {
  matches: (status: number | null, answer: string) => boolean;
  reason: FailureReason;
}[] = [
  {
    matches: (_, answer) => namesUnknownTicketType(answer),
    reason: {
      kind: 'not-registered',
      words: 'Not registered on the receiver',
      showsStatus: false,
      advice:
        'Register these ticket types with the receiver, then run again: only the tickets not delivered go out.',
    },
  },
  {
    matches: (status) => status === null,
    reason: {
      kind: 'no-answer',
      words: 'No answer from the receiver',
      showsStatus: false,
      advice: 'The receiver did not answer in time (down or overloaded): run again later.',
    },
  },
  {
    matches: (status) => status === 408 || status === 429,
    reason: {
      kind: 'receiver-busy',
      words: 'Receiver busy',
      showsStatus: true,
      advice: 'The receiver asked to slow down: run again later, or with a longer `interval`.',
    },
  },
  {
    matches: (status) => status !== null && status >= 500,
    reason: {
      kind: 'receiver-error',
      words: 'Receiver error',
      showsStatus: true,
      advice:
        'The receiver failed on them: run again later; if it keeps failing, its own logs say why.',
    },
  },
  {
    matches: (status) => status !== null && status >= 400,
    reason: {
      kind: 'refused',
      words: 'Refused by the receiver',
      showsStatus: true,
      advice: `The receiver refused them: ${answersAreKept}`,
    },
  },
  {
    matches: () => true,
    reason: {
      kind: 'other',
      words: 'Unexpected answer from the receiver',
      showsStatus: true,
      advice: answersAreKept,
    },
  },
];

/** The reason, in words, for a delivery the receiver answered `status` (null: no answer) and `answer`. */
export function failureReason(status: number | null, answer: string): FailureReason {
  return FAILURE_REASONS.find((row) => row.matches(status, answer))!.reason;
}

/**
 * The reason for a failure as the ledger keeps it: the status first ("404 {...}"), or
 * "no answer ..." when there was none.
 */
export function ledgerFailureReason(ledgerReason: string): FailureReason {
  return failureReason(ledgerStatus(ledgerReason), ledgerReason);
}

/** The HTTP status a ledger's failure reason starts with; null for "no answer ...". */
export function ledgerStatus(ledgerReason: string): number | null {
  const status = /^(\d{3})\b/.exec(ledgerReason)?.[1];
  return status === undefined ? null : Number(status);
}

/** "Receiver error (HTTP 502, 503)": the words, with the statuses seen when they tell more. */
export function reasonLabel(reason: FailureReason, statuses: readonly (number | null)[]): string {
  const known = [...new Set(statuses.filter((s): s is number => s !== null))].sort();
  return reason.showsStatus && known.length > 0
    ? `${reason.words} (HTTP ${known.join(', ')})`
    : reason.words;
}

/** The failed tickets of one ticket type in one event. */
export interface FailedTicketType {
  eventId: string;
  ticketName: string;
  ticketTypeId: string | null;
  tickets: number;
}

export interface FailureGroup {
  reason: FailureReason;
  label: string;
  tickets: number;
  /** Most tickets first. */
  ticketTypes: FailedTicketType[];
  /** The failed tickets' `_id`s, in the order they failed. */
  ids: string[];
}

/** Failures grouped by their reason in words, most tickets first; in each, by ticket type. */
export function groupFailures(failures: readonly FailedDelivery[]): FailureGroup[] {
  const groups = new Map<FailureReason, { failures: FailedDelivery[] }>();
  for (const failure of failures) {
    const reason = failureReason(failure.status, failure.reason);
    const group = groups.get(reason) ?? { failures: [] };
    group.failures.push(failure);
    groups.set(reason, group);
  }
  return [...groups]
    .map(([reason, { failures: inGroup }]) => ({
      reason,
      label: reasonLabel(
        reason,
        inGroup.map((f) => f.status),
      ),
      tickets: inGroup.length,
      ticketTypes: byTicketType(inGroup),
      ids: inGroup.map((f) => f.ticketId),
    }))
    .sort((a, b) => b.tickets - a.tickets);
}

function byTicketType(failures: readonly FailedDelivery[]): FailedTicketType[] {
  const types = new Map<string, FailedTicketType>();
  for (const { eventId, ticketName, ticketTypeId = null } of failures) {
    const key = JSON.stringify([eventId, ticketName, ticketTypeId]);
    const type = types.get(key) ?? { eventId, ticketName, ticketTypeId, tickets: 0 };
    type.tickets++;
    types.set(key, type);
  }
  return [...types.values()].sort(
    (a, b) =>
      b.tickets - a.tickets || byText(a.eventId, b.eventId) || byText(a.ticketName, b.ticketName),
  );
}

/** Plain code-unit order: the same on every runner, without loading ICU's collation. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
