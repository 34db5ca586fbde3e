import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { planBatch } from '../../src/select/plan-batch.js';
import { compareByCreation, type Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';

let minute = 0;
/** Tickets of one purchase, created one minute after the previous purchase. */
const purchase = (prefix: string, size: number, transactionId?: string): Ticket[] => {
  const createdAt = new Date(Date.UTC(2025, 0, 1, 9, minute++)).toISOString();
  return Array.from({ length: size }, (_, index) => ({
    _id: `${prefix}${index}`,
    createdAt,
    ...(transactionId === undefined ? {} : { transactionId }),
  }));
};
const single = (id: string): Ticket[] => purchase(id, 1, `tx-${id}`);
const ids = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t._id);
const isSorted = (tickets: readonly Ticket[]): boolean =>
  tickets.every((t, i) => i === 0 || compareByCreation(tickets[i - 1]!, t) <= 0);

describe('planBatch without a binding limit', () => {
  const pending = [...single('a'), ...purchase('team', 2, 'tx-team'), ...single('b')];

  it('sends everything when limit is 0', () => {
    const batch = planBatch(pending, 0);
    expect(ids(batch.send)).toEqual(['a0', 'team0', 'team1', 'b0']);
    expect(batch.waiting).toBe(0);
    expect(batch.teamWaiting).toBeUndefined();
  });

  it('sends everything when there are no more pending than the limit', () => {
    expect(ids(planBatch(pending, 4).send)).toEqual(['a0', 'team0', 'team1', 'b0']);
    expect(planBatch(pending, 4).waiting).toBe(0);
    expect(ids(planBatch(pending, 100).send)).toEqual(['a0', 'team0', 'team1', 'b0']);
  });

  it('returns a copy, not the pending array itself', () => {
    const batch = planBatch(pending, 0);
    expect(batch.send).not.toBe(pending);
  });

  it('sends nothing when nothing is pending', () => {
    expect(planBatch([], 5)).toEqual({ send: [], waiting: 0 });
  });
});

describe('planBatch with a limit', () => {
  it('fills exactly up to the limit with singles', () => {
    const pending = ['a', 'b', 'c', 'd', 'e'].flatMap(single);
    const batch = planBatch(pending, 3);
    expect(ids(batch.send)).toEqual(['a0', 'b0', 'c0']);
    expect(batch.waiting).toBe(2);
    expect(batch.teamWaiting).toBeUndefined();
  });

  it('treats tickets without transactionId as singles', () => {
    const pending = [...purchase('x', 1), ...purchase('y', 1), ...purchase('z', 1)];
    const batch = planBatch(pending, 2);
    expect(ids(batch.send)).toEqual(['x0', 'y0']);
    expect(batch.waiting).toBe(1);
    expect(batch.teamWaiting).toBeUndefined();
  });

  it('lets a team that does not fit wait whole, and everything after it too', () => {
    const pending = [
      ...single('a'),
      ...single('b'),
      ...purchase('relay', 4, 'tx-relay'),
      ...single('c'),
      ...single('d'),
    ];
    const batch = planBatch(pending, 4);
    // c and d would fit after a and b, but they are younger than the waiting team.
    expect(ids(batch.send)).toEqual(['a0', 'b0']);
    expect(batch.waiting).toBe(6);
    expect(batch.teamWaiting).toEqual({ transactionId: 'tx-relay', size: 4 });
  });

  it('sends a team whole when it fits', () => {
    const pending = [...single('a'), ...purchase('duo', 2, 'tx-duo'), ...single('b')];
    const batch = planBatch(pending, 3);
    expect(ids(batch.send)).toEqual(['a0', 'duo0', 'duo1']);
    expect(batch.waiting).toBe(1);
    expect(batch.teamWaiting).toBeUndefined();
  });

  it('sends a first team bigger than the limit whole, and says by how much the limit was exceeded', () => {
    // Waiting would leave this team first in line on every later run: none could move on.
    const pending = [...purchase('relay', 4, 'tx-relay'), ...single('a')];
    const batch = planBatch(pending, 3);
    expect(ids(batch.send)).toEqual(['relay0', 'relay1', 'relay2', 'relay3']);
    expect(batch.waiting).toBe(1);
    expect(batch.limitExceeded).toEqual({ teamSize: 4, by: 1 });
    expect(batch.teamWaiting).toBeUndefined();
  });

  it('with limit 1, sends a first team of two whole', () => {
    const pending = [...purchase('duo', 2, 'tx-duo'), ...single('a'), ...single('b')];
    const batch = planBatch(pending, 1);
    expect(ids(batch.send)).toEqual(['duo0', 'duo1']);
    expect(batch.waiting).toBe(2);
    expect(batch.limitExceeded).toEqual({ teamSize: 2, by: 1 });
  });

  it('lets a first team bigger than what is left of the limit wait when the run already delivered others', () => {
    // The next run starts with that team and its whole limit: it makes progress.
    const pending = [...purchase('relay', 4, 'tx-relay'), ...single('a')];
    const batch = planBatch(pending, 3, { runHasPlannedBefore: true });
    expect(batch.send).toEqual([]);
    expect(batch.waiting).toBe(5);
    expect(batch.teamWaiting).toEqual({ transactionId: 'tx-relay', size: 4 });
    expect(batch.limitExceeded).toBeUndefined();
  });

  it('does not exceed the limit for a single ticket or a team that fits', () => {
    const pending = [...single('a'), ...purchase('duo', 2, 'tx-duo')];
    expect(planBatch(pending, 1).limitExceeded).toBeUndefined();
    expect(planBatch(pending, 2).limitExceeded).toBeUndefined();
  });

  it('does not report a team when the limit was already reached before it', () => {
    const pending = [...single('a'), ...single('b'), ...purchase('duo', 2, 'tx-duo')];
    const batch = planBatch(pending, 2);
    expect(ids(batch.send)).toEqual(['a0', 'b0']);
    expect(batch.waiting).toBe(2);
    expect(batch.teamWaiting).toBeUndefined();
  });
});

