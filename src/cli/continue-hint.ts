import { STOP_RULES } from '../run-ending.js';
import type { RunReport } from '../run-report.js';

/**
 * Whether running the same command again would deliver tickets this run did not try: tickets
 * or whole events left for the next run by `limit`, or a stop that a new run gets past. Failed
 * tickets alone do not count (they were tried; the run's message says what happens to them),
 * so no run prints a "to continue" that would print itself again, forever, with no progress.
 */
export function continuingMakesProgress(report: RunReport, eventIds: readonly string[]): boolean {
  if (report.mode !== 'sync' || report.dryRun || report.complete) return false;
  if (report.stop) return STOP_RULES[report.stop.reason].resumedByRunningAgain;
  const eventsNotReached = report.syncs.length < eventIds.length;
  return eventsNotReached || report.syncs.some((sync) => sync.waitingForLimit > 0);
}
