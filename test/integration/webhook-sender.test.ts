import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/ports.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { Pacer } from '../../src/webhook/pacer.js';
import { ANSWER_BYTES_READ, readAnswer, WebhookSender } from '../../src/webhook/webhook-sender.js';
import { NOTHING_LISTENS } from '../../sandbox/loopback-server.js';
import {
  startReceiverSandbox,
  type ReceiverBehaviour,
  type ReceiverSandbox,
} from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { memoryLogger } from '../support/memory-logger.js';
import { virtualClock } from '../support/virtual-clock.js';

const SECRET = 'sender-secret';
const tickets: Ticket[] = generateEventTickets({
  eventId: 'abcabcabcabcabcabcabcabc',
  count: 12,
  seed: 5,
});
let receiver: ReceiverSandbox | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function sender(
  behaviour: ReceiverBehaviour,
  options: { intervalMs?: number; timeoutMs?: number; stop?: AbortSignal; url?: string } = {},
) {
  receiver = await startReceiverSandbox({ secret: SECRET, behaviour, seed: 3 });
  const clock = virtualClock(Date.now());
  const logger = memoryLogger();
  const webhook = new WebhookSender({
    url: options.url ?? receiver.url,
    secret: SECRET,
    clock,
    pacer: new Pacer(options.intervalMs ?? 0, clock),
    random: () => 0.5,
    requestTimeoutMs: options.timeoutMs ?? 2_000,
    stop: options.stop,
    logger,
  });
  return { webhook, clock, logger, receiver };
}

