import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { selectTickets, type SelectionRules } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';

const rules: SelectionRules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'charity' };

const ticket = (_id: string, fields: Record<string, unknown> = {}): Ticket => ({
  _id,
  status: 'VALID',
  ticketName: 'HYROX MEN | CHARITY HIA',
  createdAt: '2025-01-01T10:00:00.000Z',
  ...fields,
});

const ids = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t._id);

describe('selectTickets status filter', () => {
  it('keeps VALID and DETAILSREQUIRED and rejects RESERVED, INVALID and BLANK', () => {
    const selection = selectTickets(
      [
        ticket('valid', { status: 'VALID' }),
        ticket('details', { status: 'DETAILSREQUIRED' }),
        ticket('reserved', { status: 'RESERVED' }),
        ticket('invalid', { status: 'INVALID' }),
        ticket('blank', { status: 'BLANK' }),
      ],
      rules,
    );
    expect(ids(selection.eligible).sort()).toEqual(['details', 'valid']);
    expect(selection.rejectedStatus).toBe(3);
    expect(selection.rejectedName).toBe(0);
    expect(selection.invalid).toEqual([]);
  });

  it('matches statuses exactly, not case-insensitively', () => {
    const selection = selectTickets([ticket('lower', { status: 'valid' })], rules);
    expect(selection.eligible).toEqual([]);
    expect(selection.rejectedStatus).toBe(1);
  });
});

describe('selectTickets name filter', () => {
  it('matches nameContains case-insensitively inside ticketName', () => {
    const selection = selectTickets(
      [
        ticket('men', { ticketName: 'HYROX MEN | CHARITY HIA' }),
        ticket('doubles', { ticketName: 'CHARITY | HYROX DOUBLES WOMEN' }),
        ticket('mixed', { ticketName: 'hyrox doubles mixed | Charity' }),
        ticket('plain', { ticketName: 'HYROX WOMEN' }),
        ticket('spectator', { ticketName: 'SPECTATOR' }),
      ],
      rules,
    );
    expect(ids(selection.eligible).sort()).toEqual(['doubles', 'men', 'mixed']);
    expect(selection.rejectedName).toBe(2);
  });

  it('works with an upper-case needle too', () => {
    const selection = selectTickets([ticket('men')], { ...rules, nameContains: 'CHARITY HIA' });
    expect(ids(selection.eligible)).toEqual(['men']);
  });

  it('never matches on holder fields', () => {
    const selection = selectTickets(
      [ticket('holder', { ticketName: 'HYROX WOMEN', name: 'CHARITY Smith', lastname: 'Charity' })],
      rules,
    );
    expect(selection.eligible).toEqual([]);
    expect(selection.rejectedName).toBe(1);
  });
});

describe('selectTickets invalid tickets', () => {
  it('sets aside tickets without ticketName, without status or with a non-string status', () => {
    const noName: Ticket = { _id: 'no-name', status: 'VALID', name: 'CHARITY Smith' };
    const noStatus: Ticket = { _id: 'no-status', ticketName: 'HYROX MEN | CHARITY HIA' };
    const numberStatus = ticket('number-status', { status: 1 });
    const nullName = ticket('null-name', { ticketName: null });
    const selection = selectTickets([noName, noStatus, numberStatus, nullName], rules);
    expect(selection.invalid).toEqual([noName, noStatus, numberStatus, nullName]);
    expect(selection.eligible).toEqual([]);
    expect(selection.rejectedStatus).toBe(0);
    expect(selection.rejectedName).toBe(0);
  });

  it('sets aside a ticket without a string _id', () => {
    const odd = { _id: 42, status: 'VALID', ticketName: 'CHARITY' } as unknown as Ticket;
    const selection = selectTickets([odd], rules);
    expect(selection.invalid).toEqual([odd]);
    expect(selection.eligible).toEqual([]);
  });

  it('counts an invalid ticket once, never also as rejected', () => {
    const selection = selectTickets([{ _id: 'x', status: 'RESERVED' }], rules);
    expect(selection.invalid).toHaveLength(1);
    expect(selection.rejectedStatus).toBe(0);
  });
});

describe('selectTickets counts', () => {
  it('adds up to the total for realistic tickets', () => {
    const tickets = generateEventTickets({ eventId: 'ev1', count: 500, seed: 11 });
    const broken: Ticket[] = [
      { _id: 'broken-1', status: 'VALID' },
      { _id: 'broken-2', ticketName: 'CHARITY' },
    ];
    const selection = selectTickets([...tickets, ...broken], rules);
    expect(selection.total).toBe(502);
    expect(selection.invalid).toHaveLength(2);
    expect(selection.eligible.length).toBeGreaterThan(0);
    expect(selection.rejectedStatus).toBeGreaterThan(0);
    expect(selection.rejectedName).toBeGreaterThan(0);
    expect(
      selection.eligible.length +
        selection.rejectedStatus +
        selection.rejectedName +
        selection.invalid.length,
    ).toBe(selection.total);
    for (const chosen of selection.eligible) {
      expect(['VALID', 'DETAILSREQUIRED']).toContain(chosen.status);
      expect(String(chosen.ticketName).toLowerCase()).toContain('charity');
    }
  });

  it('adds up to the total for arbitrary tickets', () => {
    const arbitraryTicket = fc
      .record(
        {
          _id: fc.oneof(fc.string(), fc.integer()),
          status: fc.oneof(
            fc.constantFrom('VALID', 'DETAILSREQUIRED', 'RESERVED', 'INVALID', 'BLANK'),
            fc.constant(null),
          ),
          ticketName: fc.oneof(fc.constantFrom('CHARITY', 'x Charity y', 'WOMEN'), fc.integer()),
        },
        { requiredKeys: [] },
      )
      .map((fields) => fields as unknown as Ticket);
    fc.assert(
      fc.property(fc.array(arbitraryTicket), (tickets) => {
        const s = selectTickets(tickets, rules);
        expect(s.total).toBe(tickets.length);
        expect(s.eligible.length + s.rejectedStatus + s.rejectedName + s.invalid.length).toBe(
          tickets.length,
        );
      }),
    );
  });
});

