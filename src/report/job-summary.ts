import { count } from '../format.js';
import { urlForDisplay } from '../log-text.js';
import { sortedCounts } from '../ticket-files/event-metadata.js';
import type {
  DryRunPlan,
  EventSyncReport,
  FailedDelivery,
  RunReport,
  TestDelivery,
} from '../run-report.js';
import {
  eventLabel,
  eventsInTitle,
  percentDelivered,
  progressBar,
  syncTotals,
  ticketsFound,
} from '../run-report.js';

const FAILURE_REASONS_SHOWN = 20;
const EXAMPLE_IDS = 3;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text made safe for a Markdown table cell: ticket names like "HYROX MEN | CHARITY HIA" contain pipes. */
export function tableCell(text: string): string {
  return escapeHtml(text)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * An outside value in running Markdown: HTML escaped, and the characters that would make it a
 * link, emphasis, code or heading shown as themselves.
 */
export function markdownText(text: string): string {
  return literalMarkdown(escapeHtml(text)).replace(/[\r\n]+/g, ' ');
}

/** Markdown's punctuation for links, emphasis, code and headings, each shown as itself. */
function literalMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]#~!]/g, (character) => `\\${character}`);
}

/** An event's cell (the table escapes HTML and pipes): its name and dates when known, and its id. */
function eventCell(report: RunReport, eventId: string): string {
  return literalMarkdown(eventLabel(report, eventId));
}

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string =>
    `| ${cells.map((cell) => (typeof cell === 'number' ? count(cell) : tableCell(cell))).join(' | ')} |`;
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}

function countsTable(label: string, counts: Record<string, number>): string {
  return table([label, 'Tickets'], sortedCounts(counts));
}

function callout(kind: 'CAUTION' | 'WARNING' | 'NOTE', text: string): string {
  return `> [!${kind}]\n> ${escapeHtml(text).replace(/\n/g, '\n> ')}`;
}

/** "1 h 12 min", "3 min 20 s", "12 s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function pulledSection(report: RunReport): string[] {
  if (report.pulls.length === 0) return [];
  const parts = [
    '### Pulled',
    table(
      ['Event', 'Reported', 'Pulled', 'Complete', 'Requests', 'Seconds'],
      [
        ...report.pulls.map(({ metadata: m }) => [
          eventCell(report, m.event_id),
          m.total_reported,
          m.total_pulled,
          m.complete ? 'yes' : '**no**',
          m.api_calls,
          (m.duration_ms / 1000).toFixed(1),
        ]),
        [
          '**Total**',
          report.pulls.reduce((s, p) => s + p.metadata.total_reported, 0),
          ticketsFound(report),
          '',
          '',
          '',
        ],
      ],
    ),
  ];
  for (const { metadata: m } of report.pulls) {
    parts.push(
      `<details><summary>Event ${m.event_id}: ${count(m.total_pulled)} tickets by status and ticket type</summary>\n`,
      countsTable('Status', m.by_status),
      countsTable('Ticket type', m.by_ticket_name),
      `Created from ${escapeHtml(m.first_created_at ?? '-')} to ${escapeHtml(m.last_created_at ?? '-')}.\n\n</details>`,
    );
  }
  return parts;
}

function deliveredSection(report: RunReport): string[] {
  if (report.syncs.length === 0) return [];
  const totals = syncTotals(report);
  const rows = report.syncs.map((s) =>
    s.skippedAsProcessed
      ? [eventCell(report, s.eventId), '-', '-', s.deliveredBefore, 'already processed', '-', '-']
      : [
          eventCell(report, s.eventId),
          s.found,
          s.eligible,
          s.deliveredBefore,
          s.sentNow,
          s.failed,
          s.remaining,
        ],
  );
  rows.push([
    '**Total**',
    '',
    totals.eligible,
    totals.skipped,
    totals.sent,
    totals.failed,
    totals.remaining,
  ]);
  const parts = [
    report.dryRun ? '### Would deliver (dry run: nothing sent, nothing recorded)' : '### Delivered',
    table(
      ['Event', 'Found', 'Eligible', 'Delivered before', 'Sent now', 'Failed', 'Remaining'],
      rows,
    ),
  ];
  const spent = (report.finishedAtMs ?? report.startedAtMs) - report.startedAtMs;
  parts.push(
    `Time spent: ${duration(spent)}. Remaining at one delivery every ${report.intervalSeconds} s: ` +
      `${duration(totals.remaining * report.intervalSeconds * 1000)}.`,
  );
  for (const s of report.syncs) {
    if (s.limitExceeded) parts.push(`Event ${s.eventId}: ${limitExceededText(s.limitExceeded)}.`);
    const notEligible = notEligibleReasons(s);
    if (notEligible.length > 0) {
      parts.push(`Event ${s.eventId}, not delivered: ${notEligible.join('; ')}.`);
    }
  }
  for (const s of report.syncs) {
    if (s.waitingForLimit > 0) {
      const team = s.teamWaiting
        ? ` (the next is a team of ${s.teamWaiting.size}, kept whole)`
        : '';
      parts.push(
        `Event ${s.eventId}: ${count(s.waitingForLimit)} tickets wait for the next run because of \`limit\`${team}.`,
      );
    }
  }
  return parts;
}

/** The summary's words for a first team sent whole over `limit`; the limit is what it was exceeded from. */
export function limitExceededText({ teamSize, by }: { teamSize: number; by: number }): string {
  return `\`limit\` (${count(teamSize - by)}) was exceeded by ${count(by)} to keep a team of ${count(teamSize)} together`;
}

