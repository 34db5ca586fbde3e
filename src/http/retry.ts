/**
 * Retries for every HTTP caller: which failures are worth another try, how long to wait, and
 * the one loop that tries again (`retrying`). The caller owns the clock: it passes the wait.
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

/** An attempt that failed in a way another attempt may get past. */
export interface RetryableFailure {
  kind: 'retry';
  /** What went wrong, in a few words, for the caller's log line and final message. */
  reason: string;
  /** The server's `Retry-After`, when it gave one: honoured, up to the policy's cap. */
  retryAfterMs?: number;
}

/** Ends the loop with `value`: no retry can change the answer (or one is not wanted). */
export interface GiveUp<T> {
  kind: 'give-up';
  value: T;
}

/**
 * What one attempt came to: done (the loop ends with its value), given up (ends likewise: an
 * answer no retry changes), or a failure `F` worth another attempt.
 */
export type AttemptOutcome<T, F extends RetryableFailure> =
  { kind: 'done'; value: T } | GiveUp<T> | F;

interface RetryLoopBase<T, F extends RetryableFailure> {
  /** The delays (and, unless `until` bounds the loop, the number of attempts). */
  policy: RetryPolicy;
  /** Jitter for the backoff; tests pass a fixed one. */
  random?: () => number;
  /**
   * Waits `delayMs` before attempt `attempts + 1`, or ends the loop (a stop asked while
   * waiting). Absent: the next attempt follows at once, and no delay is computed.
   */
  wait?(delayMs: number, attempts: number): Promise<GiveUp<T> | void>;
  /** Told of every retry before its wait: where the caller logs and counts it. */
  onRetry?(failure: F, attempt: number, delayMs: number): void;
}

/** The loop's bound: the policy's attempts, or the caller's own check before each wait. */
export type RetryLoop<T, F extends RetryableFailure> = RetryLoopBase<T, F> &
  (
    | {
        /** The answer (or the error thrown) once the policy's last attempt has failed. */
        exhausted(last: F, attempts: number): T;
      }
    | {
        /**
         * Bounds the loop by something other than attempts (time, a deadline): before each wait,
         * with its length, ends the loop or lets it go on (undefined).
         */
        until(last: F, attempt: number, delayMs: number): GiveUp<T> | undefined;
      }
  );

/**
 * The one retry loop: attempts counted from 1, each asked for its outcome, until one is done or
 * gives up, the loop's bound is reached, or a wait is cut short. Between attempts it waits
 * `retryDelayMs` (the server's Retry-After, capped, else backoff) through the caller's `wait`.
 */
export async function retrying<T, F extends RetryableFailure>(
  attemptOnce: (attempt: number) => Promise<AttemptOutcome<T, F>>,
  loop: RetryLoop<T, F>,
): Promise<T> {
  const random = loop.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(attempt);
    if (outcome.kind !== 'retry') return outcome.value;
    if ('exhausted' in loop && attempt >= loop.policy.maxAttempts) {
      return loop.exhausted(outcome, attempt);
    }
    const delayMs = loop.wait
      ? retryDelayMs(attempt, outcome.retryAfterMs, loop.policy, random)
      : 0;
    const stop = 'until' in loop ? loop.until(outcome, attempt, delayMs) : undefined;
    if (stop) return stop.value;
    loop.onRetry?.(outcome, attempt, delayMs);
    const stopped = await loop.wait?.(delayMs, attempt);
    if (stopped) return stopped.value;
  }
}

const NETWORK_ERROR_NAMES: Record<string, string> = {
  UND_ERR_SOCKET: 'connection dropped',
  ECONNRESET: 'connection reset',
  ECONNREFUSED: 'connection refused',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
};

interface NetworkErrorFacts {
  /** The failure in a few words: "connection reset (ECONNRESET)". */
  description: string;
  /** The first `code` along the `cause` chain. */
  code?: string;
  /** The deepest message along the chain. */
  message: string;
  /** The first address along the chain: Node's connect errors name the one they tried. */
  address?: string;
}

