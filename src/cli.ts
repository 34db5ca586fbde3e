#!/usr/bin/env node
/**
 * The command line's entry point: `historical-sync <REGION> <EVENT_ID...>`, with keys from the environment
 * or ./.env, into the same pipeline as the GitHub Action.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { HELP, parseCommandLine } from './cli/cli-arguments.js';
import { continuingMakesProgress } from './cli/continue-hint.js';
import { terminalLogger } from './cli/terminal-logger.js';
import { renderTextSummary } from './cli/text-summary.js';
import { abortOnCancelSignals } from './cancel-signal.js';
import { UsageError } from './errors.js';
import { commandSafeText } from './log-text.js';
import { createRunServices } from './services/run-services.js';
import { newRunReport, runPipeline } from './pipeline/run-pipeline.js';
import { systemClock } from './ports.js';
import { parseSettings } from './settings/settings.js';

/** The environment, over the values of ./.env (the environment wins, as with dotenv). */
function environment(folder: string): Record<string, string | undefined> {
  const file = path.join(folder, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

export async function main(argv: string[]): Promise<number> {
  const folder = process.cwd();
  let command;
  try {
    command = parseCommandLine(argv, environment(folder));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
  if (command.kind === 'help') {
    console.log(HELP);
    return 0;
  }

  const signal = abortOnCancelSignals((name) =>
    console.error(`\n${name}: no new delivery starts; saving progress…`),
  );

  let settings;
  try {
    settings = parseSettings(command.inputs, folder);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  const logger = terminalLogger(process.stdout, settings.intervalSeconds);
  const report = newRunReport(settings, systemClock.now());
  let failure: string | undefined;
  try {
    const services = createRunServices(settings, { logger, clock: systemClock, signal });
    await runPipeline(settings, services, report);
  } catch (error) {
    failure = (error as Error).message;
  }
  // Command-safe: this CLI may run as a workflow step, whose output the runner reads.
  console.log(`\n${commandSafeText(renderTextSummary(report))}`);
  if (failure) console.error(`\nerror: ${commandSafeText(failure)}`);
  if (report.syncs.length > 0 && continuingMakesProgress(report, settings.eventIds)) {
    console.log(`\nTo continue: historical-sync ${argv.map(quoteArgument).join(' ')}`);
  }
  return failure ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
