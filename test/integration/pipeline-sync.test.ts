import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { syncTotals } from '../../src/run-report.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import { uuidV5 } from '../../src/webhook/envelope.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { leakedValues, personalValues } from '../support/personal-data.js';
import { syncFixture, type SyncFixture } from '../support/sync-fixture.js';

const EVENT = '5f0c1e2d3c4b5a6978877665';
const OTHER = '5f0c1e2d3c4b5a6978877666';
const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const eligibleIds = (tickets: Ticket[]): string[] =>
  selectTickets(tickets, rules).eligible.map((t) => t._id);

let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const readProgressFile = async (workspace: string): Promise<Record<string, unknown>> =>
  JSON.parse(
    await readFile(path.join(workspace, 'historical_sync_progress_DEV.json'), 'utf8'),
  ) as Record<string, unknown>;

describe('sync mode against the sandbox Vivenu API and receiver', () => {
  it('delivers every eligible ticket once, oldest first, signed, and records it', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 300, seed: 21 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const { report, error, log } = await fixture.run();

    expect(error).toBeUndefined();
    const expected = eligibleIds(tickets);
    expect(expected.length).toBeGreaterThan(50);
    const accepted = fixture.receiver.accepted();
    expect(accepted.map((d) => d.ticketId)).toEqual(expected);
    expect(accepted.every((d) => d.signatureValid && d.type === 'ticket.created')).toBe(true);
    expect(accepted.every((d) => d.id === uuidV5(d.ticketId))).toBe(true);
    // The ticket arrives unchanged, every field kept.
    const byId = new Map(tickets.map((t) => [t._id, t]));
    for (const delivery of accepted)
      expect(delivery.ticket).toStrictEqual(byId.get(delivery.ticketId));

    expect(syncTotals(report)).toEqual({
      found: tickets.length,
      eligible: expected.length,
      deliveredBefore: 0,
      sentNow: expected.length,
      failed: 0,
      remaining: 0,
    });
    expect(report.complete).toBe(true);
    expect(log).toContain(`[1/${expected.length}] sent ${expected[0]} (`);
    expect(log).toMatch(/Filtering results[\s\S]*Rejected \(status not VALID\/DETAILSREQUIRED\)/);

    const progress = await readProgressFile(fixture.workspace);
    expect(progress.events_processed).toEqual([EVENT]);
    expect(progress.tickets_sent).toBe(expected.length);
    expect(
      (progress.event_progress as Record<string, { sent_ticket_ids: string[] }>)[EVENT]!
        .sent_ticket_ids,
    ).toEqual(expected);
    expect(
      existsSync(path.join(fixture.workspace, 'historical_sync_progress_DEV.json.journal')),
    ).toBe(false);

    const personal = personalValues(tickets);
    expect(leakedValues(JSON.stringify(progress), personal)).toEqual([]);
    expect(leakedValues(log, personal)).toEqual([]);
    expect(leakedValues(renderJobSummary(report), personal)).toEqual([]);
  });

  it('sends nothing twice: a second run skips the processed event, a resync sends only new sales', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 22 });
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run();
    const firstCount = fixture.receiver.accepted().length;

    const again = await fixture.run();
    expect(again.error).toBeUndefined();
    expect(fixture.receiver.deliveries).toHaveLength(firstCount);
    expect(again.report.syncs[0]).toMatchObject({
      passedOverAsComplete: true,
      deliveredBefore: firstCount,
    });
    expect(again.log).toMatch(
      /already complete for this selection \(statuses VALID or DETAILSREQUIRED, name containing "CHARITY"\) at http:\/\/127\.0\.0\.1:\d+\/test-created: passed over/,
    );

    const sold = generateEventTickets({
      eventId: EVENT,
      count: 40,
      seed: 23,
      startsAt: new Date('2025-06-01T00:00:00Z'),
    });
    fixture.vivenu.upsertTickets(EVENT, sold);
    const resync = await fixture.run({ resync: 'true' });
    expect(resync.error).toBeUndefined();
    const newOnes = fixture.receiver
      .accepted()
      .slice(firstCount)
      .map((d) => d.ticketId);
    expect(newOnes).toEqual(eligibleIds(sold));
    expect(syncTotals(resync.report)).toMatchObject({
      deliveredBefore: firstCount,
      sentNow: newOnes.length,
    });
    expect(new Set(fixture.receiver.accepted().map((d) => d.ticketId)).size).toBe(
      fixture.receiver.accepted().length,
    );
  });

  it('sends a ticket whose status changed to VALID since, on a resync', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 80, seed: 24 });
    const reserved = tickets.find((t) => t.status === 'RESERVED' || t.status === 'INVALID')!;
    const charityReserved = {
      ...reserved,
      ticketName: 'HYROX MEN | CHARITY HIA',
      status: 'RESERVED',
    };
    fixture = await syncFixture({
      [EVENT]: tickets.map((t) => (t._id === reserved._id ? charityReserved : t)),
    });
    await fixture.run();
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).not.toContain(reserved._id);

    fixture.vivenu.upsertTickets(EVENT, [{ ...charityReserved, status: 'VALID' }]);
    await fixture.run({ resync: 'true' });
    expect(fixture.receiver.accepted().at(-1)?.ticketId).toBe(reserved._id);
  });

  it('records a permanent 4xx, goes on, fails the step, and retries only that ticket next run', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 150, seed: 25 });
    const expected = eligibleIds(tickets);
    const rejected = expected[3]!;
    fixture = await syncFixture(
      { [EVENT]: tickets },
      {
        behaviour: {
          failTickets: {
            [rejected]: { status: 404, body: '{"error":"ticketTypeId not found in KV store"}' },
          },
        },
      },
    );
    const first = await fixture.run();
    expect(first.error?.message).toMatch(/1 ticket failed, .*the next run tries them again/);
    expect(syncTotals(first.report)).toMatchObject({
      sentNow: expected.length - 1,
      failed: 1,
      remaining: 1,
    });
    expect(first.report.complete).toBe(false);
    const progress = await readProgressFile(fixture.workspace);
    expect(progress.events_processed).toEqual([]);
    expect(progress.errors).toEqual([
      expect.objectContaining({
        event_id: EVENT,
        ticket_id: rejected,
        status: 404,
        error: '{"error":"ticketTypeId not found in KV store"}',
      }),
    ]);
    expect(renderJobSummary(first.report, first.error?.message)).toContain(
      '**Not registered on the receiver**: 1 ticket.',
    );

    fixture.receiver.setBehaviour({});
    const before = fixture.receiver.deliveries.length;
    const second = await fixture.run();
    expect(second.error).toBeUndefined();
    expect(fixture.receiver.deliveries.slice(before).map((d) => d.ticketId)).toEqual([rejected]);
    expect(second.report.complete).toBe(true);
    expect((await readProgressFile(fixture.workspace)).tickets_sent).toBe(expected.length);
  });

  it('stops at the first 401 when the secret is wrong, pointing at webhook-secret', async () => {
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 60, seed: 26 }),
    });
    const { error, report } = await fixture.run({ 'webhook-secret': 'not-the-secret' });
    expect(fixture.receiver.deliveries).toHaveLength(1);
    expect(fixture.receiver.deliveries[0]!.status).toBe(401);
    expect(error?.message).toMatch(
      /rejected the delivery .* with 401 .*webhook-secret input \(secret VIVENU_SECRET\)/,
    );
    expect(error?.message).not.toContain('not-the-secret');
    expect(report.stop?.reason).toBe('signature-rejected');
    expect(syncTotals(report).sentNow).toBe(0);
  });

  it('retries 5xx with the same id and body, keeping the pace, then delivers', async () => {
    fixture = await syncFixture(
      { [EVENT]: generateEventTickets({ eventId: EVENT, count: 40, seed: 27 }) },
      { behaviour: { failFirstAttempts: { count: 2, status: 503, retryAfter: 4 } } },
    );
    const { error, clock } = await fixture.run({ interval: '1.8' });
    expect(error).toBeUndefined();
    const byTicket = new Map<string, typeof fixture.receiver.deliveries>();
    for (const d of fixture.receiver.deliveries)
      byTicket.set(d.ticketId, [...(byTicket.get(d.ticketId) ?? []), d]);
    for (const attempts of byTicket.values()) {
      expect(attempts.map((a) => a.status)).toEqual([503, 503, 200]);
      expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
      expect(new Set(attempts.map((a) => JSON.stringify(a.ticket))).size).toBe(1);
    }
    // Retry-After (4 s) exceeds the interval, so those waits are the server's; no wait is shorter than the pace.
    expect(clock.sleeps.filter((ms) => ms > 0).every((ms) => ms >= 1_800 - 1)).toBe(true);
  });

  it('stops after 5 failures in a row: the receiver is down', async () => {
    fixture = await syncFixture(
      { [EVENT]: generateEventTickets({ eventId: EVENT, count: 100, seed: 28 }) },
      { behaviour: { always: { status: 503, body: 'unavailable' } } },
    );
    const { error, report } = await fixture.run();
    // Five tickets, each tried four times.
    expect(fixture.receiver.deliveries).toHaveLength(20);
    expect(report.stop?.reason).toBe('receiver-down');
    expect(error?.message).toMatch(/5 tickets failed in a row .*receiver looks down/);
  });

  it('a permanent 4xx on every ticket is about the tickets: every one is tried, none stops the run', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 28 });
    fixture = await syncFixture(
      { [EVENT]: tickets },
      { behaviour: { always: { status: 400, body: 'bad request' } } },
    );
    const { error, report } = await fixture.run();
    const eligible = selectTickets(tickets, rules).eligible;
    expect(fixture.receiver.deliveries).toHaveLength(eligible.length);
    expect(report.stop).toBeUndefined();
    expect(report.failures).toHaveLength(eligible.length);
    expect(error?.message).toMatch(
      /tickets? failed, listed by reason under Failures; the next run tries them again/,
    );
  });

  it('respects limit without splitting a team, and says so', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 200, seed: 29 });
    const eligible = selectTickets(tickets, rules).eligible;
    // Find a limit that would cut through a team purchase.
    const cut = eligible.findIndex(
      (t, i) => i > 3 && t.transactionId === eligible[i - 1]!.transactionId,
    );
    fixture = await syncFixture({ [EVENT]: tickets });
    const { report, error } = await fixture.run({ limit: String(cut) });
    expect(error).toBeUndefined();
    const sent = fixture.receiver.accepted().map((d) => d.ticketId);
    const teamStart = eligible.findIndex((t) => t.transactionId === eligible[cut]!.transactionId);
    expect(sent).toEqual(eligible.slice(0, teamStart).map((t) => t._id));
    expect(report.syncs[0]!.teamWaiting?.size).toBeGreaterThan(1);
    expect(renderJobSummary(report)).toMatch(
      /wait for the next run because of `limit` \(the next is a team of \d, kept whole\)/,
    );
    expect(report.complete).toBe(false);
  });

  it('dry run: shows the plan, sends nothing and writes no progress', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 150, seed: 30 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const { report, error, log } = await fixture.run({ 'dry-run': 'true' });
    expect(error).toBeUndefined();
    expect(fixture.receiver.deliveries).toHaveLength(0);
    expect(existsSync(path.join(fixture.workspace, 'historical_sync_progress_DEV.json'))).toBe(
      false,
    );
    const plan = report.plans[0]!;
    const expected = eligibleIds(tickets);
    expect(plan.toSend).toBe(expected.length);
    expect(plan.firstDeliveries.map((d) => d.id)).toEqual(expected.slice(0, 20));
    expect(plan.ticketTypeIds.length).toBeGreaterThan(1);
    expect(log).toContain(`1. ${plan.firstDeliveries[0]!.createdAt} ${expected[0]}`);
    expect(renderJobSummary(report)).toContain('### Dry-run plan');
  });

  it('test mode: one eligible ticket (HIA first) to the receiver, progress untouched', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 31 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const { report, error, log } = await fixture.run({ mode: 'test' });
    expect(error).toBeUndefined();
    expect(fixture.receiver.deliveries).toHaveLength(1);
    const expected = selectTickets(tickets, rules).eligible.find((t) =>
      String(t.ticketName).includes('HIA'),
    )!;
    expect(fixture.receiver.deliveries[0]!.ticketId).toBe(expected._id);
    expect(report.testDelivery).toMatchObject({
      ticketId: expected._id,
      status: 200,
      delivered: true,
    });
    expect(log).toContain('Receiver answered 200');
    expect(existsSync(path.join(fixture.workspace, 'historical_sync_progress_DEV.json'))).toBe(
      false,
    );
  });

  it('test mode, a ticket type the receiver does not know: the reason in words, no raw answer', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 31 });
    const types = [...new Set(tickets.map((t) => String(t.ticketTypeId)))];
    fixture = await syncFixture({ [EVENT]: tickets }, { behaviour: { unknownTicketTypes: types } });
    const { report, error, log } = await fixture.run({ mode: 'test' });
    expect(error?.message).toMatch(
      /was not accepted: Not registered on the receiver\. The receiver has not registered this ticket type/,
    );
    // The receiver's own answer is in the log; the message and the summary say it in words.
    expect(log).toContain('ticketTypeId not found in KV store');
    expect(error?.message).not.toContain('{');
    expect(report.failure?.kind).toBe('stopped');
    const summary = renderJobSummary(report, error?.message);
    expect(summary).not.toContain('KV store');
    expect(summary.split('\n\n')[1]).toMatch(/^❌ Test delivery not accepted: /);
  });

  it('stops at the time budget, exits cleanly with complete=false, and a later run finishes', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 200, seed: 32 });
    const expected = eligibleIds(tickets);
    fixture = await syncFixture({ [EVENT]: tickets });
    // 0.1 minutes at 1.8 s a delivery: about 4 deliveries on the virtual clock.
    const first = await fixture.run({ 'max-runtime-minutes': '0.1' });
    expect(first.error).toBeUndefined();
    expect(first.report.stop?.reason).toBe('time-budget');
    expect(first.report.complete).toBe(false);
    const sent = syncTotals(first.report).sentNow;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(expected.length);
    expect(first.log).toMatch(/Time budget of 0.1 minutes reached.*Run again/);

    const second = await fixture.run({ interval: '0' });
    expect(second.report.complete).toBe(true);
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).toEqual(expected);
  });

  it('continues a progress file written by the earlier Python tool', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 33 });
    const otherTickets = generateEventTickets({ eventId: OTHER, count: 20, seed: 34 });
    const expected = eligibleIds(tickets);
    fixture = await syncFixture({ [EVENT]: tickets, [OTHER]: otherTickets });
    const legacy = {
      events_processed: ['000000000000000000000001'],
      tickets_sent: 500,
      errors: [
        {
          event_id: '000000000000000000000001',
          ticket_id: 'x',
          error: 'old failure',
          timestamp: '2025-07-29T15:30:00Z',
        },
      ],
      last_run: '2025-07-29T15:30:00Z',
      event_progress: { [EVENT]: { sent_ticket_ids: expected.slice(0, 10) } },
    };
    await writeFile(
      path.join(fixture.workspace, 'historical_sync_progress_DEV.json'),
      JSON.stringify(legacy),
    );
    const { error } = await fixture.run({ 'event-id': EVENT });
    expect(error).toBeUndefined();
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).toEqual(expected.slice(10));
    const progress = await readProgressFile(fixture.workspace);
    expect(progress.events_processed).toEqual(['000000000000000000000001', EVENT]);
    expect(progress.tickets_sent).toBe(500 + expected.length - 10);
    expect(progress.errors).toEqual([
      expect.objectContaining({ ticket_id: 'x', error: 'old failure' }),
    ]);
  });

  it('refuses to start on a damaged progress file, before any request', async () => {
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 10, seed: 35 }),
    });
    const file = path.join(fixture.workspace, 'historical_sync_progress_DEV.json');
    await writeFile(file, '{"events_processed": [');
    const { error } = await fixture.run();
    expect(error?.message).toMatch(
      /progress file .*historical_sync_progress_DEV.json is not valid JSON.*left as it is/,
    );
    expect(fixture.vivenu.stats.requests).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('{"events_processed": [');
  });

  it('warns when deliveries go unsigned', async () => {
    fixture = await syncFixture(
      { [EVENT]: generateEventTickets({ eventId: EVENT, count: 30, seed: 36 }) },
      { receiverSecret: '' },
    );
    const { report, log, error } = await fixture.run({ 'webhook-secret': '' });
    expect(error).toBeUndefined();
    expect(log).toMatch(/warning: webhook-secret is empty: deliveries go unsigned/);
    expect(renderJobSummary(report)).toMatch(/\[!WARNING\]\n> webhook-secret is empty/);
  });

  it('on cancel starts no new delivery, saves, and fails saying how to continue', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 37 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const controller = new AbortController();
    const receiver = fixture.receiver;
    const watch = setInterval(() => {
      if (receiver.accepted().length >= 5) controller.abort();
    }, 1);
    const { error, report } = await fixture.run({ interval: '0' }, { signal: controller.signal });
    clearInterval(watch);
    expect(error?.message).toMatch(
      /Cancelled: \d+ delivered this run.*Run again with the same inputs/,
    );
    expect(report.stop?.reason).toBe('cancelled');
    const progress = await readProgressFile(fixture.workspace);
    const recorded = (progress.event_progress as Record<string, { sent_ticket_ids: string[] }>)[
      EVENT
    ]!.sent_ticket_ids;
    expect(recorded).toEqual(receiver.accepted().map((d) => d.ticketId));
    expect(recorded.length).toBeLessThan(eligibleIds(tickets).length);
  });
});
