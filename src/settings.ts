import path from 'node:path';
import { z } from 'zod';
import { InputError } from './errors.js';
import { lockPath } from './progress/progress-lock.js';
import { journalPath } from './progress/progress-store.js';
import { MAX_PAGE_SIZE } from './vivenu/vivenu-client.js';
import { pathProblem } from './workspace-paths.js';

export const MODES = ['sync', 'test', 'pull-only'] as const;
export type Mode = (typeof MODES)[number];
export const TARGETS = ['test', 'prod'] as const;
export type Target = (typeof TARGETS)[number];
export const TICKET_STATUSES = [
  'VALID',
  'INVALID',
  'RESERVED',
  'DETAILSREQUIRED',
  'BLANK',
] as const;

/** The receiver's two doors: the test one answers like production but changes nothing real. */
export const WEBHOOK_TARGETS: Record<Target, string> = {
  test: 'https://vivenu-filter.high-impact-athletes.workers.dev/test-created',
  prod: 'https://vivenu-filter.high-impact-athletes.workers.dev/ticket-created',
};

/** Every input, typed and checked once. Nothing below the doors reads raw inputs. */
export interface Settings {
  region: string;
  eventIds: string[];
  apiKey: string;
  mode: Mode;
  /** Origin of the Vivenu API (no trailing slash). */
  vivenuOrigin: string;
  /** The first page's size; later pages grow while Vivenu answers fast. */
  pageSize: number;
  /** Pages in flight at once. */
  pullConcurrency: number;
  /** Absolute path, inside the workspace. */
  ticketsDir: string;
  workspace: string;
  target: Target;
  /** Where deliveries go: `webhook-url`, or the target's endpoint (always the test one in `test` mode). */
  webhookUrl: string;
  /** HMAC key; empty means deliveries go unsigned. */
  webhookSecret: string;
  /** Seconds between delivery starts. */
  intervalSeconds: number;
  statuses: string[];
  /** Matched case-insensitively against `ticketName`. */
  nameContains: string;
  /** Most tickets delivered this run; 0 means all. */
  limit: number;
  dryRun: boolean;
  resync: boolean;
  /** Absolute path, inside the workspace. */
  progressFile: string;
  maxRuntimeMinutes: number;
  failOnTicketErrors: boolean;
  /** Seconds each request to Vivenu or the receiver may take. */
  requestTimeoutSeconds: number;
  /** Commit the progress file back to the branch (sync mode, not a dry run). */
  commitProgress: boolean;
  githubToken: string;
  commitEveryMinutes: number;
  /** REST API root override; empty: the runner's GITHUB_API_URL. */
  githubApiUrl: string;
  autoContinue: boolean;
  /** How many runs came before this one in a self-continuing chain. */
  continuation: number;
  maxContinuations: number;
}

/** Raw input values by their action.yml names; empty or missing means "use the default". */
export type RawInputs = Readonly<Record<string, string | undefined>>;

/** The defaults action.yml declares; the CLI and tests use the same ones. */
export const INPUT_DEFAULTS = {
  mode: 'sync',
  'vivenu-url': '',
  'page-size': '100',
  'pull-concurrency': '2',
  'tickets-dir': 'purchased_tickets',
  target: 'test',
  'webhook-url': '',
  'webhook-secret': '',
  interval: '1.8',
  statuses: 'VALID,DETAILSREQUIRED',
  'name-contains': 'CHARITY',
  limit: '0',
  'dry-run': 'false',
  resync: 'false',
  'progress-file': '',
  'max-runtime-minutes': '330',
  'fail-on-ticket-errors': 'true',
  'request-timeout': '30',
  'commit-progress': 'true',
  'github-token': '',
  'commit-every-minutes': '10',
  'github-api-url': '',
  'auto-continue': 'false',
  continuation: '0',
  'max-continuations': '10',
} as const satisfies RawInputs;

/** Every input the action declares, in action.yml's order. */
export const INPUT_NAMES = ['region', 'event-id', 'api-key', ...Object.keys(INPUT_DEFAULTS)];

export function defaultProgressFile(region: string): string {
  return `historical_sync_progress_${region}.json`;
}

/** Regions whose tickets live on Vivenu's staging host. */
const STAGING_REGIONS = new Set(['DEV', 'TEST']);
export function defaultVivenuOrigin(region: string): string {
  return STAGING_REGIONS.has(region) ? 'https://vivenu.dev' : 'https://vivenu.com';
}

/** A value as shown in an error: quoted, escaped, and short. Never used for secrets. */
function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}

type Context = z.RefinementCtx;
const problem = (ctx: Context, message: string): typeof z.NEVER => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

