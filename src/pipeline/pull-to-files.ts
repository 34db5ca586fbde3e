import { count } from '../format.js';
import { logText } from '../log-text.js';
import { buildEventMetadata } from '../ticket-files/event-metadata.js';
import {
  keepRowsTooDeep,
  keepRowsWithoutId,
  writeEventFiles,
} from '../ticket-files/ticket-files.js';
import { eventTitle, type EventInfo } from '../vivenu/event-info.js';
import { pullEvent, type PulledEvent } from '../vivenu/pull-event.js';
import { MAX_TICKET_DEPTH } from '../vivenu/ticket-json.js';
import type { PageRow } from '../vivenu/vivenu-client.js';
import type { PipelineRun } from '../modes/mode-run.js';

/**
 * The pull and files stages of one event: every ticket Vivenu lists, kept as files for people
 * to review. Files are written even for an incomplete pull: nothing pulled is thrown away.
 */
export async function pullToFiles(
  run: PipelineRun,
  eventId: string,
  info: EventInfo | undefined,
): Promise<PulledEvent> {
  const { settings, services, note } = run;
  const { logger, clock } = services;
  const name = info ? `: ${logText(eventTitle(info))}` : '';
  return logger.group(`Pull event ${eventId} (${settings.region})${name}`, async () => {
    const pulled = await pullEvent(eventId, {
      client: services.vivenu,
      clock,
      logger,
      pageSize: settings.pageSize,
      concurrency: settings.pullConcurrency,
    });
    const metadata = buildEventMetadata(pulled, {
      region: settings.region,
      origin: settings.vivenuOrigin,
      pulledAt: new Date(clock.now()),
    });
    const files = await writeEventFiles(settings.ticketsDir, pulled.tickets, metadata);
    note({ kind: 'pulled', pull: { metadata, eventDir: files.eventDir } });
    const kept = await keepRowsWithoutId(files.eventDir, pulled.withoutId);
    if (pulled.withoutId.length > 0) {
      logger.warning(
        `event ${eventId}: ${count(pulled.withoutId.length)} rows have no _id: a ticket without one cannot be recorded as sent, so it is never delivered. They are kept for review in ${logText(kept)}.`,
      );
    }
    const keptAside = await keepRowsTooDeep(files.eventDir, pulled.tooDeep);
    if (pulled.tooDeep.length > 0) warnTooDeep(run, eventId, pulled.tooDeep, keptAside);
    logger.info(
      `${count(pulled.tickets.length)} unique tickets (Vivenu reported ${count(pulled.totalReported)}) ` +
        `in ${count(pulled.apiCalls)} requests, ${(pulled.durationMs / 1000).toFixed(1)} s; files in ${files.eventDir}`,
    );
    if (pulled.tickets.length === 0) {
      logger.warning(
        `event ${eventId}: Vivenu returned no tickets. Check the event id, and that the ${settings.region} key belongs to the event's seller.`,
      );
    }
    return pulled;
  });
}

/** Rows named in the warning; the file holds them all. */
const TOO_DEEP_NAMED = 10;

/** Names the rows kept aside as too deep by `_id`, as people look a ticket up (issue 23, row 2). */
function warnTooDeep(run: PipelineRun, eventId: string, rows: PageRow[], file: string): void {
  const ids = rows
    .slice(0, TOO_DEEP_NAMED)
    .map((row) => (typeof row._id === 'string' ? logText(row._id) : '(no _id)'));
  const more =
    rows.length > TOO_DEEP_NAMED ? ` and ${count(rows.length - TOO_DEEP_NAMED)} more` : '';
  run.services.logger.warning(
    `event ${eventId}: ${count(rows.length)} tickets are nested deeper than ${MAX_TICKET_DEPTH} levels (a Vivenu ticket nests 3), so they are never delivered; they are kept for review in ${logText(file)}: ${ids.join(', ')}${more}.`,
  );
}
