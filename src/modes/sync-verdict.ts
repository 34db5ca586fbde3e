import { RunStoppedError } from '../errors.js';
import { count } from '../format.js';
import type { PipelineRun } from './mode-run.js';
import type { ProgressKeeper } from '../progress/progress-keeper.js';
import { selectionKey } from '../progress/progress.js';
import { counted } from '../report/summary-phrases.js';
import { STOP_RULES } from '../run-ending.js';
import type { BatchStop } from './deliver-batch.js';

/** A sync's own count of what it did: what it concludes from. */
export interface SyncTally {
  /** Delivered this run. */
  sent: number;
  /** Eligible and not delivered after this run, every event together. */
  remaining: number;
  /** Failed this run. */
  failed: number;
  /** Why it stopped before every eligible ticket was delivered, if it did. */
  stop?: BatchStop;
}

/**
 * How a sync ends, once its progress is kept: whether every event is complete, the follow-up
 * run, and the step's result (a failure when one is owed, a warning when it only must be said),
 * each read from the sync's own tally and the one table of stops (run-ending.ts).
 */
export async function concludeSync(
  run: PipelineRun,
  keeper: ProgressKeeper,
  tally: SyncTally,
): Promise<void> {
  const { settings, services, note } = run;
  const { progress } = keeper;
  const selection = selectionKey(settings);
  const complete =
    !settings.dryRun &&
    settings.eventIds.every((eventId) => progress.isCompleteFor(eventId, selection));
  if (keeper.failure && keeper.unpublishedDeliveries > 0) {
    note({ kind: 'concluded', complete });
    throw new RunStoppedError(
      `${count(keeper.unpublishedDeliveries)} deliveries of this run are not committed to ${keeper.where} (${keeper.failure.message}). ` +
        `They are recorded in ${settings.progressFile}, which the run's artifact holds: commit that file to the branch before the next run, or the next run sends them again.${services.followUp.mayStart ? ' No follow-up run was started.' : ''}`,
    );
  }
  const followUp = await services.followUp.startIfDue(
    {
      stoppedWithTicketsLeft:
        tally.stop !== undefined &&
        STOP_RULES[tally.stop.reason].startsFollowUp &&
        tally.remaining > 0,
      sent: tally.sent,
      commitFailure: keeper.failure?.message,
    },
    services.signal,
  );
  note({ kind: 'concluded', complete, ...(followUp ? { followUp } : {}) });
  sayHowTheSyncEnded(run, tally, progress.ticketsSent);
}

/** Turns how the sync ended into the step's result: a message, and a failure when one is owed. */
function sayHowTheSyncEnded(
  { settings, services }: PipelineRun,
  tally: SyncTally,
  sentAllTime: number,
): void {
  if (tally.stop) {
    const rule = STOP_RULES[tally.stop.reason];
    const says = rule.says({
      message: tally.stop.message,
      sent: tally.sent,
      remaining: tally.remaining,
      saved: `progress saved in ${settings.progressFile} (${count(sentAllTime)} delivered all-time)`,
      dryRun: settings.dryRun,
      maxRuntimeMinutes: settings.maxRuntimeMinutes,
    });
    if (rule.fails) throw new RunStoppedError(says);
    services.logger.warning(says);
    return;
  }
  if (tally.failed > 0) {
    const message = `${counted(tally.failed, 'ticket')} failed, listed by reason under Failures; the next run tries them again.`;
    if (settings.failOnTicketErrors && !settings.dryRun) throw new RunStoppedError(message);
    services.logger.warning(message);
  }
}
