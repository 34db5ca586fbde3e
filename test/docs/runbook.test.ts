import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { VERDICTS, type Outcome } from '../../src/report/verdict.js';
import { parseMarkdown, readPage, section } from './doc-pages.js';

/**
 * The runbook has an entry for every way a run can end: each outcome of VERDICTS
 * (src/report/verdict.ts) under "Every verdict", headed by its icon, naming its outcome first,
 * and saying what it means and what to do. A new outcome fails here until the runbook has it.
 */

interface Entry {
  heading: string;
  outcome: string | undefined;
  text: string;
}

/** The level-3 entries of "Every verdict": heading, the outcome its first paragraph names, text. */
function entries(nodes: RootContent[]): Entry[] {
  const found: Entry[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      found.push({ heading: toString(node), outcome: undefined, text: '' });
      continue;
    }
    const entry = found.at(-1);
    if (!entry) continue;
    if (entry.text === '' && node.type === 'paragraph' && node.children[0]?.type === 'inlineCode') {
      entry.outcome = node.children[0].value;
    }
    entry.text += `${toString(node)}\n`;
  }
  return found;
}

const runbook = entries(section(parseMarkdown(readPage('docs/runbook.md')), 'Every verdict'));

describe('docs/runbook.md', () => {
  it('has one entry for every outcome in VERDICTS, and none for an outcome that does not exist', () => {
    const named = runbook.map((entry) => entry.outcome ?? `(no outcome) ${entry.heading}`);
    expect([...named].sort()).toEqual(Object.keys(VERDICTS).sort());
    expect(new Set(named).size).toBe(named.length);
  });

  it.each(Object.keys(VERDICTS) as Outcome[])('says what %s means and what to do', (outcome) => {
    const entry = runbook.find((candidate) => candidate.outcome === outcome);
    expect(entry, `docs/runbook.md has no entry for ${outcome}`).toBeDefined();
    expect(entry!.heading.startsWith(VERDICTS[outcome].icon), entry!.heading).toBe(true);
    expect(entry!.text).toMatch(/Means:/);
    expect(entry!.text).toMatch(/Do:/);
  });

  it('catches an outcome left out', () => {
    const shortened = entries(
      parseMarkdown(
        '### ✅ Done\n\n`done`: "Done."\n\n**Means:** all. **Do:** nothing.\n\n### ❌ Stopped\n\nNo outcome named.\n',
      ).children,
    );
    expect(shortened.map((entry) => entry.outcome)).toEqual(['done', undefined]);
  });
});
