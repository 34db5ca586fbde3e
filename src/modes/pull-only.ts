import { existsSync } from 'node:fs';
import { RunStoppedError } from '../errors.js';
import { logText } from '../log-text.js';
import { readProgress } from '../progress/progress-store.js';
import type { ModeRun, PipelineRun } from './mode-run.js';
import type { Progress } from '../progress/progress.js';

/**
 * Pull-only: every event's tickets as files, and (when a progress file exists) its delivery
 * ledger; nothing is sent and nothing recorded. A pull that cannot be trusted fails the run
 * after every event is pulled, so the files of the others are still written.
 */
export function pullOnly(run: PipelineRun): ModeRun {
  const untrusted: string[] = [];
  let progress: Progress | undefined;
  return {
    selectionLog: 'quiet',
    async open() {
      progress = await progressForLedger(run);
    },
    wants: () => Promise.resolve(true),
    take(pulled) {
      if (pulled.untrusted !== undefined) untrusted.push(pulled.untrusted);
      return Promise.resolve('next');
    },
    ledgerProgress: () => progress,
    close: () => Promise.resolve(),
    conclude() {
      if (untrusted.length > 0) throw new RunStoppedError(untrusted.join('\n'));
      return Promise.resolve();
    },
  };
}

/**
 * Pull-only reads the progress file for the ledger's states, without a lock (it writes none).
 * A file it cannot read costs the ledger, never the pull: said once, and the pull goes on.
 */
export async function progressForLedger({
  settings,
  services,
}: PipelineRun): Promise<Progress | undefined> {
  // Without a progress file every eligible ticket would be `pending`: a ledger that says
  // nothing the tickets' files do not, and on Node 24 it put the peak memory of pulling
  // 100,000 tickets over its goal (bench/README.md). A sync, even a dry run, writes one.
  if (!existsSync(settings.progressFile)) {
    services.logger.info(
      'No delivery ledger this run: there is no progress file yet (a sync, or its dry run, writes the ledger).',
    );
    return undefined;
  }
  try {
    return await readProgress(settings.progressFile, settings.receiver.address);
  } catch (error) {
    services.logger.warning(
      `No delivery ledger this run: progress-file could not be read (${logText((error as Error).message)}). The pulled files are written as usual.`,
    );
    return undefined;
  }
}
