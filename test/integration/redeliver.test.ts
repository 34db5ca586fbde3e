/**
 * Redeliver mode: named tickets sent again under their original delivery ids, paced and signed,
 * recorded apart, never changing what counts as delivered; an id that cannot be redelivered
 * stops the run before anything is sent.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, RunStoppedError } from '../../src/errors.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { uuidV5 } from '../../src/webhook/envelope.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { PROGRESS_FILE, syncFixture, type SyncFixture } from '../support/sync-fixture.js';

const EVENT = '6d0c1e2d3c4b5a6978877601';
const RULES = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 91 });
const eligible: Ticket[] = selectTickets(tickets, RULES).eligible;

let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

interface ProgressJson {
  tickets_sent: number;
  event_progress: Record<
    string,
    { sent_ticket_ids: string[]; redelivered?: { id: string; at: string; status: number }[] }
  >;
}
const progressFile = async (): Promise<ProgressJson> =>
  JSON.parse(await readFile(path.join(fixture!.workspace, PROGRESS_FILE), 'utf8')) as ProgressJson;

describe('redeliver mode', () => {
  it('sends exactly the 3 named tickets once each, under their original ids; a sync afterwards sends nothing', async () => {
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run();
    const firstDeliveries = fixture.receiver.accepted().length;
    expect(firstDeliveries).toBe(eligible.length);
    const before = await progressFile();

    const named = [eligible[40]!, eligible[3]!, eligible[17]!];
    const run = await fixture.run({
      mode: 'redeliver',
      // Upper case and mixed separators, as pasted from a spreadsheet.
      'ticket-ids': `${named[0]!._id.toUpperCase()}, ${named[1]!._id}\n${named[2]!._id}`,
    });
    expect(run.error).toBeUndefined();
    const again = fixture.receiver.accepted().slice(firstDeliveries);
    // Oldest first, as every delivery goes; each signed, under its original delivery id.
    const oldestFirst = eligible.filter((t) => named.includes(t)).map((t) => t._id);
    expect(again.map((d) => d.ticketId)).toEqual(oldestFirst);
    expect(again.every((d) => d.signatureValid && d.id === uuidV5(d.ticketId))).toBe(true);
    const firstIds = new Map(fixture.receiver.accepted().map((d) => [d.ticketId, d.id]));
    for (const delivery of again) expect(delivery.id).toBe(firstIds.get(delivery.ticketId));

    // What counts as delivered is unchanged; the redeliveries are recorded apart.
    const after = await progressFile();
    expect(after.tickets_sent).toBe(before.tickets_sent);
    expect(after.event_progress[EVENT]!.sent_ticket_ids).toEqual(
      before.event_progress[EVENT]!.sent_ticket_ids,
    );
    expect(after.event_progress[EVENT]!.redelivered!.map((r) => [r.id, r.status])).toEqual(
      oldestFirst.map((id) => [id, 200]),
    );
    // The ledger has each redelivery's time and answer.
    const ledger = await readFile(
      path.join(fixture.workspace, 'purchased_tickets', EVENT, run.report.ledgerName),
      'utf8',
    );
    const rows = ledger.split('\r\n').filter((line) => / 200$/.test(line));
    expect(rows.map((line) => line.split(',')[0])).toEqual(oldestFirst);
    expect(rows[0]).toMatch(/,delivered,,[^,]+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ 200$/);

    const summary = renderJobSummary(run.report);
    expect(summary.split('\n')[2]).toMatch(
      /^✅ Redelivered 3 tickets to the receiver at http:\/\/127\.0\.0\.1:\d+\/test-created, each under its original delivery id; what counts as delivered is unchanged\. \*\*Next:\*\* nothing\.$/,
    );
    expect(summary).toContain('### Redelivered');

    const sync = await fixture.run();
    const resync = await fixture.run({ resync: 'true' });
    expect(sync.error).toBeUndefined();
    expect(resync.error).toBeUndefined();
    expect(fixture.receiver.accepted()).toHaveLength(firstDeliveries + 3);
  });

  it('refuses, by name, an id not of the event and one not eligible, before anything is sent', async () => {
    fixture = await syncFixture({ [EVENT]: tickets });
    const invalid = tickets.find((t) => t.status === 'INVALID')!;
    const stranger = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const run = await fixture.run({
      mode: 'redeliver',
      'ticket-ids': `${eligible[0]!._id} ${invalid._id} ${stranger}`,
    });
    expect(run.error).toBeInstanceOf(RunStoppedError);
    expect(run.error?.message).toBe(
      `Nothing was redelivered: 2 of the 3 ticket-ids cannot be: ${invalid._id}: not eligible (status now INVALID); ${stranger}: not a ticket of event ${EVENT}.`,
    );
    expect(fixture.receiver.deliveries).toHaveLength(0);
    expect(renderJobSummary(run.report).split('\n')[2]).toMatch(
      /^❌ Stopped: Nothing was redelivered/,
    );
  });

  it.each([
    [{ 'ticket-ids': 'abc' }, /^Invalid input: ticket-ids "abc" is not a ticket _id/],
    [{}, /ticket-ids is required in redeliver mode/],
    [
      { 'event-id': `${EVENT},${EVENT.replace('1', '2')}`, 'ticket-ids': 'failed' },
      /redeliver takes one event-id/,
    ],
  ])('a bad request fails before any request, naming the input: %j', async (inputs, says) => {
    fixture = await syncFixture({ [EVENT]: tickets });
    await expect(fixture.run({ mode: 'redeliver', ...inputs })).rejects.toThrow(InputError);
    await expect(fixture.run({ mode: 'redeliver', ...inputs })).rejects.toThrow(says);
    expect(fixture.vivenu.stats.requests).toBe(0);
  });

  it('ticket-ids with another mode is refused rather than ignored', async () => {
    fixture = await syncFixture({ [EVENT]: tickets });
    await expect(fixture.run({ 'ticket-ids': eligible[0]!._id })).rejects.toThrow(
      /^Invalid input: ticket-ids is only for mode redeliver \(mode is sync\)/,
    );
  });

  it('failed: every ticket whose last delivery failed, sent again without counting it delivered', async () => {
    const refusedType = eligible[0]!.ticketTypeId as string;
    const refused = eligible.filter((t) => t.ticketTypeId === refusedType).map((t) => t._id);
    fixture = await syncFixture(
      { [EVENT]: tickets },
      { behaviour: { unknownTicketTypes: [refusedType] } },
    );
    const sync = await fixture.run({ 'fail-on-ticket-errors': 'false' });
    expect(sync.report.syncs[0]!.failed).toBe(refused.length);
    const triedBefore = fixture.receiver.deliveries.length;

    const dryRun = await fixture.run({
      mode: 'redeliver',
      'ticket-ids': 'failed',
      'dry-run': 'true',
    });
    expect(dryRun.report.redelivery?.tickets.map((t) => [t.id, t.outcome])).toEqual(
      refused.map((id) => [id, 'planned']),
    );
    expect(fixture.receiver.deliveries).toHaveLength(triedBefore);

    const run = await fixture.run({
      mode: 'redeliver',
      'ticket-ids': 'FAILED',
      'fail-on-ticket-errors': 'false',
    });
    const sentAgain = fixture.receiver.deliveries.slice(triedBefore).map((d) => d.ticketId);
    expect([...new Set(sentAgain)]).toEqual(refused);
    expect(run.report.redelivery?.tickets.every((t) => t.outcome === 'failed')).toBe(true);
    expect(renderJobSummary(run.report).split('\n')[2]).toMatch(
      new RegExp(
        `^⚠️ Redelivered 0 of ${refused.length} tickets? to .*; ${refused.length} failed\\.`,
      ),
    );
    expect((await progressFile()).tickets_sent).toBe(eligible.length - refused.length);
  });
});
