import { describe, it, expect } from 'vitest';
import type { EventMetadata } from '../../src/ticket-files/event-metadata.js';
import { failureReason, groupFailures } from '../../src/report/failure-groups.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { escapeHtml, renderMarkdown, tableCell } from '../../src/report/render-markdown.js';
import { renderText, textTable } from '../../src/report/render-text.js';
import { runSummary } from '../../src/report/run-summary.js';
import {
  joinSpans,
  numberColumn,
  shownIn,
  textColumn,
  type RunSummary,
} from '../../src/report/summary-model.js';
import { duration, limitExceededText, runsText } from '../../src/report/summary-phrases.js';
import type { RunReport } from '../../src/run-report.js';
import { runReport, syncReport } from '../support/run-reports.js';

const EVENT_A = '65a1b2c3d4e5f60718293a4b';
const EVENT_B = '65a1b2c3d4e5f60718293a4c';

function metadata(overrides: Partial<EventMetadata>): EventMetadata {
  return {
    event_id: EVENT_A,
    region: 'PROD',
    pulled_at: '2024-03-01T12:00:00.000Z',
    vivenu_origin: 'https://vivenu.com',
    total_reported: 0,
    total_pulled: 0,
    without_id: 0,
    complete: true,
    by_status: {},
    by_ticket_name: {},
    first_created_at: null,
    last_created_at: null,
    api_calls: 0,
    retries: 0,
    passes: 1,
    duration_ms: 0,
    ...overrides,
  };
}

/** A pull-only run of PROD that has not completed, with no event looked up. */
function report(pulls: EventMetadata[]): RunReport {
  return runReport({
    region: 'PROD',
    mode: 'pull-only',
    vivenuOrigin: 'https://vivenu.com',
    ticketsDir: '/work/ws/purchased_tickets',
    progressFile: '/work/ws/historical_sync_progress_PROD.json',
    webhookUrl: 'https://receiver.example/test-created',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    events: undefined,
    syncs: [],
    complete: false,
    pulls: pulls.map((m) => ({
      metadata: m,
      eventDir: `/work/ws/purchased_tickets/${m.event_id}`,
    })),
  });
}

const twoEvents = report([
  metadata({
    event_id: EVENT_A,
    total_reported: 1_500,
    total_pulled: 1_498,
    complete: false,
    api_calls: 17,
    duration_ms: 12_340,
    by_status: { VALID: 1_490, INVALID: 8 },
    by_ticket_name: {
      'HYROX MEN | CHARITY HIA': 1_000,
      '<script>alert(1)</script>': 497,
      'Line\nbreak': 1,
    },
    first_created_at: '2024-01-05T09:00:00.000Z',
    last_created_at: '2024-02-28T18:30:00.000Z',
  }),
  metadata({
    event_id: EVENT_B,
    total_reported: 20,
    total_pulled: 20,
    complete: true,
    api_calls: 1,
    duration_ms: 400,
    by_status: { VALID: 20 },
    by_ticket_name: { Spectator: 20 },
  }),
]);

describe('tableCell and escapeHtml', () => {
  it('escapes pipes, HTML and line breaks', () => {
    expect(tableCell('HYROX MEN | CHARITY HIA')).toBe('HYROX MEN \\| CHARITY HIA');
    expect(tableCell('a\r\nb\nc')).toBe('a b c');
    expect(escapeHtml('<b>Tom & Jerry</b>')).toBe('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
  });
});

describe('renderJobSummary', () => {
  const summary = renderJobSummary(twoEvents);
  const lines = summary.split('\n');

  it('starts with the region and mode, and folds the run details away', () => {
    expect(lines[0]).toBe('## Vivenu historical sync · PROD · pull-only');
    expect(summary).toContain('<details><summary>Run details</summary>');
    expect(summary).toContain('Vivenu: `https://vivenu.com`');
    expect(summary).toContain('Tickets folder: `/work/ws/purchased_tickets`');
  });

  it('has one row per event and a totals row that sums them; text left, numbers right', () => {
    const start = lines.indexOf('### Pulled');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 7)).toEqual([
      '| Event | Reported | Pulled | Complete |',
      '| :--- | ---: | ---: | :--- |',
      `| ${EVENT_A} | 1,500 | 1,498 | **no** |`,
      `| ${EVENT_B} | 20 | 20 | yes |`,
      '| **Total** | 1,520 | 1,518 |  |',
    ]);
  });

  it('escapes pipes in ticket names so the table keeps its columns', () => {
    expect(lines).toContain('| HYROX MEN \\| CHARITY HIA | 1,000 |');
    expect(summary).not.toContain('HYROX MEN | CHARITY');
  });

  it('escapes HTML in ticket names', () => {
    expect(lines).toContain('| &lt;script&gt;alert(1)&lt;/script&gt; | 497 |');
    expect(summary).not.toContain('<script>');
  });

  it('keeps a ticket name with a line break on one table row', () => {
    expect(lines).toContain('| Line break | 1 |');
  });

  it('lists counts by status and ticket type per event, with the creation range', () => {
    expect(summary).toContain(
      `<details><summary>${EVENT_A}: 1,498 tickets by status and ticket type</summary>\n`,
    );
    expect(summary).toContain(
      '| Status | Tickets |\n| :--- | ---: |\n| VALID | 1,490 |\n| INVALID | 8 |',
    );
    expect(summary).toContain(
      'Created from 5 Jan 2024 09:00 UTC to 28 Feb 2024 18:30 UTC.\n\n</details>',
    );
    expect(summary).toContain('Created from - to -.\n\n</details>');
  });

  it('shows no failure block when the run did not fail', () => {
    expect(summary).not.toContain('[!CAUTION]');
    expect(summary.endsWith('</details>\n')).toBe(true);
  });

  it('shows a failure as an escaped CAUTION block, every line quoted', () => {
    const failed = renderJobSummary(
      twoEvents,
      'Vivenu refused the key for PROD.\nCheck the secret <REGION>_API & run again.',
    );
    expect(failed).toContain(
      '> [!CAUTION]\n> Vivenu refused the key for PROD.\n> Check the secret &lt;REGION&gt;_API &amp; run again.\n\n',
    );
    expect(failed.indexOf('[!CAUTION]')).toBeLessThan(failed.indexOf('### Pulled'));
  });

  it('says so when no tickets were pulled', () => {
    const empty = renderJobSummary(report([]), 'event-id is required');
    expect(empty.split('\n\n')[1]).toBe(
      '❌ Stopped: event-id is required. **Next:** read the error below.',
    );
    expect(empty).not.toContain('### Pulled');
    expect(empty).toContain('> [!CAUTION]\n> event-id is required');
  });
});

