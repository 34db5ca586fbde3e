import { describe, expect, it } from 'vitest';
import { showPlan } from '../../src/modes/dry-run-plan.js';
import { noteInReport, type RunEvent } from '../../src/run-events.js';
import type { PipelineRun } from '../../src/modes/mode-run.js';
import {
  failureReason,
  groupFailures,
  ledgerFailureReason,
  reasonLabel,
} from '../../src/report/failure-groups.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { runSummary } from '../../src/report/run-summary.js';
import { counted, duration, humanDate } from '../../src/report/summary-phrases.js';
import type {
  EventStanding,
  EventSyncReport,
  FailedDelivery,
  RunReport,
} from '../../src/run-report.js';
import { runReport, syncReport } from '../support/run-reports.js';
import type { Ticket } from '../../src/vivenu/tickets.js';

const EVENT_A = '65a1b2c3d4e5f60718293a4b';
const EVENT_B = '65a1b2c3d4e5f60718293a4c';
const KV = '{"error":"ticketTypeId not found in KV store"}';

function sync(overrides: Partial<EventSyncReport>): EventSyncReport {
  return syncReport({ eventId: EVENT_A, found: 200, rejectedName: 48, ...overrides });
}

function standing(overrides: Partial<EventStanding>): EventStanding {
  return {
    eventId: EVENT_A,
    eligible: 152,
    delivered: 152,
    failed: 0,
    pending: 0,
    soldAfterCutoff: 0,
    failuresByReason: [],
    changed: 0,
    changedShown: [],
    timeLeftMs: 0,
    followUpRuns: 0,
    runBudgetMinutes: 330,
    intervalSeconds: 1.8,
    pullComplete: true,
    ledgerFile: '/work/ws/delivery-ledger.csv',
    ...overrides,
  };
}

function failure(ticketId: string, overrides: Partial<FailedDelivery> = {}): FailedDelivery {
  return {
    eventId: EVENT_A,
    ticketId,
    ticketName: 'HYROX MEN | CHARITY',
    ticketTypeId: 'type-a',
    status: 404,
    reason: KV,
    ...overrides,
  };
}

function report(overrides: Partial<RunReport>): RunReport {
  return runReport({
    ticketsDir: '/work/ws/purchased_tickets',
    progressFile: '/work/ws/historical_sync_progress_DEV.json',
    webhookUrl: 'https://receiver.example/test-created',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    stagingTickets: false,
    events: [{ eventId: EVENT_A, name: 'HYROX Berlin', start: null, end: null }],
    syncs: [],
    complete: false,
    ...overrides,
  });
}

const markdown = (r: RunReport): string => renderMarkdown(runSummary(r));
const text = (r: RunReport): string => renderText(runSummary(r));

/** The Markdown tables of a summary: header, alignment and body rows, cells split on unescaped pipes. */
function tables(summary: string): { header: string[]; align: string[]; rows: string[][] }[] {
  const cells = (row: string): string[] =>
    row
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((cell) => cell.trim());
  const found = [];
  const lines = summary.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('| ') || !/^\| :?---/.test(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; lines[j]?.startsWith('| '); j++) rows.push(cells(lines[j]!));
    found.push({ header: cells(lines[i]!), align: cells(lines[i + 1]!), rows });
    i = j;
  }
  return found;
}

