import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { RawInputs } from '../settings/settings.js';

export type CliCommand =
  | { kind: 'help' }
  | {
      kind: 'run';
      command: 'sync' | 'pull' | 'test' | 'redeliver';
      inputs: RawInputs;
      region: string;
    };

/** Flags that take a value, each the action input of the same name. */
const VALUE_FLAGS = [
  'limit',
  'target',
  'webhook-url',
  'interval',
  'vivenu-url',
  'page-size',
  'pull-concurrency',
  'progress-file',
  'tickets-dir',
  'statuses',
  'name-contains',
  'sold-before',
  'ticket-ids',
  'max-runtime-minutes',
  'request-timeout',
] as const;

export const HELP = `historical-sync: replay Vivenu tickets to the receiver as signed ticket.created webhooks.

Usage
  historical-sync <REGION> <EVENT_ID...>          sync: pull, select, deliver, record progress
  historical-sync pull <REGION> <EVENT_ID...>     pull only: write the tickets as files
  historical-sync --test <REGION> <EVENT_ID>      one delivery to the test endpoint
  historical-sync redeliver <REGION> <EVENT_ID> --ticket-ids ID,ID
                                                  send named tickets again (or: failed)

Keys come from the environment or a .env file in this folder:
  <REGION>_API     the region's Vivenu API key (PROD_API, DEV_API, ITALY_API, ...)
  VIVENU_SECRET    the receiver's HMAC key (without it deliveries go unsigned)
  <REGION>_WEBHOOK_LIVE_SINCE
                   when the region's live webhook went on: --sold-before's default

Options (the GitHub Action's inputs of the same names)
  --dry-run                  pull, select and show the plan; deliver and record nothing
  --ticket-ids LIST          redeliver: the _ids to send again, or failed (every ticket whose
                             last delivery failed); never changes what counts as delivered
  --limit N                  deliver at most N tickets this run (0 = all; teams kept whole)
  --target test|prod         the receiver's /test-created (default) or /ticket-created
  --webhook-url URL          full receiver URL, overriding --target
  --interval SECONDS         seconds between delivery starts (default 1.8)
  --resync                   look again at events already processed
  --statuses LIST            statuses that count (default VALID,DETAILSREQUIRED)
  --name-contains TEXT       text ticketName must contain (default CHARITY)
  --sold-before WHEN         only tickets sold before this ISO date or date-time (UTC unless
                             a zone is given); default <REGION>_WEBHOOK_LIVE_SINCE; none: all
  --vivenu-url URL           Vivenu API origin (default: by region)
  --page-size N              tickets in the first request, 1-1000 (default 100; grows)
  --pull-concurrency N       requests to Vivenu in flight, 1-8 (default 2)
  --progress-file FILE       default: the receiver's own, historical_sync_progress_<REGION>.json
                             for prod, historical_sync_progress_<REGION>.test-receiver.json for test
  --tickets-dir DIR          default purchased_tickets
  --max-runtime-minutes M    stop starting deliveries after M minutes (default: no limit)
  --request-timeout SECONDS  per request to Vivenu or the receiver (default 30)
  -h, --help                 this help

Examples
  historical-sync pull PROD 68108c20c5c88849372bfb61
  historical-sync --test DEV 6864d4f427c2aa9b05cd17ee
  historical-sync PROD 68108c20c5c88849372bfb61 --dry-run
  historical-sync PROD 68108c20c5c88849372bfb61 --target prod --limit 20
  historical-sync redeliver PROD 68108c20c5c88849372bfb61 --target prod --ticket-ids 6811a0c5e4b0d1f2a3b4c5d6

Progress is saved after every delivery; Ctrl-C stops cleanly, and the same command continues.
Exit code 0 when the run did what it was asked, 1 otherwise.`;

/**
 * The variable that says when the region's live webhook went on: `sold-before`'s default, in a
 * repository's variables for the form and in the environment or .env for the terminal.
 */
export function liveSinceVariable(region: string): string {
  return `${region.toUpperCase()}_WEBHOOK_LIVE_SINCE`;
}

/** A terminal has no 6-hour job limit: the time budget is off unless asked for. */
const NO_TIME_LIMIT_MINUTES = '100000';

/**
 * The command line, translated into the action's inputs: the same names, the same checks
 * after this (parseSettings). `env` holds the environment and the .env file's values.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        test: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        resync: { type: 'boolean' },
        ...Object.fromEntries(VALUE_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See historical-sync --help.`);
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help' };

  const words = [...positionals];
  const command =
    words[0] === 'pull' || words[0] === 'redeliver' ? words[0] : values.test ? 'test' : 'sync';
  if (['pull', 'sync', 'redeliver'].includes(words[0] ?? '')) words.shift();
  const [region = '', ...eventIds] = words;
  if (!region) throw new UsageError('Missing <REGION> and <EVENT_ID>. See historical-sync --help.');
  if (eventIds.length === 0)
    throw new UsageError('Missing <EVENT_ID>. See historical-sync --help.');
  if (command === 'test' && eventIds.length > 1)
    throw new UsageError('--test takes one <EVENT_ID>.');
  if (command === 'redeliver' && eventIds.length > 1)
    throw new UsageError('redeliver takes one <EVENT_ID>.');

  const keyVariable = `${region.toUpperCase()}_API`;
  const apiKey = env[keyVariable]?.trim();
  if (/^[A-Za-z0-9_]{1,32}$/.test(region) && !apiKey) {
    throw new UsageError(
      `${keyVariable} is not set: put the ${region.toUpperCase()} Vivenu API key in .env in this folder, or in the environment.`,
    );
  }

  const flagInputs = Object.fromEntries(
    VALUE_FLAGS.flatMap((flag) => (typeof values[flag] === 'string' ? [[flag, values[flag]]] : [])),
  );
  const liveSince = env[liveSinceVariable(region)]?.trim();
  const inputs: RawInputs = {
    'max-runtime-minutes': NO_TIME_LIMIT_MINUTES,
    ...(liveSince ? { 'sold-before': liveSince } : {}),
    ...flagInputs,
    region,
    'event-id': eventIds.join(','),
    'api-key': apiKey ?? '',
    'webhook-secret': env.VIVENU_SECRET ?? '',
    mode: command === 'pull' ? 'pull-only' : command,
    'dry-run': values['dry-run'] ? 'true' : 'false',
    resync: values.resync ? 'true' : 'false',
    // Progress lives in this folder; nothing is committed from a terminal.
    'commit-progress': 'false',
  };
  return { kind: 'run', command, inputs, region: region.toUpperCase() };
}
