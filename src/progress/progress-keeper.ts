import { RunStoppedError } from '../errors.js';
import { count } from '../format.js';
import { retrying, type RetryableFailure, type RetryPolicy } from '../http/retry.js';
import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import type { StopReason } from '../run-ending.js';
import {
  keepLocally,
  type ProgressPublisher,
  type PublishFailure,
  type PublishReason,
  type PublishResult,
  type ReadResult,
} from './progress-publisher.js';
import { ProgressStore } from './progress-store.js';
import { mergeProgress, type ProgressChange } from './progress.js';

/**
 * Waits between tries of a commit GitHub could not take: 2 s, doubling, at most a minute.
 * `maxAttempts` bounds the proving commit and the final one; a paused periodic commit is
 * bounded by time instead (MAX_PAUSE_MS, the time budget).
 */
export const commitRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 60_000,
};
/** Deliveries wait this long at most for GitHub to take the progress file; then the run stops. */
export const MAX_PAUSE_MS = 30 * 60_000;
/**
 * On cancel the runner sends SIGINT, SIGTERM 7.5 s later and kills the step 2.5 s after that
 * (actions/runner, src/Runner.Sdk/ProcessInvoker.cs: `_sigintTimeout` 7500 ms, `_sigtermTimeout`
 * 2500 ms): the last commit ends by the SIGTERM, leaving over a second for the outputs and the
 * summary.
 */
export const CANCEL_SAVE_BUDGET_MS = 7_500;

/** Failures that waiting will not mend: the run stops instead of pausing. */
const LASTING: ReadonlySet<PublishFailure['kind']> = new Set([
  'token-refused',
  'missing-permission',
  'protected-branch',
  'refused',
]);

export interface ProgressKeeperOptions {
  /** Where progress is kept beyond this machine (`keepLocally` when nowhere). */
  publisher: ProgressPublisher;
  /** How often to publish while delivering (`commit-every-minutes`). */
  periodMs: number;
  clock: Clock;
  logger: Logger;
  /** Aborts on cancel: no new pause begins, and the last commit must end within the cancel budget. */
  cancel?: AbortSignal;
  /** The run's time budget ends here (on the clock's monotonic reading): a pause ends with it. */
  deadlineMs: number;
  random?: () => number;
}

export interface KeeperStop {
  reason: StopReason;
  message: string;
}

/**
 * The one owner of a sync's progress: the local file (every change durable before the next
 * delivery) and its published copy. It proves the copy can be written before the first
 * delivery, publishes every period, pauses deliveries while GitHub cannot take a commit (so
 * the deliveries not yet published never exceed one period's, plus the one in flight), and
 * makes the final commit, within the cancel budget when cancelled.
 */
export class ProgressKeeper {
  /**
   * Where progress is committed and how many commits this run made, for the summary: the run's
   * report holds this very object, kept up to date here. Undefined when kept on this machine only.
   */
  readonly publishing: PublishingReport | undefined;
  /** Commits this run made. */
  get commits(): number {
    return this.publishing?.commits ?? 0;
  }
  /** Why the last publish failed, when the published copy is behind this machine's. */
  failure: PublishFailure | undefined;
  private proven = false;
  /** How many of this run's changes the published copy holds. */
  private publishedChanges = 0;
  private lastPublishedMs: number;
  /** Aborts CANCEL_SAVE_BUDGET_MS after a cancel: every publish ends by then. */
  private readonly saveBy = new AbortController();
  private readonly random: () => number;
  /** Where the copy to start from is read: the publisher, or (dry run) one that is only read. */
  private branch: ProgressPublisher;

  private constructor(
    private readonly store: ProgressStore,
    private readonly options: ProgressKeeperOptions,
  ) {
    const { where } = options.publisher;
    this.publishing = where === undefined ? undefined : { where, commits: 0 };
    this.lastPublishedMs = options.clock.monotonic();
    this.random = options.random ?? Math.random;
    this.branch = options.publisher;
    const { cancel } = options;
    const startBudget = (): void => {
      setTimeout(
        () => this.saveBy.abort(new Error('the run was cancelled and its time to save ran out')),
        CANCEL_SAVE_BUDGET_MS,
      ).unref();
    };
    if (cancel?.aborted) startBudget();
    else cancel?.addEventListener('abort', startBudget, { once: true });
  }

  /**
   * Locks and opens the local file: a file another run holds, or a damaged one, stops the run
   * here, before any request. A lock left by a run that has ended is taken over, and said so.
   */
  static async open(
    file: string,
    owner: { region: string; receiver: string },
    options: ProgressKeeperOptions,
  ) {
    const store = await ProgressStore.open(file, owner, () => options.clock.now());
    const ended = store.lockTakenOverFrom;
    if (ended) {
      options.logger.warning(
        `${logText(file)}: took over the lock of pid ${ended.pid} on ${logText(ended.host)}, which has ended (started ${logText(ended.startedAt)}) without releasing it; a killed run leaves its lock behind.`,
      );
    }
    return new ProgressKeeper(store, options);
  }

