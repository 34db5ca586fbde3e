import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newRunReport, runPipeline } from '../../src/pipeline.js';
import type { RunReport } from '../../src/run-report.js';
import { parseSettings, type RawInputs } from '../../src/settings.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import {
  startReceiverSandbox,
  type ReceiverBehaviour,
  type ReceiverSandbox,
} from '../../sandbox/receiver-sandbox.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { memoryLogger } from './memory-logger.js';
import { virtualClock } from './virtual-clock.js';

export const API_KEY = 'fixture-vivenu-key';
export const SECRET = 'fixture-webhook-secret';

export interface SyncFixture {
  vivenu: VivenuSandbox;
  receiver: ReceiverSandbox;
  workspace: string;
  /** Runs the pipeline once, as a fresh run would, with a virtual clock (no real waiting). */
  run(inputs?: RawInputs, options?: { signal?: AbortSignal }): Promise<FixtureRun>;
  close(): Promise<void>;
}

export interface FixtureRun {
  report: RunReport;
  error: Error | undefined;
  log: string;
  clock: ReturnType<typeof virtualClock>;
}

/** A Vivenu sandbox with `events`, a signature-checking receiver, and a fresh workspace. */
export async function syncFixture(
  events: Record<string, Ticket[]>,
  options: { behaviour?: ReceiverBehaviour; receiverSecret?: string } = {},
): Promise<SyncFixture> {
  const vivenu = await startVivenuSandbox({ apiKey: API_KEY, events });
  const receiver = await startReceiverSandbox({
    secret: options.receiverSecret ?? SECRET,
    behaviour: options.behaviour,
  });
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'sync-fixture-'));
  return {
    vivenu,
    receiver,
    workspace,
    async run(inputs = {}, runOptions = {}) {
      const settings = parseSettings(
        {
          region: 'DEV',
          'event-id': Object.keys(events).join(','),
          'api-key': API_KEY,
          'vivenu-url': vivenu.url,
          'webhook-url': receiver.url,
          'webhook-secret': SECRET,
          ...inputs,
        },
        workspace,
      );
      const clock = virtualClock(Date.now());
      const logger = memoryLogger();
      const report = newRunReport(settings, clock.now());
      let error: Error | undefined;
      try {
        await runPipeline(
          settings,
          { logger, clock, signal: runOptions.signal, random: () => 0.5 },
          report,
        );
      } catch (caught) {
        error = caught as Error;
      }
      return { report, error, log: logger.text(), clock };
    },
    async close() {
      await vivenu.close();
      await receiver.close();
    },
  };
}
