/**
 * The GitHub Action's entry point: inputs in, one pipeline run, outputs and the job summary
 * out. The only module that talks to the runner.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { abortOnCancelSignals } from './cancel-signal.js';
import { commandSafeText } from './log-text.js';
import { createRunServices } from './services/run-services.js';
import { newRunReport, runPipeline } from './pipeline/run-pipeline.js';
import { systemClock, type Logger } from './ports.js';
import { renderJobSummary } from './report/job-summary.js';
import { noteInReport } from './run-events.js';
import { syncTotals, ticketsFound, type RunReport } from './run-report.js';
import {
  INPUT_NAMES,
  keepsProgressOnBranch,
  parseSettings,
  SECRET_INPUTS,
  type RawInputs,
} from './settings/settings.js';

/**
 * `core.warning`, `core.error` and `core.group` escape their text into one command line
 * (toolkit command.ts `escapeData`); `core.info` writes it raw, so every line of an info
 * message is made command-safe here: the last line of defence should an outside value reach a
 * message without `logText` (see log-text.ts for what the runner reads as a command).
 */
const actionsLogger: Logger = {
  info: (message) => core.info(commandSafeText(message)),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, fn) => core.group(title, fn),
};

function readInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
}

async function report(run: RunReport, failure?: string): Promise<void> {
  const artifact = artifactName(run);
  noteInReport(run, { kind: 'artifact-named', name: artifact });
  const totals = syncTotals(run);
  const outputs: Record<string, string | number | boolean> = {
    'tickets-found': ticketsFound(run),
    'tickets-dir': run.ticketsDir,
    'tickets-eligible': totals.eligible,
    'tickets-sent': totals.sentNow,
    'tickets-failed': totals.failed,
    'tickets-delivered-before': totals.deliveredBefore,
    // The same figure under its first name, kept for workflows that read it; deprecated, it
    // goes in the next minor release ("skipped" also named two other things).
    'tickets-skipped': totals.deliveredBefore,
    complete: run.complete,
    'progress-file': run.progressFile,
    receiver: receiverOutput(run),
    'artifact-name': artifact,
  };
  await core.group('Outputs', () => {
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, value);
      actionsLogger.info(`${name}=${value}`);
    }
    return Promise.resolve();
  });
  // Outside a runner (a local try of the bundle) there is no summary file to write to.
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderJobSummary(run, failure)).write();
}

/** The workflow_dispatch inputs of this run, from the event payload the runner wrote. */
function eventInputs(): Record<string, unknown> | undefined {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file || !existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, unknown> }).inputs;
  } catch {
    return undefined;
  }
}

/** `production`, `test`, or a custom receiver's origin and path. */
function receiverOutput(run: RunReport): string {
  return run.receiver === 'custom' ? run.webhookUrl : run.receiver;
}

/** A name upload-artifact accepts: region, first event, run and attempt. */
function artifactName(run: RunReport): string {
  const events = run.pulls.map((pull) => pull.metadata.event_id);
  const event = events.length > 1 ? `${events[0]}+${events.length - 1}` : (events[0] ?? 'no-event');
  const runId = process.env.GITHUB_RUN_ID ?? 'local';
  return `tickets-${run.region}-${event}-${runId}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`;
}

export async function run(): Promise<void> {
  const raw = readInputs();
  // Masked before anything reads them: the inputs table marks which hold secrets.
  for (const name of SECRET_INPUTS) {
    const secret = raw[name]?.trim();
    if (secret) core.setSecret(secret);
  }
  let runReport: RunReport | undefined;
  try {
    const settings = parseSettings(raw, process.env.GITHUB_WORKSPACE || process.cwd());
    runReport = newRunReport(settings, systemClock.now());
    // The GitHub client loads only for a sync that keeps progress on the branch: start-up
    // stays short otherwise.
    const github = keepsProgressOnBranch(settings)
      ? (await import('./github/github-services.js')).createGitHubServices(
          settings,
          { env: process.env, eventInputs: eventInputs() },
          actionsLogger,
          systemClock,
        )
      : undefined;
    const signal = abortOnCancelSignals((name) =>
      core.warning(`Received ${name}: no new delivery starts; saving progress.`),
    );
    const services = createRunServices(settings, {
      logger: actionsLogger,
      clock: systemClock,
      signal,
      github,
    });
    await runPipeline(settings, services, runReport);
    await report(runReport);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Reporting must not hide the failure, even when it fails itself.
    if (runReport)
      await report(runReport, message).catch((reportError: unknown) =>
        core.warning(`Could not write outputs or summary: ${String(reportError)}`),
      );
    core.setFailed(message);
  }
}