describe('the reason in words, from the receiver answer', () => {
  it('one table decides it, first match wins', () => {
    const words = (status: number | null, answer: string) => failureReason(status, answer).words;
    expect(words(404, KV)).toBe('Not registered on the receiver');
    expect(words(400, 'unknown ticketTypeId abc')).toBe('Not registered on the receiver');
    expect(words(422, 'ticket type id not registered')).toBe('Not registered on the receiver');
    expect(words(null, 'timed out after 4 attempts')).toBe('No answer from the receiver');
    expect(words(429, 'HTTP 429')).toBe('Receiver busy');
    expect(words(503, 'HTTP 503 after 4 attempts')).toBe('Receiver error');
    expect(words(422, '{"error":"ticketTypeId missing"}')).toBe('Refused by the receiver');
    expect(words(302, '')).toBe('Unexpected answer from the receiver');
  });

  it('reads the ledger reason, its status first', () => {
    expect(ledgerFailureReason(`404 ${KV}`).kind).toBe('not-registered');
    expect(ledgerFailureReason('no answer timed out').kind).toBe('no-answer');
    expect(ledgerFailureReason('502 HTTP 502 after 4 attempts').kind).toBe('receiver-error');
  });

  it('labels a group with the statuses seen, where they tell more', () => {
    expect(reasonLabel(failureReason(503, ''), [503, 502, 503])).toBe(
      'Receiver error (HTTP 502, 503)',
    );
    expect(reasonLabel(failureReason(404, KV), [404])).toBe('Not registered on the receiver');
    expect(reasonLabel(failureReason(null, ''), [null])).toBe('No answer from the receiver');
  });

  it('groups by reason, most tickets first, and by ticket type within', () => {
    const groups = groupFailures([
      failure('t1', { status: 500, reason: 'HTTP 500' }),
      failure('t2'),
      failure('t3', { ticketTypeId: 'type-b', ticketName: 'HYROX WOMEN | CHARITY' }),
      failure('t4', { ticketTypeId: 'type-b', ticketName: 'HYROX WOMEN | CHARITY' }),
    ]);
    expect(groups.map((g) => [g.label, g.tickets, g.ids])).toEqual([
      ['Not registered on the receiver', 3, ['t2', 't3', 't4']],
      ['Receiver error (HTTP 500)', 1, ['t1']],
    ]);
    expect(groups[0]!.ticketTypes.map((t) => [t.ticketTypeId, t.tickets])).toEqual([
      ['type-b', 2],
      ['type-a', 1],
    ]);
  });
});

describe('phrases: plurals and dates', () => {
  it('counts with the right noun', () => {
    expect(counted(1, 'ticket')).toBe('1 ticket');
    expect(counted(0, 'ticket')).toBe('0 tickets');
    expect(counted(2, 'commit')).toBe('2 commits');
    expect(counted(1_200, 'delivery', 'deliveries')).toBe('1,200 deliveries');
  });

  it('durations without a zero part', () => {
    expect(duration(60_000)).toBe('1 min');
    expect(duration(7_200_000)).toBe('2 h');
    expect(duration(7_260_000)).toBe('2 h 1 min');
  });

  it('dates in UTC, as people read them', () => {
    expect(humanDate('2025-01-06T09:00:00.000Z')).toBe('6 Jan 2025 09:00 UTC');
    expect(humanDate('2025-12-31T23:59:59+02:00')).toBe('31 Dec 2025 21:59 UTC');
    expect(humanDate(Date.UTC(2024, 1, 29, 7, 5))).toBe('29 Feb 2024 07:05 UTC');
    expect(humanDate(null)).toBe('-');
    expect(humanDate('not a date')).toBe('not a date');
  });
});

