import { IncompletePullError } from './errors.js';
import { buildEventMetadata } from './output/event-metadata.js';
import { writeEventFiles } from './output/ticket-files.js';
import type { Clock, Logger } from './ports.js';
import type { RunReport } from './run-report.js';
import type { Settings } from './settings.js';
import type { RetryPolicy } from './http/retry.js';
import { pullEvent } from './vivenu/pull-event.js';
import { VivenuClient } from './vivenu/vivenu-client.js';

export interface PipelineDependencies {
  logger: Logger;
  clock: Clock;
  /** Aborts on cancel (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  random?: () => number;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

export function newRunReport(settings: Settings): RunReport {
  return {
    region: settings.region,
    mode: settings.mode,
    vivenuOrigin: settings.vivenuOrigin,
    ticketsDir: settings.ticketsDir,
    pulls: [],
  };
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The whole run, the same for every door: pull each event and keep its tickets as files.
 * Progress is written into `report` as it happens, so a failure still reports what was done.
 */
export async function runPipeline(
  settings: Settings,
  dependencies: PipelineDependencies,
  report: RunReport = newRunReport(settings),
): Promise<RunReport> {
  const { logger, clock } = dependencies;
  if (settings.mode !== 'pull-only') {
    throw new Error(`mode ${settings.mode} is not available yet: use mode pull-only`);
  }
  const client = new VivenuClient({
    origin: settings.vivenuOrigin,
    apiKey: settings.apiKey,
    region: settings.region,
    clock,
    logger,
    random: dependencies.random,
    retry: dependencies.retry,
    requestTimeoutMs: dependencies.requestTimeoutMs,
    signal: dependencies.signal,
  });

  const incomplete: IncompletePullError[] = [];
  for (const eventId of settings.eventIds) {
    await logger.group(`Pull event ${eventId} (${settings.region})`, async () => {
      const pulled = await pullEvent(eventId, {
        client,
        clock,
        logger,
        pageSize: settings.pageSize,
      });
      const metadata = buildEventMetadata(pulled, {
        region: settings.region,
        origin: settings.vivenuOrigin,
        pulledAt: new Date(clock.now()),
      });
      // Files are written even for an incomplete pull: nothing pulled is thrown away.
      const files = await writeEventFiles(settings.ticketsDir, pulled.tickets, metadata);
      report.pulls.push({ metadata, eventDir: files.eventDir });
      logger.info(
        `${count(pulled.tickets.length)} unique tickets (Vivenu reported ${count(pulled.totalReported)}) ` +
          `in ${count(pulled.apiCalls)} requests, ${(pulled.durationMs / 1000).toFixed(1)} s; files in ${files.eventDir}`,
      );
      if (pulled.tickets.length === 0) {
        logger.warning(
          `event ${eventId}: Vivenu returned no tickets. Check the event id, and that the ${settings.region} key belongs to the event's seller.`,
        );
      }
      if (!pulled.complete) {
        incomplete.push(
          new IncompletePullError(eventId, pulled.tickets.length, pulled.totalReported),
        );
      }
    });
  }
  if (incomplete.length > 0) throw incomplete[0]!;
  return report;
}