/**
 * The event's tickets left out for a reason other than status or name, counted: each is a sign
 * that Vivenu answered something other than the event's tickets, or a ticket cannot be sent.
 */
function notEligibleReasons(s: EventSyncReport): string[] {
  const reasons: string[] = [];
  if (s.otherEvent > 0) {
    reasons.push(`${count(s.otherEvent)} of another event (their \`eventId\` is not this event)`);
  }
  for (const [event, n] of sortedCounts(s.eligibleEarlier)) {
    reasons.push(
      `${count(n)} already eligible in event ${escapeHtml(event)} earlier in this run (delivered once, there)`,
    );
  }
  if (s.withoutId > 0) {
    reasons.push(
      `${count(s.withoutId)} without \`_id\` (they cannot be recorded as sent, so they are never delivered; kept in \`without_id.json\` for review)`,
    );
  }
  if (s.invalid > 0) {
    reasons.push(`${count(s.invalid)} without an \`eventId\`, \`ticketName\` or \`status\``);
  }
  return reasons;
}

/** Failures grouped by what the receiver said, most frequent first. */
export function groupFailures(
  failures: readonly FailedDelivery[],
): { reason: string; status: number | null; ids: string[] }[] {
  const groups = new Map<string, { reason: string; status: number | null; ids: string[] }>();
  for (const failure of failures) {
    const key = `${failure.status}\u0000${failure.reason}`;
    const group = groups.get(key) ?? { reason: failure.reason, status: failure.status, ids: [] };
    group.ids.push(failure.ticketId);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}

/** The receiver's answer for a ticket type it has not registered (/work/shared/vivenu-facts.md). */
const UNREGISTERED_TYPE = /ticketTypeId not found in KV store/i;

/** What a person can do about a group of failures, from the status and what was said. */
export function failureAdvice(status: number | null, reason: string): string {
  if (UNREGISTERED_TYPE.test(reason))
    return 'Register the ticket types listed below with the receiver, then run again.';
  if (status === null || status === 408 || status === 429 || status >= 500)
    return 'The receiver had trouble (no answer, overloaded or failing): run again later.';
  return 'The receiver refused these tickets: check its answer; they are sent again on the next run.';
}

/** The ticketTypeIds of tickets the receiver said it has not registered, with their counts. */
export function unregisteredTicketTypes(failures: readonly FailedDelivery[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const failure of failures) {
    if (!UNREGISTERED_TYPE.test(failure.reason)) continue;
    const type = failure.ticketTypeId ?? '(none)';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** An outside value inside backticks: escaped, and no backtick to close the span early. */
function code(text: string): string {
  return `\`${tableCell(text).replace(/`/g, "'")}\``;
}

function failuresSection(report: RunReport): string[] {
  if (report.failures.length === 0) return [];
  const groups = groupFailures(report.failures);
  const rows = groups
    .slice(0, FAILURE_REASONS_SHOWN)
    .map((g) => [
      g.reason || '(no answer)',
      g.status === null ? 'none' : String(g.status),
      g.ids.length,
      g.ids.slice(0, EXAMPLE_IDS).join(', '),
      failureAdvice(g.status, g.reason),
    ]);
  const more =
    groups.length > FAILURE_REASONS_SHOWN
      ? `\n\n${groups.length - FAILURE_REASONS_SHOWN} more reasons are in the progress file's \`errors\`.`
      : '';
  const parts = [
    '### Failed deliveries (retried on the next run)',
    `${table(['Receiver said', 'Status', 'Tickets', 'Examples (_id)', 'What to do'], rows)}${more}`,
  ];
  const unregistered = unregisteredTicketTypes(report.failures);
  if (unregistered.length > 0) {
    parts.push(
      `ticketTypeIds the receiver has not registered (\`ticketTypeId not found in KV store\`): ` +
        unregistered.map(([type, n]) => `${code(type)} (${count(n)} tickets)`).join(', ') +
        '. Register them with the receiver, then run again: only the tickets not delivered go out.',
    );
  }
  return parts;
}

/** Answers shown per event under "How far"; the ledger has every ticket's. */
const STANDING_REASONS_SHOWN = 10;
/** Characters of an answer shown in the summary; the ledger keeps it whole. */
const REASON_CHARACTERS_SHOWN = 120;

/** "1 run", "3 runs": the follow-up runs the time left takes at the time budget. */
export function runsText(runs: number): string {
  return `${count(runs)} ${runs === 1 ? 'run' : 'runs'}`;
}

/**
 * How far each event is across all runs so far (the progress file and this pull), not this
 * run alone: delivered of eligible, what failed by the receiver's last answer, and the time
 * the rest takes at the interval, in runs of the time budget.
 */
function standingSection(report: RunReport): string[] {
  const standings = report.standings ?? [];
  if (standings.length === 0) return [];
  const parts = [
    '### How far each event is (all runs so far)',
    table(
      [
        'Event',
        'Delivered',
        'Eligible',
        'Done',
        'Progress',
        'Failed',
        'Never tried',
        'Time left',
        'Runs left',
      ],
      standings.map((s) => [
        eventCell(report, s.eventId),
        s.delivered,
        s.eligible,
        percentDelivered(s),
        `\`${progressBar(s)}\``,
        s.failed,
        s.pending,
        duration(s.timeLeftMs),
        runsText(s.followUpRuns),
      ]),
    ),
  ];
  const pace = standings[0]!;
  parts.push(
    `Time left is at one delivery every ${pace.intervalSeconds} s; runs left are runs of \`max-runtime-minutes\` (${count(pace.runBudgetMinutes)} min), the pull included, so at least that many. Every ticket's state is in \`delivery-ledger.csv\` in the event's folder of the tickets artifact.`,
  );
  for (const s of standings) {
    if (!s.ledgerFile) {
      parts.push(
        `Event ${escapeHtml(s.eventId)}: its ledger could not be written (the log says why); the progress file holds every delivery.`,
      );
    }
    if (!s.pullComplete) {
      parts.push(
        `Event ${escapeHtml(s.eventId)}: the pull was incomplete, so a delivered ticket it did not list is not called changed.`,
      );
    }
    if (s.failuresByReason.length === 0) continue;
    const shown = s.failuresByReason
      .slice(0, STANDING_REASONS_SHOWN)
      .map((f) => `${code(f.reason.slice(0, REASON_CHARACTERS_SHOWN))} × ${count(f.tickets)}`);
    const more = s.failuresByReason.length - shown.length;
    parts.push(
      `Event ${escapeHtml(s.eventId)}, failed by last answer: ${shown.join('; ')}${more > 0 ? `; and ${count(more)} more answers (in the ledger)` : ''}.`,
    );
  }
  return parts;
}

/**
 * Tickets delivered in an earlier run that are not eligible now (refunded, `INVALID`, renamed,
 * gone): a report for the charity's totals. Nothing is re-sent or sent to undo them.
 */
function changedSection(report: RunReport): string[] {
  const changed = (report.standings ?? []).filter((s) => s.changed > 0);
  if (changed.length === 0) return [];
  const parts = ['### Changed since delivery (not re-sent; correct the totals by these)'];
  for (const s of changed) {
    const more = s.changed - s.changedShown.length;
    parts.push(
      `Event ${escapeHtml(s.eventId)}: **${count(s.changed)}** tickets were delivered in an earlier run and are not eligible now. ` +
        'Nothing was sent again and nothing was sent to undo them (the receiver has no such endpoint).',
      table(
        ['_id', 'Ticket type', 'ticketTypeId', 'Status now', 'What changed'],
        s.changedShown.map((t) => [
          t.id,
          t.ticketName || '-',
          t.ticketTypeId || '-',
          t.status || '-',
          t.change,
        ]),
      ) + (more > 0 ? `\n\nand ${count(more)} more: every one is in \`delivery-ledger.csv\`.` : ''),
    );
  }
  return parts;
}

function planSection(plan: DryRunPlan): string[] {
  return [
    `#### Event ${plan.eventId}: ${count(plan.toSend)} deliveries, oldest first`,
    countsTable('Ticket type', plan.byTicketType),
    `ticketTypeIds the receiver must have registered: ${plan.ticketTypeIds.map((id) => `\`${escapeHtml(id)}\``).join(', ') || '-'}`,
    `Created from ${escapeHtml(plan.firstCreatedAt ?? '-')} to ${escapeHtml(plan.lastCreatedAt ?? '-')}.`,
    table(
      ['#', 'createdAt', '_id', 'ticketName'],
      plan.firstDeliveries.map((d, i) => [String(i + 1), d.createdAt, d.id, d.ticketName]),
    ),
  ];
}

function testSection(test: TestDelivery, dryRun: boolean): string[] {
  return [
    '### Test delivery',
    table(
      ['Ticket', 'Ticket type', 'Receiver', 'Answer'],
      [
        [
          test.ticketId,
          test.ticketName,
          urlForDisplay(test.url),
          dryRun ? '(dry run: not sent)' : `${test.status ?? 'none'} ${test.answer}`,
        ],
      ],
    ),
  ];
}

/**
 * The job summary: pulls, deliveries, failures, and what to do next. Only counts, ids,
 * statuses and ticket types: personal data stays in the files.
 */
export function renderJobSummary(report: RunReport, failure?: string): string {
  const names = eventsInTitle(report);
  const title = `## Vivenu historical sync · ${report.region} · ${report.mode}${report.dryRun ? ' (dry run)' : ''}${names ? ` · ${markdownText(names)}` : ''}`;
  const parts: string[] = [title];
  if (failure) parts.push(callout('CAUTION', failure));
  if (report.stop?.reason === 'time-budget') {
    parts.push(
      callout(
        'NOTE',
        'The time budget ended this run before every ticket was delivered. Run the workflow again with the same inputs to continue exactly where it stopped.',
      ),
    );
  }
  if (!report.signed && report.mode !== 'pull-only' && !report.dryRun) {
    parts.push(
      callout(
        'WARNING',
        'webhook-secret is empty: deliveries went unsigned, and a receiver that verifies x-vivenu-signature answers 401.',
      ),
    );
  }
  const where = [`Vivenu: \`${report.vivenuOrigin}\``, `tickets: \`${report.ticketsDir}\``];
  if (report.mode !== 'pull-only')
    where.push(`receiver: \`${escapeHtml(urlForDisplay(report.webhookUrl))}\``);
  if (report.mode === 'sync') where.push(`progress: \`${report.progressFile}\``);
  parts.push(where.join(' · '));

  parts.push(...pulledSection(report), ...deliveredSection(report), ...failuresSection(report));
  parts.push(...standingSection(report), ...changedSection(report));
  if (report.plans.length > 0) parts.push('### Dry-run plan', ...report.plans.flatMap(planSection));
  if (report.testDelivery) parts.push(...testSection(report.testDelivery, report.dryRun));
  if (report.pulls.length === 0 && report.syncs.length === 0) parts.push('No tickets were pulled.');
  if (report.mode === 'sync' && !report.dryRun) {
    parts.push(`All requested events complete: **${report.complete ? 'yes' : 'no'}**.`);
  }
  if (report.publishing) {
    const { where, commits, behind } = report.publishing;
    parts.push(
      behind
        ? `Progress **not** fully committed to \`${where}\` (${escapeHtml(behind)}): ${count(commits)} commits this run.`
        : `Progress committed to \`${where}\`: ${count(commits)} commits this run.`,
    );
  }
  if (report.continuation) {
    const { dispatched, url, note } = report.continuation;
    const link = url ? `[the follow-up run](${url})` : "a follow-up run (see the workflow's runs)";
    parts.push(
      dispatched
        ? `Continued in ${link}: ${escapeHtml(note)}.`
        : `Not continued: ${escapeHtml(note)}.`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}
