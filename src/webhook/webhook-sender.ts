import {
  type AttemptOutcome,
  classifyNetworkFailure,
  isRetryableStatus,
  type NetworkFailure,
  parseRetryAfter,
  type RetryableFailure,
  retrying,
  type RetryPolicy,
} from '../http/retry.js';
import { count } from '../format.js';
import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import { redactPersonalData, type Ticket } from '../vivenu/tickets.js';
import { deliveryId, envelopeBody, signature } from './envelope.js';
import type { Pacer } from './pacer.js';

/** Three retries after the first try, as the issue's receiver contract asks. */
export const webhookRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};
/** After a stop is asked for, the delivery in flight gets this long to answer. */
export const IN_FLIGHT_GRACE_MS = 5_000;
/** An answer is shown and recorded this long at most (after redaction). */
export const ANSWER_CHARACTERS = 200;
/**
 * An answer's body is read this far, after decompression (fetch inflates gzip, deflate and
 * brotli by itself with no limit: docs/sources.md, "Redirects and compressed answers"), and the rest discarded: a
 * few bytes that inflate to gigabytes cannot fill memory.
 */
export const ANSWER_BYTES_READ = 64 * 1024;

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number; attempts: number; answer: string }
  /**
   * The receiver said no for this ticket (a permanent 4xx), or kept failing: the run goes on.
   * `transient` when it was the receiver's trouble (no answer, 408, 429, 5xx), which counts
   * toward "the receiver looks down"; a permanent answer is about this ticket only.
   */
  | { kind: 'failed'; status?: number; reason: string; attempts: number; transient: boolean }
  /** 401/403: the receiver rejects our signature; nothing else will get through either. */
  | { kind: 'rejected'; status: number; reason: string }
  /**
   * webhook-url itself cannot work: a redirect (never followed, so the signed ticket goes
   * nowhere else) or a failure no retry can fix (blocked port, unknown host, certificate,
   * nothing listening). Every ticket would get the same: the run stops.
   */
  | { kind: 'unusable'; status: number | null; reason: string; attempts: number }
  /** Stopped before an answer came: not delivered, goes again next run with the same id. */
  | { kind: 'interrupted'; attempts: number }
  /**
   * The next attempt could only start at or after the time budget's end: none starts. `reason`
   * says why when the receiver's wait is what did not fit; empty when the budget simply ended.
   */
  | { kind: 'out-of-time'; attempts: number; reason: string };

/** A delivery to try again: the receiver's trouble (no answer, 408, 429, 5xx). */
interface DeliveryRetry extends RetryableFailure {
  /** The receiver's status and its answer, as shown, when it answered. */
  status?: number;
  answer?: string;
  /** A refusal (ECONNREFUSED), for the count of refusals in a row. */
  refused: boolean;
}

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  clock: Clock;
  pacer: Pacer;
  random?: () => number;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  /** Aborts when the run must stop: no new attempt starts after it. */
  stop?: AbortSignal;
  /** Where retries are told; a ticket is named by its `_id` only. */
  logger?: Logger;
}

