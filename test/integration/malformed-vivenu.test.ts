import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VivenuError } from '../../src/errors.js';
import { defaultRetryPolicy } from '../../src/http/retry.js';
import { RunStoppedError } from '../../src/errors.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import type { Fault, GarbleKind, VivenuFaults } from '../../sandbox/vivenu-sandbox.js';
import { leakedValues, personalValues } from '../support/personal-data.js';
import { syncFixture, type SyncFixture } from '../support/sync-fixture.js';

const EVENT = '5f0c1e2d3c4b5a6978877a01';
const COUNT = 300;
const PAGE_SIZE = 20;
const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const eligibleIds = (tickets: Ticket[]): string[] =>
  selectTickets(tickets, rules).eligible.map((t) => t._id);

let fixture: SyncFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

/**
 * What a sync must do with each kind of malformed Vivenu answer:
 * - `fails`: retried; when it persists past the retry budget the pull fails with a VivenuError
 *   naming the problem, and nothing is delivered.
 * - `retried-through`: each unusable answer is retried (the log names why); the pull ends
 *   complete and every eligible ticket arrives exactly once.
 * - `every-ticket-once`: nothing is retried; the pull ends complete and every eligible ticket
 *   arrives exactly once.
 * - `untrusted`: the pull ends short of Vivenu's last `total`; the run stops with
 *   'untrusted-pull' and nothing is delivered.
 * - `all-or-nothing`: either `untrusted` or `every-ticket-once`, but never a part of the event
 *   delivered.
 * - `skips-rows-without-id`: the pull ends complete; a row without `_id` (it cannot be recorded
 *   as sent) is counted, kept in `without_id.json` and never delivered; every other eligible
 *   ticket arrives exactly once.
 */
type MalformedRow = {
  kind: GarbleKind;
  fault: Fault & { step?: number };
  /** Why, in a line. */
  because: string;
} & (
  | {
      handling: 'fails' | 'retried-through';
      /** The retry reason, in the run's error (`fails`) or in the log (`retried-through`). */
      reason: RegExp;
    }
  | { handling: 'every-ticket-once' | 'untrusted' | 'all-or-nothing' | 'skips-rows-without-id' }
);

const RETRIED: [GarbleKind, RegExp][] = [
  ['not-json', /answer is not JSON/],
  ['rows-not-array', /answer is not a ticket page \(rows: [^)]*expected array/],
  ['row-not-object', /answer is not a ticket page \(rows\.0: [^)]*expected object/],
];

const TABLE: MalformedRow[] = [
  ...RETRIED.flatMap(([kind, reason]): MalformedRow[] => [
    {
      kind,
      fault: { rate: 1 },
      handling: 'fails',
      because: 'an unusable answer is retried; one that never changes fails the pull',
      reason,
    },
    {
      kind,
      fault: { rate: 1, max: 2 },
      handling: 'retried-through',
      because: 'two unusable answers are retried through',
      reason,
    },
  ]),
  {
    kind: 'row-without-id',
    fault: { rate: 1 },
    handling: 'skips-rows-without-id',
    because:
      'a row without _id is a damaged ticket, not a damaged page: it is kept aside, never delivered (issue 11, row 15)',
  },
  {
    kind: 'row-without-id',
    fault: { rate: 1, max: 2 },
    handling: 'skips-rows-without-id',
    because: 'two rows without _id are kept aside; the rest of their pages is delivered',
  },
  {
    kind: 'oversize-page',
    fault: { rate: 1 },
    handling: 'every-ticket-once',
    because: 'extra rows are kept and the next page starts after them',
  },
  {
    kind: 'total-changes',
    fault: { rate: 1 },
    handling: 'untrusted',
    because: 'a total that grows on every page is never reached, even on a second pass',
  },
  {
    kind: 'total-changes',
    fault: { rate: 1, max: 2 },
    handling: 'every-ticket-once',
    because: 'the unique count reaches the last total once the total holds still',
  },
  {
    kind: 'total-changes',
    // 290, 280, 270, ... while skip climbs by 20: after page 10 skip (200) passes total (200).
    fault: { rate: 1, step: -10 },
    handling: 'all-or-nothing',
    because: 'a shrinking total must not end paging early and pass for complete',
  },
];

const describeFault = ({ rate, max, step }: MalformedRow['fault']): string =>
  [`rate ${rate}`, max === undefined ? 'persisting' : `max ${max}`]
    .concat(step === undefined ? [] : [`step ${step}`])
    .join(', ');

