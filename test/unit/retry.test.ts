import { describe, it, expect } from 'vitest';
import {
  type AttemptOutcome,
  backoffDelayMs,
  classifyNetworkFailure,
  isLocalHost,
  defaultRetryPolicy,
  describeNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  retrying,
  type RetryableFailure,
  type RetryLoop,
  type RetryPolicy,
} from '../../src/http/retry.js';
import { virtualClock } from '../support/virtual-clock.js';

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

  it("reads the error's own cause whatever its shape, before a deeper code", () => {
    const bare = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    expect(describeNetworkError(bare)).toBe('connection reset (ECONNRESET)');
    const deeper = Object.assign(new Error('wrapped'), { code: 'EPIPE' });
    const outer = Object.assign(new Error('outer', { cause: deeper }), { code: 'EOUTER' });
    expect(describeNetworkError(outer)).toBe('EPIPE');
  });

  it('turns a non-error into text', () => {
    expect(describeNetworkError('plain string')).toBe('plain string');
    expect(describeNetworkError(42)).toBe('42');
  });
});

/**
 * The shapes below are what each client really throws, seen on Node 20.20 and 24.21: fetch
 * (undici) throws TypeError('fetch failed') with Node's error as `cause` ("bad port" has no
 * code: fetch.spec.whatwg.org/#port-blocking); Octokit wraps that TypeError in its HttpError
 * (status 500, no response); node:http rejects with Node's error, which http-get.ts keeps as
 * a NetworkError's `cause`.
 */
const nodeError = (message: string, code?: string, address?: string): Error =>
  Object.assign(new Error(message), code ? { code } : {}, address ? { address } : {});
const viaFetch = (cause: Error): Error => new TypeError('fetch failed', { cause });
const viaOctokit = (cause: Error): Error =>
  Object.assign(new Error(cause.message, { cause: viaFetch(cause) }), {
    name: 'HttpError',
    status: 500,
  });

describe('classifyNetworkFailure', () => {
  it('a blocked port is lasting, through fetch and through Octokit', () => {
    for (const error of [viaFetch(new Error('bad port')), viaOctokit(new Error('bad port'))]) {
      const failure = classifyNetworkFailure(error, 'http://127.0.0.1:9/test-created');
      expect(failure.reason).toBe('bad port');
      expect(failure.lasting).toMatch(/^port 9 is one fetch refuses to connect to/);
    }
  });

  it('a host that does not exist is lasting; a lookup that failed for now is not', () => {
    const notFound = nodeError('getaddrinfo ENOTFOUND vivenu.invalid', 'ENOTFOUND');
    for (const error of [notFound, viaFetch(notFound), viaOctokit(notFound)]) {
      expect(classifyNetworkFailure(error, 'https://vivenu.invalid').lasting).toBe(
        'the host vivenu.invalid does not exist (DNS: ENOTFOUND): check the address',
      );
    }
    const again = nodeError('getaddrinfo EAI_AGAIN vivenu.com', 'EAI_AGAIN');
    expect(classifyNetworkFailure(viaFetch(again), 'https://vivenu.com').lasting).toBeUndefined();
  });

  // Codes from nodejs.org/api/tls.html#x509-certificate-error-codes, and Node's own for a name
  // the certificate does not cover.
  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('a certificate rejected (%s) is lasting', (code) => {
    const failure = classifyNetworkFailure(viaFetch(nodeError('cert', code)), 'https://r.example');
    expect(failure.reason).toBe(`certificate rejected (${code})`);
    expect(failure.lasting).toContain(`r.example's TLS certificate was rejected (${code})`);
  });

  it('a loopback or private address refusing: one retry, then lasting', () => {
    const refused = viaFetch(nodeError('connect ECONNREFUSED', 'ECONNREFUSED'));
    for (const url of ['http://127.0.0.1:4000', 'http://10.1.2.3', 'http://[::1]:80']) {
      const first = classifyNetworkFailure(refused, url, 0);
      expect(first.refused).toBe(true);
      expect(first.lasting).toBeUndefined();
      expect(classifyNetworkFailure(refused, url, 1).lasting).toMatch(/^nothing listens at/);
    }
  });

  it('a host name whose address is loopback counts as local (the error names the address)', () => {
    const refused = nodeError('connect ECONNREFUSED', 'ECONNREFUSED', '127.0.0.1');
    expect(classifyNetworkFailure(refused, 'http://receiver.test:8080', 1).lasting).toBeDefined();
  });

  it('a public host refusing, a reset, a timeout: retried, however often', () => {
    const refused = viaFetch(nodeError('connect ECONNREFUSED', 'ECONNREFUSED', '203.0.113.9'));
    expect(classifyNetworkFailure(refused, 'https://receiver.example', 9).lasting).toBeUndefined();
    const reset = viaFetch(nodeError('read ECONNRESET', 'ECONNRESET'));
    const resetFailure = classifyNetworkFailure(reset, 'http://127.0.0.1:4000', 9);
    expect(resetFailure.refused).toBe(false);
    expect(resetFailure.lasting).toBeUndefined();
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    const timeoutFailure = classifyNetworkFailure(timeout, 'http://127.0.0.1:4000', 9);
    expect(timeoutFailure.reason).toBe('timed out');
    expect(timeoutFailure.lasting).toBeUndefined();
  });
});

