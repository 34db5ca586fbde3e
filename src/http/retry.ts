/**
 * Retry decisions shared by every HTTP caller: which failures are worth another try and how
 * long to wait. Pure functions; the caller owns the clock.
 */

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is cut to it, so a confused server cannot park the run. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** 408, 429 and every 5xx are the server saying "not now", not "never". */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * `Retry-After` as milliseconds to wait, from either form the HTTP spec allows
 * (delay-seconds or an HTTP date). Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names its day or month; without letters, "-5" would parse as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed so waits always grow, half
 * is random so many clients do not retry in lock step. `attempt` counts from 1.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** How long to wait before the next attempt: the server's word when it gave one. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelayMs(attempt, policy, random);
}

const NETWORK_ERROR_NAMES: Record<string, string> = {
  UND_ERR_SOCKET: 'connection dropped',
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
};

/** A failure below HTTP (refused, reset, dropped, DNS, our own timeout), in a few words. */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code) return NETWORK_ERROR_NAMES[code] ? `${NETWORK_ERROR_NAMES[code]} (${code})` : code;
  return typeof cause?.message === 'string' ? cause.message : error.message;
}
