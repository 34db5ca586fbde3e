import type { RunReport } from '../run-report.js';
import { ticketsFound } from '../run-report.js';
import { sortedCounts } from '../output/event-metadata.js';

const count = (n: number): string => n.toLocaleString('en-US');

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text made safe for a Markdown table cell: ticket names like "HYROX MEN | CHARITY HIA" contain pipes. */
export function tableCell(text: string): string {
  return escapeHtml(text)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
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

/**
 * The job summary: one table per event and the totals. Only counts, statuses and ticket
 * types: personal data stays in the files.
 */
export function renderJobSummary(report: RunReport, failure?: string): string {
  const parts: string[] = [`## Vivenu historical sync · ${report.region} · ${report.mode}`];
  if (failure) parts.push(`> [!CAUTION]\n> ${escapeHtml(failure).replace(/\n/g, '\n> ')}`);
  parts.push(`Vivenu: \`${report.vivenuOrigin}\` · tickets folder: \`${report.ticketsDir}\``);

  if (report.pulls.length > 0) {
    parts.push(
      '### Pulled',
      table(
        ['Event', 'Reported', 'Pulled', 'Complete', 'Requests', 'Seconds'],
        [
          ...report.pulls.map(({ metadata: m }) => [
            m.event_id,
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
    );
    for (const { metadata: m } of report.pulls) {
      parts.push(
        `<details><summary>Event ${m.event_id}: ${count(m.total_pulled)} tickets by status and ticket type</summary>\n`,
        countsTable('Status', m.by_status),
        countsTable('Ticket type', m.by_ticket_name),
        `Created from ${escapeHtml(m.first_created_at ?? '-')} to ${escapeHtml(m.last_created_at ?? '-')}.\n\n</details>`,
      );
    }
  } else {
    parts.push('No tickets were pulled.');
  }
  return `${parts.join('\n\n')}\n`;
}
