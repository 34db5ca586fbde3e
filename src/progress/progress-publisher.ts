import type { ProgressStore } from './progress-store.js';

/** Why progress is being published now. */
export type PublishReason = 'periodic' | 'end' | 'time-budget' | 'cancel';

/**
 * Somewhere the progress file is kept beyond this machine (the repository, through the
 * Contents API), so the next run, on any runner, continues exactly. Never throws: a failed
 * publish warns, the local file is kept, and the run goes on.
 */
export interface ProgressPublisher {
  /** How often to publish while delivering. */
  readonly periodMs: number;
  publish(store: ProgressStore, reason: PublishReason, signal?: AbortSignal): Promise<void>;
}

/** Starts a follow-up run of the same workflow with the same inputs. */
export interface RunContinuation {
  /** The follow-up run's address when the server tells it. Throws when the dispatch failed. */
  dispatch(): Promise<string | undefined>;
}
