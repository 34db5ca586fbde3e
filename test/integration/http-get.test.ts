import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/errors.js';
import { HttpGetter } from '../../src/http/http-get.js';
import { describeNetworkError } from '../../src/http/retry.js';
import { VivenuClient } from '../../src/vivenu/vivenu-client.js';
import {
  NOTHING_LISTENS,
  serveOnLoopback,
  type LoopbackServer,
} from '../../sandbox/loopback-server.js';
import { memoryLogger } from '../support/memory-logger.js';
import { virtualClock } from '../support/virtual-clock.js';

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = await serveOnLoopback((request, response) => {
    handle(request, response);
    return Promise.resolve();
  });
  servers.push(server);
  return server.origin;
}

const never = new AbortController().signal;

describe('HttpGetter: GET on kept-alive connections, narrower than fetch on purpose', () => {
  it('reads a UTF-8 answer, drops a byte order mark, and reuses the connection', async () => {
    const seen: { encoding?: string; remote: string }[] = [];
    const origin = await serve((request, response) => {
      seen.push({
        encoding: request.headers['accept-encoding'],
        remote: `${request.socket.remotePort}`,
      });
      response.writeHead(200, { 'content-type': 'application/json', 'retry-after': '3' });
      response.end(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"Łukasz"}')]),
      );
    });
    const http = new HttpGetter(1024);
    const first = await http.get(new URL('/a', origin), {}, never);
    const second = await http.get(new URL('/b', origin), {}, never);
    expect(first).toEqual({
      status: 200,
      retryAfter: '3',
      location: null,
      text: '{"name":"Łukasz"}',
    });
    expect(second.text).toBe(first.text);
    expect(seen.map((s) => s.encoding)).toEqual(['identity', 'identity']);
    expect(seen[1]!.remote).toBe(seen[0]!.remote);
  });

  it('never follows a redirect: the 3xx is the answer', async () => {
    let followed = 0;
    const elsewhere = await serve((_request, response) => {
      followed++;
      response.end('{}');
    });
    const origin = await serve((_request, response) => {
      response.writeHead(307, { location: `${elsewhere}/api/tickets` });
      response.end();
    });
    const answer = await new HttpGetter(1024).get(new URL('/api/tickets', origin), {}, never);
    expect(answer).toMatchObject({ status: 307, location: `${elsewhere}/api/tickets` });
    expect(followed).toBe(0);
  });

  it('refuses a content coding it did not ask for: nothing is inflated', async () => {
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end(gzipSync(Buffer.alloc(1_000_000)));
    });
    await expect(new HttpGetter(10_000_000).get(new URL(origin), {}, never)).rejects.toThrow(
      'answer in a content coding not asked for (gzip)',
    );
  });

  it('gives up on an answer over its bound, declared or streamed', async () => {
    const declared = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '5000' });
      response.end('x'.repeat(5000));
    });
    const streamed = await serve((_request, response) => {
      response.writeHead(200);
      for (let i = 0; i < 10; i++) response.write('x'.repeat(1000));
      response.end();
    });
    const http = new HttpGetter(4096);
    await expect(http.get(new URL(declared), {}, never)).rejects.toThrow(
      'answer of 5000 bytes, over the 4096 allowed',
    );
    await expect(http.get(new URL(streamed), {}, never)).rejects.toThrow(
      'answer over the 4096 bytes allowed',
    );
  });

  it('a dropped connection and a refused one are network errors in a few words; an abort is its reason', async () => {
    const dropped = await serve((request) => request.socket.destroy());
    const error = await new HttpGetter(1024)
      .get(new URL(dropped), {}, never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(describeNetworkError(error)).toBe('connection reset (ECONNRESET)');

    const silent = await serve(() => undefined);
    const timedOut = await new HttpGetter(1024)
      .get(new URL(silent), {}, AbortSignal.timeout(50))
      .catch((e: unknown) => e);
    expect((timedOut as Error).name).toBe('TimeoutError');
    expect(describeNetworkError(timedOut)).toBe('timed out');

    const refused = await new HttpGetter(1024)
      .get(new URL(NOTHING_LISTENS), {}, never)
      .catch((e: unknown) => e);
    expect(describeNetworkError(refused)).toBe('connection refused (ECONNREFUSED)');
  });
});

describe('the Vivenu client refuses a redirect', () => {
  it('fails at once, naming the other origin, and sends the key nowhere else', async () => {
    let keysElsewhere = 0;
    const elsewhere = await serve((request, response) => {
      if (request.headers.authorization) keysElsewhere++;
      response.end('{"rows":[],"total":0}');
    });
    const origin = await serve((_request, response) => {
      response.writeHead(301, { location: `${elsewhere}/api/tickets?event=x` });
      response.end();
    });
    const client = new VivenuClient({
      origin,
      apiKey: 'redirect-test-key',
      region: 'DEV',
      clock: virtualClock(),
      logger: memoryLogger(),
    });
    await expect(client.fetchPage('0123456789abcdef01234567', 0, 100)).rejects.toThrow(
      `Vivenu answered 301, a redirect to ${elsewhere}, which is not followed: check vivenu-url (${origin}).`,
    );
    expect(client.apiCalls).toBe(1);
    expect(keysElsewhere).toBe(0);
  });
});
