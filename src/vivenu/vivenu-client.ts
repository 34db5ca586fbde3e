import { count } from '../format.js';
import { z } from 'zod';
import { AnswerRefusedError, VivenuError } from '../errors.js';
import {
  classifyNetworkFailure,
  defaultRetryPolicy,
  isRetryableStatus,
  parseRetryAfter,
  retrying,
  type RetryableFailure,
  type RetryPolicy,
} from '../http/retry.js';
import { HttpGetter, type GetAnswer } from '../http/http-get.js';
import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import { parseEventInfo, type EventInfo } from './event-info.js';
import { parseKeepingNumbers, plainNumber } from './ticket-json.js';
import type { Ticket } from './tickets.js';

export const MIN_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;
/** After this many 503s in a row for one page, ask for half as many tickets. */
const UNAVAILABLE_BEFORE_HALVING = 2;
/** A page of 1,000 tickets is a few MB; an answer past this is not a page to hold. */
const MAX_PAGE_BYTES = 64 * 2 ** 20;
/**
 * An event with its ticket types, shops and texts is tens of KB; far past that, it is not an
 * event to hold just for its name.
 */
export const MAX_EVENT_BYTES = 4 * 2 ** 20;

/**
 * What `GET /api/events/<id>` told: the event, or why its name is not known. The name is a
 * convenience and the tickets are the job, so only an answer that says the run cannot work
 * (404, 401, a redirect, an address that cannot work) is thrown; everything else goes on.
 */
export type EventLookup =
  | { kind: 'found'; info: EventInfo }
  /** 403: the key may not read events (it may still read tickets). */
  | { kind: 'forbidden' }
  /** Kept failing, or answered something that is not an event: the run goes on without it. */
  | { kind: 'unknown'; reason: string };

export interface VivenuClientOptions {
  /** Origin of the API, e.g. https://vivenu.com. */
  origin: string;
  apiKey: string;
  region: string;
  clock: Clock;
  logger: Logger;
  random?: () => number;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  /** Aborts waiting and requests in flight (cancel). */
  signal?: AbortSignal;
}

/** A row of a page as received: an object, every field kept; its `_id` not yet checked. */
export type PageRow = Readonly<Record<string, unknown>>;
/** A row without a string `_id`: it cannot be recorded as sent, so it is never delivered. */
export type UnidentifiedRow = PageRow;

/** A row that can be told apart from every other: a non-empty string `_id`. */
export function hasId(row: PageRow): row is Ticket {
  return typeof row._id === 'string' && row._id !== '';
}

export interface TicketPage {
  rows: PageRow[];
  total: number;
  /** The page size Vivenu finally answered; smaller than asked after repeated 503s. */
  pageSize: number;
}

/**
 * A row must be an object; one without a usable `_id` is still a row of the page (the pull keeps
 * it aside), not a reason to refuse the page: Vivenu's spec requires `_id`, so a row without
 * one is a damaged ticket, not a damaged page (vivenu-facts.md, "The Ticket object").
 */
const pageSchema = z.object({
  rows: z.array(z.looseObject({})),
  // Read as written (`1e3` is kept as text in the rows, not here: a count is a number).
  total: z.preprocess(plainNumber, z.number().int().nonnegative()),
});

interface RefusedAnswer {
  refused: string;
}

/** A failure below HTTP that another try may get past; a timeout is Vivenu's load. */
interface NetworkRetry extends RetryableFailure {
  refused: boolean;
  load: boolean;
}

/** Why a page is asked again. */
interface PageRetry extends RetryableFailure {
  status?: number;
  /** 429, 5xx or a timeout: Vivenu's load, not an address or an answer that is wrong. */
  load?: boolean;
  refused?: boolean;
}

/** Why the event is asked again. */
interface EventRetry extends RetryableFailure {
  refused?: boolean;
}

/** Reads ticket pages from Vivenu's `GET /api/tickets`. Read-only: it never writes to Vivenu. */
export class VivenuClient {
  /** Every HTTP request sent, retries included. */
  apiCalls = 0;
  retries = 0;
  /** 429 answers so far: the puller pages one at a time for a while after each. */
  rateLimited = 0;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly requestTimeoutMs: number;
  /** Kept-alive connections to Vivenu, shared by every page of the run. */
  private readonly http = new HttpGetter(MAX_PAGE_BYTES);

