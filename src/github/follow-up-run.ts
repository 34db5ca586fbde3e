import type { Logger } from '../ports.js';

/**
 * A follow-up run: the same workflow dispatched again, with the same inputs, to go on where a
 * run stopped at its time budget. Kept free of Octokit, so the pipeline can hold one without
 * loading the GitHub client (start-up, bench/README.md).
 */
export interface FollowUpRun {
  /** This run may start a follow-up (auto-continue is on and the chain may grow). */
  readonly mayStart: boolean;
  /**
   * Starts the follow-up run when it is due and may start, or says why not; undefined when
   * auto-continue is off (there is nothing to say).
   */
  startIfDue(due: FollowUpDue, signal: AbortSignal): Promise<FollowUpReport | undefined>;
}

/** How the run ended, as far as a follow-up run is concerned. */
export interface FollowUpDue {
  /** The run stopped at its time budget with eligible tickets left. */
  stoppedWithTicketsLeft: boolean;
  /** Delivered this run. */
  sent: number;
  /** Why the final commit did not land, when it did not: a follow-up would send its tickets again. */
  commitFailure: string | undefined;
}

/** What the summary says about the follow-up run. */
export interface FollowUpReport {
  dispatched: boolean;
  url?: string;
  note: string;
}

/** auto-continue is off, or this is not a sync that commits: no follow-up run, nothing said. */
export const noFollowUp: FollowUpRun = {
  mayStart: false,
  startIfDue: () => Promise.resolve(undefined),
};

/** A follow-up run that `dispatch` starts (workflow_dispatch), after the checks a chain needs. */
export function followUpBy(
  dispatch: (signal: AbortSignal) => Promise<string | undefined>,
  logger: Logger,
): FollowUpRun {
  const notContinuing = (note: string): FollowUpReport => {
    logger.warning(`Not continuing: ${note}.`);
    return { dispatched: false, note };
  };
  return {
    mayStart: true,
    async startIfDue(due, signal) {
      if (!due.stoppedWithTicketsLeft) return undefined;
      // The follow-up run reads the committed file: without the final commit it would resend.
      if (due.commitFailure !== undefined) {
        return notContinuing(`the final commit did not land (${due.commitFailure})`);
      }
      if (due.sent === 0)
        return notContinuing('this run delivered nothing new, so the chain stops here');
      try {
        const url = await dispatch(signal);
        logger.info(`Started the follow-up run${url ? `: ${url}` : ''}`);
        // Dispatched while this run still holds the receiver's concurrency group: it waits there,
        // queued in order behind this run and any run to the same receiver clicked before it.
        return {
          dispatched: true,
          url,
          note: 'a follow-up run is queued behind this one and continues where it stopped',
        };
      } catch (error) {
        const note = `the follow-up run could not be started (${(error as Error).message})`;
        logger.warning(`Not continuing: ${note}. Run the workflow again to continue.`);
        return { dispatched: false, note };
      }
    },
  };
}
