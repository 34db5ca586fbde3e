/**
 * Every error this tool raises on purpose, in one place, so a reader finds what can go wrong
 * and what a person does about it. Each message says what was wrong and what to check; none
 * carries personal data or a credential. This module imports only log-text.ts (to put a path
 * into a message safely), which imports only format.ts: anything may import it without a cycle,
 * which is why settings, progress and the ticket files share namingInput from here.
 */
import { logText } from './log-text.js';

/**
 * One or more inputs are malformed. Raised before any network call, listing every problem at
 * once: the person fixes the inputs named and runs again.
 */
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

/**
 * The command line is malformed (a missing region or event id, an unknown flag). The CLI
 * prints the message, not a stack, and exits 1: the person fixes the command (see --help).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Vivenu answered in a way retrying cannot fix (bad key, bad query, unusable pages): the person
 * checks the API key, the region and the event id the message names.
 */
export class VivenuError extends Error {
  override name = 'VivenuError';
  constructor(
    message: string,
    /** Vivenu's refusal, when it was an answer (401: the key; 404: no such event). */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * A failure below HTTP in the pull's GET; `cause` is Node's own error (its `code`, e.g.
 * ECONNREFUSED). The retry loop decides whether to try again; when it gives up, the person
 * checks the network and `vivenu-url`.
 */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * An answer refused unread because of what it is, not how the network behaved: a content
 * coding not asked for, or a body over the size allowed. Retrying does not change either: the
 * person checks `vivenu-url` points at Vivenu.
 */
export class AnswerRefusedError extends NetworkError {
  override name = 'AnswerRefusedError';
}

/**
 * The progress file, its journal or its lock cannot be used as it is (not valid JSON, an
 * unexpected shape, a broken journal line, held by another run). Nothing is overwritten: the
 * person fixes or moves the file the message names, or waits for the other run.
 */
export class ProgressFileError extends Error {
  override name = 'ProgressFileError';
}

/**
 * A run that ended early on purpose (cancel) or on a condition a person must act on (an
 * untrusted pull, a refused test delivery, failed tickets, progress not committed). The
 * message says which and what to do; running again with the same inputs continues.
 */
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

/** What to do about a file-system error code, for a person. */
const ADVICE_BY_CODE: Record<string, string> = {
  EACCES: 'give the job permission to write there, or name another path',
  EPERM: 'give the job permission to write there, or name another path',
  EISDIR: 'it is a folder: name a file',
  ENOTDIR: 'a part of the path is a file: name a path whose parents are folders',
  ENOSPC: 'the disk is full: free space, or name a path on another disk',
  EDQUOT: 'the disk quota is used up: free space, or name a path on another disk',
  EROFS: 'the file system is read-only: name a path on a writable one',
  ELOOP: 'symbolic links there form a loop: remove them',
  ENAMETOOLONG: 'the path is too long: name a shorter one',
};

/**
 * A file-system error turned into one that names the input behind the path and what to do
 * (`EISDIR` alone tells a person nothing). Errors without a code pass through unchanged.
 */
export function namingInput(
  input: 'tickets-dir' | 'progress-file',
  doing: string,
  file: string,
  error: unknown,
): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(error instanceof Error)) return error;
  const advice = ADVICE_BY_CODE[code] ?? 'check the path and its permissions';
  return new PathInputError(`${input}: could not ${doing} ${logText(file)} (${code}): ${advice}.`, {
    cause: error,
  });
}
