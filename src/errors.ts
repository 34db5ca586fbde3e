import { count } from './format.js';

/**
 * Errors a person can act on. Each message says what was wrong and what to check; none
 * carries personal data or a credential.
 */

/** One or more inputs are malformed. Raised before any network call. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
  }
}

/** Vivenu answered in a way retrying cannot fix (bad key, bad query, unusable pages). */
export class VivenuError extends Error {
  override name = 'VivenuError';
}

/** A pull ended with fewer unique tickets than Vivenu reported, even after paging again. */
export class IncompletePullError extends Error {
  override name = 'IncompletePullError';
  constructor(
    readonly eventId: string,
    readonly pulled: number,
    readonly reported: number,
  ) {
    super(
      `event ${eventId}: pulled ${count(pulled)} unique tickets but Vivenu reported ` +
        `${count(reported)}, even after paging a second time. Tickets may be ` +
        `selling right now, or Vivenu's count is off; the files hold what was pulled. Run again.`,
    );
  }
}

/** A run that ended early on purpose (cancel) or on a condition a person must act on. */
export class RunStoppedError extends Error {
  override name = 'RunStoppedError';
}

/**
 * A file or folder that an input names (`tickets-dir`, `progress-file`) could not be read or
 * written. The message names the input, the path, the system's code and what to do.
 */
export class PathInputError extends Error {
  override name = 'PathInputError';
}
