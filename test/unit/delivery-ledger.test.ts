import { describe, expect, it } from 'vitest';
import {
  CHANGED_TICKETS_KEPT,
  eventStanding,
  ledgerCsv,
  ledgerRows,
  type LedgerInput,
} from '../../src/ledger/delivery-ledger.js';
import { whyNotEligible } from '../../src/select/why-not-eligible.js';
import { renderTextSummary } from '../../src/cli/text-summary.js';
import { newRunReport } from '../../src/pipeline/run-pipeline.js';
import { Progress } from '../../src/progress/progress.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { parseSettings } from '../../src/settings/settings.js';
import { percentDelivered, progressBar } from '../../src/run-report.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { deliveryId } from '../../src/webhook/envelope.js';

const EVENT = '68108c20c5c88849372bfb61';
const RULES = { eventId: EVENT, statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'HIA' };

function ticket(n: number, fields: Record<string, unknown> = {}): Ticket {
  return {
    _id: `aaaaaaaaaaaaaaaaaaaa${String(n).padStart(4, '0')}`,
    eventId: EVENT,
    ticketTypeId: 'type-1',
    ticketName: 'HYROX MEN | CHARITY HIA',
    status: 'VALID',
    createdAt: `2025-01-0${n}T09:00:00.000Z`,
    transactionId: `tx${n}`,
    name: 'Paddy McCann',
    email: 'paddy@example.org',
    barcode: 'HYgzx3nvev',
    secret: 'f00dfeedf00dfeedf00dfeedf00dfeed',
    ...fields,
  };
}

function input(
  tickets: Ticket[],
  progress: Progress,
  pullComplete = true,
  rules: LedgerInput['rules'] = RULES,
): LedgerInput {
  const selection = selectTickets(tickets, rules);
  return {
    tickets,
    eligible: selection.eligible,
    soldAfterCutoff: selection.soldAfterCutoff,
    pullComplete,
    rules,
    progress,
  };
}

describe('ledgerRows', () => {
  const AT = '2026-11-29T23:05:12Z';

  it('marks eligible tickets delivered (with when), failed (last answer, when) or pending', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: EVENT, id: ticket(1)._id, at: AT });
    const failure = (error: string, timestamp: string) => ({
      t: 'error' as const,
      error: { event_id: EVENT, ticket_id: ticket(2)._id, status: 422, error, timestamp },
    });
    progress.apply(failure('first answer', '2026-11-29T22:00:00Z'));
    progress.apply(failure('ticketTypeId not found in KV store', '2026-11-29T23:00:00Z'));
    const rows = ledgerRows(input([ticket(3), ticket(2), ticket(1)], progress));
    expect(rows.map((r) => [r._id, r.state, r.reason, r.when])).toEqual([
      [ticket(1)._id, 'delivered', '', AT],
      [ticket(2)._id, 'failed', '422 ticketTypeId not found in KV store', '2026-11-29T23:00:00Z'],
      [ticket(3)._id, 'pending', '', ''],
    ]);
    expect(rows[0]).toMatchObject({
      ticketName: 'HYROX MEN | CHARITY HIA',
      ticketTypeId: 'type-1',
      status: 'VALID',
      createdAt: '2025-01-01T09:00:00.000Z',
      transactionId: 'tx1',
      deliveryId: deliveryId(ticket(1)),
    });
  });

  it('lists delivered tickets that are not eligible now as changed, saying what changed', () => {
    const progress = new Progress();
    for (const n of [1, 2, 3, 4, 5]) progress.apply({ t: 'sent', e: EVENT, id: ticket(n)._id });
    const now = [
      ticket(1),
      ticket(2, { status: 'INVALID' }),
      ticket(3, { ticketName: 'HYROX MEN' }),
      ticket(5, { eventId: 'bbbbbbbbbbbbbbbbbbbbbbbb' }),
    ];
    const rows = ledgerRows(input(now, progress));
    expect(rows.map((r) => [r._id, r.state, r.status, r.reason])).toEqual([
      [ticket(1)._id, 'delivered', 'VALID', ''],
      [ticket(2)._id, 'changed since delivery', 'INVALID', 'status now INVALID'],
      [ticket(3)._id, 'changed since delivery', 'VALID', 'ticketName no longer contains "HIA"'],
      [ticket(4)._id, 'changed since delivery', '', 'gone from the pull'],
      [ticket(5)._id, 'changed since delivery', 'VALID', 'now of another event'],
    ]);
    // A gone ticket keeps its delivery id: it depends on the _id alone.
    expect(rows[3]!.deliveryId).toBe(deliveryId(ticket(4)));
  });

  it('does not call a ticket missing from an incomplete pull changed', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: EVENT, id: ticket(4)._id });
    const [row] = ledgerRows(input([ticket(1)], progress, false)).slice(1);
    expect(row).toMatchObject({
      state: 'delivered',
      reason: 'not in this pull, which was incomplete',
    });
  });

  it('redacts a recorded answer again against the ticket as it is now', () => {
    const progress = new Progress();
    progress.apply({
      t: 'error',
      error: {
        event_id: EVENT,
        ticket_id: ticket(1)._id,
        status: 400,
        error: 'bad holder Paddy McCann',
        timestamp: AT,
      },
    });
    const [row] = ledgerRows(input([ticket(1)], progress));
    expect(row!.reason).toBe('400 bad holder [redacted]');
  });
});

