import { count } from '../format.js';
import { logText } from '../log-text.js';
import { eachLedgerRow, eventStanding, writeLedger } from './delivery-ledger.js';
import { eventFilePaths } from '../ticket-files/ticket-files.js';
import type { Progress } from '../progress/progress.js';
import { percentDelivered, type EventStanding } from '../run-report.js';
import type { Selection } from '../select/select-tickets.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import type { PipelineRun } from '../modes/mode-run.js';
import { ledgerFileName } from '../settings/receiver.js';

/** An event as the pipeline took it: what was pulled, and what was selected from it. */
export interface EventTaken {
  pulled: PulledEvent;
  selection: Selection;
}

/**
 * The ledger stage, once an event has ended: writes its ledger (the receiver's
 * `delivery-ledger*.csv`) from the pull, the selection and the progress the mode keeps, and
 * notes how far the event is. A ledger that cannot be made or written is said and skipped: it
 * is a report, rebuilt on every run from the progress file, which holds every delivery; it
 * never fails the run or hides its error. No progress (test mode, or nothing to read): no
 * ledger.
 */
export async function keepLedger(
  { settings, services, note }: PipelineRun,
  { pulled, selection }: EventTaken,
  progress: Progress | undefined,
): Promise<void> {
  if (!progress) return;
  const { logger } = services;
  const { eventId } = pulled;
  const cannot = (error: unknown): void =>
    logger.warning(
      `event ${eventId}: the delivery ledger could not be written in tickets-dir (${logText((error as Error).message)}); the progress file holds every delivery, and the next run writes the ledger again.`,
    );
  // Made twice, as read (to count, then to write), rather than held: see eachLedgerRow.
  const rows = () =>
    eachLedgerRow({
      tickets: pulled.tickets,
      eligible: selection.eligible,
      soldAfterCutoff: selection.soldAfterCutoff,
      pullComplete: pulled.complete,
      rules: {
        eventId,
        statuses: settings.statuses,
        nameContains: settings.nameContains,
        soldBefore: settings.soldBefore,
      },
      progress,
    });
  let standing: EventStanding;
  try {
    standing = eventStanding(eventId, rows(), {
      intervalSeconds: settings.intervalSeconds,
      runBudgetMinutes: settings.maxRuntimeMinutes,
      pullComplete: pulled.complete,
    });
  } catch (error) {
    return cannot(error);
  }
  logger.info(standingLine(standing));
  try {
    const eventDir = eventFilePaths(settings.ticketsDir, eventId).eventDir;
    const ledgerFile = await writeLedger(eventDir, ledgerFileName(settings.receiver), rows());
    standing = { ...standing, ledgerFile };
    logger.info(`Delivery ledger of event ${eventId}: ${logText(ledgerFile)}`);
  } catch (error) {
    cannot(error);
  }
  note({ kind: 'standing', standing });
}

/** How far an event is, in one log line: the summary has the detail, the ledger every ticket. */
export function standingLine(standing: EventStanding): string {
  const parts = [
    `event ${standing.eventId}: ${count(standing.delivered)} of ${count(standing.eligible)} eligible delivered over all runs (${percentDelivered(standing)})`,
    `${count(standing.failed)} failed`,
    `${count(standing.pending)} never tried`,
  ];
  if (standing.changed > 0) parts.push(`${count(standing.changed)} changed since delivery`);
  return parts.join(', ');
}