const region = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === '') return problem(ctx, 'region is required (for example PROD or DEV)');
  if (!/^[A-Za-z0-9_]{1,32}$/.test(trimmed)) {
    return problem(
      ctx,
      `region ${shown(value)} must be 1 to 32 letters, digits or _ (for example PROD)`,
    );
  }
  return trimmed.toUpperCase();
});

const EVENT_ID = /^[0-9a-f]{24}$/i;
/** A 24-hex id standing alone in a path segment, or at the end of a slug ("name-<id>"). */
const EVENT_ID_IN_PATH = /(?:^|[^0-9a-z])([0-9a-f]{24})(?=$|[^0-9a-z])/gi;

/**
 * The event id in one `event-id` entry: the id itself, or a URL whose path holds it, as operators
 * copy it from the browser (the dashboard's event pages, `dashboard.vivenu.com/events/<id>/...`,
 * the way its ticket pages are `dashboard.vivenu.com/tickets/<id>` in public code found with the
 * search tool; or a shop page whose path ends in the id). Only the path counts: an id in a query
 * may be anything (a shop, a filter). Public shop links `vivenu.com/event/<name>-<code>` carry a
 * 6-character code, not the id, so they are refused with a way out.
 */
export function eventIdOf(entry: string): { id: string } | { problem: string } {
  if (EVENT_ID.test(entry)) return { id: entry.toLowerCase() };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
  // A host name then a path ("dashboard.vivenu.com/events/..."), as a browser's address bar copies it.
  const hasHost = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(entry);
  if (!hasScheme && !hasHost) {
    return {
      problem: `event-id ${shown(entry)} is not a 24-character hex id`,
    };
  }
  const text = hasScheme ? entry : `https://${entry}`;
  // Checked before anything echoes the value, so a password in it is never shown.
  if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
    return { problem: 'event-id must not contain credentials' };
  if (!URL.canParse(text)) return { problem: `event-id ${shown(entry)} is not a URL` };
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `event-id ${shown(entry)} must be an id, or a URL starting with https://` };
  }
  const ids = [
    ...new Set(
      [...url.pathname.matchAll(EVENT_ID_IN_PATH)].map((match) => match[1]!.toLowerCase()),
    ),
  ];
  if (ids.length === 1) return { id: ids[0]! };
  if (ids.length === 0) {
    return {
      problem:
        `event-id ${shown(entry)} holds no 24-character hex event id in its path: copy the event's page ` +
        `in the Vivenu dashboard (dashboard.vivenu.com/events/<id>), or the id itself (a shop link ` +
        `vivenu.com/event/<name>-<code> carries a short code, not the id)`,
    };
  }
  return {
    problem: `event-id ${shown(entry)} holds ${ids.length} different event ids in its path (${ids.join(', ')}): give the one meant, by itself`,
  };
}

const eventIds = z.string().transform((value, ctx) => {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0)
    return problem(
      ctx,
      'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them',
    );
  const found = entries.map(eventIdOf);
  for (const result of found) if ('problem' in result) problem(ctx, result.problem);
  if (found.some((result) => 'problem' in result)) return z.NEVER;
  return [...new Set(found.map((result) => (result as { id: string }).id))];
});

function apiKey(region: string) {
  const secret = /^[A-Za-z0-9_]{1,32}$/.test(region)
    ? `${region.toUpperCase()}_API`
    : '<REGION>_API';
  return z.string().transform((value, ctx) => {
    const key = value.trim();
    if (key === '')
      return problem(
        ctx,
        `api-key is empty: set it to the region's Vivenu API key (repository secret ${secret})`,
      );
    // Never echo a key, even a malformed one.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\s\u0000-\u001f\u007f]/.test(key))
      return problem(ctx, 'api-key contains spaces or control characters');
    return key;
  });
}

function httpUrl(input: string, example: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '') return undefined;
    // Checked before anything echoes the value, so a password in it is never shown.
    if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
      return problem(ctx, `${input} must not contain credentials`);
    // The URL parser would quietly drop a tab or new line inside: refuse instead of guessing.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
      return problem(ctx, `${input} ${shown(value)} contains control characters`);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return problem(ctx, `${input} ${shown(value)} is not a URL (for example ${example})`);
    }
    if (url.username || url.password) return problem(ctx, `${input} must not contain credentials`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return problem(ctx, `${input} ${shown(value)} must start with https:// or http://`);
    }
    return url;
  });
}

function choice<T extends string>(input: string, options: readonly T[], fallback: T) {
  return z.string().transform((value, ctx) => {
    const chosen = value.trim().toLowerCase() || fallback;
    if (!(options as readonly string[]).includes(chosen)) {
      return problem(ctx, `${input} ${shown(value)} is not one of ${options.join(', ')}`);
    }
    return chosen as T;
  });
}

