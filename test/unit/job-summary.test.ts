import { describe, it, expect } from 'vitest';
import type { EventMetadata } from '../../src/output/event-metadata.js';
import { failureAdvice, unregisteredTicketTypes } from '../../src/report/failure-groups.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { escapeHtml, tableCell } from '../../src/report/render-markdown.js';
import type { RunReport } from '../../src/run-report.js';

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

function report(pulls: EventMetadata[]): RunReport {
  return {
    region: 'PROD',
    mode: 'pull-only',
    dryRun: false,
    vivenuOrigin: 'https://vivenu.com',
    ticketsDir: '/work/ws/purchased_tickets',
    progressFile: '/work/ws/historical_sync_progress_PROD.json',
    webhookUrl: 'https://receiver.example/test-created',
    signed: true,
    intervalSeconds: 1.8,
    startedAtMs: 0,
    syncs: [],
    failures: [],
    plans: [],
    complete: false,
    pulls: pulls.map((m) => ({
      metadata: m,
      eventDir: `/work/ws/purchased_tickets/${m.event_id}`,
    })),
  };
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

  it('starts with the region and mode', () => {
    expect(lines[0]).toBe('## Vivenu historical sync · PROD · pull-only');
    expect(summary).toContain(
      'Vivenu: `https://vivenu.com` · tickets: `/work/ws/purchased_tickets`',
    );
  });

  it('has one row per event and a totals row that sums them', () => {
    const start = lines.indexOf('### Pulled');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 7)).toEqual([
      '| Event | Reported | Pulled | Complete | Requests | Seconds |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| ${EVENT_A} | 1,500 | 1,498 | **no** | 17 | 12.3 |`,
      `| ${EVENT_B} | 20 | 20 | yes | 1 | 0.4 |`,
      '| **Total** | 1,520 | 1,518 |  |  |  |',
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
      `<details><summary>Event ${EVENT_A}: 1,498 tickets by status and ticket type</summary>\n`,
    );
    expect(summary).toContain(
      '| Status | Tickets |\n| --- | ---: |\n| VALID | 1,490 |\n| INVALID | 8 |',
    );
    expect(summary).toContain(
      'Created from 2024-01-05T09:00:00.000Z to 2024-02-28T18:30:00.000Z.\n\n</details>',
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
    expect(empty).toContain('No tickets were pulled.');
    expect(empty).not.toContain('### Pulled');
    expect(empty).toContain('> [!CAUTION]\n> event-id is required');
  });
});

describe('failures: grouped by reason, with what to do', () => {
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
    failure('t4', 422, 'invalid ticket'),
    failure('t5', null, 'timed out after 4 attempts'),
  ];

  it('lists the ticketTypeIds to register, most tickets first', () => {
    expect(unregisteredTicketTypes(failures)).toEqual([
      ['type-b', 2],
      ['type-a', 1],
    ]);
    const summary = renderJobSummary({ ...report([]), mode: 'sync', failures });
    expect(summary).toContain('`type-b` (2 tickets), `type-a` (1 tickets)');
    expect(summary).toMatch(/\| 404 \| 3 \| t1, t2, t3 \| Register the ticket types/);
  });

  it('advice by cause: register, run later, or check the answer', () => {
    expect(failureAdvice(404, kv)).toMatch(/^Register/);
    expect(failureAdvice(null, 'timed out')).toMatch(/run again later/);
    expect(failureAdvice(503, 'HTTP 503')).toMatch(/run again later/);
    expect(failureAdvice(429, 'HTTP 429')).toMatch(/run again later/);
    expect(failureAdvice(422, 'invalid')).toMatch(/check its answer/);
  });
});
