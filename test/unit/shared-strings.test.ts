import { describe, expect, it } from 'vitest';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { SharedStrings } from '../../src/vivenu/shared-strings.js';

describe('SharedStrings', () => {
  it('leaves every ticket equal, key for key and in the same order', () => {
    // Parsed, as the pull holds them: objects of their own, not the factory's.
    const tickets = JSON.parse(
      JSON.stringify(generateEventTickets({ eventId: 'e', count: 3_000, seed: 5 })),
    ) as object[];
    const before = tickets.map((ticket) => JSON.stringify(ticket));
    const strings = new SharedStrings();
    for (const ticket of tickets) expect(strings.share(ticket)).toBe(ticket);
    expect(tickets.map((ticket) => JSON.stringify(ticket))).toEqual(before);
  });

  it('leaves other values, nesting and arrays as they were', () => {
    const record = {
      _id: 'a',
      n: 1,
      yes: true,
      none: null,
      empty: '',
      list: ['x', 'x', 1, ['x', { deep: { deeper: { deepest: { beyond: 'x' } } } }]],
      nested: { status: 'VALID', date: '2025-01-01T00:00:00.000Z' },
      date: '2025-01-01T00:00:00.000Z',
    };
    const copy = structuredClone(record);
    const strings = new SharedStrings();
    strings.share(record);
    strings.share(copy);
    expect(copy).toEqual(record);
    expect(Object.keys(copy)).toEqual(Object.keys(record));
  });
});