describe('sync against a Vivenu that answers 200 with a malformed page', () => {
  it.each(TABLE.map((row) => [row.kind, describeFault(row.fault), row.handling, row] as const))(
    '%s (%s): %s',
    async (kind, _fault, handling, row) => {
      const { fault, because } = row;
      const tickets = generateEventTickets({ eventId: EVENT, count: COUNT, seed: 33 });
      fixture = await syncFixture({ [EVENT]: tickets });
      fixture.vivenu.setFaults({ garble: { kind, ...fault } });
      const { report, error, log } = await fixture.run({ 'page-size': String(PAGE_SIZE) });

      const struck = fixture.vivenu.stats.faults.garble ?? 0;
      expect(struck, 'the fault struck').toBeGreaterThan(0);
      expect(
        struck,
        'a persisting fault strikes every ticket answer, a bounded one max times',
      ).toBe(fault.max ?? fixture.vivenu.stats.requests);
      const delivered = fixture.receiver.deliveries.map((d) => d.ticketId);
      const everyTicketOnce = (retries: number): void => {
        expect(error, because).toBeUndefined();
        expect(report.stop).toBeUndefined();
        expect(report.pulls[0]?.metadata).toMatchObject({ complete: true, retries });
        expect(report.pulls[0]?.metadata.total_pulled, 'every ticket Vivenu holds was read').toBe(
          COUNT,
        );
        expect(delivered).toEqual(eligibleIds(tickets));
        expect(new Set(delivered).size).toBe(delivered.length);
      };
      const untrusted = (): void => {
        expect(report.stop?.reason, because).toBe('untrusted-pull');
        expect(error).toBeInstanceOf(RunStoppedError);
        expect(error?.message).toMatch(/Nothing was delivered from this pull/);
        expect(delivered).toEqual([]);
        expect(report.complete).toBe(false);
      };

      switch (row.handling) {
        case 'fails':
          expect(error, because).toBeInstanceOf(VivenuError);
          expect(error?.message).toMatch(row.reason);
          expect(error?.message).toMatch(
            new RegExp(
              `event ${EVENT}, tickets from 0 after ${defaultRetryPolicy.maxAttempts} attempts`,
            ),
          );
          expect(struck).toBe(defaultRetryPolicy.maxAttempts);
          expect(delivered).toEqual([]);
          expect(report.syncs).toEqual([]);
          // The reason names the problem, never a ticket's content.
          expect(leakedValues(error!.message + log, personalValues(tickets))).toEqual([]);
          break;
        case 'retried-through':
          // Each unusable answer cost one retry, and the log says why.
          everyTicketOnce(struck);
          expect(log).toMatch(row.reason);
          break;
        case 'every-ticket-once':
          everyTicketOnce(0);
          break;
        case 'untrusted':
          untrusted();
          break;
        case 'skips-rows-without-id': {
          expect(error, because).toBeUndefined();
          expect(report.stop).toBeUndefined();
          const kept = JSON.parse(
            await readFile(
              path.join(fixture.workspace, 'purchased_tickets', EVENT, 'without_id.json'),
              'utf8',
            ),
          ) as Record<string, unknown>[];
          // Every garbled page loses its first row's _id; each such row is kept once.
          expect(kept).toHaveLength(struck);
          expect(report.syncs[0]?.withoutId).toBe(struck);
          expect(report.pulls[0]?.metadata).toMatchObject({
            complete: true,
            total_pulled: COUNT - struck,
            without_id: struck,
          });
          const keptBarcodes = new Set(kept.map((row) => row.barcode));
          const expected = selectTickets(tickets, rules)
            .eligible.filter((t) => !keptBarcodes.has(t.barcode))
            .map((t) => t._id);
          expect(delivered).toEqual(expected);
          expect(log).toMatch(/Without _id \(never delivered: cannot be recorded as sent\): \d+/);
          expect(log).toMatch(/rows have no _id: a ticket without one cannot be recorded as sent/);
          break;
        }
        case 'all-or-nothing':
          // One of the two whole outcomes, whichever the pull reached; never a part.
          expect([
            {
              stop: 'untrusted-pull',
              error: expect.any(RunStoppedError) as unknown,
              complete: false,
              delivered: [],
            },
            { stop: undefined, error: undefined, complete: true, delivered: eligibleIds(tickets) },
          ]).toContainEqual({
            stop: report.stop?.reason,
            error,
            complete: report.complete,
            delivered,
          });
          break;
      }
    },
  );

  it('oversize-page: needs fewer requests than honest paging, and reads every row once', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: COUNT, seed: 33 });
    fixture = await syncFixture({ [EVENT]: tickets });
    fixture.vivenu.setFaults({ garble: { kind: 'oversize-page', rate: 1 } });
    const { report, error } = await fixture.run({ 'page-size': String(PAGE_SIZE) });
    expect(error).toBeUndefined();
    expect(report.pulls[0]?.metadata).toMatchObject({ total_pulled: COUNT, total_reported: COUNT });
    // Two pages' worth per answer: half the requests, plus the one that finds the end.
    expect(fixture.vivenu.stats.requests).toBeLessThanOrEqual(COUNT / PAGE_SIZE / 2 + 1);
  });

  it('keeps the garbled answers apart from the pages served', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 40, seed: 34 });
    fixture = await syncFixture({ [EVENT]: tickets });
    fixture.vivenu.setFaults({ garble: { kind: 'not-json', rate: 1, max: 3 } });
    const { error } = await fixture.run({ 'page-size': String(PAGE_SIZE), 'dry-run': 'true' });
    expect(error).toBeUndefined();
    expect(fixture.vivenu.stats.faults.garble).toBe(3);
    expect(fixture.vivenu.stats.requests).toBe(3 + fixture.vivenu.stats.pagesServed);
  });
});

