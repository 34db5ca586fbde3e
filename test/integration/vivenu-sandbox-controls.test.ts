import { afterEach, describe, expect, it } from 'vitest';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';

/**
 * The Vivenu sandbox's control routes, over HTTP as a run in another process (the bundle, the
 * chaos suite, `uses: ./` in CI) reaches them: issue 12, item 7 found them answered by the ticket
 * handler instead.
 */

const EVENT = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const KEY = 'sandbox-key';
let sandbox: VivenuSandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(): Promise<VivenuSandbox> {
  sandbox = await startVivenuSandbox({
    apiKey: KEY,
    events: { [EVENT]: generateEventTickets({ eventId: EVENT, count: 30, seed: 3 }) },
  });
  return sandbox;
}

async function ticketPage(url: string): Promise<Response> {
  const response = await fetch(`${url}/api/tickets?event=${EVENT}&top=10&skip=0`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  await response.arrayBuffer();
  return response;
}

async function stats(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/__sandbox/stats`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('Vivenu sandbox control routes', () => {
  it('GET /__sandbox/stats answers the counts, without the API key, and is not counted itself', async () => {
    const { url } = await start();
    await ticketPage(url);
    await ticketPage(url);
    const first = await stats(url);
    const second = await stats(url);
    // A page has `rows` and `total`; the stats have none: the ticket handler did not answer.
    expect(first).not.toHaveProperty('rows');
    expect(first).toMatchObject({ requests: 2, pagesServed: 2, largestTopAsked: 10 });
    expect(second.requests).toBe(2);
  });

  it('POST /__sandbox/faults switches faults on for the next request, and off again', async () => {
    const { url } = await start();
    const set = await fetch(`${url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ unavailable: { rate: 1 } }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ unavailable: { rate: 1 } });
    expect((await ticketPage(url)).status).toBe(503);

    await fetch(`${url}/__sandbox/faults`, { method: 'POST', body: '{}' });
    expect((await ticketPage(url)).status).toBe(200);
    expect((await stats(url)).faults).toEqual({ unavailable: 1 });
  });

  it('a fault set over HTTP counts its max from then, as setFaults does', async () => {
    const { url } = await start();
    const plan = JSON.stringify({ unavailable: { rate: 1, max: 1 } });
    await fetch(`${url}/__sandbox/faults`, { method: 'POST', body: plan });
    expect((await ticketPage(url)).status).toBe(503);
    expect((await ticketPage(url)).status).toBe(200);
    // Set again: the one strike allowed is allowed again.
    await fetch(`${url}/__sandbox/faults`, { method: 'POST', body: plan });
    expect((await ticketPage(url)).status).toBe(503);
  });

  it('refuses a body that is not a JSON object, and the wrong method, keeping the faults it had', async () => {
    const { url } = await start();
    const notJson = await fetch(`${url}/__sandbox/faults`, {
      method: 'POST',
      body: '{unavailable',
    });
    expect(notJson.status).toBe(400);
    const list = await fetch(`${url}/__sandbox/faults`, { method: 'POST', body: '[]' });
    expect(list.status).toBe(400);
    expect((await fetch(`${url}/__sandbox/faults`)).status).toBe(405);
    expect((await fetch(`${url}/__sandbox/stats`, { method: 'POST' })).status).toBe(405);
    expect((await ticketPage(url)).status).toBe(200);
  });
});