describe('WebhookSender against the sandbox receiver', () => {
  it('signs the exact bytes it sends', async () => {
    const { webhook, receiver } = await sender({});
    const outcome = await webhook.deliver(tickets[0]!);
    expect(outcome).toMatchObject({ kind: 'delivered', status: 200, attempts: 1 });
    expect(receiver.deliveries[0]!.signatureValid).toBe(true);
    const body = JSON.stringify(
      JSON.parse(JSON.stringify({ ticket: receiver.deliveries[0]!.ticket })),
    );
    expect(body).toContain(tickets[0]!._id);
  });

  it('retries 429 honouring Retry-After, with the same id, then delivers', async () => {
    const { webhook, clock, receiver, logger } = await sender({
      failFirstAttempts: { count: 2, status: 429, retryAfter: 7 },
    });
    const outcome = await webhook.deliver(tickets[1]!);
    expect(outcome).toMatchObject({ kind: 'delivered', attempts: 3 });
    expect(clock.sleeps).toEqual([7_000, 7_000]);
    expect(new Set(receiver.deliveries.map((d) => d.id)).size).toBe(1);
    expect(logger.text()).toMatch(/HTTP 429; retry 1 in 7.0 s \(same id\)/);
  });

  it('a Retry-After longer than the time left ends the delivery at once: no attempt after the deadline (issue 23, row 4)', async () => {
    const { webhook, clock, receiver } = await sender({
      failFirstAttempts: { count: 9, status: 429, retryAfter: 3_600 },
    });
    const deadline = clock.monotonic() + 120_000;
    const outcome = await webhook.deliver(tickets[1]!, deadline);
    expect(outcome).toMatchObject({ kind: 'out-of-time', attempts: 1 });
    expect(outcome.kind === 'out-of-time' && outcome.reason).toMatch(
      /^the receiver asked to wait 3,600 s \(Retry-After\) before trying ticket [0-9a-f]{24} again, longer than the 120 s left of max-runtime-minutes: the run ends now\./,
    );
    expect(receiver.deliveries).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a Retry-After of 400 digits is said as "over a year"', async () => {
    const { webhook, clock } = await sender({
      failFirstAttempts: { count: 9, status: 503, retryAfter: '9'.repeat(400) },
    });
    const outcome = await webhook.deliver(tickets[1]!, clock.monotonic() + 60_000);
    expect(outcome.kind === 'out-of-time' && outcome.reason).toMatch(
      /^the receiver asked to wait over a year \(Retry-After\)/,
    );
  });

  it('a Retry-After that fits is honoured (capped), and a backoff past the deadline ends it too', async () => {
    const { webhook, clock, receiver } = await sender({
      failFirstAttempts: { count: 9, status: 503 },
    });
    // Backoff at random 0.5: 750 ms, then 1,500 ms, then 3,000 ms.
    const deadline = clock.monotonic() + 2_000;
    const outcome = await webhook.deliver(tickets[2]!, deadline);
    expect(outcome).toMatchObject({ kind: 'out-of-time', attempts: 2 });
    expect(outcome.kind === 'out-of-time' && outcome.reason).toMatch(
      /^the next try would wait 2 s/,
    );
    expect(clock.sleeps).toEqual([750]);
    expect(receiver.deliveries).toHaveLength(2);
    expect(clock.monotonic()).toBeLessThan(deadline);
  });

  it('starts no first attempt when its turn comes at or after the deadline', async () => {
    const { webhook, clock, receiver } = await sender({}, { intervalMs: 10_000 });
    expect(await webhook.deliver(tickets[0]!, clock.monotonic() + 60_000)).toMatchObject({
      kind: 'delivered',
    });
    expect(await webhook.deliver(tickets[1]!, clock.monotonic() + 5_000)).toEqual({
      kind: 'out-of-time',
      attempts: 0,
      reason: '',
    });
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('gives up after 3 retries of a 5xx and reports the ticket failed', async () => {
    const { webhook, receiver } = await sender({ always: { status: 502, body: 'bad gateway' } });
    const outcome = await webhook.deliver(tickets[2]!);
    expect(outcome).toEqual({
      kind: 'failed',
      status: 502,
      reason: 'HTTP 502 after 4 attempts: bad gateway',
      attempts: 4,
      transient: true,
    });
    expect(receiver.deliveries).toHaveLength(4);
  });

  it('does not retry a permanent 4xx and keeps the first 200 characters of the answer', async () => {
    const long = `ticketTypeId not found in KV store ${'x'.repeat(400)}`;
    const { webhook, receiver } = await sender({
      failTickets: { [tickets[3]!._id]: { status: 404, body: long } },
    });
    const outcome = await webhook.deliver(tickets[3]!);
    expect(outcome).toMatchObject({ kind: 'failed', status: 404, attempts: 1 });
    expect(outcome.kind === 'failed' && outcome.reason).toBe(long.slice(0, 200));
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('a permanent 4xx is not transient: it says nothing about the receiver being down', async () => {
    const { webhook } = await sender({ always: { status: 422, body: 'no' } });
    expect(await webhook.deliver(tickets[2]!)).toMatchObject({
      kind: 'failed',
      status: 422,
      transient: false,
    });
  });

  it.each([301, 302, 303, 307, 308])(
    'never follows a %i: the body goes to no other origin, and the outcome names only its origin',
    async (status) => {
      const { webhook, receiver } = await sender({ redirect: { status } });
      const outcome = await webhook.deliver(tickets[0]!);
      expect(outcome).toMatchObject({ kind: 'unusable', status, attempts: 1 });
      expect(outcome.kind === 'unusable' && outcome.reason).toBe(
        `The receiver answered ${status}, a redirect to ${receiver.elsewhere.url}, which is not followed: ` +
          `the signed ticket goes only to webhook-url (${new URL(receiver.url).origin}). Set webhook-url to the final address.`,
      );
      expect(receiver.elsewhere.requests).toEqual([]);
    },
  );

  it('reads an answer to 64 KiB after decompression and discards the rest (a gzip bomb)', async () => {
    const { webhook } = await sender({ gzipBombBytes: 2 ** 30 });
    const outcome = await webhook.deliver(tickets[1]!);
    // 64 KiB of spaces, made one line and trimmed: nothing left to show.
    expect(outcome).toMatchObject({ kind: 'delivered', status: 200, answer: '' });
  });

  it('readAnswer stops at the limit and cancels the rest', async () => {
    receiver = await startReceiverSandbox({ behaviour: { gzipBombBytes: 2 ** 30 } });
    const response = await fetch(receiver.url, {
      method: 'POST',
      body: JSON.stringify({ data: { ticket: tickets[1] } }),
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const text = await readAnswer(response, ANSWER_BYTES_READ);
    expect(text).toBe(' '.repeat(ANSWER_BYTES_READ));
  });

  it('a blocked port fails at once as unusable, naming webhook-url', async () => {
    const { webhook } = await sender({}, { url: 'http://127.0.0.1:9/test-created' });
    const outcome = await webhook.deliver(tickets[3]!);
    expect(outcome).toMatchObject({ kind: 'unusable', status: null, attempts: 1 });
    expect(outcome.kind === 'unusable' && outcome.reason).toMatch(
      /^webhook-url \(http:\/\/127\.0\.0\.1:9\) cannot work: port 9 is one fetch refuses to connect to/,
    );
  });

  it('a loopback port where nothing listens: one retry, then unusable', async () => {
    const { webhook, clock } = await sender({}, { url: `${NOTHING_LISTENS}/x` });
    const outcome = await webhook.deliver(tickets[3]!);
    expect(outcome).toMatchObject({ kind: 'unusable', attempts: 2 });
    expect(outcome.kind === 'unusable' && outcome.reason).toContain('nothing listens at');
    expect(clock.sleeps).toHaveLength(1);
  });

  it('redacts personal data a receiver echoes back', async () => {
    const ticket = tickets.find((t) => typeof t.email === 'string')!;
    const echo = `duplicate holder ${String(ticket.email)} barcode ${String(ticket.barcode)}`;
    const { webhook } = await sender({
      failTickets: { [ticket._id]: { status: 409, body: echo } },
    });
    const outcome = await webhook.deliver(ticket);
    expect(outcome.kind === 'failed' && outcome.reason).toBe(
      'duplicate holder [redacted] barcode [redacted]',
    );
  });

  it('treats 401 as a rejected signature, without retrying', async () => {
    receiver = await startReceiverSandbox({ secret: 'the-real-one' });
    const clock = virtualClock();
    const webhook = new WebhookSender({
      url: receiver.url,
      secret: 'wrong',
      clock,
      pacer: new Pacer(0, clock),
    });
    expect(await webhook.deliver(tickets[4]!)).toMatchObject({ kind: 'rejected', status: 401 });
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('retries a request that timed out', async () => {
    const { webhook, logger, receiver } = await sender({ slowMs: 600 }, { timeoutMs: 300 });
    expect(await webhook.deliver(tickets[5]!)).toMatchObject({
      kind: 'failed',
      reason: 'timed out after 4 attempts',
    });
    expect(logger.text()).toMatch(/timed out; retry 1 in 0.8 s \(same id\)/);
    expect(receiver.deliveries).toHaveLength(4);
  });

  it('retries a reset connection, then delivers', async () => {
    const { webhook, logger, receiver } = await sender({ resetFirstAttempts: 2 });
    expect(await webhook.deliver(tickets[6]!)).toMatchObject({ kind: 'delivered', attempts: 3 });
    expect(receiver.deliveries.map((d) => d.status)).toEqual([0, 0, 200]);
    expect(logger.text()).toMatch(/connection (dropped|reset)/);
  });

  it('starts no attempt once stopped, and gives the one in flight its answer', async () => {
    const controller = new AbortController();
    const { webhook, receiver } = await sender({ slowMs: 200 }, { stop: controller.signal });
    const inFlight = webhook.deliver(tickets[7]!);
    setTimeout(() => controller.abort(), 50);
    expect(await inFlight).toMatchObject({ kind: 'delivered' });
    expect(await webhook.deliver(tickets[8]!)).toEqual({ kind: 'interrupted', attempts: 0 });
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('paces deliveries start to start in real time (one real-time test)', async () => {
    // Real clock: the only timed test. It asserts the lower bound the receiver relies on and a
    // loose upper bound; the tight cadence ratio lives in the benchmark.
    receiver = await startReceiverSandbox({ secret: SECRET, behaviour: { slowMs: 50 } });
    const intervalMs = 200;
    const webhook = new WebhookSender({
      url: receiver.url,
      secret: SECRET,
      clock: systemClock,
      pacer: new Pacer(intervalMs, systemClock),
    });
    for (const ticket of tickets.slice(0, 8)) await webhook.deliver(ticket);
    // The first request also opens the connection, which delays its arrival: measure from the second.
    const arrivals = receiver.deliveries.slice(1).map((d) => d.at);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps).toHaveLength(6);
    // Starts are paced on the monotonic clock; arrivals add the loopback's jitter, a few ms idle
    // and up to about 10 ms on a loaded machine (189.5 ms seen with other suites running).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(intervalMs - 15);
    // A 50 ms answer does not add to the gap: start to start, not answer to start.
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeLessThan(intervalMs + 40);
  });
});
