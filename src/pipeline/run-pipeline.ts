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
import { syncTotals, type RunFailure, type RunReport } from '../run-report.js';
import { ledgerFileName, type Mode, type Settings } from '../settings/settings.js';
import { lookUpEvents } from './look-up-events.js';
import type { ModeRun, PipelineRun } from './pipeline-run.js';
import { pullToFiles } from './pull-to-files.js';
import type { RunServices } from './run-services.js';
import { selectEligible } from './select-eligible.js';

const MODES: Record<Mode, (run: PipelineRun) => ModeRun> = {
  'pull-only': pullOnly,
  test: testDelivery,
  sync,
  redeliver,
};

/** Runs the pipeline; `report` is written as it goes, so a failure still reports what was done. */
export async function runPipeline(
  settings: Settings,
  services: RunServices,
  report: RunReport = newRunReport(settings, services.clock.now()),
): Promise<RunReport> {
  const run: PipelineRun = { settings, services, report, eligibleIn: new Map() };
  const mode = MODES[settings.mode](run);
  try {
    await lookUpEvents(run); // which events, by name: another region's event stops the run here
    await mode.open(); // record: the progress file, locked, before any ticket is pulled
    try {
      for (const eventId of settings.eventIds) {
        if (!(await mode.wants(eventId))) continue;
        const pulled = await pullToFiles(run, eventId); // pull -> files
        const selection = selectEligible(run, pulled, mode.selectionLog); // select
        if ((await mode.take(pulled, selection)) === 'stop') break; // deliver -> record
      }
    } finally {
      await mode.close(); // record: the final commit, then the ledger
    }
    await mode.conclude(); // report: the step's result
  } catch (error) {
    const failure = explainCancel(error, run);
    report.failure = runFailure(failure);
    throw failure;
  } finally {
    report.finishedAtMs = services.clock.now();
  }
  return report;
}

/** A cancel that cut a request short surfaces as that request's abort: say what it means. */
function explainCancel(error: unknown, { settings, services, report }: PipelineRun): unknown {
  if (!services.signal.aborted || error instanceof RunStoppedError) return error;
  const sent = syncTotals(report).sent;
  return new RunStoppedError(
    `Cancelled before the run finished: ${count(sent)} delivered this run${sent > 0 ? ` (recorded in ${settings.progressFile})` : ''}. Run again with the same inputs to continue.`,
  );
}

/** The failure, told apart by what a person does next (the verdict's table says it). */
function runFailure(error: unknown): RunFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof VivenuError) {
    const kind =
      error.status === 401 ? 'key-refused' : error.status === 404 ? 'event-not-found' : 'vivenu';
    return { kind, message };
  }
  if (error instanceof ProgressFileError) return { kind: 'progress-file', message };
  if (error instanceof RunStoppedError) return { kind: 'stopped', message };
  return { kind: 'other', message };
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
