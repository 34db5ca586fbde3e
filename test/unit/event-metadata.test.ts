import { describe, it, expect } from 'vitest';
import {
  buildEventMetadata,
  countBy,
  sortedCounts,
} from '../../src/ticket-files/event-metadata.js';
import { prettyJsonArray } from '../../src/ticket-files/ticket-files.js';
import type { PulledEvent } from '../../src/vivenu/pull-event.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';

const EVENT = '65a1b2c3d4e5f60718293a4b';

const tickets = (values: Record<string, unknown>[]): Ticket[] =>
  values.map((fields, i) => ({ _id: `t${i}`, ...fields }));

describe('countBy and sortedCounts', () => {
  it('puts the most frequent value first', () => {
    const counts = countBy(
      tickets([
        { status: 'INVALID' },
        { status: 'VALID' },
        { status: 'VALID' },
        { status: 'DETAILSREQUIRED' },
        { status: 'VALID' },
        { status: 'DETAILSREQUIRED' },
      ]),
      'status',
    );
    expect(sortedCounts(counts)).toEqual([
      ['VALID', 3],
      ['DETAILSREQUIRED', 2],
      ['INVALID', 1],
    ]);
  });

  it('breaks ties by name, whatever order the tickets came in', () => {
    const counts = countBy(
      tickets([
        { ticketName: 'Women' },
        { ticketName: 'Doubles' },
        { ticketName: 'Men' },
        { ticketName: 'Men' },
        { ticketName: 'Women' },
        { ticketName: 'Doubles' },
        { ticketName: 'Adaptive' },
      ]),
      'ticketName',
    );
    expect(sortedCounts(counts)).toEqual([
      ['Doubles', 2],
      ['Men', 2],
      ['Women', 2],
      ['Adaptive', 1],
    ]);
  });

  it('counts a missing or non-string field as "(none)"', () => {
    const counts = countBy(
      tickets([{ status: 'VALID' }, {}, { status: null }, { status: 7 }, { status: 'VALID' }]),
      'status',
    );
    expect(sortedCounts(counts)).toEqual([
      ['(none)', 3],
      ['VALID', 2],
    ]);
  });

  it('keeps the order for values that look like numbers', () => {
    // Object keys like "2025" are enumerated before all others, so the order lives in a list.
    const counts = countBy(
      tickets([{ ticketName: 'Elite 15' }, { ticketName: 'Elite 15' }, { ticketName: '2025' }]),
      'ticketName',
    );
    expect(sortedCounts(counts)).toEqual([
      ['Elite 15', 2],
      ['2025', 1],
    ]);
  });

  it('counts values named like Object.prototype members, __proto__ included, and writes them out', () => {
    const counts = countBy(
      tickets([
        { status: 'toString' },
        { status: 'toString' },
        { status: 'constructor' },
        { status: '__proto__' },
        { status: 'hasOwnProperty' },
      ]),
      'status',
    );
    expect(sortedCounts(counts)).toEqual([
      ['toString', 2],
      ['__proto__', 1],
      ['constructor', 1],
      ['hasOwnProperty', 1],
    ]);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(
      JSON.parse('{"toString":2,"constructor":1,"__proto__":1,"hasOwnProperty":1}'),
    );
    expect(Object.keys(JSON.parse(JSON.stringify(counts)) as object)).toContain('__proto__');
  });

  it('gives an empty object for no tickets', () => {
    expect(countBy([], 'status')).toEqual({});
  });
});

function pulled(list: Ticket[], overrides: Partial<PulledEvent> = {}): PulledEvent {
  return {
    eventId: EVENT,
    tickets: list,
    withoutId: [],
    tooDeep: [],
    totalReported: list.length,
    apiCalls: 3,
    retries: 1,
    passes: 1,
    durationMs: 2_500,
    complete: true,
    ...overrides,
  };
}

const context = {
  region: 'PROD',
  origin: 'https://vivenu.com',
  pulledAt: new Date('2024-03-01T12:00:00Z'),
};

describe('buildEventMetadata', () => {
  it('counts the tickets and copies the pull figures', () => {
    const list = tickets([
      { status: 'VALID', ticketName: 'Men', createdAt: '2024-01-05T09:00:00.000Z' },
      { status: 'VALID', ticketName: 'Women', createdAt: '2024-01-06T10:00:00.000Z' },
      { status: 'INVALID', ticketName: 'Men', createdAt: '2024-02-28T18:30:00.000Z' },
    ]);
    expect(
      buildEventMetadata(
        pulled(list, { totalReported: 4, complete: false, passes: 2, retries: 5 }),
        context,
      ),
    ).toEqual({
      event_id: EVENT,
      region: 'PROD',
      pulled_at: '2024-03-01T12:00:00.000Z',
      vivenu_origin: 'https://vivenu.com',
      total_reported: 4,
      total_pulled: 3,
      without_id: 0,
      complete: false,
      by_status: { VALID: 2, INVALID: 1 },
      by_ticket_name: { Men: 2, Women: 1 },
      first_created_at: '2024-01-05T09:00:00.000Z',
      last_created_at: '2024-02-28T18:30:00.000Z',
      api_calls: 3,
      retries: 5,
      passes: 2,
      duration_ms: 2_500,
    });
  });

  it('takes the creation range from the first and last readable createdAt', () => {
    const metadata = buildEventMetadata(
      pulled(
        tickets([
          { createdAt: 'not a date' },
          { createdAt: '2024-01-05T09:00:00.000Z' },
          { createdAt: '2024-01-07T09:00:00.000Z' },
          { createdAt: '2024-02-01T00:00:00.000Z' },
          {},
          { createdAt: 12345 },
        ]),
      ),
      context,
    );
    expect(metadata.first_created_at).toBe('2024-01-05T09:00:00.000Z');
    expect(metadata.last_created_at).toBe('2024-02-01T00:00:00.000Z');
  });

  it('gives null dates and empty counts for an event without tickets', () => {
    const metadata = buildEventMetadata(pulled([], { totalReported: 0 }), context);
    expect(metadata.total_pulled).toBe(0);
    expect(metadata.by_status).toEqual({});
    expect(metadata.by_ticket_name).toEqual({});
    expect(metadata.first_created_at).toBeNull();
    expect(metadata.last_created_at).toBeNull();
  });

  it('carries no personal data', () => {
    const metadata = buildEventMetadata(
      pulled(
        tickets([
          {
            name: 'Paddy McCann',
            email: 'paddy@example.com',
            barcode: 'HYgzx3nvev',
            status: 'VALID',
            ticketName: 'Men',
          },
        ]),
      ),
      context,
    );
    const text = JSON.stringify(metadata);
    for (const secret of ['Paddy', 'paddy@example.com', 'HYgzx3nvev']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('prettyJsonArray', () => {
  const manyTickets = generateEventTickets({ eventId: 'e', count: 450, seed: 3 });

  it.each([
    ['no items', []],
    ['one item', [{ a: 1 }]],
    ['450 tickets', manyTickets],
  ])('writes exactly what JSON.stringify(items, null, 2) does: %s', (_, items: unknown[]) => {
    expect([...prettyJsonArray(items)].join('')).toBe(`${JSON.stringify(items, null, 2)}\n`);
  });

  it('writes 450 tickets in pieces, not as one string', () => {
    expect([...prettyJsonArray(manyTickets)].length).toBeGreaterThan(2);
  });
});
