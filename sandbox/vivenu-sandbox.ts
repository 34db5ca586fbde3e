import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Ticket } from '../src/vivenu/tickets.js';
import { readBody, sendJson, serveOnLoopback } from './loopback-server.js';
import { seededRandom } from './seeded-random.js';
import { makeTicket } from './ticket-factory.js';
import { jsonWithRawText } from './raw-json.js';

/**
 * A fault strikes a request with probability `rate`, then the next `burst - 1` requests too;
 * `max` bounds how often it strikes in all.
 */
export interface Fault {
  rate: number;
  burst?: number;
  max?: number;
}

/** How a `garble` fault spoils an answer that is otherwise a good 200. */
export type GarbleKind =
  | 'not-json'
  | 'rows-not-array'
  | 'row-not-object'
  | 'row-without-id'
  | 'oversize-page'
  | 'total-changes';

/** Switchable misbehaviour, modelled on what Vivenu has been seen to do. */
export interface VivenuFaults {
  /** 429 Too Many Requests; `retryAfter` seconds, 'date' for the HTTP-date form, or none. */
  rateLimit?: Fault & { retryAfter?: number | 'date' };
  /** 503 Service Unavailable (a `burst` makes a storm). */
  unavailable?: Fault;
  /** The connection is dropped without an answer. */
  drop?: Fault;
  /** The answer is not JSON (a proxy's error page). */
  malformed?: Fault;
  /** The answer waits `ms` first. */
  slow?: Fault & { ms: number };
  /** Tickets sold while paging: one new ticket every `everyPages` pages, `max` in all. */
  shift?: { everyPages: number; max: number };
  /** `total` reports this many more tickets than exist. */
  inflateTotal?: number;
  /**
   * `total` reports this number whatever the event holds: 1,000 for an event of 5,000 while
   * pages stay full, or 1e9. vivenu-facts.md: `total` is Vivenu's count, to compare with the
   * unique `_id`s pulled, not a promise (issue 11, rows 3 and 4, saw both lies).
   */
  reportTotal?: number;
  /**
   * Every page is answered from the start of the list, whatever `skip` asks: the same rows on
   * every page (issue 11, row 4). vivenu-facts.md: page order is the server's; nothing in the
   * answer says which offset it covers.
   */
  ignoreSkip?: boolean;
  /**
   * The tickets of every event the sandbox holds, whatever `event` asks (issue 11, row 6).
   * vivenu-facts.md: `event=<eventId>` is a filter of the query; each Ticket carries its own
   * required `eventId`, which is what says whose it is.
   */
  ignoreEventFilter?: boolean;
  /**
   * Every page a gzip body (`content-encoding: gzip`) that expands to this many bytes, although
   * the request asked for `accept-encoding: identity` (issue 11, row 5: 3 MB expanding to 3 GiB).
   * MDN, Accept-Encoding: identity is always acceptable and a server may choose not to compress;
   * a proxy in between may still compress against the request.
   */
  gzipBomb?: { expandsToBytes: number };
  /**
   * A 200 that is not the page asked for: JSON cut off half-way (`not-json`), `rows` an object
   * keyed by position (`rows-not-array`), the first row its bare `_id` (`row-not-object`) or
   * without `_id` (`row-without-id`), twice the rows `top` asked (`oversize-page`), or a `total`
   * that moves `step` (default +1) further on every garbled page (`total-changes`).
   */
  garble?: Fault & { kind: GarbleKind; step?: number };
  /**
   * `GET /api/events/<id>` answers 403, as Vivenu does for a key without the right to read
   * events (vivenu-facts.md: 403 is one of Vivenu's refusals; issue 12: a key may not read events).
   */
  eventForbidden?: boolean;
  /** `GET /api/events/<id>` answers 503 every time (vivenu-facts.md: 503 under load). */
  eventUnavailable?: boolean;
  /**
   * The event answer carries a `description` of this many bytes: a real event carries its ticket
   * types, shops and texts (Vivenu's Event object in its OpenAPI description, vivenu-facts.md).
   */
  eventAnswerBytes?: number;
}