describe('whyNotEligible', () => {
  it('agrees with the selection', () => {
    expect(whyNotEligible(ticket(1), RULES)).toBeUndefined();
    expect(whyNotEligible(ticket(1, { status: 'RESERVED' }), RULES)).toBe('status now RESERVED');
    expect(whyNotEligible(ticket(1, { status: undefined }), RULES)).toBe(
      'now without an eventId, ticketName or status',
    );
  });
});

describe('ledgerCsv', () => {
  it('is UTF-8 with a BOM, CRLF, quoted where needed, formulas defused, and holds no personal data', () => {
    const progress = new Progress();
    const hostile = ticket(1, { ticketName: '=HYPERLINK("http://x","HIA, Zürich")' });
    const csv = [
      ...ledgerCsv(ledgerRows(input([hostile, ticket(2, { ticketName: '@HIA' })], progress))),
    ].join('');
    expect(
      csv.startsWith(
        '\ufeff_id,ticketName,ticketTypeId,status,createdAt,transactionId,delivery id,state,reason,when,redelivered\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain(
      `${hostile._id},"'=HYPERLINK(""http://x"",""HIA, Zürich"")",type-1,VALID,`,
    );
    expect(csv).toContain(",'@HIA,");
    for (const value of ['Paddy', 'paddy@example.org', 'HYgzx3nvev', 'f00dfeed']) {
      expect(csv).not.toContain(value);
    }
  });

  it('comes in pieces of 1,000 rows: one BOM and one header, every row once, in order', () => {
    const tickets = Array.from({ length: 2_500 }, (_, i) => ticket(i + 1));
    const rows = ledgerRows(input(tickets, new Progress()));
    const pieces = [...ledgerCsv(rows)];
    const lines = pieces.join('').split('\r\n').slice(0, -1);
    expect(pieces).toHaveLength(3);
    expect(pieces.join('').match(/\ufeff/g)).toHaveLength(1);
    expect(lines.filter((line) => line.includes('delivery id'))).toHaveLength(1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(rows.map((row) => row._id));
    expect([...ledgerCsv([])].join('')).toMatch(/^\ufeff_id,.*,when,redelivered\r\n$/);
  });
});

describe('eventStanding', () => {
  it('counts delivered of eligible, failures by answer, time left and runs of the budget', () => {
    const progress = new Progress();
    const tickets = Array.from({ length: 9 }, (_, i) => ticket(i + 1));
    for (const t of tickets.slice(0, 3)) progress.apply({ t: 'sent', e: EVENT, id: t._id });
    for (const t of tickets.slice(3, 5)) {
      progress.apply({
        t: 'error',
        error: { event_id: EVENT, ticket_id: t._id, status: 503, error: 'busy', timestamp: 'x' },
      });
    }
    progress.apply({ t: 'sent', e: EVENT, id: 'cccccccccccccccccccccccc' });
    const rows = ledgerRows(input(tickets, progress));
    const standing = eventStanding(EVENT, rows, {
      intervalSeconds: 1.8,
      runBudgetMinutes: 0.06, // 3.6 s: two deliveries per run
      pullComplete: true,
    });
    expect(standing).toMatchObject({
      eligible: 9,
      delivered: 3,
      failed: 2,
      pending: 4,
      failuresByReason: [{ reason: '503 busy', tickets: 2 }],
      changed: 1,
      timeLeftMs: 6 * 1800,
      followUpRuns: 3,
    });
    expect(standing.changedShown).toEqual([
      {
        id: 'cccccccccccccccccccccccc',
        ticketName: '',
        ticketTypeId: '',
        status: '',
        change: 'gone from the pull',
      },
    ]);
    expect(percentDelivered(standing)).toBe('33.3%');
    expect(progressBar(standing, 20)).toBe(`${'█'.repeat(6)}${'░'.repeat(14)}`);
  });

  it('takes 2 runs of the 330-minute budget for 19,999 tickets at 1.8 s (11,000 a run)', () => {
    const row = ledgerRows(input([ticket(1)], new Progress()))[0]!;
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      ...row,
      state: i === 0 ? ('delivered' as const) : ('pending' as const),
    }));
    const standing = eventStanding(EVENT, rows, {
      intervalSeconds: 1.8,
      runBudgetMinutes: 330,
      pullComplete: true,
    });
    expect(standing).toMatchObject({ delivered: 1, pending: 19_999, followUpRuns: 2 });
    expect(standing.timeLeftMs).toBeCloseTo(19_999 * 1800);
    expect(
      eventStanding(EVENT, rows.slice(0, 11_001), {
        intervalSeconds: 1.8,
        runBudgetMinutes: 330,
        pullComplete: true,
      }).followUpRuns,
    ).toBe(1);
  });

  it('keeps the first 50 changed tickets and counts them all; 100% only when all are delivered', () => {
    const progress = new Progress();
    const ids = Array.from(
      { length: 70 },
      (_, i) => `dddddddddddddddddddd${String(i).padStart(4, '0')}`,
    );
    for (const id of ids) progress.apply({ t: 'sent', e: EVENT, id });
    const standing = eventStanding(EVENT, ledgerRows(input([], progress)), {
      intervalSeconds: 1.8,
      runBudgetMinutes: 330,
      pullComplete: true,
    });
    expect(standing.changed).toBe(70);
    expect(standing.changedShown).toHaveLength(CHANGED_TICKETS_KEPT);
    expect(standing.followUpRuns).toBe(0);
    expect(percentDelivered({ ...standing, delivered: 1999, eligible: 2000 })).toBe('99.9%');
  });
});

