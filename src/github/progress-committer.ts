import { ProgressFileError } from '../errors.js';
import {
  classifyNetworkFailure,
  describeNetworkError,
  retrying,
  type RetryableFailure,
  type RetryPolicy,
} from '../http/retry.js';
import type { Clock, Logger } from '../ports.js';
import type {
  ProgressPublisher,
  PublishFailure,
  PublishReason,
  PublishResult,
  ReadResult,
} from '../progress/progress-publisher.js';
import { mergeProgress, Progress } from '../progress/progress.js';
import { statusOf, type GitHubRepository } from './github-repository.js';

/**
 * A file changed by someone else between our read and our write is read again at once, this
 * often: the delays are never used, as nothing is waited for.
 */
const conflictRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 0,
  maxDelayMs: 0,
  maxRetryAfterMs: 0,
};
/** GitHub's own words are shown, one line and this long at most. */
const ANSWER_CHARACTERS = 200;

export interface ProgressCommitterOptions {
  /** The progress file's path inside the repository. */
  path: string;
  /** The repository's owner/name. */
  repository: string;
  branch: string;
  region: string;
  clock: Clock;
  logger: Logger;
}

/**
 * Commits the progress file to the branch the run started from, one commit per publish:
 * `historical sync: PROD +120 sent (870) [skip ci]`. The first creates the file; later ones
 * update it with its current `sha`; when the file changed meanwhile (409 naming the sha, or 422
 * for a file created meanwhile) it is read again, this run's changes are merged on top, and the
 * write is tried again. Every other answer is returned, classified, for the keeper to act on.
 */
export class ProgressCommitter implements ProgressPublisher {
  readonly where: string;
  /** Connections GitHub's address refused in a row, across publishes (the keeper retries them). */
  private refusedInARow = 0;

  constructor(
    private readonly repository: GitHubRepository,
    private readonly options: ProgressCommitterOptions,
  ) {
    this.where = `${options.repository}@${options.branch}`;
  }

  async publish(
    progress: Progress,
    reason: PublishReason,
    signal?: AbortSignal,
  ): Promise<PublishResult> {
    const { logger, path } = this.options;
    return retrying<PublishResult, RetryableFailure>(
      async () => {
        try {
          const made = await this.commitOnce(progress, reason, signal);
          this.refusedInARow = 0;
          if (made) logger.info(`Committed ${path} to ${this.where} (${reason}): ${made.message}`);
          return { kind: 'done', value: { landed: true, commit: made?.sha } };
        } catch (error) {
          const failure = classifyCommitFailure(error, this.options, this.refusedInARow);
          this.refusedInARow = isRefusal(error) ? this.refusedInARow + 1 : 0;
          if (failure !== 'conflict') return { kind: 'give-up', value: { landed: false, failure } };
          return { kind: 'retry', reason: String(statusOf(error)) };
        }
      },
      {
        // No wait: a conflict is someone else's commit landing, not GitHub's load.
        policy: conflictRetryPolicy,
        exhausted: (_, attempts) => ({
          landed: false,
          failure: {
            kind: 'unavailable',
            message: `${path} kept changing on ${this.where} (${attempts} tries)`,
          },
        }),
        onRetry: (conflict) =>
          logger.info(
            `${path} changed on ${this.where} meanwhile (${conflict.reason}): reading it again and merging`,
          ),
      },
    );
  }

  async read(signal?: AbortSignal): Promise<ReadResult> {
    const { path } = this.options;
    try {
      const published = await this.repository.readFile(path, signal);
      this.refusedInARow = 0;
      const progress = published && Progress.parse(published.text, `${this.where}:${path}`);
      return { read: true, progress };
    } catch (error) {
      const failure = classifyCommitFailure(error, this.options, this.refusedInARow);
      this.refusedInARow = isRefusal(error) ? this.refusedInARow + 1 : 0;
      // A GET meets no conflict; should GitHub answer 409 anyway, it is not worth waiting for.
      if (failure === 'conflict')
        return { read: false, failure: { kind: 'refused', message: `GitHub answered 409` } };
      return { read: false, failure };
    }
  }

  /**
   * Reads the published file, applies everything this machine knows on top, and writes it
   * back once; undefined when the published file already holds all of it (except at `start`,
   * which writes to prove it can).
   */
  private async commitOnce(
    local: Progress,
    reason: PublishReason,
    signal: AbortSignal | undefined,
  ): Promise<{ sha: string; message: string } | undefined> {
    const { path, region, clock } = this.options;
    const published = await this.repository.readFile(path, signal);
    const before = published && Progress.parse(published.text, `${this.where}:${path}`);
    const publishedTotal = before?.ticketsSent ?? 0;
    const publishedFingerprint = before?.fingerprint();
    const merged = mergeProgress(before, local);
    if (reason !== 'start' && merged.fingerprint() === publishedFingerprint) return undefined;
    const message =
      reason === 'start'
        ? `historical sync: ${region} starting (${merged.ticketsSent} sent so far) [skip ci]`
        : `historical sync: ${region} +${merged.ticketsSent - publishedTotal} sent (${merged.ticketsSent}) [skip ci]`;
    const text = merged.serialize(region, new Date(clock.now()));
    const sha = await this.repository.writeFile(path, text, message, published?.sha, signal);
    return { sha, message: `${message} ${sha.slice(0, 7)}` };
  }
}

