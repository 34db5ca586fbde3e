import { commandSafeText } from './log-text.js';

/**
 * The small interfaces the pipeline needs from the outside world. The entry points (action,
 * command, demo) pass real ones in; tests pass fakes or loopback-backed real ones.
 */

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible log group (a plain heading where groups do not exist). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /**
   * A delivery went through. An entry point that can show live progress (a terminal) implements
   * this; without it, `line` is logged like any other.
   */
  progress?(update: { done: number; total: number; line: string }): void;
}

export interface Clock {
  /**
   * Milliseconds since the epoch: the wall clock, for times written down (files, summaries).
   * It can step back or forward under the run (an NTP correction on a runner): never measure
   * a wait or a budget with it.
   */
  now(): number;
  /**
   * Milliseconds from an arbitrary origin that only ever grows at the rate time passes, whatever
   * the wall clock does: pacing, timeouts and the time budget are measured on it (issue 23,
   * row 5: a 120 s step back stalled deliveries 120 s and stretched the budget by the step).
   */
  monotonic(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // CLOCK_MONOTONIC, which a step of the system time does not move (clock_gettime(2));
  // timers run on the same clock (libuv's uv_now), so a sleep and this reading agree.
  monotonic: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
};

/**
 * A logger that prints plain lines; groups become headings. Used by the CLI and demo. Lines are
 * command-safe: the CLI may run as a workflow step, whose output the runner reads for commands.
 */
export function consoleLogger(print: (line: string) => void = (line) => console.log(line)): Logger {
  const write = (line: string): void => print(commandSafeText(line));
  return {
    info: (message) => write(message),
    warning: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    group: async (title, fn) => {
      write(`== ${title}`);
      return fn();
    },
  };
}
