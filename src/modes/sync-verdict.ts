import { RunStoppedError } from '../errors.js';
import { count } from '../format.js';
import type { PipelineRun } from '../pipeline/pipeline-run.js';
import type { ProgressKeeper } from '../progress/progress-keeper.js';
import { selectionKey } from '../progress/progress.js';
import { counted } from '../report/summary-phrases.js';
import { syncTotals } from '../run-report.js';

/**
 * How a sync ends, once its progress is kept: whether every event is complete, the follow-up
 * run, and the step's result (a failure when one is owed, a warning when it only must be said).
 */
export async function concludeSync(run: PipelineRun, keeper: ProgressKeeper): Promise<void> {
  const { settings, services, report } = run;
  const { progress } = keeper;
  const selection = selectionKey(settings);
  report.complete =
    !settings.dryRun &&
    settings.eventIds.every((eventId) => progress.isCompleteFor(eventId, selection));
  if (keeper.failure && keeper.unpublishedDeliveries > 0) {
    throw new RunStoppedError(
      `${count(keeper.unpublishedDeliveries)} deliveries of this run are not committed to ${keeper.where} (${keeper.failure.message}). ` +
        `They are recorded in ${settings.progressFile}, which the run's artifact holds: commit that file to the branch before the next run, or the next run sends them again.${services.followUp.mayStart ? ' No follow-up run was started.' : ''}`,
    );
  }
  const totals = syncTotals(report);
  const followUp = await services.followUp.startIfDue(
    {
      stoppedWithTicketsLeft: report.stop?.reason === 'time-budget' && totals.remaining > 0,
      sent: totals.sent,
      commitFailure: keeper.failure?.message,
    },
    services.signal,
  );
  if (followUp) report.followUp = followUp;
  sayHowTheSyncEnded(run, progress.ticketsSent);
}

/** Turns how the sync ended into the step's result: a message, and a failure when one is owed. */
function sayHowTheSyncEnded(
  { settings, services, report }: PipelineRun,
  sentAllTime: number,
): void {
  const totals = syncTotals(report);
  const saved = `progress saved in ${settings.progressFile} (${count(sentAllTime)} delivered all-time)`;
  switch (report.stop?.reason) {
    case 'cancelled':
      throw new RunStoppedError(
        `Cancelled: ${count(totals.sent)} delivered this run, ${count(totals.remaining)} remaining; ${saved}. Run again with the same inputs to continue where this run stopped.`,
      );
    case 'time-budget':
      services.logger.warning(
        `Time budget of ${settings.maxRuntimeMinutes} minutes reached: ${count(totals.sent)} delivered this run, ${count(totals.remaining)} remaining; ${saved}. Run again (same inputs) to continue.`,
      );
      return;
    case 'receiver-down':
    case 'signature-rejected':
    case 'webhook-url-unusable':
    case 'untrusted-pull':
    case 'progress-not-committed':
      throw new RunStoppedError(`${report.stop.message} ${settings.dryRun ? '' : saved}`.trim());
    case undefined:
      break;
  }
  if (totals.failed > 0) {
    const message = `${counted(totals.failed, 'ticket')} failed, listed by reason under Failures; the next run tries them again.`;
    if (settings.failOnTicketErrors && !settings.dryRun) throw new RunStoppedError(message);
    services.logger.warning(message);
  }
}
