import { count } from './format.js';

/** Why a sync stopped before every eligible ticket was delivered. */
export type StopReason =
  | 'cancelled'
  | 'time-budget'
  | 'receiver-down'
  | 'signature-rejected'
  /** webhook-url answers with a redirect, or cannot be reached in a way no retry fixes. */
  | 'webhook-url-unusable'
  | 'untrusted-pull'
  /** GitHub stopped taking the progress file: delivering more would risk sending twice. */
  | 'progress-not-committed';

/** What the words of a stop are made from. */
export interface StopFacts {
  /** The stop's own message (what the stage that stopped said). */
  message: string;
  sent: number;
  remaining: number;
  /** "progress saved in <file> (N delivered all-time)". */
  saved: string;
  /** A dry run saves nothing: a stop that repeats its own message leaves `saved` out. */
  dryRun: boolean;
  maxRuntimeMinutes: number;
}

/** How one kind of stop ends a run. */
export interface StopRule {
  /** The step fails (exit code 1); otherwise it ends with a warning. */
  fails: boolean;
  /**
   * The same inputs, run again, go on delivering. A rejected signature is not one (the same
   * secret is rejected again), nor a webhook-url that redirects or cannot be reached.
   */
  resumedByRunningAgain: boolean;
  /** A self-continuing chain starts its follow-up run (when tickets are left and progress is committed). */
  startsFollowUp: boolean;
  /** The step's error, or its warning. */
  says(facts: StopFacts): string;
}

const stoppedAsSaid = ({ message, saved, dryRun }: StopFacts): string =>
  `${message} ${dryRun ? '' : saved}`.trim();

/**
 * How each stop ends a run, decided once: the step's result and words, the "to continue" hint
 * and the follow-up run all read this table, and a new StopReason fails to compile until it
 * has its row. The verdict names each the same (report/verdict.ts, an Outcome per reason).
 */
export const STOP_RULES: Record<StopReason, StopRule> = {
  cancelled: {
    fails: true,
    resumedByRunningAgain: true,
    startsFollowUp: false,
    says: (f) =>
      `Cancelled: ${count(f.sent)} delivered this run, ${count(f.remaining)} remaining; ${f.saved}. Run again with the same inputs to continue where this run stopped.`,
  },
  'time-budget': {
    fails: false,
    resumedByRunningAgain: true,
    startsFollowUp: true,
    says: (f) =>
      `Time budget of ${f.maxRuntimeMinutes} minutes reached: ${count(f.sent)} delivered this run, ${count(f.remaining)} remaining; ${f.saved}. Run again (same inputs) to continue.`,
  },
  'receiver-down': {
    fails: true,
    resumedByRunningAgain: true,
    startsFollowUp: false,
    says: stoppedAsSaid,
  },
  'signature-rejected': {
    fails: true,
    resumedByRunningAgain: false,
    startsFollowUp: false,
    says: stoppedAsSaid,
  },
  'webhook-url-unusable': {
    fails: true,
    resumedByRunningAgain: false,
    startsFollowUp: false,
    says: stoppedAsSaid,
  },
  'untrusted-pull': {
    fails: true,
    resumedByRunningAgain: true,
    startsFollowUp: false,
    says: stoppedAsSaid,
  },
  'progress-not-committed': {
    fails: true,
    resumedByRunningAgain: true,
    startsFollowUp: false,
    says: stoppedAsSaid,
  },
};
