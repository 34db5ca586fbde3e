import { count } from '../format.js';
import { eventLabel, type RunReport } from '../run-report.js';
import type { Span } from './summary-model.js';

/** "1 h 12 min", "3 min 20 s", "12 s"; a zero part left out ("2 h", "1 min"). */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/**
 * A count with its noun, singular only for exactly one: "1 ticket", "2 tickets", "0 tickets",
 * "1,200 runs". The plural is the noun with an "s" unless told ("1 entry", "3 entries").
 */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : plural}`;
}

/** The receiver in words, as the title, the verdict and the tables name it. */
export function receiverInWords(report: Pick<RunReport, 'receiver' | 'webhookUrl'>): string {
  if (report.receiver === 'production') return 'the PRODUCTION receiver';
  if (report.receiver === 'test') return 'the test receiver';
  return `the receiver at ${report.webhookUrl}`;
}

/**
 * Staging tickets bound for the production receiver, said first wherever a run is summed up
 * (the earlier tool sent DEV tickets there, so it stays allowed, but never unremarked);
 * undefined for any other run.
 */
export function stagingToProduction(
  report: Pick<RunReport, 'stagingTickets' | 'receiver' | 'region' | 'mode'>,
): string | undefined {
  if (!report.stagingTickets || report.receiver !== 'production' || report.mode === 'pull-only')
    return undefined;
  return `Staging tickets (${report.region}) to the PRODUCTION receiver`;
}

/**
 * The tickets left out by `sold-before`, counted apart: "Sold after the live webhook went on
 * (sold-before 29 Jul 2025 00:00 UTC): 212 charity tickets, not sent." Undefined without a
 * cutoff.
 */
export function soldAfterCutoffText(
  report: Pick<RunReport, 'soldBefore'>,
  tickets: number,
): string | undefined {
  if (report.soldBefore === undefined) return undefined;
  return `Sold after the live webhook went on (sold-before ${humanDate(report.soldBefore)}): ${counted(tickets, 'charity ticket')}, not sent.`;
}

/**
 * A run without webhook-secret, said before its deliveries (the log) and after (the summary):
 * a receiver that checks signatures refuses every one.
 */
export function unsignedWarning(when: 'before' | 'after'): string {
  return when === 'before'
    ? 'webhook-secret is empty: deliveries go unsigned, and a receiver that verifies x-vivenu-signature will answer 401.'
    : 'webhook-secret is empty: deliveries went unsigned, and a receiver that verifies x-vivenu-signature answers 401.';
}

/** "1 run", "3 runs": the follow-up runs the time left takes at the time budget. */
export function runsText(runs: number): string {
  return counted(runs, 'run');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A moment as people read it, in UTC so every runner and reader sees the same: "6 Jan 2025
 * 09:00 UTC". Built by hand rather than with Intl, whose output differs between Node's ICU
 * builds. Text that is not a date comes back as it is (it is an outside value: escape it for
 * where it goes); null is "-".
 */
export function humanDate(moment: string | number | null): string {
  if (moment === null) return '-';
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}

/** The summary's words for a first team sent whole over `limit`; the limit is what it was exceeded from. */
export function limitExceededText({ teamSize, by }: { teamSize: number; by: number }): string {
  return `\`limit\` (${count(teamSize - by)}) was exceeded by ${count(by)} to keep a team of ${count(teamSize)} together`;
}

/**
 * An event as the summary names it, in a table cell or running text: its name and dates when
 * known, and its id (the name is Vivenu's, shown literally).
 */
export function eventCell(report: Pick<RunReport, 'events'>, eventId: string): { literal: string } {
  return { literal: eventLabel(report, eventId) };
}

/** "Created from 6 Jan 2025 09:00 UTC to 28 Feb 2025 18:30 UTC." */
export function createdRange(first: string | null, last: string | null): Span[] {
  return ['Created from ', { value: humanDate(first) }, ' to ', { value: humanDate(last) }, '.'];
}
