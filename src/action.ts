/**
 * The GitHub Action door: inputs in, one pipeline run, outputs and the job summary out.
 * The only module that talks to the runner.
 */
import * as core from '@actions/core';
import { newRunReport, runPipeline } from './pipeline.js';
import { systemClock, type Logger } from './ports.js';
import { renderJobSummary } from './report/job-summary.js';
import { syncTotals, ticketsFound, type RunReport } from './run-report.js';
import { INPUT_NAMES, parseSettings, type RawInputs } from './settings.js';

const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, fn) => core.group(title, fn),
};

function readInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
}

/**
 * Cancel arrives as SIGINT, then SIGTERM 7.5 s later, then a kill 2.5 s after that: the first
 * signal stops new work so progress is saved well inside those 10 seconds.
 */
function cancelSignal(): AbortSignal {
  const controller = new AbortController();
  const cancel = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted)
      core.warning(`Received ${signal}: no new delivery starts; saving progress.`);
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  return controller.signal;
}

async function report(run: RunReport, failure?: string): Promise<void> {
  const totals = syncTotals(run);
  const outputs: Record<string, string | number | boolean> = {
    'tickets-found': ticketsFound(run),
    'tickets-dir': run.ticketsDir,
    'tickets-eligible': totals.eligible,
    'tickets-sent': totals.sent,
    'tickets-failed': totals.failed,
    'tickets-skipped': totals.skipped,
    complete: run.complete,
    'progress-file': run.progressFile,
  };
  await core.group('Outputs', () => {
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, value);
      core.info(`${name}=${value}`);
    }
    return Promise.resolve();
  });
  // Outside a runner (a local try of the bundle) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderJobSummary(run, failure)).write();
}

export async function run(): Promise<void> {
  const raw = readInputs();
  for (const secret of [raw['api-key'], raw['webhook-secret']])
    if (secret?.trim()) core.setSecret(secret.trim());
  let runReport: RunReport | undefined;
  try {
    const settings = parseSettings(raw, process.env.GITHUB_WORKSPACE || process.cwd());
    runReport = newRunReport(settings, systemClock.now());
    await runPipeline(
      settings,
      { logger: actionsLogger, clock: systemClock, signal: cancelSignal() },
      runReport,
    );
    await report(runReport);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (runReport) await report(runReport, message);
    core.setFailed(message);
  }
}