/**
 * What `GET /api/events/<id>` tells of an event: its `_id`, `name`, `start` and `end` (ISO
 * dates). Vivenu's Event object (its OpenAPI description, vivenu-facts.md; public clients of
 * `GET https://vivenu.com/api/events` read `_id`, `name`, `start`, `end` the same way, found with
 * the search tool) carries many more fields; these are the ones the sync shows.
 */
export interface SandboxEventInfo {
  name: string;
  start: string;
  end: string;
}

export interface VivenuSandboxStats {
  requests: number;
  pagesServed: number;
  connections: number;
  largestTopAsked: number;
  /** Most ticket requests answered at the same time. */
  maxConcurrent: number;
  smallestTopAsked: number;
  sold: number;
  /** `GET /api/events/<id>` requests (not counted in `requests`, which are ticket pages). */
  eventRequests: number;
  faults: Record<string, number>;
}

export interface VivenuSandbox {
  url: string;
  stats: VivenuSandboxStats;
  setFaults(faults: VivenuFaults): void;
  /** The event's tickets as the sandbox holds them now (sales during paging included). */
  tickets(eventId: string): Ticket[];
  /** Sells more tickets, or replaces tickets with the same `_id` (a status that changed). */
  upsertTickets(eventId: string, tickets: Ticket[]): void;
  close(): Promise<void>;
}

export interface VivenuSandboxOptions {
  apiKey: string;
  events: Record<string, Ticket[]>;
  /** Name and dates by event id; an event of `events` without one gets a made-up name. */
  eventInfo?: Record<string, SandboxEventInfo>;
  faults?: VivenuFaults;
  seed?: number;
  port?: number;
}

/** Zeros gzipped in members of this size: one member, repeated, makes a bomb of any size cheaply. */
const BOMB_MEMBER_BYTES = 64 * 2 ** 20;
const bombs = new Map<number, Buffer>();

/**
 * A gzip body that expands to `bytes` (rounded up to a whole member): concatenated gzip members
 * are one valid gzip stream (RFC 1952, 2.2), so 3 GiB costs one 64 MiB compression, about 3 MB.
 */
function gzipBomb(bytes: number): Buffer {
  let bomb = bombs.get(bytes);
  if (!bomb) {
    const member = gzipSync(Buffer.alloc(BOMB_MEMBER_BYTES), { level: 9 });
    bomb = Buffer.concat(
      Array.from({ length: Math.ceil(bytes / BOMB_MEMBER_BYTES) }, () => member),
    );
    bombs.set(bytes, bomb);
  }
  return bomb;
}

/** Newest first, like a list that grows at the top while you page it. */
function newestFirst(a: Ticket, b: Ticket): number {
  const left = String(a.createdAt);
  const right = String(b.createdAt);
  if (left !== right) return left < right ? 1 : -1;
  return a._id < b._id ? 1 : -1;
}

/** An unusable answer of `kind`, as the body of a 200; not counted as a page served. */
function garbled(
  kind: Exclude<GarbleKind, 'oversize-page' | 'total-changes'>,
  rows: Ticket[],
  total: number,
): string {
  const [first, ...rest] = rows;
  switch (kind) {
    case 'not-json': {
      const text = JSON.stringify({ rows, total });
      return text.slice(0, Math.floor(text.length / 2));
    }
    case 'rows-not-array':
      return JSON.stringify({ rows: { ...rows }, total });
    case 'row-not-object':
      return JSON.stringify({ rows: [first ? first._id : null, ...rest], total });
    case 'row-without-id': {
      const bare = Object.fromEntries(Object.entries(first ?? {}).filter(([key]) => key !== '_id'));
      return JSON.stringify({ rows: [bare, ...rest], total });
    }
  }
}

/**
 * A simulated Vivenu `GET /api/tickets` and `GET /api/events/<id>` on loopback, with the faults
 * above. Control over HTTP too (`POST /__sandbox/faults`, `GET /__sandbox/stats`) for runs in
 * another process.
 */
