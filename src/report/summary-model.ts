/**
 * The run's summary as data, made once from the RunReport and rendered twice: as Markdown for
 * GitHub's job summary and as plain text for a terminal. What the summary says is decided here
 * and in the sections that fill it; how it looks and how outside values are escaped is each
 * renderer's business.
 */

/** The two renderings of one summary. */
export type Rendering = 'markdown' | 'text';

/**
 * Where the two renderings still say a thing differently (a shorter header for a terminal's
 * narrow columns, say): one value for each.
 */
export interface PerRendering<T> {
  markdown: T;
  text: T;
}

/**
 * A piece of running text. A plain string is shown as written in both renderings: the tool's
 * own words (backticks in them stay backticks) and the operator's own settings. The other kinds
 * carry what came from outside (Vivenu, the receiver, GitHub), which each renderer makes safe
 * its own way.
 */
export type Span =
  | string
  /** An outside value: Markdown escapes its HTML, a terminal its control characters. */
  | { value: string }
  /** An outside value shown literally: Markdown also escapes its own punctuation and line breaks. */
  | { literal: string }
  /** An outside value as code: a code span in Markdown; a terminal has no code font. */
  | { code: string }
  /** The tool's own words, emphasised where the rendering can. */
  | { strong: string }
  | { link: string; url: string };

/**
 * A table cell: a number is a count ("1,234"); a string is shown as it is (Markdown escapes the
 * HTML, pipes and line breaks that would break its table).
 */
export type Cell =
  | number
  | string
  | { literal: string }
  | { code: string }
  | { strong: string }
  | PerRendering<Cell>;

export interface Column {
  header: string | PerRendering<string>;
  align: 'left' | 'right';
  /** A column only one rendering shows; the rows still hold its cell. */
  only?: Rendering;
}

export interface SummaryTable {
  columns: Column[];
  /** One cell per column, in the columns' order. */
  rows: Cell[][];
  /** The row summing the others, when the table has one. */
  totals?: { cells: Cell[]; only?: Rendering };
}

/** Several lines together: one paragraph in Markdown, lines kept together in a terminal. */
export interface Paragraph {
  kind: 'paragraph';
  lines: Span[][];
  only?: Rendering;
}

export interface TableBlock {
  kind: 'table';
  table: SummaryTable;
  only?: Rendering;
}

/** Something the reader should see before anything else: GitHub's alert boxes in Markdown. */
export interface Callout {
  kind: 'callout';
  tone: 'CAUTION' | 'WARNING' | 'NOTE';
  spans: Span[];
  only?: Rendering;
}

/** Detail folded away behind a one-line summary (an HTML `<details>` in Markdown). */
export interface Details {
  kind: 'details';
  summary: Span[];
  blocks: SummaryBlock[];
  only?: Rendering;
}

/**
 * A part of the summary under its heading; a section inside another is a level deeper. A
 * terminal shows no headings: each of its tables names its section in the first column.
 */
export interface SummarySection {
  kind: 'section';
  heading?: Span[];
  blocks: SummaryBlock[];
  only?: Rendering;
}

export type SummaryBlock = Paragraph | TableBlock | Callout | Details | SummarySection;

export interface RunSummary {
  title: Span[];
  sections: SummarySection[];
}

/** Whether a block or column is shown in a rendering: every one is, unless it names another. */
export function shownIn(rendering: Rendering, part: { only?: Rendering }): boolean {
  return part.only === undefined || part.only === rendering;
}

export function isPerRendering<T>(value: unknown): value is PerRendering<T> {
  return typeof value === 'object' && value !== null && 'markdown' in value && 'text' in value;
}

/** A one-line paragraph. */
export function line(spans: Span[], only?: Rendering): Paragraph {
  return { kind: 'paragraph', lines: [spans], ...(only ? { only } : {}) };
}

export function callout(tone: Callout['tone'], spans: Span[], only?: Rendering): Callout {
  return { kind: 'callout', tone, spans, ...(only ? { only } : {}) };
}

export function tableBlock(table: SummaryTable, only?: Rendering): TableBlock {
  return { kind: 'table', table, ...(only ? { only } : {}) };
}

/** A column of words, ids, dates or answers: left-aligned, as text reads. */
export function textColumn(header: Column['header'], only?: Rendering): Column {
  return { header, align: 'left', ...(only ? { only } : {}) };
}

/** A column of counts and amounts: right-aligned, so their digits line up. */
export function numberColumn(header: Column['header'], only?: Rendering): Column {
  return { header, align: 'right', ...(only ? { only } : {}) };
}

/** Items joined by a separator, as one run of spans: "a, b and c" made of outside values. */
export function joinSpans(items: Span[][], separator: string): Span[] {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}