  constructor(private readonly options: VivenuClientOptions) {
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  /**
   * One page of an event's tickets, retried on 429, 5xx, timeouts, dropped connections and
   * unreadable answers; Vivenu's own refusals (400, 401, 403, 404) fail at once.
   */
  async fetchPage(eventId: string, skip: number, pageSize: number): Promise<TicketPage> {
    let size = pageSize;
    let unavailableInARow = 0;
    let refusedInARow = 0;
    const where = `event ${eventId}, tickets from ${count(skip)}`;
    return retrying(
      async () => {
        const outcome = await this.attempt(eventId, skip, size, refusedInARow);
        if (outcome.kind === 'page')
          return { kind: 'done', value: { ...outcome.page, pageSize: size } };
        refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
        unavailableInARow = outcome.status === 503 ? unavailableInARow + 1 : 0;
        return outcome;
      },
      {
        ...this.retryLoop(),
        exhausted: (last, attempts) => {
          // Load advice only for load: 429, 5xx and timeouts; anything else, say what it was.
          const advice = last.load
            ? 'Vivenu may be under load: run again later.'
            : 'Run again; if it persists, check vivenu-url.';
          throw new VivenuError(
            `Vivenu kept failing (${last.reason}) for ${where} after ${attempts} attempts. ${advice}`,
          );
        },
        onRetry: (failure, attempt, delayMs) => {
          if (unavailableInARow >= UNAVAILABLE_BEFORE_HALVING && size > MIN_PAGE_SIZE) {
            size = Math.max(MIN_PAGE_SIZE, Math.floor(size / 2));
            unavailableInARow = 0;
            this.options.logger.info(`Vivenu answered 503 repeatedly: page size now ${size}`);
          }
          this.toldRetry(where, failure.reason, attempt, delayMs);
        },
      },
    );
  }

  /**
   * The event's name and dates, asked before the pull. Retried like a page (429, 5xx, timeouts,
   * dropped connections, answers that are not an event); a 404 fails at once with its likeliest
   * cause, an event of another region's account.
   */
  async fetchEvent(eventId: string): Promise<EventLookup> {
    const url = new URL(`/api/events/${encodeURIComponent(eventId)}`, this.options.origin);
    let refusedInARow = 0;
    return retrying<EventLookup, EventRetry>(
      async () => {
        const outcome = await this.eventAttempt(url, eventId, refusedInARow);
        if (outcome.kind !== 'retry') return { kind: 'done', value: outcome };
        refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
        return outcome;
      },
      {
        ...this.retryLoop(),
        exhausted: (last, attempts) => ({
          kind: 'unknown',
          reason: `${last.reason}, ${attempts} attempts`,
        }),
        onRetry: (failure, attempt, delayMs) =>
          this.toldRetry(`event ${logText(eventId)}`, failure.reason, attempt, delayMs),
      },
    );
  }

  /** What every Vivenu request retries with: the policy, and waits the cancel cuts short. */
  private retryLoop() {
    const { clock, signal } = this.options;
    return {
      policy: this.retry,
      random: this.random,
      wait: async (delayMs: number) => {
        await clock.sleep(delayMs, signal);
        signal?.throwIfAborted();
      },
    };
  }

  private toldRetry(where: string, reason: string, attempt: number, delayMs: number): void {
    this.options.logger.info(
      `${where}: ${reason}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s`,
    );
    this.retries++;
  }

  private async eventAttempt(
    url: URL,
    eventId: string,
    refusedBefore: number,
  ): Promise<EventLookup | EventRetry> {
    const response = await this.getPage(url, refusedBefore, MAX_EVENT_BYTES);
    if ('kind' in response) return response;
    // Not load, so not retried; the pages that follow say plainly if it concerns them too.
    if ('refused' in response) return { kind: 'unknown', reason: response.refused };
    const { status } = response;
    if (status === 403) return { kind: 'forbidden' };
    if (status === 401 || status === 404 || (status >= 300 && status < 400)) {
      throw new VivenuError(this.eventRefusal(response, eventId), response.status);
    }
    if (isRetryableStatus(status)) {
      if (status === 429) this.rateLimited++;
      return {
        kind: 'retry',
        reason: `HTTP ${status}`,
        retryAfterMs: parseRetryAfter(response.retryAfter, this.options.clock.now()),
      };
    }
    if (status < 200 || status > 299) return { kind: 'unknown', reason: `HTTP ${status}` };
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      return { kind: 'retry', reason: 'answer is not JSON' };
    }
    const parsed = parseEventInfo(eventId, json);
    return 'info' in parsed
      ? { kind: 'found', info: parsed.info }
      : { kind: 'retry', reason: parsed.problem };
  }

  private eventRefusal(answer: GetAnswer, eventId: string): string {
    const { region, origin } = this.options;
    if (answer.status !== 404) return this.refusal(answer, eventId);
    return (
      `Vivenu has no event ${logText(eventId)} for the ${region} API key (404 from ${origin}/api/events): ` +
      `the event most likely belongs to another region's account. This run used the ${region}_API secret; ` +
      `set region to the event's region (its <REGION>_API secret), or check the event id. Nothing was pulled or sent.`
    );
  }