describe('failures: grouped by reason in words, with what to do', () => {
  const failure = (
    ticketId: string,
    status: number | null,
    reason: string,
    ticketTypeId?: string,
  ) => ({
    eventId: EVENT_A,
    ticketId,
    ticketName: 'HYROX MEN | CHARITY HIA',
    ticketTypeId,
    status,
    reason,
  });
  const kv = '{"error":"ticketTypeId not found in KV store"}';
  const failures = [
    failure('t1', 404, kv, 'type-b'),
    failure('t2', 404, kv, 'type-a'),
    failure('t3', 404, kv, 'type-b'),
    failure('t4', 422, '{"error":"invalid ticket"}'),
    failure('t5', null, 'timed out after 4 attempts'),
  ];

  it('names the ticket types to register, most tickets first, and no raw answer', () => {
    const [unregistered] = groupFailures(failures);
    expect(unregistered).toMatchObject({
      label: 'Not registered on the receiver',
      tickets: 3,
      ids: ['t1', 't2', 't3'],
      ticketTypes: [
        { ticketTypeId: 'type-b', tickets: 2 },
        { ticketTypeId: 'type-a', tickets: 1 },
      ],
    });
    const summary = renderJobSummary({ ...report([]), mode: 'sync', failures });
    expect(summary).toContain(
      '**Not registered on the receiver**: 3 tickets. Register these ticket types with the receiver',
    );
    expect(summary).toContain(`| HYROX MEN \\| CHARITY HIA | \`type-b\` | ${EVENT_A} | 2 |`);
    expect(summary).toContain('**Refused by the receiver (HTTP 422)**: 1 ticket.');
    expect(summary).toContain('**No answer from the receiver**: 1 ticket.');
    expect(summary).not.toMatch(/KV store|invalid ticket|timed out|\{"/);
  });

  it('advice by cause: register, run later, or read its answer', () => {
    expect(failureReason(404, kv).advice).toMatch(/^Register/);
    expect(failureReason(null, 'timed out').advice).toMatch(/run again later/);
    expect(failureReason(503, 'HTTP 503').advice).toMatch(/run again later/);
    expect(failureReason(429, 'HTTP 429').advice).toMatch(/run again later/);
    expect(failureReason(422, 'invalid').advice).toMatch(
      /delivery ledger \(`delivery-ledger\*\.csv`\)/,
    );
  });
});

describe('the run summary: one model, rendered as Markdown and as text', () => {
  const summary: RunSummary = {
    title: ['Title · ', { literal: 'A *name* <b>' }],
    sections: [
      {
        kind: 'section',
        heading: ['Figures'],
        blocks: [
          {
            kind: 'table',
            table: {
              columns: [
                textColumn({ markdown: 'Event', text: 'Figures event' }),
                numberColumn('Count'),
                numberColumn('Markdown only', 'markdown'),
                numberColumn('Text only', 'text'),
              ],
              rows: [
                [{ literal: 'a_b|c' }, 1_234, 'x|y', 'text cell'],
                [{ code: '[██░░]' }, 0, { markdown: { strong: 'no' }, text: 'NO' }, ''],
              ],
              totals: { cells: [{ strong: 'Total' }, 1_234, '', ''], only: 'markdown' },
            },
          },
          {
            kind: 'paragraph',
            lines: [
              ['Said: ', { value: '<x>\n&' }, ' in ', { code: 'a`b' }, ' ', { strong: 'now' }],
            ],
          },
          { kind: 'paragraph', lines: [['only in a terminal']], only: 'text' },
          {
            kind: 'section',
            heading: ['Deeper'],
            blocks: [
              {
                kind: 'details',
                summary: ['More'],
                blocks: [{ kind: 'paragraph', lines: [['inside']] }],
                only: 'markdown',
              },
            ],
          },
        ],
      },
      {
        kind: 'section',
        blocks: [
          { kind: 'callout', tone: 'NOTE', spans: ['one\ntwo'], only: 'markdown' },
          { kind: 'paragraph', lines: [['see ', { link: 'the run', url: 'https://x/1' }]] },
        ],
      },
    ],
  };

  it('renders Markdown: headings a level deeper per section, escaped cells, details, callouts', () => {
    expect(renderMarkdown(summary)).toBe(
      [
        '## Title · A \\*name\\* &lt;b&gt;',
        '### Figures',
        [
          '| Event | Count | Markdown only |',
          '| :--- | ---: | ---: |',
          '| a\\_b\\|c | 1,234 | x\\|y |',
          '| `[██░░]` | 0 | **no** |',
          '| **Total** | 1,234 |  |',
        ].join('\n'),
        "Said: &lt;x&gt;\n&amp; in `a'b` **now**",
        '#### Deeper',
        '<details><summary>More</summary>\n\n\ninside\n\n</details>',
        '> [!NOTE]\n> one\n> two',
        'see [the run](https://x/1)',
      ].join('\n\n') + '\n',
    );
  });

  it('renders text: no headings, padded tables, control characters escaped', () => {
    expect(renderText(summary)).toBe(
      [
        [
          'Figures event  Count  Text only',
          '-------------  -----  ---------',
          'a_b|c          1,234  text cell',
          '[██░░]             0',
        ].join('\n'),
        'Said: <x>\\n& in a`b now',
        'only in a terminal',
        'see the run (https://x/1)',
      ].join('\n\n'),
    );
  });

  it('shows a part in every rendering unless it names one', () => {
    expect(shownIn('markdown', {})).toBe(true);
    expect(shownIn('text', { only: 'markdown' })).toBe(false);
    expect(shownIn('text', { only: 'text' })).toBe(true);
  });

  it('joins outside values with a separator', () => {
    expect(joinSpans([[{ value: 'a' }], ['b', { value: 'c' }]], ', ')).toEqual([
      { value: 'a' },
      ', ',
      'b',
      { value: 'c' },
    ]);
    expect(joinSpans([], ', ')).toEqual([]);
  });

  it('aligns text columns as told; by default the first left and the rest right', () => {
    expect(textTable(['a', 'bb'], [['xx', 'y']])).toBe('a   bb\n--  --\nxx   y');
    expect(textTable(['a', 'bb'], [['xx', 'y']], ['right', 'left'])).toBe(' a  bb\n--  --\nxx  y');
  });

  it('orders the sections as the job summary reads, each under its heading', () => {
    const headings = (model: RunSummary): unknown[] =>
      model.sections.flatMap((section) => (section.heading ? [section.heading] : []));
    const model = runSummary(
      {
        ...twoEvents,
        mode: 'sync',
        syncs: [
          syncReport({
            eventId: EVENT_A,
            found: 3,
            eligible: 3,
            sentNow: 2,
            failed: 1,
            remaining: 1,
          }),
        ],
        failures: [
          { eventId: EVENT_A, ticketId: 't1', ticketName: 'n', status: 500, reason: 'HTTP 500' },
        ],
      },
      'it failed',
    );
    expect(model.title).toEqual(['Vivenu historical sync · ', 'PROD · sync → test receiver']);
    expect(headings(model)).toEqual([
      ['Pulled'],
      ['Delivered'],
      ['Failed deliveries (retried on the next run)'],
    ]);
    expect(model.sections[0]!.blocks[0]).toMatchObject({ kind: 'paragraph', only: 'markdown' });
    expect(model.sections[0]!.blocks.find((block) => block.kind === 'callout')).toMatchObject({
      tone: 'CAUTION',
    });
    expect(model.sections.at(-1)!.heading).toBeUndefined();
  });
});

describe('summary phrases', () => {
  it('durations in seconds, minutes or hours', () => {
    expect(duration(12_400)).toBe('12 s');
    expect(duration(200_000)).toBe('3 min 20 s');
    expect(duration(4_320_000)).toBe('1 h 12 min');
  });

  it('runs, one or many', () => {
    expect(runsText(1)).toBe('1 run');
    expect(runsText(1_200)).toBe('1,200 runs');
  });

  it('a limit exceeded to keep a team together', () => {
    expect(limitExceededText({ teamSize: 1_005, by: 5 })).toBe(
      '`limit` (1,000) was exceeded by 5 to keep a team of 1,005 together',
    );
  });
});
