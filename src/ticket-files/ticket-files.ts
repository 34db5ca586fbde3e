import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { namingInput } from '../errors.js';
import { logText } from '../log-text.js';
import { compactJson, ticketJson } from '../vivenu/ticket-json.js';
import type { Ticket } from '../vivenu/tickets.js';
import type { EventMetadata } from './event-metadata.js';
import { eachIndividualFileName } from './file-names.js';

export interface EventFiles {
  eventDir: string;
  allTickets: string;
  metadata: string;
  individualDir: string;
}

export function eventFilePaths(ticketsDir: string, eventId: string): EventFiles {
  const eventDir = path.join(ticketsDir, eventId);
  return {
    eventDir,
    allTickets: path.join(eventDir, 'all_tickets.json'),
    metadata: path.join(eventDir, 'metadata.json'),
    individualDir: path.join(eventDir, 'individual'),
  };
}

/**
 * `JSON.stringify(tickets, null, 2)` and a new line, one ticket at a time: a pull of 100,000
 * tickets never holds the file's text, or a large part of it, as one string. Numbers are
 * written as Vivenu wrote them (ticket-json.ts).
 */
export function* prettyJsonArray(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  for (let index = 0; index < items.length; index++) {
    const item = ticketJson(items[index], 2).replace(/^/gm, '  ');
    yield `${index === 0 ? '[\n' : ',\n'}${item}`;
  }
  yield '\n]\n';
}

const INDIVIDUAL_WRITES_IN_FLIGHT = 32;

/**
 * The earlier pull tool's layout, per event:
 * `all_tickets.json`, `metadata.json` and `individual/<barcode>_<holder>.json`.
 * A previous pull's `individual/` is replaced, so the folder always matches `all_tickets.json`.
 */
export async function writeEventFiles(
  ticketsDir: string,
  tickets: readonly Ticket[],
  metadata: EventMetadata,
): Promise<EventFiles> {
  const files = eventFilePaths(ticketsDir, metadata.event_id);
  try {
    return await writeEachFile(files, tickets, metadata);
  } catch (error) {
    // Named for the input behind the path: a bare EACCES or ENOSPC says nothing to act on.
    const file = (error as NodeJS.ErrnoException).path ?? files.eventDir;
    throw namingInput('tickets-dir', 'write the pulled tickets to', file, error);
  }
}

async function writeEachFile(
  files: EventFiles,
  tickets: readonly Ticket[],
  metadata: EventMetadata,
): Promise<EventFiles> {
  await rm(files.individualDir, { recursive: true, force: true });
  await mkdir(files.individualDir, { recursive: true });

  const writes: Promise<void>[] = [];
  let index = 0;
  for (const name of eachIndividualFileName(tickets)) {
    const ticket = tickets[index++]!;
    const file = path.join(files.individualDir, name);
    // Names are sanitised already; this guards the guarantee itself.
    if (path.dirname(file) !== files.individualDir) {
      throw new Error(
        `refusing to write ticket ${logText(ticket._id)} outside ${files.individualDir}`,
      );
    }
    writes.push(writeFile(file, `${ticketJson(ticket, 2)}\n`));
    if (writes.length === INDIVIDUAL_WRITES_IN_FLIGHT) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  await writeFileAtomic(files.allTickets, prettyJsonArray(tickets));
  await writeFileAtomic(files.metadata, `${JSON.stringify(metadata, null, 2)}\n`);
  return files;
}

/** Where rows without a string `_id` are kept for review, beside `all_tickets.json`. */
export const ROWS_WITHOUT_ID_FILE = 'without_id.json';

/**
 * Keeps the pull's rows without an `_id` in `without_id.json` (none: the file of an earlier
 * pull is removed, so the folder matches this pull). They are not in `all_tickets.json`:
 * without an id they cannot be recorded as sent, so nothing may deliver them.
 */
export async function keepRowsWithoutId(
  eventDir: string,
  rows: readonly unknown[],
): Promise<string> {
  const file = path.join(eventDir, ROWS_WITHOUT_ID_FILE);
  if (rows.length === 0) await rm(file, { force: true });
  else await writeFileAtomic(file, prettyJsonArray(rows));
  return file;
}

/** Where rows nested too deep to deliver are kept for review, beside `all_tickets.json`. */
export const ROWS_TOO_DEEP_FILE = 'too_deep.json';

/**
 * Keeps the pull's rows nested deeper than a ticket may be in `too_deep.json`, one compact row
 * a line (none: an earlier pull's file is removed). Written on a stack of its own
 * (`compactJson`): JSON.stringify runs out of stack on them (issue 23, row 2).
 */
export async function keepRowsTooDeep(eventDir: string, rows: readonly unknown[]): Promise<string> {
  const file = path.join(eventDir, ROWS_TOO_DEEP_FILE);
  if (rows.length === 0) await rm(file, { force: true });
  else
    await writeFileAtomic(
      file,
      rows.map((row, index) => `${index === 0 ? '[\n' : ',\n'}${compactJson(row)}`).concat('\n]\n'),
    );
  return file;
}