/** Delivers tickets as signed `ticket.created` webhooks, paced, with targeted retries. */
export class WebhookSender {
  private readonly retry: RetryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: WebhookSenderOptions) {
    this.retry = options.retry ?? webhookRetryPolicy;
    this.random = options.random ?? Math.random;
  }

  /**
   * Delivers `ticket`, retrying what may pass. No attempt starts at or after `deadlineMs` (on the
   * clock's monotonic reading; the time budget's end): a wait that would reach it ends the
   * delivery at once, as `out-of-time` (issue 23, row 4: a Retry-After of an hour, capped at a
   * minute, started attempts 61 s past a 2-minute budget).
   */
  async deliver(ticket: Ticket, deadlineMs = Number.POSITIVE_INFINITY): Promise<DeliveryOutcome> {
    const { clock, pacer, stop } = this.options;
    const body = envelopeBody(ticket);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'vivenu-historical-sync',
      'x-delivery-id': deliveryId(ticket),
    };
    if (this.options.secret) headers['x-vivenu-signature'] = signature(body, this.options.secret);

    if (pacer.nextTurnAt() >= deadlineMs) return { kind: 'out-of-time', attempts: 0, reason: '' };
    if (!(await pacer.turn(stop))) return { kind: 'interrupted', attempts: 0 };
    let refusedInARow = 0;
    /** Why the coming retry cannot start before the deadline, when it cannot. */
    let late: string | undefined;
    return retrying<DeliveryOutcome, DeliveryRetry>(
      async (attempt) => {
        const outcome = await this.tryDelivery(ticket, body, headers, attempt, refusedInARow);
        if (outcome.kind === 'retry') refusedInARow = outcome.refused ? refusedInARow + 1 : 0;
        return outcome;
      },
      {
        policy: this.retry,
        random: this.random,
        // Only an answer has a status, and its words after the count.
        exhausted: ({ reason, status, answer }, attempts) => ({
          kind: 'failed',
          ...(status === undefined ? {} : { status }),
          reason: `${reason} after ${attempts} attempts${status === undefined ? '' : `: ${answer}`}`,
          attempts,
          transient: true,
        }),
        // A retry that could not start before the deadline is neither announced nor waited for.
        onRetry: ({ reason, retryAfterMs }, attempt, delayMs) => {
          late = this.pastDeadline(ticket, delayMs, retryAfterMs, deadlineMs);
          if (late !== undefined) return;
          this.options.logger?.info(
            `  ${logText(ticket._id)}: ${logText(reason)}; retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s (same id)`,
          );
        },
        // A retry waits for its backoff and for its turn, as every delivery start does.
        wait: async (delayMs, attempts) => {
          if (late !== undefined)
            return { kind: 'give-up', value: { kind: 'out-of-time', attempts, reason: late } };
          return (await pacer.turn(stop, clock.monotonic() + delayMs))
            ? undefined
            : { kind: 'give-up', value: { kind: 'interrupted', attempts } };
        },
      },
    );
  }

  /**
   * Why a retry after `delayMs` (the receiver asked for `retryAfterMs`, perhaps more than the
   * policy waits) cannot start before `deadlineMs`; undefined when it can. What the receiver
   * asked for counts: a retry it said it will not take before then would only be refused.
   */
  private pastDeadline(
    ticket: Ticket,
    delayMs: number,
    retryAfterMs: number | undefined,
    deadlineMs: number,
  ): string | undefined {
    const { clock, pacer } = this.options;
    const now = clock.monotonic();
    const wanted = Math.max(delayMs, retryAfterMs ?? 0);
    if (pacer.nextTurnAt(now + wanted) < deadlineMs) return undefined;
    const left = `${count(Math.max(0, Math.floor((deadlineMs - now) / 1000)))} s left of max-runtime-minutes`;
    const asked =
      retryAfterMs !== undefined && retryAfterMs >= delayMs
        ? `the receiver asked to wait ${waitWords(retryAfterMs)} (Retry-After)`
        : `the next try would wait ${waitWords(wanted)}`;
    return (
      `${asked} before trying ticket ${logText(ticket._id)} again, longer than the ${left}: ` +
      'the run ends now. The ticket was not delivered; the next run sends it (same id).'
    );
  }

  /** One delivery attempt and what it means: delivered, a final answer, or worth a retry. */
  private async tryDelivery(
    ticket: Ticket,
    body: Buffer,
    headers: Record<string, string>,
    attempt: number,
    refusedBefore: number,
  ): Promise<AttemptOutcome<DeliveryOutcome, DeliveryRetry>> {
    const end = (value: DeliveryOutcome) => ({ kind: 'give-up', value }) as const;
    const result = await this.post(body, headers, refusedBefore);
    if (result.kind === 'interrupted') return end({ kind: 'interrupted', attempts: attempt });
    if (result.kind === 'redirect') {
      return end({
        kind: 'unusable',
        status: result.status,
        reason: redirectReason(result.status, result.location, this.options.url),
        attempts: attempt,
      });
    }
    if (result.kind === 'network') {
      const { failure } = result;
      if (failure.lasting) {
        return end({
          kind: 'unusable',
          status: null,
          reason: `webhook-url (${new URL(this.options.url).origin}) cannot work: ${failure.lasting}. Nothing was delivered to it; no retry can fix this.`,
          attempts: attempt,
        });
      }
      return { kind: 'retry', reason: failure.reason, refused: failure.refused };
    }
    const { status, text, retryAfter } = result;
    const answer = displayAnswer(text, ticket);
    if (status >= 200 && status < 300) {
      return { kind: 'done', value: { kind: 'delivered', status, attempts: attempt, answer } };
    }
    if (status === 401 || status === 403) return end({ kind: 'rejected', status, reason: answer });
    if (!isRetryableStatus(status)) {
      return end({ kind: 'failed', status, reason: answer, attempts: attempt, transient: false });
    }
    return {
      kind: 'retry',
      reason: `HTTP ${status}`,
      // An HTTP date is a wall-clock time: it is read against the wall clock.
      retryAfterMs: parseRetryAfter(retryAfter, this.options.clock.now()),
      status,
      answer,
      refused: false,
    };
  }

  /**
   * One POST of the exact signed bytes, to webhook-url only: a redirect is returned, never
   * followed (fetch would follow it by default, re-posting the body on 307/308 and turning
   * 301/302/303 into a GET without it: docs/sources.md, "Redirects and compressed answers"). A stop gives the answer a
   * short grace, then aborts.
   */
  private async post(
    body: Buffer,
    headers: Record<string, string>,
    refusedBefore: number,
  ): Promise<
    | { kind: 'answer'; status: number; text: string; retryAfter: string | null }
    | { kind: 'redirect'; status: number; location: string | null }
    | { kind: 'network'; failure: NetworkFailure }
    | { kind: 'interrupted' }
  > {
    const { stop } = this.options;
    const grace = new AbortController();
    const startGrace = (): void => {
      setTimeout(() => grace.abort(new Error('stopped')), IN_FLIGHT_GRACE_MS).unref();
    };
    if (stop?.aborted) startGrace();
    else stop?.addEventListener('abort', startGrace, { once: true });
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([timeout, grace.signal]),
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => {});
        return {
          kind: 'redirect',
          status: response.status,
          location: response.headers.get('location'),
        };
      }
      const text = await readAnswer(response, ANSWER_BYTES_READ);
      return {
        kind: 'answer',
        status: response.status,
        text,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      if (grace.signal.aborted) return { kind: 'interrupted' };
      return {
        kind: 'network',
        failure: classifyNetworkFailure(error, this.options.url, refusedBefore),
      };
    } finally {
      stop?.removeEventListener('abort', startGrace);
    }
  }
}