/** What an error's `cause` chain tells, read in one walk down it. */
function readNetworkError(error: unknown): NetworkErrorFacts {
  let code: string | undefined;
  let address: string | undefined;
  let message = error instanceof Error ? error.message : String(error);
  // The error's own cause, read whatever its shape (fetch's is Node's error; a bare object too).
  let directCause: { code?: unknown; message?: unknown } | undefined;
  let current: unknown = error;
  // fetch (undici) throws TypeError('fetch failed') with Node's error as `cause`; Octokit wraps
  // that TypeError once more; node:http's NetworkError has Node's error as `cause`.
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const own = (current as { code?: unknown }).code;
    if (code === undefined && typeof own === 'string') code = own;
    // Node's connect errors name the address they tried: a host name may resolve to loopback.
    const tried = (current as { address?: unknown }).address;
    if (address === undefined && typeof tried === 'string') address = tried;
    message = current.message;
    current = (current as { cause?: unknown }).cause;
    if (depth === 0) directCause = current as typeof directCause;
  }
  return { description: describeFailure(error, directCause, code), code, message, address };
}

/** fetch's own cause says what happened (its code first); a deeper code only when it has none. */
function describeFailure(
  error: unknown,
  cause: { code?: unknown; message?: unknown } | undefined,
  firstCode: string | undefined,
): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const code = typeof cause?.code === 'string' ? cause.code : firstCode;
  if (code) return NETWORK_ERROR_NAMES[code] ? `${NETWORK_ERROR_NAMES[code]} (${code})` : code;
  return typeof cause?.message === 'string' ? cause.message : error.message;
}

/** A failure below HTTP (refused, reset, dropped, DNS, our own timeout), in a few words. */
export function describeNetworkError(error: unknown): string {
  return readNetworkError(error).description;
}

/**
 * OpenSSL's certificate verdicts as Node reports them (nodejs.org/api/tls.html, "X509
 * certificate error codes"), and Node's own for a name the certificate does not cover.
 */
const CERTIFICATE_CODE =
  /^(CERT_|UNABLE_TO_(GET_ISSUER|VERIFY|DECRYPT|DECODE)|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|INVALID_CA|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)/;

/**
 * A refusal from an address on this machine or this network means nothing listens there: one
 * retry covers a local server restarting, a second refusal in a row is the answer.
 */
export const REFUSALS_BEFORE_LASTING = 2;

/** Loopback and private (RFC 1918, RFC 4193, link-local) hosts, by their literal form. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (/^(fc|fd)[0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host.replace(/^::ffff:/, ''));
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

export interface NetworkFailure {
  /** What happened, in a few words: "connection refused (ECONNREFUSED)". */
  reason: string;
  /** Set when no retry can fix it: what is wrong with the address, for the input's error. */
  lasting?: string;
  /** A refusal (ECONNREFUSED), for the caller's count of refusals in a row. */
  refused: boolean;
}

/**
 * The one classifier of failures below HTTP, for every client (the Vivenu pull over node:http,
 * deliveries over fetch, GitHub through Octokit). Lasting: fetch's "bad port" (the Fetch
 * standard blocks ports such as 9 and 1 before connecting: fetch.spec.whatwg.org/#port-blocking),
 * a host that does not exist (ENOTFOUND), a certificate TLS rejects, and a connection refused
 * by a loopback or private address `refusedBefore` + 1 times in a row. Everything else (resets,
 * timeouts, a public host refusing, EAI_AGAIN) may be load or a passing fault: retried.
 */
export function classifyNetworkFailure(
  error: unknown,
  url: string | URL,
  refusedBefore = 0,
): NetworkFailure {
  const { description: reason, code, message, address } = readNetworkError(error);
  const target = new URL(url);
  const refused = code === 'ECONNREFUSED';
  if (error instanceof Error && error.name === 'TimeoutError') return { reason, refused };
  if (code === undefined && /^bad port$/i.test(message)) {
    return {
      reason: 'bad port',
      lasting: `port ${target.port} is one fetch refuses to connect to (a blocked port): use the service's real port`,
      refused,
    };
  }
  if (code === 'ENOTFOUND') {
    return {
      reason,
      lasting: `the host ${target.hostname} does not exist (DNS: ENOTFOUND): check the address`,
      refused,
    };
  }
  if (code !== undefined && CERTIFICATE_CODE.test(code)) {
    return {
      reason: `certificate rejected (${code})`,
      lasting: `${target.host}'s TLS certificate was rejected (${code}): the address must serve a certificate a public CA signed for that name`,
      refused,
    };
  }
  const local = isLocalHost(target.hostname) || (address !== undefined && isLocalHost(address));
  if (refused && local && refusedBefore + 1 >= REFUSALS_BEFORE_LASTING) {
    return {
      reason,
      lasting: `nothing listens at ${target.host} (connection refused ${refusedBefore + 1} times in a row): check the address and port, or start the service`,
      refused,
    };
  }
  return { reason, refused };
}
