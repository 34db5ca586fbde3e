import { createHmac, hash } from 'node:crypto';
import { ticketJson } from '../vivenu/ticket-json.js';
import type { Ticket } from '../vivenu/tickets.js';

/**
 * Starts every delivery's `webhookId`, as in the earlier tool's deliveries, which the receiver
 * was built against and may key on (docs/sources.md, "Its envelope"): it tells a replay
 * from a live event.
 */
export const WEBHOOK_ID_PREFIX = 'historical-sync-';

/** This tool's namespace for delivery ids, fixed once: changing it would change every id. */
const DELIVERY_ID_NAMESPACE = 'b1f2d3c4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const DELIVERY_ID_NAMESPACE_BYTES = Buffer.from(DELIVERY_ID_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name always gives the same id. */
export function uuidV5(name: string, namespace: string = DELIVERY_ID_NAMESPACE): string {
  const namespaceBytes =
    namespace === DELIVERY_ID_NAMESPACE
      ? DELIVERY_ID_NAMESPACE_BYTES
      : Buffer.from(namespace.replace(/-/g, ''), 'hex');
  // One-shot `hash` (Node 20.12+), no Hash object per id: the ledger asks for 100,000 at once.
  const digest = hash('sha1', Buffer.concat([namespaceBytes, Buffer.from(name, 'utf8')]), 'buffer');
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  // One flat string: a template of five slices would keep the slices and their joins alive
  // for as long as the id is (a ledger holds 100,000 of them).
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * The delivery id of a ticket: the same in every attempt and every run, so the receiver's
 * deduplication on `id` also catches our own retries.
 */
export function deliveryId(ticket: Ticket): string {
  return uuidV5(ticket._id);
}

/**
 * `historical-sync-` and the first 8 characters of the delivery id, the earlier tool's form.
 * Taken from our stable id, so it too is the same in every attempt and every run.
 */
export function webhookIdFor(id: string): string {
  return `${WEBHOOK_ID_PREFIX}${id.slice(0, 8)}`;
}

/**
 * The envelope's `sellerId`: always a string, as the receiver's types declare it and the
 * earlier tool sent it. Decided: a ticket without one, or with one that is not a string
 * (null, a number: not what Vivenu's spec allows), gets `""` rather than a guess at a
 * conversion; the ticket itself still goes through unchanged in `data.ticket`.
 */
export function envelopeSellerId(ticket: Ticket): string {
  return typeof ticket.sellerId === 'string' ? ticket.sellerId : '';
}

/**
 * The exact bytes of a Vivenu-shaped `ticket.created` delivery. The ticket goes through
 * unchanged, every field kept, each number as Vivenu wrote it (`ticketJson`: issue 23, row 3).
 * Built once per ticket; every attempt sends these bytes, and they are what is signed.
 */
export function envelopeBody(ticket: Ticket): Buffer {
  const id = deliveryId(ticket);
  const envelope = {
    id,
    sellerId: envelopeSellerId(ticket),
    webhookId: webhookIdFor(id),
    type: 'ticket.created',
    mode: 'prod',
    data: { ticket },
  };
  return Buffer.from(ticketJson(envelope), 'utf8');
}

/** `x-vivenu-signature`: lowercase hex HMAC-SHA256 of the raw body bytes. */
export function signature(body: Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
