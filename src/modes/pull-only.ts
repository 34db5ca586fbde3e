import { RunStoppedError } from '../errors.js';
import { progressForLedger } from '../ledger/event-ledger.js';
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
