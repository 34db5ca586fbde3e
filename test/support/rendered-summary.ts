import type { AlignType, Html, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/**
 * The job summary read the way GitHub reads it: GitHub Flavored Markdown parsed into a syntax
 * tree, so tests assert what a person sees (a table that is a table, the line under the title)
 * rather than the characters the renderer happened to write.
 */
export function parseSummary(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The plain text of a node, as a reader sees it: emphasis, code and links reduced to their text. */
export function plainText(node: Root | RootContent): string {
  return toString(node);
}

/** The first heading's text: the summary's title. */
export function titleText(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading');
  return heading && plainText(heading);
}

/**
 * The top-level blocks with, for each, whether it sits inside a `<details>` fold. GitHub reads
 * `<details>` as raw HTML, and the Markdown between its tags as ordinary top-level blocks, so
 * the fold is only visible by counting its opening and closing tags.
 */
export function blocksWithFolds(tree: Root): { node: RootContent; folded: boolean }[] {
  let depth = 0;
  return tree.children.map((node) => {
    const folded = depth > 0;
    if (node.type === 'html') depth = Math.max(0, depth + foldTagBalance(node.value));
    return { node, folded };
  });
}

/**
 * What a reader sees before opening any fold: the plain text of the top-level blocks outside
 * `<details>`, one block a line (the folds' own summaries not included).
 */
export function unfoldedText(tree: Root): string {
  return blocksWithFolds(tree)
    .filter(({ node, folded }) => !folded && node.type !== 'html')
    .map(({ node }) => plainText(node))
    .join('\n');
}

function foldTagBalance(html: string): number {
  const opened = html.match(/<details\b[^>]*>/gi)?.length ?? 0;
  const closed = html.match(/<\/details\s*>/gi)?.length ?? 0;
  return opened - closed;
}

/**
 * The plain text of the paragraph right under the title: the verdict, where the issue wants it.
 * Only a top-level paragraph counts, before the next heading and outside any fold: a GitHub
 * alert (`> [!NOTE]`) is a blockquote, and a table, list or fold is no paragraph. Undefined when
 * the title's own part of the summary has no paragraph.
 */
export function firstParagraph(tree: Root): string | undefined {
  const blocks = blocksWithFolds(tree);
  const title = blocks.findIndex(({ node }) => node.type === 'heading');
  for (const { node, folded } of blocks.slice(title + 1)) {
    if (node.type === 'heading') return undefined;
    if (node.type === 'paragraph' && !folded) return plainText(node);
  }
  return undefined;
}

/** A table as GitHub shows it: header cells, each column's alignment, and every row's width. */
export interface RenderedTable {
  header: string[];
  /** Per column, from the delimiter row: `:--` left, `--:` right, `:-:` center, `---` null. */
  align: AlignType[];
  /** The body's cells as plain text (the header row not included). */
  rows: string[][];
  /** Cells per row, the header's first. */
  rowWidths: number[];
  /** Every row has as many cells as the header: none dropped or padded by the reader. */
  wellFormed: boolean;
}

/** Every table anywhere in the summary, folds and alerts included, in reading order. */
export function tablesIn(tree: Root): RenderedTable[] {
  return nodesOfType(tree, 'table').map(renderedTable);
}

function renderedTable(table: Table): RenderedTable {
  const [headerRow, ...bodyRows] = table.children;
  const cellsOf = (row: Table['children'][number]): string[] => row.children.map(plainText);
  const header = headerRow ? cellsOf(headerRow) : [];
  const rows = bodyRows.map(cellsOf);
  const rowWidths = [header.length, ...rows.map((row) => row.length)];
  return {
    header,
    align: table.align ?? [],
    rows,
    rowWidths,
    wellFormed: rowWidths.every((width) => width === header.length),
  };
}

/**
 * Paragraphs that hold lines starting with `|`: a table that GitHub did not read as one (its
 * delimiter row missing or of another width) shows as a run of pipes and text.
 */
export function brokenTables(tree: Root): string[] {
  return nodesOfType(tree, 'paragraph')
    .map(plainText)
    .filter((text) => text.split('\n').some((line) => /^\s*\|/.test(line)));
}

/** A `<details>` fold: its `<summary>` text, and whether a closing tag ends it. */
export interface Fold {
  summary: string;
  closed: boolean;
}

/** The `<details>` folds at the top level of the summary, in reading order. */
export function foldsIn(tree: Root): Fold[] {
  const folds: Fold[] = [];
  const open: Fold[] = [];
  for (const node of nodesOfType(tree, 'html')) {
    for (const tag of node.value.matchAll(/<(\/?)details\b[^>]*>/gi)) {
      if (tag[1] === '/') {
        const fold = open.pop();
        if (fold) fold.closed = true;
        continue;
      }
      const fold = { summary: summaryText(node), closed: false };
      folds.push(fold);
      open.push(fold);
    }
  }
  return folds;
}

function summaryText(node: Html): string {
  const summary = /<summary>([\s\S]*?)<\/summary>/i.exec(node.value)?.[1] ?? '';
  // Tags inside the summary (<code>, <b>) show as their text.
  return plainText(parseSummary(summary.replace(/<[^>]*>/g, ''))).trim();
}

/** Where raw JSON was found: the cell or paragraph, and its text. */
export interface RawJson {
  where: 'cell' | 'paragraph';
  text: string;
}

/**
 * Cells and paragraphs that show raw JSON: text that parses as an object or array, or holds
 * `{"` (an object cut short, or JSON inside a sentence). A person reads words, not a receiver's
 * body.
 */
export function rawJsonIn(tree: Root): RawJson[] {
  const found: RawJson[] = [];
  for (const cell of nodesOfType(tree, 'tableCell')) {
    const text = plainText(cell);
    if (looksLikeJson(text)) found.push({ where: 'cell', text });
  }
  for (const paragraph of nodesOfType(tree, 'paragraph')) {
    const text = plainText(paragraph);
    if (looksLikeJson(text)) found.push({ where: 'paragraph', text });
  }
  return found;
}

export function looksLikeJson(text: string): boolean {
  if (text.includes('{"')) return true;
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

type NodeOfType<Type extends string> = Extract<RootContent, { type: Type }>;

/** Every node of a type anywhere in the tree, in document order. */
export function nodesOfType<Type extends RootContent['type']>(
  tree: Root | RootContent,
  type: Type,
): NodeOfType<Type>[] {
  const found: NodeOfType<Type>[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === type) found.push(node as NodeOfType<Type>);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}
