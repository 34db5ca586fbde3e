import { count } from '../format.js';

/** "1 h 12 min", "3 min 20 s", "12 s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1 run", "3 runs": the follow-up runs the time left takes at the time budget. */
export function runsText(runs: number): string {
  return `${count(runs)} ${runs === 1 ? 'run' : 'runs'}`;
}

/** The summary's words for a first team sent whole over `limit`; the limit is what it was exceeded from. */
export function limitExceededText({ teamSize, by }: { teamSize: number; by: number }): string {
  return `\`limit\` (${count(teamSize - by)}) was exceeded by ${count(by)} to keep a team of ${count(teamSize)} together`;
}
