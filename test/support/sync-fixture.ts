import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGitHubServices } from '../../src/github/github-services.js';
import { createRunServices } from '../../src/services/run-services.js';
import { newRunReport, runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunReport } from '../../src/run-report.js';
import { parseSettings, type RawInputs } from '../../src/settings/settings.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import {
  startReceiverSandbox,
  type ReceiverBehaviour,
  type ReceiverSandbox,
} from '../../sandbox/receiver-sandbox.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import type { GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { memoryLogger } from './memory-logger.js';
import { virtualClock } from './virtual-clock.js';

export const API_KEY = 'fixture-vivenu-key';
export const SECRET = 'fixture-webhook-secret';
/** Production's progress file of the fixture's region. */
export const PROGRESS_FILE = 'historical_sync_progress_DEV.json';

export interface SyncFixture {
  vivenu: VivenuSandbox;
  receiver: ReceiverSandbox;
  workspace: string;
  /** Runs the pipeline once, as a fresh run would, with a virtual clock (no real waiting). */
  run(inputs?: RawInputs, options?: RunOptions): Promise<FixtureRun>;
  close(): Promise<void>;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Commit progress to this sandbox (and continue through it) as a run on GitHub would. */
  github?: {
    api: GitHubSandbox;
    eventInputs?: Record<string, unknown>;
    env?: Record<string, string>;
  };
}

export const GITHUB_TOKEN = 'fixture-github-token';

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
          // The sandbox receiver stands in for production here, so its progress is kept in
          // production's file, which the earlier tool reads (a custom receiver gets its own
          // file by default: test/unit/receiver.test.ts).
          'progress-file': PROGRESS_FILE,
          'webhook-secret': SECRET,
          'github-token': GITHUB_TOKEN,
          ...inputs,
        },
        workspace,
      );
      const clock = virtualClock(Date.now());
      const logger = memoryLogger();
      const report = newRunReport(settings, clock.now());
      const github = runOptions.github
        ? createGitHubServices(
            settings,
            {
              env: {
                GITHUB_API_URL: runOptions.github.api.url,
                GITHUB_REPOSITORY: 'hia/vivenu-sync',
                GITHUB_REF: 'refs/heads/main',
                GITHUB_WORKFLOW_REF:
                  'hia/vivenu-sync/.github/workflows/historical-sync.yml@refs/heads/main',
                ...runOptions.github.env,
              },
              eventInputs: runOptions.github.eventInputs,
            },
            logger,
            clock,
          )
        : undefined;
      let error: Error | undefined;
      try {
        const services = createRunServices(settings, {
          logger,
          clock,
          signal: runOptions.signal,
          random: () => 0.5,
          github,
        });
        await runPipeline(settings, services, report);
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
