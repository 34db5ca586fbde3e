import { count } from '../format.js';
import {
  isPerRendering,
  shownIn,
  type Cell,
  type Span,
  type SummaryBlock,
  type RunSummary,
  type SummaryTable,
} from './summary-model.js';

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

/** An outside value inside backticks: escaped, and no backtick to close the span early. */
function codeSpan(text: string): string {
  return `\`${tableCell(text).replace(/`/g, "'")}\``;
}

function spansText(spans: readonly Span[]): string {
  return spans.map(spanText).join('');
}

function spanText(span: Span): string {
  if (typeof span === 'string') return span;
  if ('value' in span) return escapeHtml(span.value);
  if ('literal' in span) return markdownText(span.literal);
  if ('code' in span) return codeSpan(span.code);
  if ('strong' in span) return `**${span.strong}**`;
  return `[${span.link}](${span.url})`;
}

function cellText(cell: Cell): string {
  if (typeof cell === 'number') return count(cell);
  if (typeof cell === 'string') return tableCell(cell);
  if (isPerRendering<Cell>(cell)) return cellText(cell.markdown);
  if ('literal' in cell) return tableCell(literalMarkdown(cell.literal));
  if ('code' in cell) return codeSpan(cell.code);
  return `**${tableCell(cell.strong)}**`;
}

function table({ columns, rows, totals }: SummaryTable): string {
  const shown = columns.flatMap((column, i) => (shownIn('markdown', column) ? [i] : []));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const row = (cells: readonly Cell[]): string => line(shown.map((i) => cellText(cells[i] ?? '')));
  const header = shown.map((i) => {
    const text = columns[i]!.header;
    return tableCell(typeof text === 'string' ? text : text.markdown);
  });
  // Left said outright: a column without a colon is GitHub's default, which centres its header.
  const align = shown.map((i) => (columns[i]!.align === 'left' ? ':---' : '---:'));
  const lines = [line(header), line(align), ...rows.map(row)];
  if (totals && shownIn('markdown', totals)) lines.push(row(totals.cells));
  return lines.join('\n');
}

/** A block's paragraphs, in order; a section's heading is `level` deep, its sections one deeper. */
function blockParts(block: SummaryBlock, level: number): string[] {
  if (!shownIn('markdown', block)) return [];
  switch (block.kind) {
    case 'section': {
      const heading = block.heading ? [`${'#'.repeat(level)} ${spansText(block.heading)}`] : [];
      return [...heading, ...block.blocks.flatMap((inner) => blockParts(inner, level + 1))];
    }
    case 'paragraph':
      return [block.lines.map(spansText).join('\n')];
    case 'table':
      return [table(block.table)];
    case 'callout':
      return [`> [!${block.tone}]\n> ${spansText(block.spans).replace(/\n/g, '\n> ')}`];
    case 'details': {
      const inner = block.blocks.flatMap((part) => blockParts(part, level));
      return [
        `<details><summary>${spansText(block.summary)}</summary>\n\n\n${inner.join('\n\n')}\n\n</details>`,
      ];
    }
  }
}

/** The summary as GitHub's job summary shows it: Markdown, with outside values escaped. */
export function renderMarkdown(summary: RunSummary): string {
  const parts = [
    `## ${spansText(summary.title)}`,
    ...summary.sections.flatMap((section) => blockParts(section, 3)),
  ];
  return `${parts.join('\n\n')}\n`;
}
