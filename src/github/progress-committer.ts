import { count } from '../format.js';
import type { Clock, Logger } from '../ports.js';
import type { ProgressPublisher, PublishReason } from '../progress/progress-publisher.js';
import type { ProgressStore } from '../progress/progress-store.js';
import { mergeProgress, Progress, ProgressFileError } from '../progress/progress.js';
import { statusOf, type GitHubRepository } from './github-repository.js';

/** Attempts per publish: conflicts are re-read and merged, GitHub's passing 5xx waited out. */
const MAX_ATTEMPTS = 5;

export interface ProgressCommitterOptions {
  /** The progress file's path inside the repository. */
  path: string;
  /** Shown in the log and the summary; the repository's owner/name and branch. */
  where: string;
  region: string;
  periodMs: number;
  clock: Clock;
  logger: Logger;
}

/**
 * Commits the progress file to the branch the run started from, one commit per publish:
 * `historical sync: PROD +120 sent (870) [skip ci]`. The first creates the file; later ones
 * update it with its current `sha`; on 409 or 422 the file is read again, this run's changes
 * are merged on top, and the write is tried again.
 */
export class ProgressCommitter implements ProgressPublisher {
  readonly periodMs: number;
  /** How many of this run's changes are in the repository already. */
  private committedChanges = 0;
  commits = 0;

  constructor(
    private readonly repository: GitHubRepository,
    private readonly options: ProgressCommitterOptions,
  ) {
    this.periodMs = options.periodMs;
  }

  async publish(store: ProgressStore, reason: PublishReason, signal?: AbortSignal): Promise<void> {
    // Between commits of one run, nothing new since the last commit means nothing to do.
    const changes = store.changesThisRun.length;
    if (this.commits > 0 && changes === this.committedChanges) return;
    const { logger, path, where, clock } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        const message = await this.commitOnce(store.progress, signal);
        this.committedChanges = changes;
        if (message) {
          this.commits++;
          logger.info(`Committed ${path} to ${where} (${reason}): ${message}`);
        }
        return;
      } catch (error) {
        const status = statusOf(error);
        const conflict = status === 409 || status === 422;
        // A 5xx or a dropped connection is GitHub's passing trouble; anything else is ours to report.
        const passing =
          (status === undefined || status >= 500) &&
          !signal?.aborted &&
          !(error instanceof ProgressFileError);
        if (attempt < MAX_ATTEMPTS && (conflict || passing)) {
          logger.info(
            conflict
              ? `${path} changed on ${where} meanwhile (${status}): reading it again and merging`
              : `committing ${path} failed (${describeFailure(error)}): trying again`,
          );
          if (passing) await clock.sleep(1_000 * attempt, signal);
          continue;
        }
        logger.warning(
          `Could not commit ${path} to ${where} (${describeFailure(error)}): ` +
            `it is kept in the workspace and the run goes on (${count(store.progress.ticketsSent)} delivered all-time here).`,
        );
        return;
      }
    }
  }

  /**
   * Reads the published file, applies everything this machine knows on top, and writes it
   * back once; undefined when the published file already holds all of it.
   */
  private async commitOnce(
    local: Progress,
    signal: AbortSignal | undefined,
  ): Promise<string | undefined> {
    const { path, region, where, clock } = this.options;
    const published = await this.repository.readFile(path, signal);
    const before = published && Progress.parse(published.text, `${where}:${path}`);
    const publishedTotal = before?.ticketsSent ?? 0;
    const publishedFingerprint = before?.fingerprint();
    const merged = mergeProgress(before, local);
    if (merged.fingerprint() === publishedFingerprint) return undefined;
    const message = `historical sync: ${region} +${merged.ticketsSent - publishedTotal} sent (${merged.ticketsSent}) [skip ci]`;
    const text = merged.serialize(region, new Date(clock.now()));
    const commit = await this.repository.writeFile(path, text, message, published?.sha, signal);
    return `${message} ${commit.slice(0, 7)}`;
  }
}

function describeFailure(error: unknown): string {
  const status = statusOf(error);
  if (status === 403 || status === 404) {
    return `${status}: the token may not write contents here; a protected branch needs a GitHub App token or a ruleset bypass, see the README`;
  }
  if (status === 401) return '401: the github-token was refused';
  if ((error as Error | undefined)?.name === 'TimeoutError') return 'timed out';
  return status ? `HTTP ${status}` : String((error as Error | undefined)?.message ?? error);
}
