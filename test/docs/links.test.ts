import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, docPages, parseMarkdown, readPage, root, walk } from './doc-pages.js';

/**
 * The documentation's links hold: every relative link and anchor in README.md and docs/*.md
 * resolves, every docs page an error message names exists with its heading, and no source
 * comment sends a reader to a file outside the repository.
 */

const anchorCache = new Map<string, Set<string>>();
function anchorsIn(page: string): Set<string> {
  if (!anchorCache.has(page)) anchorCache.set(page, anchorsOf(parseMarkdown(readPage(page))));
  return anchorCache.get(page)!;
}

/** The link targets of a page: links, images and reference definitions. */
function linksOf(page: string): string[] {
  const urls: string[] = [];
  walk(parseMarkdown(readPage(page)), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      urls.push(node.url);
    }
  });
  return urls;
}

/** What is wrong with a relative link from `page`, or undefined when it resolves. */
function brokenLink(page: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined; // https:, mailto: …
  const [target = '', anchor] = url.split('#');
  const file =
    target === ''
      ? page
      : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(target)));
  if (file.startsWith('..')) return `${url} leaves the repository`;
  if (!existsSync(path.join(root, file))) return `${url}: ${file} does not exist`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md') || statSync(path.join(root, file)).isDirectory()) {
    return `${url}: an anchor into ${file}, which is not a Markdown page`;
  }
  return anchorsIn(file).has(anchor) ? undefined : `${url}: ${file} has no heading #${anchor}`;
}

function filesUnder(folder: string, pattern: RegExp): string[] {
  const entries = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
  return entries
    .map((entry) => `${folder}/${entry.split(path.sep).join('/')}`)
    .filter((file) => pattern.test(file) && !file.includes('node_modules'));
}

describe('links in README.md and docs/', () => {
  it.each(docPages({ generated: true }))('resolve in %s', (page) => {
    const broken = linksOf(page)
      .map((url) => brokenLink(page, url))
      .filter((problem) => problem !== undefined);
    expect(broken).toEqual([]);
  });

  it("follow GitHub's anchor rules", () => {
    const tree = parseMarkdown(
      '# Only what the live webhook missed: `sold-before`\n\n## The safe order\n\n## The safe order\n\n### ❌ Stopped\n\n## Adding a region, and its first sync!\n',
    );
    expect([...anchorsOf(tree)]).toEqual([
      'only-what-the-live-webhook-missed-sold-before',
      'the-safe-order',
      'the-safe-order-1',
      '-stopped',
      'adding-a-region-and-its-first-sync',
    ]);
  });

  it('catch a broken link and a missing anchor', () => {
    expect(brokenLink('README.md', 'docs/runbook.md#protected-branches')).toBeUndefined();
    expect(brokenLink('docs/runbook.md', '../README.md#the-safe-order')).toBeUndefined();
    expect(brokenLink('README.md', 'docs/runbook.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('README.md', 'docs/nowhere.md')).toMatch(/does not exist/);
    expect(brokenLink('docs/files.md', '#the-delivery-ledger')).toBeUndefined();
  });
});

describe('what the code points readers to', () => {
  /** Every `docs/<page>.md#<anchor>` the source names, with the file that names it. */
  const pointers = filesUnder('src', /\.ts$/).flatMap((file) =>
    [
      ...readFileSync(path.join(root, file), 'utf8').matchAll(/docs\/([a-z-]+\.md)#([a-z0-9-]+)/g),
    ].map((match) => ({ file, page: `docs/${match[1]}`, anchor: match[2]! })),
  );

  it('names only headings that exist (the messages that point to the docs)', () => {
    expect(pointers.length).toBeGreaterThanOrEqual(2);
    const missing = pointers.filter(
      ({ page, anchor }) => !existsSync(path.join(root, page)) || !anchorsIn(page).has(anchor),
    );
    expect(missing).toEqual([]);
  });

  it('cites no file outside the repository in a comment', () => {
    // The notes once cited lived beside the repository (…/shared/*.md); a clone has none.
    const outside = new RegExp(['/work/', 'shared/', '|\\.\\./', 'shared/'].join(''));
    const folders = ['src', 'sandbox', 'test', 'chaos', 'bench', 'demo', 'scripts', 'build'];
    const citing = folders
      .flatMap((folder) => filesUnder(folder, /\.(ts|mjs|js)$/))
      .filter((file) => outside.test(readFileSync(path.join(root, file), 'utf8')));
    expect(citing).toEqual([]);
  });
});

describe('the README', () => {
  it('stays under 16 KB, the operator first', () => {
    const readme = readPage('README.md');
    expect(Buffer.byteLength(readme)).toBeLessThan(16_000);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings.slice(0, 2)).toEqual([
      'Running it from GitHub',
      'Using the action in another workflow',
    ]);
  });
});
