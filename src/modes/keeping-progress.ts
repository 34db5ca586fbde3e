import { ProgressKeeper } from '../progress/progress-keeper.js';
import type { PipelineRun } from './mode-run.js';

/**
 * The progress of a mode that records deliveries (sync, redeliver), opened before any ticket
 * is pulled: locked (a dry run only reads it, so it may run beside a sync), a damaged file or
 * one another run holds stopping the run here, and the branch's copy merged in, since the
 * branch is the truth at start (a re-run or a queued run checks out an older commit).
 */
export async function openKeeper(run: PipelineRun, deadlineMs: number): Promise<ProgressKeeper> {
  const { settings, services } = run;
  const options = {
    periodMs: settings.commitEveryMinutes * 60_000,
    clock: services.clock,
    logger: services.logger,
    cancel: services.signal,
    deadlineMs,
    random: services.random,
    publisher: services.progressPublisher,
  };
  const receiver = settings.receiver.address;
  const keeper = settings.dryRun
    ? await ProgressKeeper.readOnly(settings.progressFile, receiver, options)
    : await ProgressKeeper.open(
        settings.progressFile,
        { region: settings.region, receiver },
        options,
      );
  notePublishing(run, keeper);
  await keeper.catchUpWithBranch(settings.dryRun);
  return keeper;
}

/** Where progress is committed, and how far, as the keeper counts it: a copy for the report. */
export function notePublishing({ note }: PipelineRun, keeper: ProgressKeeper | undefined): void {
  const publishing = keeper?.publishing;
  if (publishing) note({ kind: 'publishing', publishing: { ...publishing } });
}
