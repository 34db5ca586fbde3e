import { describe, expect, it } from 'vitest';
import {
  blocksWithFolds,
  brokenTables,
  firstParagraph,
  foldsIn,
  looksLikeJson,
  nodesOfType,
  parseSummary,
  rawJsonIn,
  tablesIn,
  titleText,
  unfoldedText,
} from '../support/rendered-summary.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('reading a summary as GitHub renders it', () => {
  it('reads the title and the paragraph under it as plain text', () => {
    const tree = parseSummary(
      lines('## Sync · **DEV**', '', '✅ Done: `152` of 152 [delivered](https://x/1).', '', 'more'),
    );
    expect(titleText(tree)).toBe('Sync · DEV');
    expect(firstParagraph(tree)).toBe('✅ Done: 152 of 152 delivered.');
  });

  it('does not take a GitHub alert, a table or a fold for the first paragraph', () => {
    const tree = parseSummary(
      lines(
        '## Title',
        '',
        '> [!CAUTION]',
        '> Vivenu refused the key.',
        '',
        '| a |',
        '| --- |',
        '| 1 |',
        '',
        '<details><summary>Run details</summary>',
        '',
        'inside the fold',
        '',
        '</details>',
        '',
        '❌ Stopped.',
      ),
    );
    expect(nodesOfType(tree, 'blockquote')).toHaveLength(1);
    expect(firstParagraph(tree)).toBe('❌ Stopped.');
  });

  it('finds no first paragraph when the title is followed by a section heading', () => {
    const tree = parseSummary(lines('## Title', '', '### Pulled', '', 'a paragraph'));
    expect(firstParagraph(tree)).toBeUndefined();
    expect(firstParagraph(parseSummary('## Title\n'))).toBeUndefined();
  });

  it('reads each table: header, alignment per column, row widths', () => {
    const [table] = tablesIn(
      parseSummary(
        lines(
          '| Ticket type | Tickets | Share | Note |',
          '| :--- | ---: | :---: | --- |',
          '| HYROX MEN \\| CHARITY | 1,000 | 50% | **yes** |',
          '| `Spectator` | 20 | 1% |  |',
        ),
      ),
    );
    expect(table).toEqual({
      header: ['Ticket type', 'Tickets', 'Share', 'Note'],
      align: ['left', 'right', 'center', null],
      rows: [
        ['HYROX MEN | CHARITY', '1,000', '50%', 'yes'],
        ['Spectator', '20', '1%', ''],
      ],
      rowWidths: [4, 4, 4],
      wellFormed: true,
    });
  });

  it('catches a row wider or narrower than its header', () => {
    const [table] = tablesIn(
      parseSummary(lines('| a | b |', '| --- | --- |', '| 1 | 2 | 3 |', '| 4 |')),
    );
    expect(table!.rowWidths).toEqual([2, 3, 1]);
    expect(table!.wellFormed).toBe(false);
  });

  it('catches a table GitHub does not read as one: a delimiter row of another width', () => {
    const tree = parseSummary(lines('| a | b |', '| --- |', '| 1 | 2 |'));
    expect(tablesIn(tree)).toEqual([]);
    expect(brokenTables(tree)).toEqual(['| a | b |\n| --- |\n| 1 | 2 |']);
    expect(brokenTables(parseSummary(lines('| a |', '| --- |', '| 1 |')))).toEqual([]);
  });

  it('finds tables inside folds and alerts too', () => {
    const tree = parseSummary(
      lines('<details><summary>Ids</summary>', '', '| id |', '| --- |', '| t1 |', '', '</details>'),
    );
    expect(tablesIn(tree).map((table) => table.header)).toEqual([['id']]);
  });

  it('lists the folds with their summary text, and whether each is closed', () => {
    const tree = parseSummary(
      lines(
        '<details><summary>Run <b>details</b></summary>',
        '',
        'inside',
        '',
        '</details>',
        '',
        '<details><summary>Ids</summary>',
        '',
        'never closed',
      ),
    );
    expect(foldsIn(tree)).toEqual([
      { summary: 'Run details', closed: true },
      { summary: 'Ids', closed: false },
    ]);
    expect(unfoldedText(tree)).toBe('');
    expect(blocksWithFolds(tree).map(({ node, folded }) => [node.type, folded])).toEqual([
      ['html', false],
      ['paragraph', true],
      ['html', true],
      ['html', false],
      ['paragraph', true],
    ]);
  });

  it('tells what shows before any fold is opened', () => {
    const tree = parseSummary(
      lines(
        '## Title',
        '',
        'shown',
        '',
        '<details><summary>Ids</summary>',
        '',
        't1',
        '',
        '</details>',
        '',
        'after',
      ),
    );
    expect(unfoldedText(tree)).toBe('Title\nshown\nafter');
  });

  it('catches raw JSON in a cell or a paragraph', () => {
    const tree = parseSummary(
      lines(
        '| Status | Answer |',
        '| --- | --- |',
        '| 404 | `{"error":"ticketTypeId not found in KV store"}` |',
        '| 422 | Not registered on the receiver |',
        '',
        'The receiver said {"error":"no"} twice.',
        '',
        '[1, 2]',
        '',
        'Progress `[██░░]` 20% (1 of 5), {braces} are fine.',
      ),
    );
    expect(rawJsonIn(tree)).toEqual([
      { where: 'cell', text: '{"error":"ticketTypeId not found in KV store"}' },
      { where: 'paragraph', text: 'The receiver said {"error":"no"} twice.' },
      { where: 'paragraph', text: '[1, 2]' },
    ]);
  });

  it('tells JSON from text that merely starts with a bracket', () => {
    expect(looksLikeJson('{"a":1}')).toBe(true);
    expect(looksLikeJson(' [{"a":1}] ')).toBe(true);
    expect(looksLikeJson('{}')).toBe(true);
    expect(looksLikeJson('[██░░]')).toBe(false);
    expect(looksLikeJson('[x] done')).toBe(false);
    expect(looksLikeJson('"just a string"')).toBe(false);
    expect(looksLikeJson('42')).toBe(false);
  });
});
