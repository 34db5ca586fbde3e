import { createHmac, timingSafeEqual } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ticket } from '../src/vivenu/tickets.js';
import { readBody, sendJson as answer, serveOnLoopback } from './loopback-server.js';
import { seededRandom } from './seeded-random.js';

/** How the simulated receiver misbehaves; everything off answers 200 to every signed delivery. */
export interface ReceiverBehaviour {
  /** These tickets always get this answer (a permanent 4xx, say). */
  failTickets?: Record<string, { status: number; body?: string }>;
  /** The first `count` attempts of every ticket have their connection reset, unanswered. */
  resetFirstAttempts?: number;
  /** The first `count` attempts of every ticket get `status` (with `Retry-After` when given). */
  failFirstAttempts?: { count: number; status: number; retryAfter?: number | string };
  /** Every delivery gets this answer: the receiver is down. */
  always?: { status: number; body?: string };
  /**
   * Every delivery gets `status` with `Retry-After: <seconds>`: a receiver asking to be left
   * alone for a while (RFC 9110, 10.2.3), in the chaos longer than a run's time budget.
   */
  askToWait?: { status: number; seconds: number };
  /** Every answer waits this long first. */
  slowMs?: number;
  /** Ticket types the receiver's KV store does not know: 404 like the real one. */
  unknownTicketTypes?: string[];
  /**
   * Every delivery is answered with this redirect, to `elsewhere` (a second loopback server
   * that counts what reaches it) unless `to` is given. fetch follows redirects by default:
   * 307/308 re-post the body, 301/302/303 become a GET without it (docs/sources.md, "Redirects and compressed answers";
   * RFC 9110 section 15.4).
   */
  redirect?: { status: number; to?: string };
  /**
   * Every delivery is accepted (200) with a gzip body that inflates to about this many bytes: a
   * few compressed bytes per MiB. fetch inflates gzip by itself, with no size limit
   * (docs/sources.md, "Redirects and compressed answers"); gzip allows several members one after another (RFC 1952
   * section 2.2), so one compressed MiB repeated makes the bomb.
   */
  gzipBombBytes?: number;
  /**
   * Answers 400 to an envelope not in the earlier tool's form (a `webhookId` without the
   * `historical-sync-` prefix, or a `sellerId` that is not a string), like a receiver built
   * against the earlier tool's deliveries that keys on the prefix and whose types declare
   * `sellerId` a required string (docs/sources.md, "Its envelope"; issue 12).
   */
  earlierFormOnly?: boolean;
  /** Random trouble, seeded: a 5xx, a reset connection, or an answer `ms` late. */
  random?: { serverError?: number; reset?: number; late?: number; lateMs?: number };
}

export interface ReceivedDelivery {
  /** The envelope's `id`. */
  id: string;
  ticketId: string;
  ticketName: string;
  createdAt: string;
  /** Arrival time (ms since the epoch, with sub-millisecond precision from performance.now). */
  at: number;
  signatureValid: boolean;
  /** The answer's status; 0 for a reset connection, -1 while the answer is still pending. */
  status: number;
  /** The answer reached the sender's connection (false when it had already given up). */
  answered: boolean;
  /** The ticket as JSON.parse reads it (numbers as JavaScript holds them). */
  ticket: Ticket;
  /** The body exactly as it arrived (UTF-8): the bytes the signature covers. */
  body: string;
  type: string;
  webhookId: string;
  /** The envelope's `sellerId` as it arrived (undefined when the key was missing). */
  sellerId: unknown;
}

/** What reached the redirect target: it must never see a delivery's body. */
export interface ElsewhereRequest {
  method: string;
  path: string;
  bodyBytes: number;
  /** Whether the body carried a ticket (the signed envelope). */
  carriedTicket: boolean;
}

