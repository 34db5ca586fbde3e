import { commandSafeText } from '../log-text.js';
import type { Logger } from '../ports.js';

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** "18m", "1h 05m", "40s". */
export function shortDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** `[120/750] 16% · 1.8 s pace · ETA 18m` from how long the deliveries so far took. */
export function progressLine(
  done: number,
  total: number,
  elapsedMs: number,
  intervalSeconds: number,
): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const paceSeconds = done > 1 ? elapsedMs / 1000 / (done - 1) : intervalSeconds;
  const eta = (total - done) * Math.max(paceSeconds, intervalSeconds) * 1000;
  return `[${done}/${total}] ${percent}% · ${paceSeconds.toFixed(1)} s pace · ETA ${shortDuration(eta)}`;
}

/**
 * For a person at a terminal: plain lines, and while delivering one live progress line that
 * rewrites itself. When the output is not a terminal (a pipe, a file, CI), every delivery
 * is a plain line instead.
 */
export function terminalLogger(
  output: Output,
  intervalSeconds: number,
  // Pace is a duration: measured on the monotonic clock, which a wall-clock step does not move.
  now: () => number = () => performance.now(),
): Logger {
  let live = false;
  let firstAt = 0;
  // Command-safe: `historical-sync` may run as a workflow step, whose output the runner reads.
  const line = (text: string): void => {
    if (live) output.write('\r\x1b[2K');
    live = false;
    output.write(`${commandSafeText(text)}\n`);
  };
  const logger: Logger = {
    info: line,
    warning: (message) => line(`warning: ${message}`),
    error: (message) => line(`error: ${message}`),
    group: async (title, fn) => {
      line(`== ${title}`);
      const result = await fn();
      if (live) line('');
      return result;
    },
  };
  if (output.isTTY) {
    logger.progress = ({ done, total }) => {
      if (done === 1) firstAt = now();
      output.write(`\r\x1b[2K${progressLine(done, total, now() - firstAt, intervalSeconds)}`);
      live = true;
    };
  }
  return logger;
}