  private async attempt(
    eventId: string,
    skip: number,
    top: number,
    refusedBefore: number,
  ): Promise<{ kind: 'page'; page: Omit<TicketPage, 'pageSize'> } | PageRetry> {
    const url = new URL('/api/tickets', this.options.origin);
    url.search = new URLSearchParams({
      event: eventId,
      top: String(top),
      skip: String(skip),
    }).toString();
    const response = await this.getPage(url, refusedBefore);
    if ('kind' in response) return response;
    if ('refused' in response) {
      throw new VivenuError(
        `Vivenu's answer for event ${logText(eventId)}, tickets from ${count(skip)} was refused: ${response.refused}. ` +
          `Not retried, as load does not cause it: check that vivenu-url (${this.options.origin}) reaches Vivenu's API directly, not through a proxy that rewrites answers.`,
      );
    }
    const body = response.text;

    if (response.status < 200 || response.status > 299) {
      if (response.status === 429) this.rateLimited++;
      if (isRetryableStatus(response.status)) {
        return {
          kind: 'retry',
          reason: `HTTP ${response.status}`,
          status: response.status,
          load: true,
          retryAfterMs: parseRetryAfter(response.retryAfter, this.options.clock.now()),
        };
      }
      throw new VivenuError(this.refusal(response, eventId), response.status);
    }

    let json: unknown;
    try {
      // Every number as Vivenu wrote it: the files and the delivery carry the same text.
      json = parseKeepingNumbers(body);
    } catch {
      return { kind: 'retry', reason: 'answer is not JSON' };
    }
    const parsed = pageSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        kind: 'retry',
        reason: `answer is not a ticket page (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
      };
    }
    // Keep the rows exactly as received: the schema checks them, the raw objects travel on.
    return {
      kind: 'page',
      page: { rows: (json as { rows: PageRow[] }).rows, total: parsed.data.total },
    };
  }

  /**
   * One GET within the request timeout, counted: the answer; or why it was refused unread (a
   * content coding not asked for: a compressed answer can expand a thousandfold; over the size
   * allowed), which is not load, so not retried; or a failure below HTTP worth another try. A
   * failure no retry can fix (a blocked port, an unknown host) throws, naming vivenu-url.
   */
  private async getPage(
    url: URL,
    refusedBefore: number,
    maxBytes = MAX_PAGE_BYTES,
  ): Promise<GetAnswer | RefusedAnswer | NetworkRetry> {
    const timeout = AbortSignal.timeout(this.requestTimeoutMs);
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
    this.apiCalls++;
    try {
      return await this.http.get(
        url,
        {
          authorization: `Bearer ${this.options.apiKey}`,
          accept: 'application/json',
          'user-agent': 'vivenu-historical-sync',
        },
        signal,
        maxBytes,
      );
    } catch (error) {
      if (error instanceof AnswerRefusedError) return { refused: error.message };
      this.options.signal?.throwIfAborted();
      const failure = classifyNetworkFailure(error, url, refusedBefore);
      if (failure.lasting) {
        throw new VivenuError(
          `vivenu-url (${this.options.origin}) cannot work: ${failure.lasting}. Nothing was pulled; no retry can fix this.`,
        );
      }
      const load = (error as Error | undefined)?.name === 'TimeoutError';
      return { kind: 'retry', reason: failure.reason, refused: failure.refused, load };
    }
  }

  private refusal({ status, location }: GetAnswer, eventId: string): string {
    const { region, origin } = this.options;
    if (status >= 300 && status < 400) {
      // Followed, a redirect could take the API key to another host: it is an answer to refuse.
      const to = URL.canParse(location ?? '', origin)
        ? ` to ${new URL(location!, origin).origin}`
        : '';
      return `Vivenu answered ${status}, a redirect${to}, which is not followed: check vivenu-url (${origin}).`;
    }
    switch (status) {
      case 401:
        return `Vivenu refused the API key (401) for region ${region} at ${origin}: check the api-key input (the ${region}_API secret) and that it belongs to this region.`;
      case 403:
        return `Vivenu says the API key may not read tickets of event ${eventId} (403): the event may belong to another region's seller.`;
      case 404:
        return `Vivenu has no ticket list at ${origin} (404): check vivenu-url, or the region's default host.`;
      case 400:
        return `Vivenu rejected the ticket query for event ${eventId} (400): check the event id and page-size.`;
      default:
        return `Vivenu refused the ticket query for event ${eventId} (HTTP ${status}).`;
    }
  }
}
