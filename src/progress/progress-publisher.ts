import type { Progress } from './progress.js';

/**
 * Why progress is being published now. `start` proves, before the first delivery, that the
 * progress can be kept at all: it always writes.
 */
export type PublishReason = 'start' | 'periodic' | 'end' | 'time-budget' | 'cancel';

/**
 * Why the progress file could not be kept, told apart by what the other side answered:
 * - `token-refused`: the token itself was refused (GitHub 401);
 * - `missing-permission`: the token may not write contents (403 `Resource not accessible by
 *   integration`);
 * - `protected-branch`: the branch takes changes only through pull requests (409 naming a rule);
 * - `refused`: any other answer that trying again will not change (404, 422, a run that cannot
 *   commit at all, such as one started from a tag);
 * - `unavailable`: GitHub's passing trouble (5xx, rate limits, dropped connections, timeouts).
 */
export type PublishFailureKind =
  'token-refused' | 'missing-permission' | 'protected-branch' | 'refused' | 'unavailable';

export interface PublishFailure {
  kind: PublishFailureKind;
  /** For people: what was answered and what to do, one line, no credentials. */
  message: string;
}

export type PublishResult =
  | { landed: true; /** The commit, when one was made. */ commit?: string }
  | { landed: false; failure: PublishFailure };

/** The published copy, read: undefined when there is none yet. */
export type ReadResult =
  { read: true; progress: Progress | undefined } | { read: false; failure: PublishFailure };

/**
 * Somewhere the progress file is kept beyond this machine (the repository, through the
 * Contents API), so the next run, on any runner, continues exactly. One call is one attempt
 * (a concurrent change is merged inside it); waiting and trying again is the keeper's call.
 * Never throws.
 */
export interface ProgressPublisher {
  /** Where progress is kept, for people (owner/repo@branch); undefined when only on this machine. */
  readonly where: string | undefined;
  publish(progress: Progress, reason: PublishReason, signal?: AbortSignal): Promise<PublishResult>;
  /**
   * The published copy as it is now, which may be newer than this machine's: a re-run, or a
   * run that waited its turn, starts from the commit it was clicked at. One attempt; never throws.
   */
  read(signal?: AbortSignal): Promise<ReadResult>;
}

/** Progress kept on this machine only: dry runs, the terminal, a local try of the bundle. */
export const keepLocally: ProgressPublisher = {
  where: undefined,
  publish: () => Promise.resolve({ landed: true }),
  read: () => Promise.resolve({ read: true, progress: undefined }),
};

/** A run that must keep its progress beyond this machine but cannot: every publish says why. */
export function cannotPublish(
  where: string | undefined,
  failure: PublishFailure,
): ProgressPublisher {
  return {
    where,
    publish: () => Promise.resolve({ landed: false, failure }),
    read: () => Promise.resolve({ read: false, failure }),
  };
}
