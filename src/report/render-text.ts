import { count } from '../format.js';
import { logText } from '../log-text.js';
import {
  isPerRendering,
  shownIn,
  type Cell,
  type Span,
  type SummaryBlock,
  type RunSummary,
  type SummaryTable,
} from './summary-model.js';

/** Columns padded to their widest cell, each aligned as its column says. */
export function textTable(
  headers: string[],
  rows: string[][],
  align: ('left' | 'right')[] = headers.map((_, i) => (i === 0 ? 'left' : 'right')),
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (align[i] === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Outside values with their control characters shown escaped, so each stays on its line. */
function spanText(span: Span): string {
  if (typeof span === 'string') return span;
  if ('value' in span) return logText(span.value);
  if ('literal' in span) return logText(span.literal);
  if ('code' in span) return logText(span.code);
  if ('strong' in span) return span.strong;
  return `${span.link} (${logText(span.url)})`;
}

function spansText(spans: readonly Span[]): string {
  return spans.map(spanText).join('');
}

function cellText(cell: Cell): string {
  if (typeof cell === 'number') return count(cell);
  if (typeof cell === 'string') return cell;
  if (isPerRendering<Cell>(cell)) return cellText(cell.text);
  if ('literal' in cell) return logText(cell.literal);
  if ('code' in cell) return logText(cell.code);
  return cell.strong;
}

function table({ columns, rows, totals }: SummaryTable): string {
  const shown = columns.flatMap((column, i) => (shownIn('text', column) ? [i] : []));
  const row = (cells: readonly Cell[]): string[] => shown.map((i) => cellText(cells[i] ?? ''));
  const headers = shown.map((i) => {
    const header = columns[i]!.header;
    return typeof header === 'string' ? header : header.text;
  });
  const allRows = rows.map(row);
  if (totals && shownIn('text', totals)) allRows.push(row(totals.cells));
  return textTable(
    headers,
    allRows,
    shown.map((i) => columns[i]!.align),
  );
}

function blockParts(block: SummaryBlock): string[] {
  if (!shownIn('text', block)) return [];
  switch (block.kind) {
    // A terminal shows no headings: each table names its section in its first column.
    case 'section':
      return block.blocks.flatMap(blockParts);
    case 'paragraph':
      return [block.lines.map(spansText).join('\n')];
    case 'table':
      return [table(block.table)];
    case 'callout':
      return [`${block.tone}: ${spansText(block.spans)}`];
    case 'details':
      return [spansText(block.summary), ...block.blocks.flatMap(blockParts)];
  }
}

/** The summary for a terminal: the same sections as plain text, tables padded to line up. */
export function renderText(summary: RunSummary): string {
  return summary.sections.flatMap(blockParts).join('\n\n');
}