  /**
   * A dry run's keeper: reads the file without a lock (a dry run may run beside a sync), and
   * the published copy when there is one (`publisher` is only read), records nothing and
   * publishes nowhere. A damaged file still stops the run before any request.
   */
  static async readOnly(file: string, receiver: string, options: ProgressKeeperOptions) {
    const store = await ProgressStore.readOnly(file, receiver);
    const keeper = new ProgressKeeper(store, { ...options, publisher: keepLocally });
    keeper.branch = options.publisher;
    return keeper;
  }

  get progress() {
    return this.store.progress;
  }

  /** owner/repo@branch, or undefined when progress is kept on this machine only. */
  get where(): string | undefined {
    return this.options.publisher.where;
  }

  record(change: ProgressChange): Promise<void> {
    return this.store.record(change);
  }

  /**
   * Before anything is selected: the published copy (the branch's file) merged into this
   * machine's, so the run selects from everything delivered so far. The checkout can be older
   * than the branch: "Re-run jobs" runs at the run's original commit, and a run that waited its
   * turn in the concurrency queue starts from the commit it was clicked at (both send again
   * what later commits record). When the copy cannot be read, a sync stops before any
   * delivery; a dry run plans from this machine's file and says so.
   */
  async catchUpWithBranch(dryRun: boolean): Promise<void> {
    const where = this.branch.where;
    if (!where) return;
    const result = await this.readTrying();
    if (!result.read) {
      const why = `the progress file on ${where} cannot be read (${result.failure.message})`;
      if (!dryRun)
        throw new RunStoppedError(
          `Nothing was delivered: ${why}, so this run cannot know what earlier runs delivered.`,
        );
      this.options.logger.warning(
        `${why}: the plan comes from the checked-out file, which may be older than the branch.`,
      );
      return;
    }
    if (!result.progress) return;
    const before = this.store.progress.ticketsSent;
    const merged = mergeProgress(result.progress, this.store.progress);
    await this.store.adopt(merged);
    this.options.logger.info(
      `Read the progress file on ${where}: ${count(merged.ticketsSent)} delivered all-time (the checked-out copy had ${count(before)}).`,
    );
  }

  /** Changes this run made (deliveries, errors, redeliveries) the published copy does not hold yet. */
  get unpublishedChanges(): number {
    return this.store.changesThisRun.length - this.publishedChanges;
  }

  /** Deliveries this run made that the published copy does not hold yet. */
  get unpublishedDeliveries(): number {
    return this.store.changesThisRun
      .slice(this.publishedChanges)
      .filter((change) => change.t === 'sent').length;
  }

  /**
   * Before the first delivery: one commit proves the progress can be kept where the next run
   * will look for it. Throws, naming the cause, when it cannot: then nothing is delivered.
   */
  async proveWritable(): Promise<void> {
    if (this.proven || !this.where) return;
    const result = await this.publishTrying('start');
    if (!result.landed) {
      throw new RunStoppedError(
        `Nothing was delivered: the progress file cannot be committed to ${this.where}, so a later run could not know what this one sent: ${result.failure.message}.`,
      );
    }
    this.proven = true;
  }

  /**
   * After each recorded answer: publishes when a period has passed since the last publish.
   * While GitHub cannot take it, no delivery starts: it is tried again with backoff until it
   * lands, the failure proves lasting, the run is cancelled, its time budget ends, or
   * MAX_PAUSE_MS has passed.
   */
  async afterDelivery(): Promise<KeeperStop | undefined> {
    const { clock, periodMs, logger, cancel } = this.options;
    if (!this.where || clock.monotonic() - this.lastPublishedMs < periodMs) return undefined;
    await this.store.save();
    const pausedAt = clock.monotonic();
    const pending = () => `${count(this.unpublishedDeliveries)} deliveries not committed yet`;
    const stop = (value: KeeperStop) => ({ kind: 'give-up', value }) as const;
    return retrying<KeeperStop | undefined, RetryableFailure>(
      async (attempt) => {
        const result = await this.publish('periodic');
        if (result.landed) {
          if (attempt > 1) logger.info('GitHub took the progress file: deliveries go on.');
          return { kind: 'done', value: undefined };
        }
        const { failure } = result;
        if (LASTING.has(failure.kind)) {
          return stop({
            reason: 'progress-not-committed',
            message: `Stopped delivering: the progress file can no longer be committed to ${this.where} (${failure.message}); ${pending()}.`,
          });
        }
        if (cancel?.aborted) return stop({ reason: 'cancelled', message: 'cancelled' });
        return { kind: 'retry', reason: failure.message };
      },
      {
        policy: commitRetryPolicy,
        random: this.random,
        // A pause is bounded by time, not by attempts: the run's budget and MAX_PAUSE_MS.
        until: (failed, _attempt, waitMs) => {
          if (clock.monotonic() + waitMs >= this.options.deadlineMs) {
            return stop({ reason: 'time-budget', message: 'time budget reached' });
          }
          if (clock.monotonic() + waitMs - pausedAt > MAX_PAUSE_MS) {
            return stop({
              reason: 'progress-not-committed',
              message: `Stopped delivering: GitHub has not taken the progress file for ${Math.round((clock.monotonic() - pausedAt) / 60_000)} minutes (${failed.reason}); ${pending()}.`,
            });
          }
          return undefined;
        },
        onRetry: (failed, attempt, waitMs) => {
          const line = `Deliveries paused: committing the progress file failed (${failed.reason}); ${pending()}; trying again in ${(waitMs / 1000).toFixed(0)} s.`;
          // The first says so where people look (annotations); the rest only in the log.
          if (attempt === 1) logger.warning(line);
          else logger.info(line);
        },
        wait: (waitMs) => clock.sleep(waitMs, cancel),
      },
    );
  }

