import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  WEBHOOK_ID_PREFIX,
  deliveryId,
  envelopeBody,
  signature,
  uuidV5,
} from '../../src/webhook/envelope.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';

const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const hmacHex = (body: Uint8Array, secret: string): string =>
  createHmac('sha256', secret).update(body).digest('hex');

const parseBody = (body: Buffer): Record<string, unknown> =>
  JSON.parse(body.toString('utf8')) as Record<string, unknown>;

const ticketOf = (envelope: Record<string, unknown>): unknown =>
  (envelope.data as { ticket: unknown }).ticket;

describe('uuidV5', () => {
  it('matches the RFC 9562 / Python uuid5 vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', NAMESPACE_DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives different ids for different names in the same namespace', () => {
    expect(uuidV5('www.example.org', NAMESPACE_DNS)).not.toBe(
      uuidV5('www.example.com', NAMESPACE_DNS),
    );
  });

  it('gives different ids for the same name in different namespaces', () => {
    expect(uuidV5('www.example.com')).not.toBe(uuidV5('www.example.com', NAMESPACE_DNS));
  });
});

describe('deliveryId', () => {
  it('is the same for the same _id, whatever the other fields', () => {
    const first = deliveryId({ _id: '65f0c1a2b3c4d5e6f7a8b9c0', status: 'VALID' });
    const again = deliveryId({ _id: '65f0c1a2b3c4d5e6f7a8b9c0', status: 'INVALID', name: 'X' });
    expect(again).toBe(first);
  });

  it('differs for different ids', () => {
    const ids = generateEventTickets({ eventId: 'ev1', count: 200, seed: 7 }).map(deliveryId);
    expect(new Set(ids).size).toBe(200);
    expect(deliveryId({ _id: 'a' })).not.toBe(deliveryId({ _id: 'b' }));
  });

  it('is a lowercase version 5 UUID with the RFC variant', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const uuid = deliveryId({ _id: id });
        expect(uuid).toMatch(UUID);
        // Version nibble: first hex digit of the third group.
        expect(uuid[14]).toBe('5');
        // Variant: the top two bits of the fourth group are 10 (8, 9, a or b).
        expect(['8', '9', 'a', 'b']).toContain(uuid[19]);
      }),
    );
  });

  it('is uuidV5 of the _id in the tool namespace', () => {
    expect(deliveryId({ _id: 'ticket-1' })).toBe(uuidV5('ticket-1'));
  });
});

describe('envelopeBody', () => {
  const [ticket] = generateEventTickets({
    eventId: 'ev1',
    count: 1,
    seed: 3,
    sellerId: 'seller-9',
  });
  if (ticket === undefined) throw new Error('factory made no ticket');

  it('has exactly the Vivenu envelope keys with fixed type and mode', () => {
    const envelope = parseBody(envelopeBody(ticket));
    expect(Object.keys(envelope).sort()).toEqual(
      ['data', 'id', 'mode', 'sellerId', 'type', 'webhookId'].sort(),
    );
    expect(envelope.id).toBe(deliveryId(ticket));
    expect(envelope.sellerId).toBe('seller-9');
    expect(envelope.webhookId).toBe(`historical-sync-${deliveryId(ticket).slice(0, 8)}`);
    expect(envelope.type).toBe('ticket.created');
    expect(envelope.mode).toBe('prod');
    expect(Object.keys(envelope.data as object)).toEqual(['ticket']);
  });

  it('carries the ticket unchanged, every field kept, unknown ones too', () => {
    const withUnknown: Ticket = {
      ...ticket,
      someFutureField: { nested: [1, 'two', null, { deep: true }] },
      emptyString: '',
      zero: 0,
      unicode: 'Zoë 小龙 🏃‍♂️',
    };
    const carried = ticketOf(parseBody(envelopeBody(withUnknown)));
    expect(carried).toStrictEqual(withUnknown);
  });

  it('is the same bytes every time for the same ticket', () => {
    expect(envelopeBody(ticket).equals(envelopeBody(ticket))).toBe(true);
  });
});

