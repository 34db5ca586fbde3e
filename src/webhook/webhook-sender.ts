import {
  describeNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy,
} from '../http/retry.js';
import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import { redactPersonalData, type Ticket } from '../vivenu/tickets.js';
import { deliveryId, envelopeBody, signature } from './envelope.js';
import type { Pacer } from './pacer.js';

/** Three retries after the first try, as the receiver contract asks. */
export const webhookRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};
/** After a stop is asked for, the delivery in flight gets this long to answer. */
export const IN_FLIGHT_GRACE_MS = 5_000;
const ANSWER_CHARACTERS = 200;

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number; attempts: number; answer: string }
  /** The receiver said no for this ticket (4xx), or kept failing: the run goes on. */
  | { kind: 'failed'; status?: number; reason: string; attempts: number }
  /** 401/403: the receiver rejects our signature; nothing else will get through either. */
  | { kind: 'rejected'; status: number; reason: string }
  /** Stopped before an answer came: not delivered, goes again next run with the same id. */
  | { kind: 'interrupted'; attempts: number };

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

  async deliver(ticket: Ticket): Promise<DeliveryOutcome> {
    const { clock, pacer, stop } = this.options;
    const body = envelopeBody(ticket);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'vivenu-historical-sync',
      'x-delivery-id': deliveryId(ticket),
    };
    if (this.options.secret) headers['x-vivenu-signature'] = signature(body, this.options.secret);

    let notBefore = Number.NEGATIVE_INFINITY;
    let attempt = 0;
    while (attempt < this.retry.maxAttempts) {
      if (!(await pacer.turn(stop, notBefore))) return { kind: 'interrupted', attempts: attempt };
      attempt++;
      const result = await this.post(body, headers);
      if (result.kind === 'interrupted') return { kind: 'interrupted', attempts: attempt };
      if (result.kind === 'answer') {
        const { status, text, retryAfter } = result;
        const answer = redactPersonalData(text.slice(0, ANSWER_CHARACTERS), ticket)
          .replace(/\s+/g, ' ')
          .trim();
        if (status >= 200 && status < 300)
          return { kind: 'delivered', status, attempts: attempt, answer };
        if (status === 401 || status === 403) return { kind: 'rejected', status, reason: answer };
        if (!isRetryableStatus(status))
          return { kind: 'failed', status, reason: answer, attempts: attempt };
        if (attempt >= this.retry.maxAttempts) {
          return {
            kind: 'failed',
            status,
            reason: `HTTP ${status} after ${attempt} attempts: ${answer}`,
            attempts: attempt,
          };
        }
        const waitMs = retryDelayMs(
          attempt,
          parseRetryAfter(retryAfter, clock.now()),
          this.retry,
          this.random,
        );
        notBefore = this.retryAt(ticket, attempt, `HTTP ${status}`, waitMs);
      } else {
        if (attempt >= this.retry.maxAttempts) {
          return {
            kind: 'failed',
            reason: `${result.reason} after ${attempt} attempts`,
            attempts: attempt,
          };
        }
        const waitMs = retryDelayMs(attempt, undefined, this.retry, this.random);
        notBefore = this.retryAt(ticket, attempt, result.reason, waitMs);
      }
    }
    return { kind: 'failed', reason: 'no attempt was made', attempts: attempt };
  }

  private retryAt(ticket: Ticket, attempt: number, reason: string, waitMs: number): number {
    this.options.logger?.info(
      `  ${logText(ticket._id)}: ${logText(reason)}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s (same id)`,
    );
    return this.options.clock.now() + waitMs;
  }

  /** One POST of the exact signed bytes. A stop gives the answer a short grace, then aborts. */
  private async post(
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<
    | { kind: 'answer'; status: number; text: string; retryAfter: string | null }
    | { kind: 'network'; reason: string }
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
        signal: AbortSignal.any([timeout, grace.signal]),
      });
      const text = await response.text();
      return {
        kind: 'answer',
        status: response.status,
        text,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      if (grace.signal.aborted) return { kind: 'interrupted' };
      return { kind: 'network', reason: describeNetworkError(error) };
    } finally {
      stop?.removeEventListener('abort', startGrace);
    }
  }
}