describe('failed deliveries: told once, in words', () => {
  const failures = [
    ...Array.from({ length: 14 }, (_, i) => failure(`t${i}`)),
    failure('t14', { status: 503, reason: 'HTTP 503 after 4 attempts: {"e":1}' }),
  ];
  const failed = report({
    syncs: [sync({ sentNow: 137, failed: 15, remaining: 15 })],
    failures,
    standings: [
      standing({
        delivered: 137,
        failed: 17,
        failuresByReason: [
          { reason: `404 ${KV}`, tickets: 14 },
          { reason: 'no answer timed out after 4 attempts', tickets: 2 },
          { reason: '503 HTTP 503 after 4 attempts: {"e":1}', tickets: 1 },
        ],
      }),
    ],
  });
  const summary = markdown(failed);

  it('a group per reason: ticket type, ticketTypeId, event and count, the _ids in a fold', () => {
    expect(summary).toContain(
      '**Not registered on the receiver**: 14 tickets. Register these ticket types with the receiver, then run again',
    );
    expect(summary).toContain(
      `| HYROX MEN \\| CHARITY | \`type-a\` | HYROX Berlin · ${EVENT_A} | 14 |`,
    );
    expect(summary).toContain('<details><summary>_id of the 14 tickets</summary>');
    expect(summary).toContain('`t0`, `t1`, `t2`');
    expect(summary).toContain('**Receiver error (HTTP 503)**: 1 ticket.');
  });

  it('earlier runs\u2019 failures not tried now, by reason; the how-far table only counts', () => {
    expect(summary).toContain(
      `2 tickets of HYROX Berlin · ${EVENT_A} failed in an earlier run and were not tried in this one: No answer from the receiver (2).`,
    );
    expect(summary).not.toContain('failed by last answer');
    const howFar = tables(summary).find((t) => t.header.includes('Never tried'))!;
    expect(howFar.rows[0]![5]).toBe('17');
  });

  it('quotes no raw answer, in either rendering', () => {
    for (const shown of [summary, text(failed)]) {
      expect(shown).not.toMatch(/KV store|\{"|HTTP 503 after/);
    }
  });

  it('a terminal: a narrow table without the event, and a few _ids', () => {
    const terminal = text(failed);
    expect(terminal).toContain('Failed ticket type   ticketTypeId  Tickets');
    expect(terminal).toContain('_id: t0, t1, t2, t3, t4 and 9 more');
    expect(terminal).not.toContain('_id of the');
  });

  it('names the event in a terminal too when the failures are of several', () => {
    const two = report({ failures: [failure('t1'), failure('t2', { eventId: EVENT_B })] });
    expect(text(two)).toMatch(/Failed ticket type\s+ticketTypeId\s+Event\s+Tickets/);
  });
});

describe('delivered: quiet by default', () => {
  it('one event: no Total row; text left, numbers right', () => {
    const summary = markdown(report({ syncs: [sync({})] }));
    const delivered = tables(summary).find((t) => t.header.includes('Sent now'))!;
    expect(delivered.rows).toHaveLength(1);
    expect(delivered.align).toEqual([':---', '---:', '---:', '---:', '---:', '---:', '---:']);
  });

  it('several events: a Total row', () => {
    const summary = markdown(report({ syncs: [sync({}), sync({ eventId: EVENT_B })] }));
    const delivered = tables(summary).find((t) => t.header.includes('Sent now'))!;
    expect(delivered.rows.at(-1)).toEqual(['**Total**', '400', '304', '0', '304', '0', '0']);
  });

  it('a re-run of a finished event says it is complete, not "Eligible 0"', () => {
    const rerun = report({ syncs: [sync({ passedOverAsComplete: true, deliveredBefore: 152 })] });
    for (const shown of [markdown(rerun), text(rerun)]) {
      expect(shown).toContain(
        `Complete in an earlier run: HYROX Berlin · ${EVENT_A} (152 tickets delivered earlier).`,
      );
      expect(shown).not.toMatch(/Eligible|already processed/);
    }
  });

  it('a dry run shows what a real run would deliver, not sent and failed', () => {
    const dry = report({ dryRun: true, syncs: [sync({ sentNow: 0, remaining: 152 })] });
    const delivered = tables(markdown(dry)).find((t) => t.header.includes('To deliver'))!;
    expect(delivered.header).toEqual([
      'Event',
      'Found',
      'Eligible',
      'Delivered before',
      'To deliver',
    ]);
  });

  it('every table: numbers right-aligned, text left', () => {
    const summary = markdown(
      report({
        syncs: [sync({ failed: 1, remaining: 1 })],
        failures: [failure('t1')],
        standings: [standing({ delivered: 151, failed: 1 })],
        testDelivery: {
          eventId: EVENT_A,
          ticketId: 't9',
          ticketName: 'HYROX MEN | CHARITY',
          url: 'https://receiver.example/test-created',
          status: 404,
          answer: KV,
          delivered: false,
        },
      }),
    );
    const figure = /^(\*\*Total\*\*|[\d,.]+(%| s| min( \d+ s)?| h( \d+ min)?| runs?)?|-|)$/;
    // Pulled is absent here; delivered, failed, how far and the test delivery are not.
    expect(tables(summary)).toHaveLength(4);
    for (const table of tables(summary)) {
      table.align.forEach((align, column) => {
        const cells = table.rows.map((row) => row[column]!);
        if (align === '---:') for (const cell of cells) expect(cell).toMatch(figure);
        else expect(cells.every((cell) => /^[\d,]+$/.test(cell) && cell !== '')).toBe(false);
      });
    }
    expect(summary).toContain(
      '| `t9` | HYROX MEN \\| CHARITY | https://receiver.example/test-created | Not registered on the receiver |',
    );
  });
});

describe('dry run: the plan', () => {
  const ticket = (i: number, ticketName: string, ticketTypeId: string): Ticket => ({
    _id: `id${String(i).padStart(2, '0')}`,
    ticketName,
    ticketTypeId,
    createdAt: new Date(Date.UTC(2025, 0, 6, 9, i)).toISOString(),
  });
  const send = [
    ...Array.from({ length: 20 }, (_, i) => ticket(i, 'HYROX MEN | CHARITY', 'type-a')),
    ...Array.from({ length: 5 }, (_, i) => ticket(20 + i, 'HYROX WOMEN | CHARITY', 'type-b')),
  ];
  const planned = report({ dryRun: true });
  const logged: string[] = [];
  showPlan(
    {
      settings: { webhookUrl: 'https://receiver.example/test-created' },
      services: { logger: { info: (line: string) => logged.push(line) } },
      note: (event: RunEvent) => noteInReport(planned, event),
    } as unknown as PipelineRun,
    EVENT_A,
    send,
  );

  it('counts the tickets by name and ticketTypeId, most first', () => {
    expect(planned.plans[0]!.ticketTypes).toEqual([
      { ticketName: 'HYROX MEN | CHARITY', ticketTypeId: 'type-a', count: 20 },
      { ticketName: 'HYROX WOMEN | CHARITY', ticketTypeId: 'type-b', count: 5 },
    ]);
    expect(logged.join('\n')).toContain('20 × HYROX MEN | CHARITY (ticketTypeId type-a)');
  });

  it('one table of ticket types; the first deliveries in a fold, dates human', () => {
    const summary = markdown(planned);
    expect(summary).toContain(
      `HYROX Berlin · ${EVENT_A}: 25 deliveries, oldest first. Created from 6 Jan 2025 09:00 UTC to 6 Jan 2025 09:24 UTC.`,
    );
    const [types, first] = tables(summary);
    expect(types!.header).toEqual(['Ticket type', 'ticketTypeId', 'Tickets']);
    expect(types!.rows).toEqual([
      ['HYROX MEN \\| CHARITY', '`type-a`', '20'],
      ['HYROX WOMEN \\| CHARITY', '`type-b`', '5'],
    ]);
    expect(first!.rows).toHaveLength(20);
    expect(first!.rows[0]).toEqual([
      '1',
      '6 Jan 2025 09:00 UTC',
      '`id00`',
      'HYROX MEN \\| CHARITY',
    ]);
    const fold = summary.indexOf('<details><summary>The first 20 deliveries, in order</summary>');
    expect(fold).toBeGreaterThan(0);
    expect(fold).toBeLessThan(summary.indexOf('| 1 | 6 Jan 2025 09:00 UTC |'));
  });

  it('a terminal gets the ticket types, not the first deliveries (its log lists them)', () => {
    const terminal = text(planned);
    expect(terminal).toMatch(/Would deliver: ticket type\s+ticketTypeId\s+Tickets/);
    expect(terminal).not.toContain('id00');
  });
});
