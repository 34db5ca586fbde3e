import { count } from '../format.js';
import { logText, urlForDisplay } from '../log-text.js';
import { duration, groupFailures, limitExceededText, runsText } from '../report/job-summary.js';
import {
  eventLabel,
  eventsInTitle,
  percentDelivered,
  progressBar,
  syncTotals,
  type RunReport,
} from '../run-report.js';

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The closing summary for a terminal: the job summary's tables, as text. */
export function renderTextSummary(report: RunReport): string {
  const parts: string[] = [];
  const names = eventsInTitle(report);
  if (names) parts.push(`Event${(report.events?.length ?? 0) > 1 ? 's' : ''}: ${logText(names)}`);
  const event = (eventId: string): string => logText(eventLabel(report, eventId));
  if (report.pulls.length > 0) {
    parts.push(
      textTable(
        ['Pulled event', 'Reported', 'Pulled', 'Complete', 'Files'],
        report.pulls.map(({ metadata: m, eventDir }) => [
          event(m.event_id),
          count(m.total_reported),
          count(m.total_pulled),
          m.complete ? 'yes' : 'NO',
          eventDir,
        ]),
      ),
    );
  }
  if (report.syncs.length > 0) {
    const totals = syncTotals(report);
    const rows = report.syncs.map((s) =>
      s.skippedAsProcessed
        ? [event(s.eventId), '-', '-', count(s.deliveredBefore), 'processed', '-', '-']
        : [
            event(s.eventId),
            count(s.found),
            count(s.eligible),
            count(s.deliveredBefore),
            count(s.sentNow),
            count(s.failed),
            count(s.remaining),
          ],
    );
    rows.push([
      'Total',
      '',
      count(totals.eligible),
      count(totals.skipped),
      count(totals.sent),
      count(totals.failed),
      count(totals.remaining),
    ]);
    const heading = report.dryRun ? 'Would deliver (dry run)' : 'Delivered event';
    parts.push(
      textTable([heading, 'Found', 'Eligible', 'Before', 'Sent now', 'Failed', 'Remaining'], rows),
    );
    for (const s of report.syncs)
      if (s.limitExceeded) parts.push(`Event ${s.eventId}: ${limitExceededText(s.limitExceeded)}.`);
  }
  const failures = groupFailures(report.failures);
  if (failures.length > 0) {
    parts.push(
      textTable(
        ['Receiver said', 'Status', 'Tickets'],
        failures
          .slice(0, 10)
          .map((g) => [
            g.reason.slice(0, 60) || '(no answer)',
            String(g.status ?? 'none'),
            count(g.ids.length),
          ]),
      ),
    );
  }
  parts.push(...standingText(report));
  if (report.testDelivery) {
    const t = report.testDelivery;
    parts.push(
      `Test delivery of ${logText(t.ticketId)} (${logText(t.ticketName)}) to ${urlForDisplay(t.url)}: ${report.dryRun ? 'not sent (dry run)' : `${t.status ?? 'no answer'} ${logText(t.answer)}`}`,
    );
  }
  if (report.mode === 'sync' && !report.dryRun) parts.push(`Progress: ${report.progressFile}`);
  return parts.join('\n\n');
}

/** Changed tickets listed in a terminal per event; the ledger has them all. */
const CHANGED_LINES_SHOWN = 50;

/** How far each event is across all runs, and what changed since delivery, as text. */
function standingText(report: RunReport): string[] {
  const standings = report.standings ?? [];
  if (standings.length === 0) return [];
  const parts = [
    textTable(
      [
        'How far (all runs)',
        'Delivered',
        'Eligible',
        'Done',
        'Progress',
        'Failed',
        'Time left',
        'Runs left',
      ],
      standings.map((s) => [
        logText(eventLabel(report, s.eventId)),
        count(s.delivered),
        count(s.eligible),
        percentDelivered(s),
        progressBar(s),
        count(s.failed),
        duration(s.timeLeftMs),
        runsText(s.followUpRuns),
      ]),
    ),
  ];
  for (const s of standings) {
    for (const f of s.failuresByReason.slice(0, 5)) {
      parts.push(
        `Event ${s.eventId}: ${count(f.tickets)} failed, last answer ${logText(f.reason.slice(0, 80))}`,
      );
    }
    if (s.changed === 0) continue;
    const lines = s.changedShown
      .slice(0, CHANGED_LINES_SHOWN)
      .map(
        (t) =>
          `  ${logText(t.id)}  ${logText(t.ticketName || '-')}  ${logText(t.status || '-')}  ${logText(t.change)}`,
      );
    const more = s.changed - lines.length;
    parts.push(
      [
        `Event ${s.eventId}: ${count(s.changed)} delivered earlier, not eligible now (not re-sent; correct the totals by these):`,
        ...lines,
        ...(more > 0 ? [`  and ${count(more)} more`] : []),
      ].join('\n'),
    );
  }
  const ledgers = standings.flatMap((s) => (s.ledgerFile ? [logText(s.ledgerFile)] : []));
  if (ledgers.length > 0) parts.push(`Delivery ledger: ${ledgers.join(', ')}`);
  return parts;
}