/** A wait in seconds, as said: a Retry-After of 400 digits is "over a year", not "∞ s". */
function waitWords(ms: number): string {
  return ms > 365 * 86_400_000 ? 'over a year' : `${count(Math.ceil(ms / 1000))} s`;
}

/**
 * The first `maxBytes` of the body (as fetch hands it: decompressed), read chunk by chunk; the
 * rest is cancelled unread. A cut inside a character shows as U+FFFD.
 */
export async function readAnswer(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let finished = false;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      const kept = value.length > maxBytes - bytes ? value.subarray(0, maxBytes - bytes) : value;
      chunks.push(kept);
      bytes += kept.length;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks, bytes));
}

/**
 * An answer as it may be shown and recorded: the ticket's values and emails redacted first,
 * then one line, then cut (a cut made first could leave half an email no pattern matches).
 */
export function displayAnswer(text: string, ticket: Ticket): string {
  return redactPersonalData(text, ticket).replace(/\s+/g, ' ').trim().slice(0, ANSWER_CHARACTERS);
}

/**
 * Why a 3xx is not a delivery, naming only the target's origin (a path or query may hold a
 * token) and what to set instead.
 */
export function redirectReason(
  status: number,
  location: string | null,
  webhookUrl: string,
): string {
  const to =
    location !== null && URL.canParse(location, webhookUrl)
      ? ` to ${logText(new URL(location, webhookUrl).origin)}`
      : '';
  return (
    `The receiver answered ${status}, a redirect${to}, which is not followed: the signed ticket ` +
    `goes only to webhook-url (${new URL(webhookUrl).origin}). Set webhook-url to the final address.`
  );
}