/** YAML 1.2's booleans, as `core.getBooleanInput` reads them. */
function boolean(input: string, fallback: 'true' | 'false') {
  return z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    if (['true', 'True', 'TRUE'].includes(text)) return true;
    if (['false', 'False', 'FALSE'].includes(text)) return false;
    return problem(ctx, `${input} ${shown(value)} must be true or false`);
  });
}

function decimal(input: string, min: number, max: number, fallback: string, minExclusive = false) {
  return z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    const aboveMin = minExclusive ? number > min : number >= min;
    if (!(aboveMin && number <= max)) {
      const range = minExclusive ? `above ${min} and at most ${max}` : `from ${min} to ${max}`;
      return problem(ctx, `${input} ${shown(value)} must be a number ${range} (decimals allowed)`);
    }
    return number;
  });
}

const statuses = z.string().transform((value, ctx) => {
  const list = (value.trim() || INPUT_DEFAULTS.statuses)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((status) => status.toUpperCase());
  const unknown = list.filter((status) => !(TICKET_STATUSES as readonly string[]).includes(status));
  for (const status of unknown) {
    problem(
      ctx,
      `statuses ${shown(status)} is not a Vivenu ticket status (${TICKET_STATUSES.join(', ')})`,
    );
  }
  return unknown.length > 0 ? z.NEVER : [...new Set(list)];
});

const nameContains = z.string().transform((value, ctx) => {
  const text = value.trim() || INPUT_DEFAULTS['name-contains'];
  if (text.length > 100)
    return problem(ctx, `name-contains ${shown(value)} must be at most 100 characters`);
  return text;
});

function wholeNumber(input: string, min: number, max: number, fallback: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= min && number <= max)) {
      return problem(ctx, `${input} ${shown(value)} must be a whole number from ${min} to ${max}`);
    }
    return number;
  });
}

function fileInside(input: string, workspace: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '') return undefined;
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
      return problem(ctx, `${input} ${shown(value)} contains control characters`);
    const resolved = path.resolve(workspace, text);
    const relative = path.relative(workspace, resolved);
    const escapes =
      relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    if (relative === '' || escapes) {
      return problem(ctx, `${input} ${shown(value)} must be inside the workspace (${workspace})`);
    }
    return resolved;
  });
}

/**
 * Checks every input at once and reports every problem together, each naming the input and
 * the expected form, before anything touches the network. Path inputs are checked as written
 * first, then, when those are well-formed, against the disk (symbolic links resolved).
 */
