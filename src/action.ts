/**
 * The GitHub Action door: inputs in, one pipeline run, outputs and the job summary out.
 * The only module that talks to the runner.
 */
import * as core from '@actions/core';
import { newRunReport, runPipeline } from './pipeline.js';
import { systemClock, type Logger } from './ports.js';
import { renderJobSummary } from './report/job-summary.js';
import { ticketsFound, type RunReport } from './run-report.js';
import { parseSettings, type RawInputs } from './settings.js';

const INPUT_NAMES = [
  'region',
  'event-id',
  'api-key',
  'mode',
  'vivenu-url',
  'page-size',
  'tickets-dir',
];

const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, fn) => core.group(title, fn),
};

function readInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
}

/** Cancel arrives as SIGINT, then SIGTERM 7.5 s later: either stops new work. */
function cancelSignal(): AbortSignal {
  const controller = new AbortController();
  const cancel = (signal: NodeJS.Signals): void => {
    core.warning(`Received ${signal}: stopping.`);
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  return controller.signal;
}

async function report(run: RunReport, failure?: string): Promise<void> {
  core.setOutput('tickets-found', ticketsFound(run));
  core.setOutput('tickets-dir', run.ticketsDir);
  // Outside a runner (a local try of the bundle) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderJobSummary(run, failure)).write();
}

export async function run(): Promise<void> {
  const raw = readInputs();
  if (raw['api-key']) core.setSecret(raw['api-key']);
  let runReport: RunReport | undefined;
  try {
    const settings = parseSettings(raw, process.env.GITHUB_WORKSPACE || process.cwd());
    runReport = newRunReport(settings);
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
