import path from 'node:path';
import { InputError } from '../errors.js';
import {
  defaultVivenuOrigin,
  readsStaging,
  WEBHOOK_TARGETS,
  type Mode,
  type RawInputs,
  type Target,
} from './input-defaults.js';
import { defaultProgressFile, receiverAt, type Receiver } from './receiver.js';
import { shown } from './input-checks.js';
import { crossInputProblems, inputSchema, type CheckedInputs } from './input-schema.js';
import { INPUT_DEFAULTS } from './inputs.js';
import { lockPath } from '../progress/progress-lock.js';
import { journalPath } from '../progress/progress-store.js';
import { pathProblem } from './workspace-paths.js';

// What the inputs are (inputs.ts, the table) and how each is checked live beside this file; they are re-exported so
// the entry points and the tests keep one place to import settings from.
export {
  defaultVivenuOrigin,
  MODES,
  TARGETS,
  TICKET_STATUSES,
  WEBHOOK_TARGETS,
  type Mode,
  type RawInputs,
  type Target,
} from './input-defaults.js';
export {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  INPUT_SPECS,
  INPUTS,
  SECRET_INPUTS,
  type InputName,
  type InputSpec,
  type OnTerminal,
} from './inputs.js';
export { eventIdOf } from './input-checks.js';
export { defaultProgressFile, ledgerFileName, receiverAt, type Receiver } from './receiver.js';

/** Every input, typed and checked once. Nothing below the entry points reads raw inputs. */
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
  /** The receiver at `webhookUrl`: its progress file, and how it is named to people. */
  receiver: Receiver;
  /** The tickets come from Vivenu's staging host or a staging region (DEV, TEST). */
  stagingTickets: boolean;
  /** HMAC key; empty means deliveries go unsigned. */
  webhookSecret: string;
  /** Seconds between delivery starts. */
  intervalSeconds: number;
  statuses: string[];
  /** Matched case-insensitively against `ticketName`. */
  nameContains: string;
  /**
   * Only tickets created before this are eligible (`sold-before`, the moment the region's live
   * webhook went on): later ones reached the receiver through Vivenu's own `ticket.created`.
   */
  soldBefore: { ms: number; iso: string } | undefined;
  /**
   * Redeliver mode: the tickets to send again, by `_id` (lower case), or `failed` (every ticket
   * whose last delivery failed). Empty in any other mode.
   */
  ticketIds: string[] | 'failed';
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
  /**
   * How many runs came before this one in a self-continuing chain (the `continuation` input,
   * which the chain sets): 0 for a run a person started.
   */
  runsBeforeInChain: number;
  maxContinuations: number;
}

/**
 * Checks every input at once and reports every problem together, each naming the input and
 * the expected form, before anything touches the network. Path inputs are checked as written
 * first, then, when those are well-formed, against the disk (symbolic links resolved).
 */
export function parseSettings(raw: RawInputs, workspace: string): Settings {
  const settings = settingsFrom(checkedInputs(raw, workspace), workspace);
  const onDisk = pathProblemsOnDisk(settings, raw);
  if (onDisk.length > 0) throw new InputError(onDisk);
  return settings;
}

/** Every input checked as written; every problem found, together, in one InputError. */
function checkedInputs(raw: RawInputs, workspace: string): CheckedInputs {
  const schema = inputSchema(raw.region ?? '', workspace);
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, raw[name] ?? '']),
  );
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(result.error.issues.map((issue) => issue.message));
  const together = crossInputProblems(result.data);
  if (together.length > 0) throw new InputError(together);
  return result.data;
}

/** The checked inputs as the run uses them: the defaults that depend on others filled in. */
function settingsFrom(values: CheckedInputs, workspace: string): Settings {
  const mode = values.mode;
  const target = values.target;
  const vivenuOrigin = values['vivenu-url']?.origin ?? defaultVivenuOrigin(values.region);
  const webhookUrl =
    values['webhook-url']?.href ?? WEBHOOK_TARGETS[mode === 'test' ? 'test' : target];
  const receiver = receiverAt(webhookUrl);
  return {
    region: values.region,
    eventIds: values['event-id'],
    apiKey: values['api-key'],
    mode,
    vivenuOrigin,
    pageSize: values['page-size'],
    pullConcurrency: values['pull-concurrency'],
    ticketsDir: values['tickets-dir'] ?? path.resolve(workspace, INPUT_DEFAULTS['tickets-dir']),
    workspace,
    target,
    webhookUrl,
    receiver,
    stagingTickets: readsStaging(values.region, vivenuOrigin),
    webhookSecret: values['webhook-secret'],
    intervalSeconds: values.interval,
    statuses: values.statuses,
    nameContains: values['name-contains'],
    soldBefore: values['sold-before'],
    ticketIds: values['ticket-ids'],
    limit: values.limit,
    dryRun: values['dry-run'],
    resync: values.resync,
    progressFile:
      values['progress-file'] ??
      path.resolve(workspace, defaultProgressFile(values.region, receiver)),
    maxRuntimeMinutes: values['max-runtime-minutes'],
    failOnTicketErrors: values['fail-on-ticket-errors'],
    requestTimeoutSeconds: values['request-timeout'],
    commitProgress: values['commit-progress'],
    githubToken: values['github-token'],
    commitEveryMinutes: values['commit-every-minutes'],
    githubApiUrl: values['github-api-url']?.href.replace(/\/+$/, '') ?? '',
    autoContinue: values['auto-continue'],
    runsBeforeInChain: values.continuation,
    maxContinuations: values['max-continuations'],
  };
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
  // Only a sync and a redelivery read or write the progress file.
  if (recordsDeliveries(settings)) {
    const example = defaultProgressFile(settings.region, settings.receiver);
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
 * A sync whose progress is kept on the branch (commit-progress): it reads the branch's copy
 * before selecting, its dry run too, and commits unless it is a dry run.
 */
export function keepsProgressOnBranch(
  settings: Pick<Settings, 'mode' | 'commitProgress'>,
): boolean {
  return recordsDeliveries(settings) && settings.commitProgress;
}

/** The modes that keep a progress file: a sync, and a redelivery (which records apart). */
export function recordsDeliveries(settings: Pick<Settings, 'mode'>): boolean {
  return settings.mode === 'sync' || settings.mode === 'redeliver';
}