describe('planBatch on realistic purchases', () => {
  // Sorted as selectTickets hands them over: oldest first, team members by _id.
  const pending = generateEventTickets({ eventId: 'ev1', count: 300, seed: 21 }).sort(
    compareByCreation,
  );
  const transactions = new Map<string, number>();
  for (const t of pending) {
    const tx = t.transactionId as string;
    transactions.set(tx, (transactions.get(tx) ?? 0) + 1);
  }

  it('never splits a purchase, keeps the oldest-first prefix and counts what waits', () => {
    expect([...transactions.values()].some((size) => size > 1)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 320 }), (limit) => {
        const batch = planBatch(pending, limit);
        if (batch.limitExceeded) {
          // Only the first purchase, whole, and only when it alone is bigger than the limit.
          expect(batch.send.length).toBe(batch.limitExceeded.teamSize);
          expect(batch.limitExceeded.by).toBe(batch.send.length - limit);
          expect(transactions.get(pending[0]!.transactionId as string)).toBe(batch.send.length);
        } else {
          expect(batch.send.length).toBeLessThanOrEqual(limit);
        }
        // Every run with a limit makes progress.
        expect(batch.send.length).toBeGreaterThan(0);
        expect(batch.send.length + batch.waiting).toBe(pending.length);
        // The batch is exactly the oldest tickets, in order.
        expect(ids(batch.send)).toEqual(ids(pending.slice(0, batch.send.length)));
        expect(isSorted(batch.send)).toBe(true);
        const sentPerTransaction = new Map<string, number>();
        for (const t of batch.send) {
          const tx = t.transactionId as string;
          sentPerTransaction.set(tx, (sentPerTransaction.get(tx) ?? 0) + 1);
        }
        for (const [tx, count] of sentPerTransaction) expect(count).toBe(transactions.get(tx));
        if (batch.teamWaiting) {
          expect(batch.teamWaiting.size).toBe(transactions.get(batch.teamWaiting.transactionId));
          expect(batch.teamWaiting.size).toBeGreaterThan(limit - batch.send.length);
          expect(pending[batch.send.length]!.transactionId).toBe(batch.teamWaiting.transactionId);
        } else if (batch.waiting > 0 && !batch.limitExceeded) {
          // Nothing was wasted: the limit was filled.
          expect(batch.send.length).toBe(limit);
        }
      }),
      { numRuns: 200 },
    );
  });
});