export async function startVivenuSandbox(options: VivenuSandboxOptions): Promise<VivenuSandbox> {
  const random = seededRandom(options.seed ?? 7);
  const events = new Map(
    Object.entries(options.events).map(([id, list]) => [id, [...list].sort(newestFirst)]),
  );
  let faults: VivenuFaults = options.faults ?? {};
  const bursts = new Map<string, number>();
  const stats: VivenuSandboxStats = {
    requests: 0,
    pagesServed: 0,
    connections: 0,
    largestTopAsked: 0,
    maxConcurrent: 0,
    smallestTopAsked: Number.POSITIVE_INFINITY,
    sold: 0,
    eventRequests: 0,
    faults: {},
  };

  /** Strikes per fault since the faults were last set: `max` counts from there. */
  const struck = new Map<string, number>();
  let inFlight = 0;
  let soldWhenSet = 0;
  const strikes = (name: string, fault: Fault | undefined): boolean => {
    if (!fault) return false;
    const left = bursts.get(name) ?? 0;
    if ((struck.get(name) ?? 0) >= (fault.max ?? Number.POSITIVE_INFINITY)) return false;
    const hit = left > 0 || random() < fault.rate;
    if (hit) {
      bursts.set(name, left > 0 ? left - 1 : (fault.burst ?? 1) - 1);
      struck.set(name, (struck.get(name) ?? 0) + 1);
      stats.faults[name] = (stats.faults[name] ?? 0) + 1;
    }
    return hit;
  };

  const sellOne = (eventId: string, list: Ticket[]): void => {
    const template = list[list.length - 1];
    const ticket = makeTicket(random, {
      eventId,
      sellerId: typeof template?.sellerId === 'string' ? template.sellerId : 'seller',
      typeName: 'HYROX MEN | CHARITY HIA',
      typeId: typeof template?.ticketTypeId === 'string' ? template.ticketTypeId : 'type',
      createdAt: new Date().toISOString(),
      transactionId: `sold${stats.sold}`,
      status: 'VALID',
    });
    list.unshift(ticket);
    stats.sold++;
  };

  const handleTickets = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> => {
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(response, 401, { message: 'Unauthorized' });
    }
    const top = Number(url.searchParams.get('top') ?? 25);
    const skip = Number(url.searchParams.get('skip') ?? 0);
    if (!Number.isInteger(top) || top < 1 || top > 1000 || !Number.isInteger(skip) || skip < 0) {
      return sendJson(response, 400, { message: 'top must be 1..1000 and skip >= 0' });
    }
    stats.largestTopAsked = Math.max(stats.largestTopAsked, top);
    stats.smallestTopAsked = Math.min(stats.smallestTopAsked, top);

    if (strikes('drop', faults.drop)) return void request.socket.destroy();
    if (strikes('unavailable', faults.unavailable))
      return sendJson(response, 503, { message: 'Service Unavailable' });
    if (strikes('rateLimit', faults.rateLimit)) {
      const after = faults.rateLimit?.retryAfter;
      const form = after === undefined ? 'none' : after === 'date' ? 'HTTP date' : 'seconds';
      stats.faults[`rateLimit (Retry-After: ${form})`] =
        (stats.faults[`rateLimit (Retry-After: ${form})`] ?? 0) + 1;
      const headers: Record<string, string> =
        after === undefined
          ? {}
          : {
              'retry-after':
                after === 'date' ? new Date(Date.now() + 5000).toUTCString() : String(after),
            };
      return sendJson(response, 429, { message: 'Too Many Requests' }, headers);
    }
    if (strikes('malformed', faults.malformed)) {
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.end('<html><body>502 Bad Gateway</body></html>');
    }
    if (faults.slow && strikes('slow', faults.slow))
      await new Promise((r) => setTimeout(r, faults.slow!.ms));

    const garble = strikes('garble', faults.garble) ? faults.garble : undefined;
    if (faults.gzipBomb) {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return void response.end(gzipBomb(faults.gzipBomb.expandsToBytes));
    }
    const asked = (url.searchParams.get('event') ?? '').split(',').filter(Boolean);
    const ids = faults.ignoreEventFilter ? [...events.keys()] : asked;
    const lists = ids.map((id): [string, Ticket[]] => [id, events.get(id) ?? []]);
    const from = faults.ignoreSkip ? 0 : skip;
    const rows = lists
      .flatMap(([, list]) => list)
      .slice(from, from + (garble?.kind === 'oversize-page' ? 2 * top : top));
    let total =
      faults.reportTotal ??
      lists.reduce((sum, [, list]) => sum + list.length, 0) + (faults.inflateTotal ?? 0);
    if (garble?.kind === 'total-changes') total += (garble.step ?? 1) * stats.faults.garble!;
    if (garble && garble.kind !== 'oversize-page' && garble.kind !== 'total-changes')
      return sendJson(response, 200, garbled(garble.kind, rows, total));
    stats.pagesServed++;
    // Written with any RawJsonText value as its text: numbers as a server wrote them, deep values.
    sendJson(response, 200, jsonWithRawText({ rows, total }));

    const shift = faults.shift;
    const soldSinceSet = stats.sold - soldWhenSet;
    if (shift && soldSinceSet < shift.max && stats.pagesServed % shift.everyPages === 0) {
      const [id, list] = lists[0] ?? [];
      if (id && list) sellOne(id, list);
    }
  };

  /**
   * `GET /api/events/<id>`: the event, or 404 when this account holds no such event, which is
   * what Vivenu answers for an event of another seller (issue 12: the likeliest cause of a 404 is
   * an event of another region's account; vivenu-facts.md: one API key per region).
   */
  const handleEvent = (
    request: IncomingMessage,
    response: ServerResponse,
    eventId: string,
  ): void => {
    stats.eventRequests++;
    if (request.headers.authorization !== `Bearer ${options.apiKey}`)
      return sendJson(response, 401, { message: 'Unauthorized' });
    if (faults.eventForbidden) return sendJson(response, 403, { message: 'Forbidden' });
    if (faults.eventUnavailable) return sendJson(response, 503, { message: 'Service Unavailable' });
    if (!events.has(eventId)) return sendJson(response, 404, { message: 'Not Found' });
    const info = options.eventInfo?.[eventId] ?? {
      name: `Sandbox event ${eventId.slice(0, 6)}`,
      start: '2026-05-23T08:00:00.000Z',
      end: '2026-05-24T18:00:00.000Z',
    };
    const description = 'x'.repeat(faults.eventAnswerBytes ?? 0);
    sendJson(response, 200, {
      _id: eventId,
      sellerId: 'seller',
      ...info,
      description,
      tickets: [],
    });
  };

  const setFaults = (next: VivenuFaults): void => {
    faults = next;
    bursts.clear();
    struck.clear();
    soldWhenSet = stats.sold;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    // The sandbox's own controls, for runs in another process; not counted as API requests.
    // They are matched before any API route, so a ticket or event route never answers them.
    if (url.pathname === '/__sandbox/stats') {
      if (request.method !== 'GET') return sendJson(response, 405, { message: 'GET only' });
      return sendJson(response, 200, stats);
    }
    if (url.pathname === '/__sandbox/faults') {
      if (request.method !== 'POST') return sendJson(response, 405, { message: 'POST only' });
      let next: unknown;
      try {
        next = JSON.parse((await readBody(request)).toString() || '{}');
      } catch {
        return sendJson(response, 400, { message: 'faults must be a JSON object' });
      }
      if (typeof next !== 'object' || next === null || Array.isArray(next))
        return sendJson(response, 400, { message: 'faults must be a JSON object' });
      // Set as setFaults does, so a fault's `max` counts from here for a run in another process too.
      setFaults(next);
      return sendJson(response, 200, faults);
    }
    const eventPath = /^\/api\/events\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && eventPath) return handleEvent(request, response, eventPath[1]!);
    stats.requests++;
    if (request.method === 'GET' && url.pathname === '/api/tickets') {
      inFlight++;
      response.on('close', () => inFlight--);
    }
    stats.maxConcurrent = Math.max(stats.maxConcurrent, inFlight);
    return handleTickets(request, response, url);
  };

  const server = await serveOnLoopback(handle, options.port);
  server.server.on('connection', () => stats.connections++);

  return {
    url: server.origin,
    stats,
    setFaults,
    tickets: (eventId) => [...(events.get(eventId) ?? [])],
    upsertTickets: (eventId, tickets) => {
      const replaced = new Map(tickets.map((ticket) => [ticket._id, ticket]));
      const kept = (events.get(eventId) ?? []).filter((ticket) => !replaced.has(ticket._id));
      events.set(eventId, [...kept, ...tickets].sort(newestFirst));
    },
    close: () => server.close(),
  };
}