export interface ReceiverSandbox {
  url: string;
  /** A second server, another origin, where `redirect` points; it records every request. */
  elsewhere: { url: string; requests: ElsewhereRequest[] };
  /** Every request that reached the handler, in arrival order. */
  deliveries: ReceivedDelivery[];
  /** The deliveries answered 2xx where the sender got the answer, in order. */
  accepted(): ReceivedDelivery[];
  setBehaviour(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

function signatureMatches(body: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A webhook receiver like the charity's, on loopback: verifies `x-vivenu-signature` over the
 * raw body (401 when it does not match), records every arrival, and fails on request.
 */
export async function startReceiverSandbox(
  options: { secret?: string; behaviour?: ReceiverBehaviour; seed?: number; port?: number } = {},
): Promise<ReceiverSandbox> {
  let behaviour = options.behaviour ?? {};
  const random = seededRandom(options.seed ?? 99);
  const deliveries: ReceivedDelivery[] = [];
  const attempts = new Map<string, number>();
  const startedAt = Date.now() - performance.now();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Arrival is when the request's head came in, before the body is read.
    const at = startedAt + performance.now();
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://receiver');
    if (url.pathname === '/__sandbox/behaviour' && request.method === 'POST') {
      behaviour = JSON.parse(body.toString() || '{}') as ReceiverBehaviour;
      return answer(response, 200, behaviour);
    }
    if (url.pathname === '/__sandbox/deliveries' && request.method === 'GET')
      return answer(response, 200, deliveries);
    if (request.method !== 'POST') return answer(response, 405, { error: 'POST only' });

    let envelope: {
      id?: string;
      type?: string;
      webhookId?: string;
      sellerId?: unknown;
      data?: { ticket?: Ticket };
    };
    try {
      envelope = JSON.parse(body.toString('utf8')) as typeof envelope;
    } catch {
      return answer(response, 400, { error: 'body is not JSON' });
    }
    const ticket = envelope.data?.ticket;
    if (!ticket || typeof ticket._id !== 'string')
      return answer(response, 400, { error: 'no data.ticket' });

    const signatureValid = options.secret
      ? signatureMatches(
          body,
          request.headers['x-vivenu-signature'] as string | undefined,
          options.secret,
        )
      : true;
    const attempt = (attempts.get(ticket._id) ?? 0) + 1;
    attempts.set(ticket._id, attempt);
    const delivery: ReceivedDelivery = {
      id: String(envelope.id),
      ticketId: ticket._id,
      ticketName: String(ticket.ticketName),
      createdAt: String(ticket.createdAt),
      at,
      signatureValid,
      status: -1,
      answered: false,
      ticket,
      body: body.toString('utf8'),
      type: String(envelope.type),
      webhookId: String(envelope.webhookId),
      sellerId: envelope.sellerId,
    };
    deliveries.push(delivery);
    const record = (status: number): void => {
      delivery.status = status;
    };

    const trouble = behaviour.random;
    if (
      attempt <= (behaviour.resetFirstAttempts ?? 0) ||
      (trouble?.reset && random() < trouble.reset)
    ) {
      record(0);
      return void request.socket.destroy();
    }
    const delay =
      (behaviour.slowMs ?? 0) +
      (trouble?.late && random() < trouble.late ? (trouble.lateMs ?? 2_000) : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    const reply = (status: number, payload: unknown, headers?: Record<string, string>): void => {
      record(status);
      // A sender that gave up (its timeout) never reads this answer: only a finished write counts.
      response.on('finish', () => (delivery.answered = true));
      answer(response, status, payload, headers);
    };
    if (behaviour.redirect) {
      const to = behaviour.redirect.to ?? `${elsewhere.origin}/collect?token=sandbox-token`;
      return reply(behaviour.redirect.status, { moved: true }, { location: to });
    }
    if (!signatureValid) return reply(401, { error: 'invalid signature' });
    if (
      behaviour.earlierFormOnly &&
      (!String(envelope.webhookId).startsWith('historical-sync-') ||
        typeof envelope.sellerId !== 'string')
    ) {
      return reply(400, { error: 'not a historical-sync envelope' });
    }
    if (behaviour.gzipBombBytes) {
      record(200);
      response.on('finish', () => (delivery.answered = true));
      // The writer stops when the sender cancels the rest: a closed socket ends the loop.
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const member = gzipMember();
      for (let sent = 0; sent < behaviour.gzipBombBytes && !response.destroyed; sent += MIB) {
        if (!response.write(member))
          await new Promise((resolve) => {
            response.once('drain', resolve);
            response.once('close', resolve);
          });
      }
      return void response.end();
    }
    if (behaviour.always)
      return reply(behaviour.always.status, behaviour.always.body ?? { error: 'unavailable' });
    if (behaviour.askToWait) {
      const { status, seconds } = behaviour.askToWait;
      return reply(status, { error: 'come back later' }, { 'retry-after': String(seconds) });
    }
    const fixed = behaviour.failTickets?.[ticket._id];
    if (fixed) return reply(fixed.status, fixed.body ?? { error: 'rejected' });
    if (behaviour.unknownTicketTypes?.includes(String(ticket.ticketTypeId))) {
      return reply(404, { error: 'ticketTypeId not found in KV store' });
    }
    const first = behaviour.failFirstAttempts;
    if (first && attempt <= first.count) {
      return reply(
        first.status,
        { error: 'try again' },
        first.retryAfter === undefined ? {} : { 'retry-after': String(first.retryAfter) },
      );
    }
    if (trouble?.serverError && random() < trouble.serverError)
      return reply(502, { error: 'bad gateway' });
    reply(200, { ok: true });
  };

  const elsewhereRequests: ElsewhereRequest[] = [];
  const elsewhere = await serveOnLoopback(async (request, response) => {
    const body = await readBody(request);
    elsewhereRequests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      bodyBytes: body.length,
      carriedTicket: body.includes('"ticket"'),
    });
    answer(response, 200, { ok: true });
  });
  const server = await serveOnLoopback(handle, options.port);
  return {
    url: `${server.origin}/test-created`,
    elsewhere: { url: elsewhere.origin, requests: elsewhereRequests },
    deliveries,
    accepted: () => deliveries.filter((d) => d.status >= 200 && d.status < 300 && d.answered),
    setBehaviour: (next) => {
      behaviour = next;
    },
    close: async () => {
      await server.close();
      await elsewhere.close();
    },
  };
}

const MIB = 2 ** 20;
let member: Buffer | undefined;
/** One gzip member holding a MiB of spaces (about 1 KiB compressed), made once. */
function gzipMember(): Buffer {
  member ??= gzipSync(Buffer.alloc(MIB, 0x20), { level: 9 });
  return member;
}