export function parseSettings(raw: RawInputs, workspace: string): Settings {
  const schema = z.object({
    region,
    'event-id': eventIds,
    'api-key': apiKey((raw.region ?? '').trim()),
    mode: choice('mode', MODES, INPUT_DEFAULTS.mode),
    'vivenu-url': httpUrl('vivenu-url', 'https://vivenu.com'),
    'page-size': wholeNumber('page-size', 1, MAX_PAGE_SIZE, INPUT_DEFAULTS['page-size']),
    'pull-concurrency': wholeNumber('pull-concurrency', 1, 8, INPUT_DEFAULTS['pull-concurrency']),
    'tickets-dir': fileInside('tickets-dir', workspace),
    target: choice('target', TARGETS, INPUT_DEFAULTS.target),
    'webhook-url': httpUrl('webhook-url', WEBHOOK_TARGETS.test),
    // A secret pasted with a trailing new line would sign every body wrongly.
    'webhook-secret': z.string().transform((value) => value.trim()),
    interval: decimal('interval', 0, 60, INPUT_DEFAULTS.interval),
    statuses,
    'name-contains': nameContains,
    limit: wholeNumber('limit', 0, 10_000_000, INPUT_DEFAULTS.limit),
    'dry-run': boolean('dry-run', INPUT_DEFAULTS['dry-run']),
    resync: boolean('resync', INPUT_DEFAULTS.resync),
    'progress-file': fileInside('progress-file', workspace),
    'max-runtime-minutes': decimal(
      'max-runtime-minutes',
      0,
      100_000,
      INPUT_DEFAULTS['max-runtime-minutes'],
      true,
    ),
    'fail-on-ticket-errors': boolean(
      'fail-on-ticket-errors',
      INPUT_DEFAULTS['fail-on-ticket-errors'],
    ),
    'request-timeout': decimal('request-timeout', 0, 300, INPUT_DEFAULTS['request-timeout'], true),
    'commit-progress': boolean('commit-progress', INPUT_DEFAULTS['commit-progress']),
    'github-token': z.string().transform((value) => value.trim()),
    'commit-every-minutes': decimal(
      'commit-every-minutes',
      0,
      1_440,
      INPUT_DEFAULTS['commit-every-minutes'],
      true,
    ),
    'github-api-url': httpUrl('github-api-url', 'https://api.github.com'),
    'auto-continue': boolean('auto-continue', INPUT_DEFAULTS['auto-continue']),
    continuation: wholeNumber('continuation', 0, 1_000, INPUT_DEFAULTS.continuation),
    'max-continuations': wholeNumber(
      'max-continuations',
      0,
      1_000,
      INPUT_DEFAULTS['max-continuations'],
    ),
  });
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, raw[name] ?? '']),
  );
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(result.error.issues.map((issue) => issue.message));

  const values = result.data;
  const mode = values.mode;
  const target = values.target;
  const settings: Settings = {
    region: values.region,
    eventIds: values['event-id'],
    apiKey: values['api-key'],
    mode,
    vivenuOrigin: values['vivenu-url']?.origin ?? defaultVivenuOrigin(values.region),
    pageSize: values['page-size'],
    pullConcurrency: values['pull-concurrency'],
    ticketsDir: values['tickets-dir'] ?? path.resolve(workspace, INPUT_DEFAULTS['tickets-dir']),
    workspace,
    target,
    webhookUrl: values['webhook-url']?.href ?? WEBHOOK_TARGETS[mode === 'test' ? 'test' : target],
    webhookSecret: values['webhook-secret'],
    intervalSeconds: values.interval,
    statuses: values.statuses,
    nameContains: values['name-contains'],
    limit: values.limit,
    dryRun: values['dry-run'],
    resync: values.resync,
    progressFile:
      values['progress-file'] ?? path.resolve(workspace, defaultProgressFile(values.region)),
    maxRuntimeMinutes: values['max-runtime-minutes'],
    failOnTicketErrors: values['fail-on-ticket-errors'],
    requestTimeoutSeconds: values['request-timeout'],
    commitProgress: values['commit-progress'],
    githubToken: values['github-token'],
    commitEveryMinutes: values['commit-every-minutes'],
    githubApiUrl: values['github-api-url']?.href.replace(/\/+$/, '') ?? '',
    autoContinue: values['auto-continue'],
    continuation: values.continuation,
    maxContinuations: values['max-continuations'],
  };
  const onDisk = pathProblemsOnDisk(settings, raw);
  if (onDisk.length > 0) throw new InputError(onDisk);
  return settings;
}

/**
 * The path inputs checked against the disk, defaults included (a committed symlink named
 * `purchased_tickets` is as dangerous as one given as input): every folder the run writes into,
 * and the progress file, its journal and its lock, must resolve, symbolic links included, inside the
 * workspace and be of the right kind. The only reads parseSettings makes; no writes.
 */
function pathProblemsOnDisk(settings: Settings, raw: RawInputs): string[] {
  const named = (input: string, fallback: string): string => {
    const given = (raw[input] ?? '').trim();
    return given ? shown(given) : `${shown(fallback)} (the default)`;
  };
  const problems: string[] = [];
  const check = (input: string, shownValue: string, problem: string | undefined): void => {
    if (problem) problems.push(`${input} ${shownValue} ${problem}`);
  };
  const ticketsDir = named('tickets-dir', INPUT_DEFAULTS['tickets-dir']);
  const folderProblem = [
    settings.ticketsDir,
    // Each event's folders: a link planted at <tickets-dir>/<event>/individual leads elsewhere too.
    ...settings.eventIds.map((eventId) => path.join(settings.ticketsDir, eventId, 'individual')),
  ]
    .map((folder) => pathProblem(folder, 'folder', settings.workspace, 'purchased_tickets'))
    .find((problem) => problem !== undefined);
  check('tickets-dir', ticketsDir, folderProblem);
  // Only a sync reads or writes the progress file.
  if (settings.mode === 'sync') {
    const example = defaultProgressFile(settings.region);
    const progressFile = named('progress-file', example);
    const fileProblem = [
      settings.progressFile,
      journalPath(settings.progressFile),
      lockPath(settings.progressFile),
    ]
      .map((file) => pathProblem(file, 'file', settings.workspace, example))
      .find((problem) => problem !== undefined);
    check('progress-file', progressFile, fileProblem);
  }
  return problems;
}

/**
 * A run that writes the progress file (and so may commit it): a sync that is not a dry run.
 * Decided here only; test mode, pull-only and dry runs keep nothing.
 */
export function writesProgress(settings: Pick<Settings, 'mode' | 'dryRun'>): boolean {
  return settings.mode === 'sync' && !settings.dryRun;
}