/**
 * Answers that are well-formed pages but lie about the event (issue 11, rows 3 to 6): what
 * the sync must do with each. `untrusted` and `fails` deliver nothing; `each-of-its-event-once`
 * delivers every eligible ticket once, under its own event.
 */
interface LyingRow {
  name: string;
  faults: VivenuFaults;
  handling: 'untrusted' | 'fails' | 'each-of-its-event-once';
  /** In the run's error (`untrusted`, `fails`). */
  reason?: RegExp;
  /** For a lie that could keep the pull paging: the most requests it may take. */
  maxRequests?: number;
}

const OTHER_EVENT = '5f0c1e2d3c4b5a6978877a02';

const LYING: LyingRow[] = [
  {
    name: 'total lies low while pages stay full',
    faults: { reportTotal: 100 },
    handling: 'untrusted',
    reason: /pulled 300 unique tickets but Vivenu never reported more than 100/,
  },
  {
    name: 'total 1e9 and the same rows on every page',
    faults: { reportTotal: 1e9, ignoreSkip: true },
    handling: 'untrusted',
    reason:
      /Vivenu's pages repeat: the pages from ticket [\d,]+ and from ticket [\d,]+ brought no ticket not already pulled/,
    maxRequests: 12,
  },
  {
    name: 'a gzip bomb against accept-encoding: identity',
    faults: { gzipBomb: { expandsToBytes: 2 ** 30 } },
    handling: 'fails',
    reason: /answer in a content coding not asked for \(gzip\)\. Not retried/,
    maxRequests: 1,
  },
  {
    name: 'the event filter ignored: every event on every page',
    faults: { ignoreEventFilter: true },
    handling: 'each-of-its-event-once',
  },
];

/** The sync of both events against a Vivenu with `faults`, and what the receiver took. */
async function lyingRun(faults: VivenuFaults) {
  const tickets = generateEventTickets({ eventId: EVENT, count: COUNT, seed: 35 });
  const other = generateEventTickets({ eventId: OTHER_EVENT, count: 90, seed: 36 });
  fixture = await syncFixture({ [EVENT]: tickets, [OTHER_EVENT]: other });
  fixture.vivenu.setFaults(faults);
  const { report, error } = await fixture.run({ 'page-size': String(PAGE_SIZE) });
  const delivered = fixture.receiver.deliveries.map((d) => d.ticketId);
  return { tickets, other, report, error, delivered, requests: fixture.vivenu.stats.requests };
}

describe('sync against a Vivenu whose pages lie about the event', () => {
  it.each(
    LYING.flatMap(({ name, faults, maxRequests }) =>
      maxRequests === undefined ? [] : [[name, maxRequests, faults] as const],
    ),
  )('%s: at most %i requests', async (_name, maxRequests, faults) => {
    const { requests } = await lyingRun(faults);
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(maxRequests);
  });

  it.each(LYING.map((row) => [row.name, row.handling, row] as const))(
    '%s: %s',
    async (_name, handling, { faults, reason }) => {
      const { tickets, other, report, error, delivered } = await lyingRun(faults);
      switch (handling) {
        case 'untrusted':
          expect(report.stop?.reason).toBe('untrusted-pull');
          expect(error).toBeInstanceOf(RunStoppedError);
          expect(error?.message).toMatch(reason!);
          expect(delivered).toEqual([]);
          break;
        case 'fails':
          expect(error).toBeInstanceOf(VivenuError);
          expect(error?.message).toMatch(reason!);
          expect(error?.message).not.toMatch(/under load/);
          expect(delivered).toEqual([]);
          break;
        case 'each-of-its-event-once':
          expect(error).toBeUndefined();
          expect(delivered).toEqual([...eligibleIds(tickets), ...eligibleIds(other)]);
          expect(report.syncs.map((s) => s.otherEvent)).toEqual([90, COUNT]);
          break;
      }
    },
  );
});