describe('selectTickets order', () => {
  it('puts eligible tickets oldest first, whatever the ISO precision', () => {
    const selection = selectTickets(
      [
        ticket('later', { createdAt: '2025-01-01T10:00:00Z' }),
        ticket('earlier', { createdAt: '2025-01-01T09:59:59.999Z' }),
        ticket('earliest', { createdAt: '2024-12-31T23:00:00+00:00' }),
      ],
      rules,
    );
    expect(ids(selection.eligible)).toEqual(['earliest', 'earlier', 'later']);
  });

  it('breaks ties in createdAt by _id, also across precisions', () => {
    const selection = selectTickets(
      [
        ticket('c', { createdAt: '2025-01-01T10:00:00Z' }),
        ticket('a', { createdAt: '2025-01-01T10:00:00.000Z' }),
        ticket('b', { createdAt: '2025-01-01T10:00:00Z' }),
      ],
      rules,
    );
    expect(ids(selection.eligible)).toEqual(['a', 'b', 'c']);
  });

  it('puts tickets with a missing or unreadable createdAt last', () => {
    const selection = selectTickets(
      [
        ticket('missing', { createdAt: undefined }),
        ticket('garbage', { createdAt: 'not a date' }),
        ticket('dated', { createdAt: '2030-01-01T00:00:00Z' }),
      ],
      rules,
    );
    expect(ids(selection.eligible)).toEqual(['dated', 'garbage', 'missing']);
  });

  it('gives the same order whatever the input order', () => {
    const tickets = generateEventTickets({ eventId: 'ev1', count: 120, seed: 5 });
    const expected = ids(selectTickets(tickets, rules).eligible);
    fc.assert(
      fc.property(fc.shuffledSubarray(tickets, { minLength: tickets.length }), (shuffled) => {
        expect(ids(selectTickets(shuffled, rules).eligible)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe('selectTickets event rules (issue 11, row 6)', () => {
  const EVENT = '68108c20c5c88849372bfb61';
  const OTHER = '68108c20c5c88849372bfb62';
  const ofEvent = { ...rules, eventId: EVENT };

  it('rejects a ticket of another event and counts it, before status or name', () => {
    const selection = selectTickets(
      [
        ticket('mine', { eventId: EVENT }),
        ticket('theirs', { eventId: OTHER }),
        ticket('theirs-reserved', { eventId: OTHER, status: 'RESERVED' }),
      ],
      ofEvent,
    );
    expect(ids(selection.eligible)).toEqual(['mine']);
    expect(selection.otherEvent).toBe(2);
    expect(selection.rejectedStatus).toBe(0);
  });

  it('matches the event id in any case (ids are hex)', () => {
    const selection = selectTickets([ticket('upper', { eventId: EVENT.toUpperCase() })], ofEvent);
    expect(ids(selection.eligible)).toEqual(['upper']);
  });

  it('counts a ticket without a string eventId as invalid: it cannot be shown to be of the event', () => {
    const selection = selectTickets(
      [ticket('none'), ticket('number', { eventId: 7 }), ticket('null', { eventId: null })],
      ofEvent,
    );
    expect(selection.eligible).toEqual([]);
    expect(ids(selection.invalid)).toEqual(['none', 'number', 'null']);
  });

  it('skips an id eligible in an earlier event of the run, counted by that event', () => {
    const earlier = new Map([['seen', OTHER]]);
    const selection = selectTickets(
      [ticket('seen', { eventId: EVENT }), ticket('new', { eventId: EVENT })],
      { ...ofEvent, eligibleEarlier: (id) => earlier.get(id) },
    );
    expect(ids(selection.eligible)).toEqual(['new']);
    expect({ ...selection.eligibleEarlier }).toEqual({ [OTHER]: 1 });
  });

  it('counts a ticket as eligible earlier only when it passes every other rule', () => {
    const earlier = new Map([['seen', OTHER]]);
    const selection = selectTickets([ticket('seen', { eventId: EVENT, status: 'RESERVED' })], {
      ...ofEvent,
      eligibleEarlier: (id) => earlier.get(id),
    });
    expect(selection.rejectedStatus).toBe(1);
    expect({ ...selection.eligibleEarlier }).toEqual({});
  });
});
