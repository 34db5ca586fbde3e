import {
  apiKey,
  boolean,
  choice,
  decimal,
  eventIds,
  fileInside,
  httpUrl,
  nameContains,
  region,
  soldBefore,
  statuses,
  ticketIds,
  trimmed,
  type Check,
  wholeNumber,
} from './input-checks.js';
import { MODES, TARGETS, WEBHOOK_TARGETS } from './input-defaults.js';
import { MAX_PAGE_SIZE } from '../vivenu/vivenu-client.js';

/**
 * Every input, declared once (issue 22): its action.yml entry (description, default), its
 * check, and how the command line gives it. action.yml's `inputs:` is generated from this table
 * (`npm run action-yml`, build/action-yml.ts), the schema (input-schema.ts), INPUT_NAMES and
 * INPUT_DEFAULTS below, and the command line's flags and the option lines of its help
 * (src/cli/cli-arguments.ts) are read from it. What an input does is its use: a `Settings`
 * field filled in settings.ts's `settingsFrom`.
 */
export type InputSpec = {
  /** action.yml's description: what GitHub shows beside the input. One paragraph. */
  description: string;
  check: Check;
  /** A value the action masks in the log (`core.setSecret`) before anything is checked. */
  secret?: true;
  terminal: OnTerminal;
} & (
  | { required: true; default?: never }
  /** action.yml's default, as written there (the runner evaluates a `${{ }}` itself). */
  | { default: string; required?: never }
);

/**
 * How `historical-sync` gives the input: a flag of the same name, or the command itself (from
 * its words or the environment), or not at all (action.yml's default holds).
 */
export type OnTerminal =
  /** `--name ARG`; `{default}` in the help is replaced by action.yml's default. */
  | { kind: 'value'; arg: string; help: string; terminalDefault?: string }
  /** `--name` alone: 'true', else 'false'. */
  | { kind: 'switch'; help: string }
  /** Set by parseCommandLine from the command's words or the environment. */
  | { kind: 'command'; from: string }
  /** Always this value on a terminal. */
  | { kind: 'fixed'; value: string; why: string }
  /** Not given on a terminal: action.yml's default holds. */
  | { kind: 'absent'; why: string };

const flag = (arg: string, help: string, terminalDefault?: string): OnTerminal =>
  terminalDefault === undefined
    ? { kind: 'value', arg, help }
    : { kind: 'value', arg, help, terminalDefault };
const switchFlag = (help: string): OnTerminal => ({ kind: 'switch', help });
const fromCommand = (from: string): OnTerminal => ({ kind: 'command', from });
const fixed = (value: string, why: string): OnTerminal => ({ kind: 'fixed', value, why });
const absent = (why: string): OnTerminal => ({ kind: 'absent', why });

/** A terminal has no 6-hour job limit: the time budget is off unless asked for. */
const NO_TIME_LIMIT_MINUTES = '100000';

