import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Ticket } from '../vivenu/tickets.js';
import type { EventMetadata } from './event-metadata.js';
import { individualFileNames } from './file-names.js';

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

/** Writes whole or not at all: a cancelled run never leaves half a JSON file for review. */
async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
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
  await rm(files.individualDir, { recursive: true, force: true });
  await mkdir(files.individualDir, { recursive: true });

  const names = individualFileNames(tickets);
  for (let start = 0; start < tickets.length; start += INDIVIDUAL_WRITES_IN_FLIGHT) {
    const batch = tickets.slice(start, start + INDIVIDUAL_WRITES_IN_FLIGHT);
    await Promise.all(
      batch.map((ticket, offset) => {
        const file = path.join(files.individualDir, names[start + offset]!);
        // Names are sanitised already; this guards the guarantee itself.
        if (path.dirname(file) !== files.individualDir) {
          throw new Error(`refusing to write ticket ${ticket._id} outside ${files.individualDir}`);
        }
        return writeFile(file, `${JSON.stringify(ticket, null, 2)}\n`);
      }),
    );
  }
  await writeFileAtomic(files.allTickets, `${JSON.stringify(tickets, null, 2)}\n`);
  await writeFileAtomic(files.metadata, `${JSON.stringify(metadata, null, 2)}\n`);
  return files;
}
