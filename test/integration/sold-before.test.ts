/**
 * `sold-before`: only the tickets sold before the region's live webhook went on are sent; the
 * rest (which the live webhook delivered itself) are pulled and filed, counted apart in the
 * summary and the ledger, and never sent.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { syncTotals } from '../../src/run-report.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { PROGRESS_FILE, syncFixture, type SyncFixture } from '../support/sync-fixture.js';

const EVENT = '6c0c1e2d3c4b5a6978877601';
const RULES = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const eligible = (tickets: Ticket[]): string[] =>
  selectTickets(tickets, RULES).eligible.map((t) => t._id);

/** Two sales days: January's before the live webhook went on (1 Feb), March's after. */
const january = generateEventTickets({
  eventId: EVENT,
  count: 90,
  seed: 81,
  startsAt: new Date('2025-01-06T09:00:00Z'),
});
const march = generateEventTickets({
  eventId: EVENT,
  count: 60,
  seed: 82,
  startsAt: new Date('2025-03-01T09:00:00Z'),
});
const CUTOFF = '2025-02-01';

let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('sold-before between two sales days', () => {
  it('sends exactly the eligible tickets sold before it, and counts the rest apart', async () => {
    expect(new Set([...january, ...march].map((t) => t._id)).size).toBe(150);
    fixture = await syncFixture({ [EVENT]: [...march, ...january] });
    const run = await fixture.run({ 'sold-before': CUTOFF });
    expect(run.error).toBeUndefined();
    const before = eligible(january);
    const after = eligible(march);
    expect(after.length).toBeGreaterThan(10);
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).toEqual(before);
    expect(run.report.syncs[0]).toMatchObject({
      eligible: before.length,
      soldAfterCutoff: after.length,
      found: 150,
    });
    expect(run.report.complete).toBe(true);
    expect(run.log).toContain(
      `  - Sold at or after sold-before 2025-02-01T00:00:00.000Z (the live webhook sent them): ${after.length}`,
    );

    // Counted apart in the summary's Pulled and How-far sections.
    const summary = renderJobSummary(run.report);
    const apart = `Sold after the live webhook went on (sold-before 1 Feb 2025 00:00 UTC): ${after.length} charity tickets, not sent.`;
    expect(summary.split('\n').filter((line) => line === apart)).toHaveLength(2);
    const pulled = summary.indexOf('### Pulled');
    const howFar = summary.indexOf('### How far each event is');
    expect(summary.indexOf(apart)).toBeGreaterThan(pulled);
    expect(summary.lastIndexOf(apart)).toBeGreaterThan(howFar);

    // The pull files every ticket; the ledger has each left-out ticket in a state of its own.
    const eventDir = path.join(fixture.workspace, 'purchased_tickets', EVENT);
    const filed = JSON.parse(
      await readFile(path.join(eventDir, 'all_tickets.json'), 'utf8'),
    ) as unknown[];
    expect(filed).toHaveLength(150);
    const ledger = await readFile(path.join(eventDir, run.report.ledgerName), 'utf8');
    const leftOut = ledger.split('\r\n').filter((line) => line.includes(',sold after cutoff,'));
    expect(leftOut.map((line) => line.split(',')[0])).toEqual(after);
    expect(leftOut[0]).toContain(
      'sold at or after sold-before (2025-02-01T00:00:00Z): the live webhook sent it',
    );
    expect(run.report.standings?.[0]).toMatchObject({
      eligible: before.length,
      delivered: before.length,
      soldAfterCutoff: after.length,
    });

    // Complete for this selection only: not the earlier tool's, which has no cutoff.
    const progress = JSON.parse(
      await readFile(path.join(fixture.workspace, PROGRESS_FILE), 'utf8'),
    ) as {
      events_processed: string[];
      event_progress: Record<string, { completed_for: unknown[] }>;
    };
    expect(progress.events_processed).toEqual([]);
    expect(progress.event_progress[EVENT]!.completed_for).toEqual([
      {
        statuses: ['DETAILSREQUIRED', 'VALID'],
        name_contains: 'CHARITY',
        sold_before: '2025-02-01T00:00:00.000Z',
      },
    ]);

    // The same cutoff again: complete, nothing sent.
    const again = await fixture.run({ 'sold-before': '2025-02-01T00:00Z' });
    expect(again.report.syncs[0]!.passedOverAsComplete).toBe(true);
    expect(again.log).toContain(
      'already complete for this selection (statuses VALID or DETAILSREQUIRED, name containing "CHARITY", sold before 2025-02-01T00:00:00.000Z)',
    );
    expect(fixture.receiver.accepted()).toHaveLength(before.length);
  });

  it('a dry run without a cutoff says none is set; with one, says which', async () => {
    fixture = await syncFixture({ [EVENT]: [...january, ...march] });
    const without = await fixture.run({ 'dry-run': 'true' });
    expect(renderJobSummary(without.report).split('\n')[2]).toContain(
      'No sold-before cutoff is set: tickets sold after the live webhook went on would go too.',
    );
    expect(syncTotals(without.report).eligible).toBe(
      eligible(january).length + eligible(march).length,
    );
    const withCutoff = await fixture.run({ 'dry-run': 'true', 'sold-before': CUTOFF });
    expect(renderJobSummary(withCutoff.report).split('\n')[2]).toContain(
      `Dry run: ${eligible(january).length} charity tickets would go to the receiver at ${fixture.receiver.url}`,
    );
    expect(renderJobSummary(withCutoff.report).split('\n')[2]).toContain(
      'Only tickets sold before 1 Feb 2025 00:00 UTC (sold-before) count.',
    );
  });

  it('a bad date fails before any request, naming the input', async () => {
    fixture = await syncFixture({ [EVENT]: january });
    await expect(fixture.run({ 'sold-before': '2025-02-30' })).rejects.toThrow(
      /^Invalid input: sold-before "2025-02-30" is not a date/,
    );
    expect(fixture.vivenu.stats.requests).toBe(0);
  });
});