// The earlier tool's form (docs/sources.md, "Its envelope"): `webhookId` is
// `historical-sync-<first 8 of id>`, `sellerId` is the ticket's or "" when it has none.
describe('envelopeBody in the earlier tool form', () => {
  const base = { _id: '65f0c1a2b3c4d5e6f7a8b9c0', status: 'VALID', ticketName: 'HIA' };

  it('names the webhook historical-sync- and the first 8 characters of the delivery id', () => {
    const envelope = parseBody(envelopeBody(base));
    expect(envelope.webhookId).toBe(`${WEBHOOK_ID_PREFIX}${String(envelope.id).slice(0, 8)}`);
    expect(envelope.webhookId).toMatch(/^historical-sync-[0-9a-f]{8}$/);
  });

  it('keeps webhookId stable for the same ticket and different across tickets', () => {
    const tickets = generateEventTickets({ eventId: 'ev1', count: 200, seed: 11 });
    const first = tickets.map((t) => parseBody(envelopeBody(t)).webhookId);
    const again = tickets.map(
      (t) => parseBody(envelopeBody({ ...t, status: 'INVALID' })).webhookId,
    );
    expect(again).toEqual(first);
    // 8 hex digits of a v5 uuid: 200 tickets collide with odds of about 1 in 200,000.
    expect(new Set(first).size).toBe(200);
  });

  it('sends sellerId "" when the ticket has none, keeping the ticket without the key', () => {
    const envelope = parseBody(envelopeBody(base));
    expect(envelope.sellerId).toBe('');
    expect(Object.keys(envelope)).toContain('sellerId');
    expect(ticketOf(envelope)).toStrictEqual(base);
  });

  it('sends sellerId "" for a sellerId that is not a string, the ticket still unchanged', () => {
    for (const sellerId of [null, 42, { id: 's1' }, ['s1'], true]) {
      const ticket: Ticket = { ...base, sellerId };
      const envelope = parseBody(envelopeBody(ticket));
      expect(envelope.sellerId, JSON.stringify(sellerId)).toBe('');
      expect(ticketOf(envelope)).toStrictEqual(ticket);
    }
  });

  it('sends a string sellerId as it is, the empty string included', () => {
    expect(parseBody(envelopeBody({ ...base, sellerId: 'seller-9' })).sellerId).toBe('seller-9');
    expect(parseBody(envelopeBody({ ...base, sellerId: '' })).sellerId).toBe('');
  });

  it('keeps the key order of the earlier form: id, sellerId, webhookId, type, mode, data', () => {
    expect(Object.keys(parseBody(envelopeBody(base)))).toEqual([
      'id',
      'sellerId',
      'webhookId',
      'type',
      'mode',
      'data',
    ]);
  });
});

describe('signature', () => {
  const body = envelopeBody({ _id: 't1', sellerId: 's1', status: 'VALID' });

  it('is the HMAC-SHA256 of the body in lowercase hex', () => {
    const signed = signature(body, 'whsec_test');
    expect(signed).toBe(hmacHex(body, 'whsec_test'));
    expect(signed).toMatch(/^[0-9a-f]{64}$/);
  });

  it('depends on the secret and on the bytes', () => {
    expect(signature(body, 'other')).not.toBe(signature(body, 'whsec_test'));
    const changed = Buffer.from(body);
    changed[changed.length - 2] = 0x20;
    expect(signature(changed, 'whsec_test')).not.toBe(signature(body, 'whsec_test'));
  });
});

describe('envelopeBody and signature, for arbitrary JSON-safe tickets', () => {
  const tickets = fc
    .record({
      _id: fc.string(),
      extra: fc.dictionary(fc.string(), fc.jsonValue()),
    })
    .map(({ _id, extra }): Ticket => ({ ...extra, _id }));

  it('round-trips the ticket through the body bytes and signs those bytes', () => {
    fc.assert(
      fc.property(tickets, fc.string({ minLength: 1 }), (ticket, secret) => {
        const body = envelopeBody(ticket);
        const envelope = parseBody(body);
        expect(ticketOf(envelope)).toStrictEqual(JSON.parse(JSON.stringify(ticket)));
        expect(envelope.id).toBe(deliveryId(ticket));
        expect(envelope.webhookId).toBe(`historical-sync-${deliveryId(ticket).slice(0, 8)}`);
        expect(typeof envelope.sellerId).toBe('string');
        const signed = signature(body, secret);
        expect(signed).toBe(hmacHex(body, secret));
        expect(signed).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });
});