/** The table, in action.yml's order (what GitHub shows, and the order of `--help`'s options). */
export const INPUTS = {
  region: {
    description:
      'Vivenu region: letters, digits or _, up to 32 (case-insensitive). DEV and TEST use ' +
      'https://vivenu.dev, every other region https://vivenu.com.',
    required: true,
    check: () => region,
    terminal: fromCommand('the first word after the command'),
  },
  'event-id': {
    description:
      'One or more 24-character hex Vivenu event ids, separated by commas, spaces or new lines; ' +
      'processed in the order given. Each may also be a Vivenu URL holding the id in its path, ' +
      'as copied from the browser (https://dashboard.vivenu.com/events/<id>).',
    required: true,
    check: () => eventIds,
    terminal: fromCommand('the words after the region'),
  },
  'api-key': {
    description: "The region's Vivenu API key (secret <REGION>_API). Never printed.",
    required: true,
    check: apiKey,
    secret: true,
    terminal: fromCommand('<REGION>_API in the environment or .env'),
  },
  mode: {
    description:
      'sync (pull, select, deliver, record), test (one delivery), pull-only, or redeliver ' +
      '(send ticket-ids again).',
    default: 'sync',
    check: choice(MODES),
    terminal: fromCommand('the command: sync, pull, --test or redeliver'),
  },
  'vivenu-url': {
    description: "Origin of the Vivenu API, overriding the region's default host.",
    default: '',
    check: httpUrl('https://vivenu.com'),
    terminal: flag('URL', 'Vivenu API origin (default: by region)'),
  },
  'page-size': {
    description:
      `Tickets asked for in the first request, 1 to ${MAX_PAGE_SIZE}; later requests ask for ` +
      `more (up to ${MAX_PAGE_SIZE}) while Vivenu answers fast, and fewer on 503s or slow pages.`,
    default: '100',
    check: wholeNumber(1, MAX_PAGE_SIZE),
    terminal: flag(
      'N',
      `tickets in the first request, 1-${MAX_PAGE_SIZE} (default {default}; grows)`,
    ),
  },
  'pull-concurrency': {
    description:
      'Requests to Vivenu in flight at once while pulling, 1 to 8 (one at a time after a 429).',
    default: '2',
    check: wholeNumber(1, 8),
    terminal: flag('N', 'requests to Vivenu in flight, 1-8 (default {default})'),
  },
  'tickets-dir': {
    description: 'Folder for the pulled tickets, inside the workspace.',
    default: 'purchased_tickets',
    check: fileInside,
    terminal: flag('DIR', 'folder for the pulled tickets (default {default})'),
  },
  target: {
    description:
      'Receiver endpoint: test (/test-created) or prod (/ticket-created). test mode always ' +
      'uses test.',
    default: 'test',
    check: choice(TARGETS),
    terminal: flag(
      'test|prod',
      "the receiver's /test-created or /ticket-created (default {default})",
    ),
  },
  'webhook-url': {
    description: 'Full URL of the receiver, overriding target.',
    default: '',
    check: httpUrl(WEBHOOK_TARGETS.test),
    terminal: flag('URL', 'full receiver URL, overriding --target'),
  },
  'webhook-secret': {
    description:
      'HMAC key of the receiver (secret VIVENU_SECRET). Each delivery carries ' +
      'x-vivenu-signature, the hex HMAC-SHA256 of the exact body. Empty: deliveries go ' +
      'unsigned (a warning says so).',
    default: '',
    check: () => trimmed,
    secret: true,
    terminal: fromCommand('VIVENU_SECRET in the environment or .env'),
  },
  interval: {
    description: 'Seconds between delivery starts, 0 to 60, decimals allowed.',
    default: '1.8',
    check: decimal(0, 60),
    terminal: flag('SECONDS', 'seconds between delivery starts (default {default})'),
  },
  statuses: {
    description: 'Ticket statuses that count, comma-separated.',
    default: 'VALID,DETAILSREQUIRED',
    check: statuses,
    terminal: flag('LIST', 'statuses that count (default {default})'),
  },
  'name-contains': {
    description: 'Text the ticketName must contain (case-insensitive).',
    default: 'CHARITY',
    check: nameContains,
    terminal: flag('TEXT', 'text ticketName must contain (default {default})'),
  },
  'sold-before': {
    description:
      "Only tickets sold (created) before this are eligible: when the region's live webhook " +
      'went on, since it sent every later ticket itself. An ISO date (2025-07-29, midnight UTC) ' +
      'or date and time (2025-07-29T15:30, UTC unless a zone such as +02:00 is given); empty ' +
      'or none: no cutoff. The pull still files every ticket.',
    default: '',
    check: () => soldBefore,
    // Its terminal default, <REGION>_WEBHOOK_LIVE_SINCE, is read by parseCommandLine.
    terminal: flag(
      'WHEN',
      'only tickets sold before this ISO date or date-time (UTC unless a zone is given); ' +
        'default <REGION>_WEBHOOK_LIVE_SINCE; none: all',
    ),
  },
  'ticket-ids': {
    description:
      'redeliver mode only: the _ids of tickets of the one event-id to send again (commas, ' +
      'spaces or new lines), or failed: every eligible ticket whose last delivery failed. Each ' +
      'goes under its original delivery id, paced and signed, recorded apart; what counts as ' +
      'delivered does not change. An id that is not an eligible ticket of the event stops the ' +
      'run before anything is sent.',
    default: '',
    check: () => ticketIds,
    terminal: flag(
      'LIST',
      'redeliver: the _ids to send again, or failed (every ticket whose last delivery ' +
        'failed); never changes what counts as delivered',
    ),
  },
  limit: {
    description:
      'Deliver at most this many tickets this run (0 = all). A team purchase is never split.',
    default: '0',
    check: wholeNumber(0, 10_000_000),
    terminal: flag(
      'N',
      'deliver at most N tickets this run (default {default}: all; teams kept whole)',
    ),
  },
  'dry-run': {
    description: 'true: pull, select and show the plan, but deliver and record nothing.',
    default: 'false',
    check: boolean,
    terminal: switchFlag('pull, select and show the plan; deliver and record nothing'),
  },
  resync: {
    description:
      'true: also look at events already in events_processed; only tickets never delivered ' +
      '(for example sold since) go out.',
    default: 'false',
    check: boolean,
    terminal: switchFlag('look again at events already processed'),
  },
  'progress-file': {
    description:
      "Progress file inside the workspace. Default: the receiver's own, " +
      "historical_sync_progress_<REGION>.json for production (the earlier tool's file), " +
      'historical_sync_progress_<REGION>.test-receiver.json for the test receiver, and ' +
      'historical_sync_progress_<REGION>.receiver-<12 hex>.json for any other webhook-url. A ' +
      'file that records another receiver is refused.',
    default: '',
    check: fileInside,
    terminal: flag(
      'FILE',
      "default: the receiver's own, historical_sync_progress_<REGION>.json for prod, " +
        'historical_sync_progress_<REGION>.test-receiver.json for test',
    ),
  },
  'max-runtime-minutes': {
    description:
      'Stop starting deliveries after this many minutes (decimals allowed), leaving time to ' +
      'save within the 6-hour job limit.',
    default: '330',
    check: decimal(0, 100_000, true),
    terminal: flag(
      'M',
      'stop starting deliveries after M minutes (default: no limit)',
      NO_TIME_LIMIT_MINUTES,
    ),
  },
  'fail-on-ticket-errors': {
    description:
      'true: the step fails at the end when any ticket failed (they are retried next run).',
    default: 'true',
    check: boolean,
    terminal: absent('a failed ticket makes the exit code 1'),
  },
  'request-timeout': {
    description: 'Seconds each request to Vivenu or the receiver may take before it is retried.',
    default: '30',
    check: decimal(0, 300, true),
    terminal: flag('SECONDS', 'per request to Vivenu or the receiver (default {default})'),
  },
  'commit-progress': {
    description:
      'true: in sync mode (not a dry run), commit the progress file to the branch the run ' +
      'started from, through the Contents API: every commit-every-minutes, at the end, at the ' +
      'time budget and on cancel.',
    default: 'true',
    check: boolean,
    terminal: fixed('false', 'progress lives in this folder; nothing is committed from a terminal'),
  },
  'github-token': {
    description: 'Token for committing progress (contents write) and continuing (actions write).',
    default: '${{ github.token }}',
    check: () => trimmed,
    secret: true,
    terminal: absent('nothing is committed or dispatched from a terminal'),
  },
  'commit-every-minutes': {
    description: 'Minutes between progress commits while delivering.',
    default: '10',
    check: decimal(0, 1_440, true),
    terminal: absent('nothing is committed from a terminal'),
  },
  'github-api-url': {
    description: "REST API root; empty uses the runner's GITHUB_API_URL (GitHub Enterprise works).",
    default: '',
    check: httpUrl('https://api.github.com'),
    terminal: absent('GitHub is not asked from a terminal'),
  },
  'auto-continue': {
    description:
      'true: when the time budget ends with tickets left, commit progress and start the same ' +
      'workflow again on the same ref with the same inputs.',
    default: 'false',
    check: boolean,
    terminal: absent('a terminal has no time budget unless asked; the same command continues'),
  },
  continuation: {
    description:
      'How many runs came before this one in a self-continuing chain (set by the chain).',
    default: '0',
    check: wholeNumber(0, 1_000),
    terminal: absent('set by a self-continuing chain of workflow runs'),
  },
  'max-continuations': {
    description: 'Longest chain of follow-up runs.',
    default: '10',
    check: wholeNumber(0, 1_000),
    terminal: absent('set for a self-continuing chain of workflow runs'),
  },
} as const satisfies Record<string, InputSpec>;

type Table = typeof INPUTS;
export type InputName = keyof Table;
type OptionalName = {
  [K in InputName]: Table[K] extends { default: string } ? K : never;
}[InputName];

/** Every input the action declares, in action.yml's order. */
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/** The table's rows as [name, entry] pairs, in its order. */
export const INPUT_SPECS: readonly (readonly [InputName, InputSpec])[] = INPUT_NAMES.map((name) => [
  name,
  INPUTS[name],
]);

/** The defaults action.yml declares (`github-token`'s is an expression the runner evaluates). */
export const INPUT_DEFAULTS = Object.fromEntries(
  INPUT_SPECS.flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default]])),
) as { readonly [K in OptionalName]: Extract<Table[K], { default: string }>['default'] };

/** The inputs the action masks in its log before anything else reads them. */
export const SECRET_INPUTS = INPUT_SPECS.flatMap(([name, spec]) => (spec.secret ? [name] : []));