/** GitHub's `message`, as one bounded line. */
function gitHubSaid(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | undefined)?.response?.data;
  const message = (data as { message?: unknown } | undefined)?.message;
  return typeof message === 'string'
    ? message.replace(/\s+/g, ' ').trim().slice(0, ANSWER_CHARACTERS)
    : '';
}

/**
 * What a failed commit means, from what GitHub answered, not from the status code alone: a 409
 * is either our `sha` gone stale (read again and merge) or a branch rule (no retry will help).
 * Sources for GitHub's answers: docs.github.com/en/rest/repos/contents#create-or-update-file-contents
 * (409 and 422 listed), docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * (403 `Resource not accessible by integration` for a token without the permission), the rate
 * limit page (403 or 429 that say "rate limit"), and the 409 messages quoted in
 * sandbox/github-sandbox.ts for protected branches and rulesets.
 */
export function classifyCommitFailure(
  error: unknown,
  target: { path: string; repository: string; branch: string },
  refusedBefore = 0,
): PublishFailure | 'conflict' {
  const status = statusOf(error);
  const said = gitHubSaid(error);
  const answer = `${status}${said ? ` ${said}` : ''}`;
  if (error instanceof ProgressFileError) return { kind: 'refused', message: error.message };
  if (status === undefined) {
    const url = requestUrl(error);
    const network = url ? classifyNetworkFailure(error, url, refusedBefore) : undefined;
    if (network?.lasting) {
      return {
        kind: 'refused',
        message: `github-api-url (${new URL(url!).origin}) cannot work: ${network.lasting}; no retry can fix this`,
      };
    }
    // Octokit keeps what fetch threw as the cause.
    const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
    const name = (cause as Error | undefined)?.name;
    const why =
      name === 'TimeoutError'
        ? 'GitHub did not answer within request-timeout'
        : cause === error || name !== 'TypeError'
          ? `no answer from GitHub: ${(cause as Error | undefined)?.message ?? String(cause)}`
          : `no answer from GitHub: ${describeNetworkError(cause)}`;
    return { kind: 'unavailable', message: why };
  }
  if (status === 401) {
    return {
      kind: 'token-refused',
      message: `GitHub refused the github-token (${answer}): it is wrong or has expired`,
    };
  }
  if ((status === 403 || status === 429) && /rate limit/i.test(said)) {
    return { kind: 'unavailable', message: `GitHub's rate limit (${answer})` };
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return {
      kind: 'missing-permission',
      message:
        `the token may not write to ${target.repository} (${answer}): grant \`contents: write\` ` +
        'to the job that runs the sync (its `permissions:` in .github/workflows/historical-sync.yml), or pass a github-token that has it',
    };
  }
  if (
    status === 409 &&
    /rule|protected|pull request|status check|could not update file/i.test(said)
  ) {
    return {
      kind: 'protected-branch',
      message:
        `${target.branch} takes changes only through pull requests (${answer}): give the action a token ` +
        'allowed to bypass the rule (a GitHub App: see "Protected branches", docs/runbook.md#protected-branches), or run from a branch without the rule',
    };
  }
  if (status === 409 || (status === 422 && /\bsha\b/i.test(said))) return 'conflict';
  if (status === 429 || status >= 500)
    return { kind: 'unavailable', message: `GitHub answered ${answer}` };
  if (status === 404) {
    return {
      kind: 'refused',
      message: `GitHub answered ${answer}: ${target.repository} or its branch ${target.branch} is not visible to this token`,
    };
  }
  return { kind: 'refused', message: `GitHub refused to commit ${target.path} (${answer})` };
}

/** The address Octokit asked, which its errors carry (`error.request.url`). */
function requestUrl(error: unknown): string | undefined {
  const url = (error as { request?: { url?: unknown } } | undefined)?.request?.url;
  return typeof url === 'string' && URL.canParse(url) ? url : undefined;
}

/** A connection refused below HTTP (no status), for the count of refusals in a row. */
function isRefusal(error: unknown): boolean {
  const url = requestUrl(error);
  return (
    statusOf(error) === undefined && url !== undefined && classifyNetworkFailure(error, url).refused
  );
}
