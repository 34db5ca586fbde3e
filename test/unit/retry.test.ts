import { describe, it, expect } from 'vitest';
import {
  backoffDelayMs,
  defaultRetryPolicy,
  describeNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy,
} from '../../src/http/retry.js';

const policy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};
const NOW = Date.parse('2024-03-01T12:00:00Z');
const low = (): number => 0;
const high = (): number => 1;

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 3 ', NOW)).toBe(3_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads decimal seconds, rounded to the millisecond', () => {
    expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
    expect(parseRetryAfter('0.0004', NOW)).toBe(0);
    expect(parseRetryAfter('2.0006', NOW)).toBe(2_001);
  });

  it('reads an HTTP date relative to the given now', () => {
    expect(parseRetryAfter('Fri, 01 Mar 2024 12:00:45 GMT', NOW)).toBe(45_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 12:02:00 GMT', NOW + 30_000)).toBe(90_000);
  });

  it('reads a date in the past as no wait', () => {
    expect(parseRetryAfter('Fri, 01 Mar 2024 11:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(0);
  });

  it('gives undefined for an absent or unreadable header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('5 seconds', NOW)).toBeUndefined();
    expect(parseRetryAfter('1e3', NOW)).toBeUndefined();
  });

  it('gives undefined for a negative number rather than reading it as a date', () => {
    // Neither form of Retry-After allows a sign; Date.parse('-5') is a date in 2001.
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it.each([408, 429, 500, 502, 503, 504, 599])('retries %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  it.each([200, 204, 304, 400, 401, 403, 404, 409, 422, 499])('does not retry %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('doubles the step per attempt, half fixed and half random', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, low))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, high))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(3_000);
  });

  it('never goes above maxDelayMs and never below half of it once capped', () => {
    for (const attempt of [6, 7, 10, 50, 2_000]) {
      expect(backoffDelayMs(attempt, policy, high)).toBe(30_000);
      expect(backoffDelayMs(attempt, policy, low)).toBe(15_000);
    }
  });

  it('never shrinks from one attempt to the next', () => {
    for (const random of [low, high]) {
      const delays = Array.from({ length: 12 }, (_, i) => backoffDelayMs(i + 1, policy, random));
      for (let i = 1; i < delays.length; i++) {
        expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? Number.POSITIVE_INFINITY);
      }
      expect(Math.max(...delays)).toBeLessThanOrEqual(policy.maxDelayMs);
    }
  });
});

describe('retryDelayMs', () => {
  it("prefers the server's Retry-After", () => {
    expect(retryDelayMs(1, 5_000, policy, high)).toBe(5_000);
    expect(retryDelayMs(7, 0, policy, high)).toBe(0);
  });

  it('caps Retry-After at maxRetryAfterMs', () => {
    expect(retryDelayMs(1, 3_600_000, policy, high)).toBe(120_000);
    expect(retryDelayMs(1, 3_600_000, { ...policy, maxRetryAfterMs: 10_000 }, high)).toBe(10_000);
  });

  it('falls back to backoff without Retry-After', () => {
    expect(retryDelayMs(3, undefined, policy, low)).toBe(2_000);
    expect(retryDelayMs(3, undefined, policy, high)).toBe(4_000);
  });

  it('has a default policy that caps waits at two minutes', () => {
    expect(defaultRetryPolicy.maxRetryAfterMs).toBe(120_000);
    expect(retryDelayMs(1, 10 * 60_000, defaultRetryPolicy, low)).toBe(120_000);
  });
});

describe('describeNetworkError', () => {
  it('says "timed out" for our own timeout', () => {
    expect(describeNetworkError(new DOMException('The operation timed out.', 'TimeoutError'))).toBe(
      'timed out',
    );
    const error = new Error('aborted');
    error.name = 'TimeoutError';
    expect(describeNetworkError(error)).toBe('timed out');
  });

  it('names a known cause code in words, keeping the code', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause }))).toBe(
      'connection reset (ECONNRESET)',
    );
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause: dns }))).toBe(
      'host not found (ENOTFOUND)',
    );
  });

  it('gives an unknown cause code as it is', () => {
    const cause = Object.assign(new Error('boom'), { code: 'EPIPE' });
    expect(describeNetworkError(new TypeError('fetch failed', { cause }))).toBe('EPIPE');
  });

  it("falls back to the cause's message, then the error's own", () => {
    expect(
      describeNetworkError(new TypeError('fetch failed', { cause: new Error('socket hang up') })),
    ).toBe('socket hang up');
    expect(describeNetworkError(new Error('something broke'))).toBe('something broke');
  });

  it('turns a non-error into text', () => {
    expect(describeNetworkError('plain string')).toBe('plain string');
    expect(describeNetworkError(42)).toBe('42');
  });
});