  /**
   * Folds the local file, then makes the final commit when the published copy is behind; its
   * message says why the run ended (`stop`). Afterwards `failure` tells whether the published
   * copy holds everything, and `publishing` says so to the summary.
   */
  async finish(stop: StopReason | undefined): Promise<void> {
    await this.store.close();
    if (this.where && this.store.changesThisRun.length > this.publishedChanges) {
      const reason: PublishReason =
        stop === 'cancelled' ? 'cancel' : stop === 'time-budget' ? 'time-budget' : 'end';
      const result = await this.publishTrying(reason);
      if (!result.landed) {
        this.options.logger.warning(
          `Could not commit the progress file to ${this.where} (${result.failure.message}).`,
        );
      }
    }
    if (this.publishing) this.publishing.behind = this.failure?.message;
  }

  /** A read of the published copy, tried again a few times while GitHub has passing trouble. */
  private readTrying(): Promise<ReadResult> {
    // Nothing of this run to save yet: a cancel ends the read at once.
    const { cancel } = this.options;
    return this.tryingWhileGitHubRecovers(
      () => this.branch.read(cancel),
      (result) => (result.read ? undefined : result.failure),
      { doing: 'Reading the progress file on the branch', stop: cancel },
    );
  }

  /** A publish, tried again a few times while GitHub has passing trouble. */
  private publishTrying(reason: PublishReason): Promise<PublishResult> {
    return this.tryingWhileGitHubRecovers(
      () => this.publish(reason),
      (result) => (result.landed ? undefined : result.failure),
      { doing: 'Committing the progress file', stop: this.saveBy.signal },
    );
  }

  /**
   * `attempt`, tried again (commitRetryPolicy) while it fails in a way waiting may mend, until
   * `stop` aborts; the last result either way.
   */
  private tryingWhileGitHubRecovers<R>(
    attempt: () => Promise<R>,
    failureOf: (result: R) => PublishFailure | undefined,
    { doing, stop }: { doing: string; stop: AbortSignal | undefined },
  ): Promise<R> {
    return retrying<R, RetryableFailure & { result: R }>(
      async () => {
        const result = await attempt();
        const failure = failureOf(result);
        if (!failure) return { kind: 'done', value: result };
        if (LASTING.has(failure.kind) || stop?.aborted) return { kind: 'give-up', value: result };
        return { kind: 'retry', reason: failure.message, result };
      },
      {
        policy: commitRetryPolicy,
        random: this.random,
        exhausted: (last) => last.result,
        onRetry: (failed, _attempt, waitMs) =>
          this.options.logger.info(
            `${doing} failed (${failed.reason}): trying again in ${(waitMs / 1000).toFixed(0)} s.`,
          ),
        wait: (waitMs) => this.options.clock.sleep(waitMs, stop),
      },
    );
  }

  private async publish(reason: PublishReason): Promise<PublishResult> {
    const changes = this.store.changesThisRun.length;
    const result = await this.options.publisher.publish(
      this.store.progress,
      reason,
      this.saveBy.signal,
    );
    if (result.landed) {
      this.publishedChanges = changes;
      this.lastPublishedMs = this.options.clock.monotonic();
      this.failure = undefined;
      if (result.commit && this.publishing) this.publishing.commits++;
    } else {
      this.failure = result.failure;
    }
    return result;
  }
}

/** Where progress is committed (owner/repo@branch), how many commits this run made, and why the committed copy is behind this run's, when it is. */
export interface PublishingReport {
  where: string;
  commits: number;
  behind?: string;
}
