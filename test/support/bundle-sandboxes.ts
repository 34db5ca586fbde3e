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

/** The Vivenu API key the sandbox Vivenu takes and the secret the sandbox receiver verifies. */
export interface SandboxKeys {
  apiKey: string;
  secret: string;
}

/**
 * The inputs every bundle run against the sandboxes gives, before what its test is about:
 * region, event, both keys and the sandboxes' URLs. The loopback receiver stands in for
 * production, so by default the run keeps production's progress file, by name
 * (`historical_sync_progress_<REGION>.json`), as a sync to production does; with
 * `progressFile: 'receiver'` it is left to the action, which names a file after the loopback
 * receiver's address (`historical_sync_progress_<REGION>.receiver-<hash>.json`).
 */
export function sandboxInputs(run: {
  region: string;
  /** One event id, or several joined by commas. */
  eventId: string;
  keys: SandboxKeys;
  vivenuUrl: string;
  webhookUrl: string;
  progressFile?: 'production' | 'receiver';
}): Record<string, string> {
  const inputs: Record<string, string> = {
    region: run.region,
    'event-id': run.eventId,
    'api-key': run.keys.apiKey,
    'vivenu-url': run.vivenuUrl,
    'webhook-url': run.webhookUrl,
    'webhook-secret': run.keys.secret,
  };
  if ((run.progressFile ?? 'production') === 'production') {
    inputs['progress-file'] = `historical_sync_progress_${run.region.toUpperCase()}.json`;
  }
  return inputs;
}

/**
 * The loopback sandboxes a bundle test runs against, closed after each test of the file that
 * calls this (at its top level): a test that fails half-way leaves no server listening.
 */
export function sandboxesClosedAfterEach(keys: SandboxKeys): {
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
