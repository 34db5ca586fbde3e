import type { Agent, IncomingMessage } from 'node:http';
import { AnswerRefusedError, NetworkError } from '../errors.js';
import { logText } from '../log-text.js';

/**
 * GET over node:http and node:https on kept-alive connections, for the Vivenu pull: the first
 * requests of every run.
 *
 * Why not `fetch`: it loads its own HTTP client (undici) on its first call, about 30 ms on Node
 * 24 before the first request can leave (bench/README.md), and node:http is loaded already.
 * Narrower than `fetch` on purpose, because an answer from outside is not to be trusted:
 * - it asks for no content coding (`accept-encoding: identity`) and refuses one it did not ask
 *   for, so nothing is inflated: what arrives is what is held;
 * - it never follows a redirect: a 3xx is the answer, for the caller to refuse;
 * - it reads at most `maxBytes` of a body, then gives up on it.
 */

export interface GetAnswer {
  status: number;
  /** `Retry-After`, as sent, when it was. */
  retryAfter: string | null;
  /** `Location` of a redirect, as sent. */
  location: string | null;
  text: string;
}

/** Under the 5 s many servers keep an idle connection, so a reused one is rarely just closed. */
const IDLE_CONNECTION_MS = 4_000;

export class HttpGetter {
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly maxBytes: number) {}

  /**
   * Rejects with the signal's reason when it aborts, or a NetworkError below HTTP. `maxBytes`
   * bounds this answer tighter than the getter's own bound (an event is smaller than a page).
   */
  async get(
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
    maxBytes = this.maxBytes,
  ): Promise<GetAnswer> {
    signal.throwIfAborted();
    const response = await this.send(url, headers, signal);
    const coding = response.headers['content-encoding'];
    if (coding && coding.toLowerCase() !== 'identity') {
      response.destroy();
      throw new AnswerRefusedError(
        `answer in a content coding not asked for (${logText(coding.slice(0, 40))})`,
      );
    }
    return {
      status: response.statusCode ?? 0,
      retryAfter: single(response.headers['retry-after']),
      location: single(response.headers.location),
      text: await this.readText(response, signal, Math.min(maxBytes, this.maxBytes)),
    };
  }

  private send(
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    // node:https (and TLS) only for an https origin: a loopback sandbox never loads it.
    const transport = process.getBuiltinModule(
      url.protocol === 'https:' ? 'node:https' : 'node:http',
    );
    let agent = this.agents.get(url.protocol);
    if (!agent) {
      agent = new transport.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
      this.agents.set(url.protocol, agent);
    }
    return new Promise((resolve, reject) => {
      const request = transport.get(url, {
        agent,
        headers: { ...headers, 'accept-encoding': 'identity' },
      });
      const onAbort = (): void => {
        request.destroy();
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      request.on('response', (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      });
      request.on('error', (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(
          signal.aborted ? abortReason(signal) : new NetworkError(error.message, { cause: error }),
        );
      });
    });
  }

  /** The body as UTF-8 text (as `fetch`'s `text()`: a byte order mark dropped), bounded. */
  private async readText(
    response: IncomingMessage,
    signal: AbortSignal,
    maxBytes: number,
  ): Promise<string> {
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes) {
      response.destroy();
      throw new AnswerRefusedError(`answer of ${declared} bytes, over the ${maxBytes} allowed`);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onAbort = (): void => void response.destroy();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of response) {
        bytes += (chunk as Buffer).length;
        if (bytes > maxBytes) {
          response.destroy();
          throw new AnswerRefusedError(`answer over the ${maxBytes} bytes allowed`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (error instanceof NetworkError) throw error;
      throw new NetworkError('the answer was cut off', { cause: error });
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (signal.aborted) throw abortReason(signal);
    return new TextDecoder().decode(Buffer.concat(chunks, bytes));
  }
}

function single(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** What `fetch` fails with on an abort: the signal's reason (a TimeoutError for a timeout). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error(String(reason));
}