describe('the summaries of how far and what changed', () => {
  it('show delivered of eligible, the bar, time left, runs left, and the first 50 changed then a count', () => {
    const progress = new Progress();
    const ids = Array.from(
      { length: 53 },
      (_, i) => `eeeeeeeeeeeeeeeeeeee${String(i).padStart(4, '0')}`,
    );
    for (const id of ids) progress.apply({ t: 'sent', e: EVENT, id });
    const tickets = Array.from({ length: 9 }, (_, i) => ticket(i + 1));
    progress.apply({ t: 'sent', e: EVENT, id: tickets[0]!._id });
    const standing = eventStanding(EVENT, ledgerRows(input(tickets, progress)), {
      intervalSeconds: 1.8,
      runBudgetMinutes: 330,
      pullComplete: true,
    });
    const report = {
      ...newRunReport(settings(), 0),
      // As an event of 20,000 eligible with one delivered stands: 19,999 left at 1.8 s.
      standings: [
        {
          ...standing,
          eligible: 20_000,
          delivered: 1,
          pending: 19_999,
          timeLeftMs: 19_999 * 1800,
          followUpRuns: 2,
        },
      ],
    };
    const summary = renderJobSummary(report);
    expect(summary).toContain(
      `| ${EVENT} | 1 | 20,000 | 0.0% | \`[░░░░░░░░░░░░░░░░░░░░]\` | 0 | 19,999 | 9 h 59 min | 2 runs |`,
    );
    expect(summary).toContain(`Event ${EVENT}: **53** tickets were delivered in an earlier run`);
    expect(summary).toContain(`| ${ids[49]} | - | - | - | gone from the pull |`);
    expect(summary).not.toContain(ids[50]!);
    expect(summary).toContain(`and 3 more: every one is in \`${report.ledgerName}\`.`);
    expect(report.ledgerName).toMatch(/^delivery-ledger\.receiver-[0-9a-f]{12}\.csv$/);
    const text = renderTextSummary(report);
    expect(text).toContain('0.0%  [░░░░░░░░░░░░░░░░░░░░]');
    expect(text).toContain(`Event ${EVENT}: 53 delivered earlier, not eligible now`);
    expect(text).toContain('  and 3 more');
  });
});

function settings() {
  return parseSettings(
    {
      region: 'PROD',
      'event-id': EVENT,
      'api-key': 'k',
      'webhook-url': 'https://receiver.example/test-created',
    },
    '/tmp',
  );
}
