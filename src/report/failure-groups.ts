import type { FailedDelivery } from '../run-report.js';

export interface FailureGroup {
  reason: string;
  status: number | null;
  ids: string[];
}

/** Failures grouped by what the receiver said, most frequent first. */
export function groupFailures(failures: readonly FailedDelivery[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const failure of failures) {
    const key = `${failure.status}\u0000${failure.reason}`;
    const group = groups.get(key) ?? { reason: failure.reason, status: failure.status, ids: [] };
    group.ids.push(failure.ticketId);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}

/** The receiver's answer for a ticket type it has not registered (/work/shared/vivenu-facts.md). */
const UNREGISTERED_TYPE = /ticketTypeId not found in KV store/i;

/** What a person can do about a group of failures, from the status and what was said. */
export function failureAdvice(status: number | null, reason: string): string {
  if (UNREGISTERED_TYPE.test(reason))
    return 'Register the ticket types listed below with the receiver, then run again.';
  if (status === null || status === 408 || status === 429 || status >= 500)
    return 'The receiver had trouble (no answer, overloaded or failing): run again later.';
  return 'The receiver refused these tickets: check its answer; they are sent again on the next run.';
}

/** The ticketTypeIds of tickets the receiver said it has not registered, with their counts. */
export function unregisteredTicketTypes(failures: readonly FailedDelivery[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const failure of failures) {
    if (!UNREGISTERED_TYPE.test(failure.reason)) continue;
    const type = failure.ticketTypeId ?? '(none)';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