describe('isLocalHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['[::1]', true],
    ['10.0.0.8', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['[fd12:3456::1]', true],
    ['::ffff:127.0.0.1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['vivenu.com', false],
    ['10.example.com', false],
  ])('%s: %s', (host, local) => {
    expect(isLocalHost(host)).toBe(local);
  });
});

const failed = (reason: string, retryAfterMs?: number): RetryableFailure => ({
  kind: 'retry',
  reason,
  retryAfterMs,
});
type Loop = RetryLoop<string, RetryableFailure>;

/**
 * `retrying` over scripted outcomes (one per attempt) on a virtual clock, by default waiting
 * through it with no jitter: what it answered, the attempts made, the waits and the retries told.
 */
async function run(outcomes: AttemptOutcome<string, RetryableFailure>[], over: Partial<Loop> = {}) {
  const clock = virtualClock(0);
  const attempts: number[] = [];
  const told: string[] = [];
  const bound =
    'until' in over
      ? {}
      : { exhausted: (last: RetryableFailure, n: number) => `${last.reason} after ${n}` };
  const value = await retrying(
    (attempt) => {
      attempts.push(attempt);
      return Promise.resolve(outcomes[attempt - 1] ?? failed('not scripted'));
    },
    {
      policy,
      random: low,
      wait: (ms) => clock.sleep(ms),
      onRetry: (failure, attempt, ms) =>
        void told.push(`${failure.reason}: retry ${attempt} in ${ms}`),
      ...bound,
      ...over,
    } as Loop,
  );
  return { value, attempts, sleeps: clock.sleeps, told };
}

describe('retrying', () => {
  it('returns the first answer at once: no wait, no retry told', async () => {
    const result = await run([{ kind: 'done', value: 'page' }]);
    expect(result).toMatchObject({ value: 'page', attempts: [1], sleeps: [], told: [] });
  });

  it('counts attempts from 1 and waits the backoff between them, telling each retry', async () => {
    const result = await run([
      failed('HTTP 503'),
      failed('timed out'),
      { kind: 'done', value: 'ok' },
    ]);
    expect(result).toMatchObject({ value: 'ok', attempts: [1, 2, 3], sleeps: [500, 1_000] });
    expect(result.told).toEqual(['HTTP 503: retry 1 in 500', 'timed out: retry 2 in 1000']);
  });

  it("waits the server's Retry-After instead, cut to maxRetryAfterMs", async () => {
    const script = [failed('HTTP 429', 3_000), failed('HTTP 429', 3_600_000)];
    const { sleeps } = await run([...script, { kind: 'done', value: 'ok' }], { random: high });
    expect(sleeps).toEqual([3_000, 120_000]);
  });

  it("stops at the policy's maxAttempts with the caller's answer for the last failure", async () => {
    const script = Array.from({ length: 3 }, (_, i) => failed(`HTTP 50${i}`));
    const result = await run(script, { policy: { ...policy, maxAttempts: 3 } });
    expect(result).toMatchObject({ value: 'HTTP 502 after 3', attempts: [1, 2, 3] });
    expect(result.sleeps).toEqual([500, 1_000]);
  });

  it('lets `exhausted` throw, for a caller whose last failure is an error', async () => {
    const exhausted = (last: RetryableFailure): string => {
      throw new Error(`kept failing (${last.reason})`);
    };
    await expect(
      run([failed('answer is not JSON')], { policy: { ...policy, maxAttempts: 1 }, exhausted }),
    ).rejects.toThrow('kept failing (answer is not JSON)');
  });

  it('ends at once on giving up, however many attempts are left', async () => {
    const result = await run([failed('HTTP 503'), { kind: 'give-up', value: 'refused (401)' }]);
    expect(result).toMatchObject({ value: 'refused (401)', attempts: [1, 2], sleeps: [500] });
  });

  it('is bounded by `until` instead of attempts when given, which sees each wait first', async () => {
    const asked: number[] = [];
    let now = (): number => 0;
    const result = await run(
      Array.from({ length: 6 }, () => failed('HTTP 502')),
      {
        // Two attempts by the policy; the time bound lets more through.
        policy: { ...policy, maxAttempts: 2 },
        until: (_last, attempt, delayMs) => {
          asked.push(delayMs);
          if (now() + delayMs <= 5_000) return undefined;
          return { kind: 'give-up', value: `paused ${now()} ms, ${attempt} attempts` };
        },
        wait: (ms) => {
          const later = now() + ms;
          now = () => later;
          return Promise.resolve();
        },
      },
    );
    expect(result.value).toBe('paused 3500 ms, 4 attempts');
    expect(asked).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('ends with what `wait` answers when a stop cuts the wait short', async () => {
    const stopped = { kind: 'give-up', value: 'interrupted after 2' } as const;
    const result = await run([failed('HTTP 503'), failed('HTTP 503')], {
      wait: (_ms, attempts) => Promise.resolve(attempts === 2 ? stopped : undefined),
    });
    expect(result).toMatchObject({ value: 'interrupted after 2', attempts: [1, 2] });
  });

  it('without `wait`, tries again at once and draws no jitter', async () => {
    let draws = 0;
    const script = [failed('409'), failed('409'), { kind: 'done', value: 'landed' } as const];
    const result = await run(script, { wait: undefined, random: () => (draws++, 0.5) });
    expect(result).toMatchObject({
      value: 'landed',
      told: ['409: retry 1 in 0', '409: retry 2 in 0'],
    });
    expect(draws).toBe(0);
  });
});
