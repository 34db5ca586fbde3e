import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/**
 * The documentation as the docs tests read it: README.md and docs/*.md, parsed as GitHub
 * Flavored Markdown, with the anchors GitHub gives their headings.
 */

export const root = path.resolve(import.meta.dirname, '../..');

/** docs/job-summary.md is a demo run's summary, written by a script, not prose to check. */
const GENERATED = new Set(['docs/job-summary.md']);

/** Repository-relative paths of the pages: the README first, then docs/*.md. */
export function docPages(options: { generated?: boolean } = {}): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
    .filter((page) => options.generated || !GENERATED.has(page))
    .sort();
  return ['README.md', ...docs];
}

export function readPage(page: string): string {
  return readFileSync(path.join(root, page), 'utf8');
}

/** Every node of the tree, depth first, in document order. */
export function walk(node: Nodes, each: (node: Nodes) => void): void {
  each(node);
  if ('children' in node) for (const child of node.children) walk(child, each);
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * A heading's anchor as GitHub makes it: the heading's text in lower case, every character that
 * is not a letter, a mark, a digit, `_`, `-` or a space dropped, spaces made hyphens; a heading
 * seen before gets `-1`, `-2`, … (github-slugger's rules).
 */
export function anchorsOf(tree: Root): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  walk(tree, (heading) => {
    if (heading.type !== 'heading') return;
    const base = toString(heading)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const times = seen.get(base) ?? 0;
    seen.set(base, times + 1);
    anchors.add(times === 0 ? base : `${base}-${times}`);
  });
  return anchors;
}

/** The nodes under the heading titled `title` (text, any level), to the next heading as high. */
export function section(tree: Root, title: string): RootContent[] {
  const start = tree.children.findIndex(
    (node) => node.type === 'heading' && toString(node).trim() === title,
  );
  if (start === -1) return [];
  const depth = (tree.children[start] as Heading).depth;
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= depth);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The first column of the first table among `nodes`, header left out, as its text. */
export function firstColumn(nodes: RootContent[]): string[] {
  const table = nodes.find((node) => node.type === 'table');
  if (!table) return [];
  return table.children.slice(1).map((row) => toString(row.children[0]!).trim());
}

/** Every inline code span and every line of every code block of a page, with its kind. */
export function codeOf(tree: Root): { inline: string[]; blocks: { lang: string; text: string }[] } {
  const inline: string[] = [];
  const blocks: { lang: string; text: string }[] = [];
  walk(tree, (node) => {
    if (node.type === 'inlineCode') inline.push(node.value);
    if (node.type === 'code') blocks.push({ lang: node.lang ?? '', text: node.value });
  });
  return { inline, blocks };
}
