/**
 * Concurrency groups, held as GitHub holds them (rule (e) of the emulation). From the docs
 * (docs.github.com/en/actions/how-tos/write-workflows/choose-when-workflows-run/control-workflow-concurrency,
 * as updated for github.blog/changelog/2026-05-07-github-actions-concurrency-groups-now-allow-larger-queues):
 * - "there can be at most one running job or workflow in a concurrency group at any time";
 *   a run that enters a busy group is `pending`.
 * - `queue: single` (the default): "At most one job or workflow run can be pending in the
 *   concurrency group. When a new job or workflow run is queued, any existing pending job or
 *   workflow run in the same group is canceled and replaced." Users see the replaced run
 *   cancelled with zero jobs, silently: JarryShaw/PyPCAPKit#394 ("cancelled one second after
 *   the next push's run was created"; "`cancel-in-progress: false` only protects a run that
 *   has already started"), ma-r-s/crossplay#121, elizaOS/eliza#11165.
 * - `queue: max`: "Up to 100 jobs or workflow runs can be pending in the concurrency group.
 *   When the queue is full, any additional jobs or workflow runs are canceled." They are
 *   "processed in first-in-first-out (FIFO) order according to the time each one started
 *   waiting on the concurrency group".
 * - "The combination of `queue: max` and `cancel-in-progress: true` is not allowed and will
 *   result in a workflow validation error."
 * - `cancel-in-progress: true` cancels the run in progress in the group.
 * - "The concurrency group name is case insensitive", and groups are shared by every workflow
 *   of the repository ("concurrency group names must be unique across workflows").
 */
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import { asInputString, evaluateToken, truthy, type Contexts } from './github-expressions.js';
import { StartupFailure } from './token-permissions.js';
import { child } from './workflow-files.js';

/** Most runs that wait in one group with `queue: max`. */
export const MAX_QUEUE = 100;

export interface ConcurrencySetting {
  group: string;
  cancelInProgress: boolean;
  queue: 'single' | 'max';
}

/**
 * The workflow's `concurrency:` evaluated for one run (its expressions may use github, inputs
 * and vars: workflow-v1.0.json's `workflow-concurrency`); undefined without one. A job-level
 * `concurrency:` is not emulated (these workflows have none) and fails loudly.
 */
export function readConcurrency(
  root: MappingToken,
  contexts: Contexts,
): ConcurrencySetting | undefined {
  for (const pair of (child(root, 'jobs') as MappingToken | undefined) ?? [])
    if (child(pair.value, 'concurrency')) throw new Error('job-level concurrency is not emulated');
  const token = child(root, 'concurrency');
  if (!token) return undefined;
  const groupToken = child(token, 'group') ?? token;
  const group = asInputString(evaluateToken(groupToken, contexts), 'concurrency.group');
  const cancelToken = child(token, 'cancel-in-progress');
  const cancelInProgress = cancelToken ? truthy(evaluateToken(cancelToken, contexts)) : false;
  const queueToken = child(token, 'queue');
  const queue = queueToken ? asInputString(evaluateToken(queueToken, contexts), 'queue') : 'single';
  if (queue !== 'single' && queue !== 'max')
    throw new StartupFailure(`Invalid workflow file: concurrency queue '${queue}'`);
  // The docs name this a validation error without quoting GitHub's words: the message is ours.
  if (queue === 'max' && cancelInProgress)
    throw new StartupFailure(
      'Invalid workflow file: concurrency `queue: max` cannot be combined with `cancel-in-progress: true`',
    );
  return { group, cancelInProgress, queue };
}

/** A run as its group sees it. */
export interface GroupMember {
  /** The group lets it start. */
  start(): void;
  /** Cancelled while waiting (replaced, or the queue was full): it never starts. */
  cancelWaiting(reason: string): void;
  /** `cancel-in-progress` of a newer run: stop it as a cancel does. */
  cancelRunning(reason: string): void;
}

interface Group {
  name: string;
  running?: GroupMember;
  pending: GroupMember[];
}

/**
 * Every concurrency group of one repository. `mode` is the rule in force: `github`, or a naive
 * one of emulation-rules.ts (`single-pending` ignores `queue`; `none` ignores concurrency).
 */
export class ConcurrencyGroups {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly mode: 'github' | 'single-pending' | 'none' = 'github') {}

  /** A run enters its group (none: it starts at once). */
  enter(member: GroupMember, setting: ConcurrencySetting | undefined): void {
    if (!setting || this.mode === 'none') return member.start();
    const key = setting.group.toLowerCase();
    const group = this.groups.get(key) ?? { name: setting.group, pending: [] };
    this.groups.set(key, group);
    if (setting.cancelInProgress && group.running)
      group.running.cancelRunning(`a newer run entered ${group.name} (cancel-in-progress)`);
    if (!group.running && group.pending.length === 0) {
      group.running = member;
      return member.start();
    }
    const queue = this.mode === 'single-pending' ? 'single' : setting.queue;
    if (queue === 'max') {
      if (group.pending.length >= MAX_QUEUE)
        return member.cancelWaiting(`the queue of ${group.name} is full (${MAX_QUEUE} waiting)`);
      group.pending.push(member);
      return;
    }
    for (const replaced of group.pending.splice(0))
      replaced.cancelWaiting(`a newer run is waiting in ${group.name}`);
    group.pending.push(member);
  }

  /** A run left its group (finished, or cancelled while waiting): the next one starts. */
  leave(member: GroupMember): void {
    for (const group of this.groups.values()) {
      group.pending = group.pending.filter((waiting) => waiting !== member);
      if (group.running !== member) continue;
      group.running = group.pending.shift();
      group.running?.start();
    }
  }

  /** The runs in `name` now: the one running and those waiting, in order. */
  members(name: string): { running?: GroupMember; pending: GroupMember[] } {
    const group = this.groups.get(name.toLowerCase());
    return { running: group?.running, pending: [...(group?.pending ?? [])] };
  }
}
