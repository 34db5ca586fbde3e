/**
 * The run, the same for every entry point (action, command, demo): for each event, pull ->
 * files -> select -> deliver -> record, then report. Each mode (pull-only, test, sync) says
 * what delivering and recording mean for it (src/modes/).
 *
 * Failure policy, phase by phase (as actions/cache writes it per phase):
 *
 * | Phase                          | Fails the run                                        | Only warns                                       |
 * | ------------------------------ | ---------------------------------------------------- | ------------------------------------------------ |
 * | inputs (`parseSettings`)       | any malformed input, before any request              |                                                  |
 * | look up events                 | 404 (another region's event), a refused key          | 403, answers that kept failing: shown by id      |
 * | open progress (sync)           | a damaged file, a lock another run holds             | a dead run's lock, taken over                    |
 * | pull                           | Vivenu's refusals, answers that kept failing         | rows without `_id` (kept in their own file)      |
 * | files                          | a file that cannot be written                        |                                                  |
 * | select                         |                                                      | invalid rows, another event's tickets            |
 * | deliver                        | untrusted pull (pull-only: after every event is      | failed tickets (fail with fail-on-ticket-errors) |
 * |                                | pulled), receiver down, signature rejected,          |                                                  |
 * |                                | webhook-url unusable, cancel                         | the time budget (a follow-up may continue)       |
 * | deliver (test mode)            | the ticket not accepted, or no eligible ticket       |                                                  |
 * | record (commit)                | the first commit; one refused for good or not taken  | a commit GitHub cannot take for now: deliveries  |
 * |                                | for 30 min; deliveries left uncommitted at the end   | pause and it is tried again                      |
 * | ledger                         |                                                      | a ledger that cannot be written                  |
 * | follow-up run                  |                                                      | a dispatch that failed                           |
 * | report (outputs, summary)      |                                                      | a summary that cannot be written                 |
 */
import { ProgressFileError, RunStoppedError, VivenuError } from '../errors.js';
import { count } from '../format.js';
import { pullOnly } from '../modes/pull-only.js';
import { redeliver } from '../modes/redeliver.js';
import { sync } from '../modes/sync.js';
import { testDelivery } from '../modes/test-delivery.js';
import { keepLedger, type EventTaken } from '../ledger/event-ledger.js';
import { noteInReport, type RunEvent } from '../run-events.js';
import { syncTotals, type RunFailure, type RunReport } from '../run-report.js';
import { ledgerFileName, type Mode, type Settings } from '../settings/settings.js';
import { lookUpEvents } from './look-up-events.js';
import type { ModeRun, PipelineRun } from '../modes/mode-run.js';
import { pullToFiles } from './pull-to-files.js';
import type { RunServices } from '../services/run-services.js';
import { selectEligible } from './select-eligible.js';

const MODES: Record<Mode, (run: PipelineRun) => ModeRun> = {
  'pull-only': pullOnly,
  test: testDelivery,
  sync,
  redeliver,
};

/**
 * Runs the pipeline. Its stages note what happens (run-events.ts) into `report`, as they go,
 * so a failure still reports what was done.
 */
export async function runPipeline(
  settings: Settings,
  services: RunServices,
  report: RunReport = newRunReport(settings, services.clock.now()),
): Promise<RunReport> {
  const note = (event: RunEvent): void => noteInReport(report, event);
  const run: PipelineRun = { settings, services, note, eligibleIn: new Map() };
  const mode = MODES[settings.mode](run);
  try {
    const events = await lookUpEvents(run); // which events: another region's stops the run here
    await mode.open(); // record: the progress file, locked, before any ticket is pulled
    /**
     * The last event taken: its ledger is written once it has ended, however it ended, when
     * the walk moves on, or else after the final commit (on cancel, progress comes first
     * within the runner's budget).
     */
    let ended: EventTaken | undefined;
    const writeLedger = async (): Promise<void> => {
      const taken = ended;
      ended = undefined;
      if (taken) await keepLedger(run, taken, mode.ledgerProgress()); // record: the ledger
    };
    try {
      for (const eventId of settings.eventIds) {
        await writeLedger();
        if (!(await mode.wants(eventId))) continue;
        const info = events.find((event) => event.eventId === eventId);
        const pulled = await pullToFiles(run, eventId, info); // pull -> files
        const selection = selectEligible(run, pulled, mode.selectionLog); // select
        ended = { pulled, selection };
        if ((await mode.take(pulled, selection)) === 'stop') break; // deliver -> record
      }
    } finally {
      await mode.close(); // record: the final commit
      await writeLedger();
    }
    await mode.conclude(); // report: the step's result
  } catch (error) {
    const failure = explainCancel(error, run, report);
    note({ kind: 'failed', failure: runFailure(failure) });
    throw failure;
  } finally {
    note({ kind: 'finished', atMs: services.clock.now() });
  }
  return report;
}

/** A cancel that cut a request short surfaces as that request's abort: say what it means. */
function explainCancel(
  error: unknown,
  { settings, services }: PipelineRun,
  report: RunReport,
): unknown {
  if (!services.signal.aborted || error instanceof RunStoppedError) return error;
  const sent = syncTotals(report).sentNow;
  return new RunStoppedError(
    `Cancelled before the run finished: ${count(sent)} delivered this run${sent > 0 ? ` (recorded in ${settings.progressFile})` : ''}. Run again with the same inputs to continue.`,
  );
}

/** The failure, told apart by what a person does next (the verdict's table says it). */
function runFailure(error: unknown): RunFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof VivenuError) {
    const kind =
      error.status === 401
        ? 'key-refused'
        : error.status === 404
          ? 'event-not-found'
          : 'vivenu-failed';
    return { kind, message };
  }
  if (error instanceof ProgressFileError) return { kind: 'progress-file', message };
  return { kind: 'stopped', message };
}

export function newRunReport(settings: Settings, startedAtMs: number): RunReport {
  return {
    region: settings.region,
    mode: settings.mode,
    dryRun: settings.dryRun,
    vivenuOrigin: settings.vivenuOrigin,
    ticketsDir: settings.ticketsDir,
    progressFile: settings.progressFile,
    webhookUrl: settings.receiver.address,
    receiver: settings.receiver.kind,
    ledgerName: ledgerFileName(settings.receiver),
    stagingTickets: settings.stagingTickets,
    ...(settings.soldBefore ? { soldBefore: settings.soldBefore.iso } : {}),
    signed: settings.webhookSecret !== '',
    intervalSeconds: settings.intervalSeconds,
    startedAtMs,
    pulls: [],
    syncs: [],
    failures: [],
    plans: [],
    complete: false,
  };
}
