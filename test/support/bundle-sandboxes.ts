import { afterEach } from 'vitest';
import {
  startReceiverSandbox,
  type ReceiverBehaviour,
  type ReceiverSandbox,
} from '../../sandbox/receiver-sandbox.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import type { Ticket } from '../../src/vivenu/tickets.js';

interface Closable {
  close(): Promise<void>;
}

/**
 * The loopback sandboxes a bundle test runs against, closed after each test of the file that
 * calls this (at its top level): a test that fails half-way leaves no server listening.
 */
export function sandboxesClosedAfterEach(keys: { apiKey: string; secret: string }): {
  /** A Vivenu holding `events` and a receiver verifying `keys.secret`. */
  start(
    events: Record<string, Ticket[]>,
    behaviour?: ReceiverBehaviour,
  ): Promise<{ vivenu: VivenuSandbox; receiver: ReceiverSandbox }>;
  /** Another server to close with them (a GitHub sandbox). */
  track<T extends Closable>(server: T): T;
} {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return {
    async start(events, behaviour = {}) {
      const vivenu = await startVivenuSandbox({ apiKey: keys.apiKey, events });
      const receiver = await startReceiverSandbox({ secret: keys.secret, behaviour });
      open.push(vivenu, receiver);
      return { vivenu, receiver };
    },
    track(server) {
      open.push(server);
      return server;
    },
  };
}
