import type { RunReport, StopReason } from '../run-report.js';

/**
 * Stops after which the same command, run again, goes on delivering. A rejected signature is
 * not one: the same secret is rejected again, and the run's error says to check it; nor is a
 * webhook-url that redirects or cannot be reached: the same URL fails the same way.
 */
const RESUMED_BY_RUNNING_AGAIN: Record<StopReason, boolean> = {
  cancelled: true,
  'time-budget': true,
  'receiver-down': true,
  'untrusted-pull': true,
  'progress-not-committed': true,
  'signature-rejected': false,
  'webhook-url-unusable': false,
};

/**
 * Whether running the same command again would deliver tickets this run did not try: tickets
 * or whole events left for the next run by `limit`, or a stop that a new run gets past. Failed
 * tickets alone do not count (they were tried; the run's message says what happens to them),
 * so no run prints a "to continue" that would print itself again, forever, with no progress.
 */
export function continuingMakesProgress(report: RunReport, eventIds: readonly string[]): boolean {
  if (report.mode !== 'sync' || report.dryRun || report.complete) return false;
  if (report.stop) return RESUMED_BY_RUNNING_AGAIN[report.stop.reason];
  const eventsNotReached = report.syncs.length < eventIds.length;
  return eventsNotReached || report.syncs.some((sync) => sync.waitingForLimit > 0);
}
