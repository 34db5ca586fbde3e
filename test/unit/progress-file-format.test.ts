import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressFileError } from '../../src/errors.js';
import {
  journalLine,
  parseChange,
  PROGRESS_FORMAT,
  type ProgressChange,
} from '../../src/progress/progress-file-format.js';
import { ProgressStore, readProgress } from '../../src/progress/progress-store.js';
import { Progress } from '../../src/progress/progress.js';

/** Issue 22: the progress file's format, its version checked on read, its bytes as written. */

const FILE = 'historical_sync_progress_PROD.json';
const NOW = new Date('2026-11-29T23:30:00.000Z');
const EVENT = '6900aa11bb22cc33dd44ee55';
const OTHER = '6900aa11bb22cc33dd44ee66';
const RECEIVER = 'https://receiver.example/ticket-created';

const newerMessage = (file: string, format: number): string =>
  `progress file ${file} is format ${format}, written by a newer version of this action (this one reads up to 3): ` +
  'update the action (the `uses:` ref or dist/) before running again. It was left as it is.';

/** What `act` threw; fails the test when it threw nothing. */
function thrown(act: () => unknown): Error {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** A file as this tool wrote it before this change: format 2, every field it writes. */
const formatTwo = {
  python_version: '3.11',
  format: 2,
  region: 'PROD',
  receiver: RECEIVER,
  events_processed: [EVENT],
  tickets_sent: 3,
  errors: [
    {
      event_id: OTHER,
      ticket_id: 'c3',
      status: 500,
      error: 'HTTP 500',
      timestamp: '2026-11-29T23:00:00.000Z',
    },
  ],
  errors_total: 4,
  last_run: NOW.toISOString(),
  event_progress: {
    [EVENT.toUpperCase()]: {
      note: 'kept where it was',
      total_tickets: 2,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'completed',
      batches_completed: 1,
      sent: 2,
      sent_ticket_ids: ['A1', 'b2'],
      sent_at: { A1: '2026-11-29T22:00:00Z', b2: '2026-11-29T22:00:02Z' },
      completed_for: [{ statuses: ['VALID'], name_contains: 'CHARITY' }],
      redelivered: [{ id: 'b2', at: '2026-11-29T23:10:00Z', status: 200 }],
    },
    [OTHER]: {
      total_tickets: 5,
      processed_tickets: 1,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 2,
      sent: 1,
      sent_ticket_ids: ['c1'],
    },
  },
};
const textOf = (file: object): string => `${JSON.stringify(file, null, 2)}\n`;

describe('the format a progress file says it is', () => {
  it('is 3, and every file is written as 3', () => {
    expect(PROGRESS_FORMAT).toBe(3);
    const written = JSON.parse(new Progress().serialize('PROD', NOW)) as { format: unknown };
    expect(written.format).toBe(3);
  });

  it.each([4, 3.5, 1_000])('refuses format %s, saying to update the action', (format) => {
    const error = thrown(() => Progress.parse(JSON.stringify({ ...formatTwo, format }), FILE));
    expect(error).toBeInstanceOf(ProgressFileError);
    expect(error.message).toBe(newerMessage(FILE, format));
  });

  it('refuses a newer format before looking at its shape, which may have changed', () => {
    const text = JSON.stringify({ format: 4, tickets_sent: 'many', event_progress: [] });
    expect(thrown(() => Progress.parse(text, FILE)).message).toBe(newerMessage(FILE, 4));
  });

  it('reads 3, 2, none (the earlier tool) and a format that is not a number alike', () => {
    const written = (format: unknown): string => {
      const file: Record<string, unknown> = { ...formatTwo, format };
      if (format === undefined) delete file.format;
      return Progress.parse(JSON.stringify(file), FILE).serialize('PROD', NOW);
    };
    const asTwo = written(2);
    for (const format of [3, undefined, '4', null])
      expect(written(format), String(format)).toBe(asTwo);
  });
});

describe('a file read and written back', () => {
  it('a format-2 file: the same bytes, but "format": 3', () => {
    const text = textOf(formatTwo);
    const written = Progress.parse(text, FILE).serialize('PROD', NOW);
    expect(written).toBe(text.replace('"format": 2,', '"format": 3,'));
    expect(written).not.toBe(text);
  });

  it('a format-2 file continued: the new delivery joins its event, nothing else moves', () => {
    const progress = Progress.parse(textOf(formatTwo), FILE);
    progress.apply({ t: 'sent', e: OTHER, id: 'c2', at: '2026-11-29T23:20:00Z' });
    const written = JSON.parse(progress.serialize('PROD', NOW)) as typeof formatTwo;
    expect(written.tickets_sent).toBe(4);
    expect(written.event_progress[OTHER]).toEqual({
      total_tickets: 5,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 3,
      sent: 2,
      sent_ticket_ids: ['c1', 'c2'],
      sent_at: { c2: '2026-11-29T23:20:00Z' },
    });
    expect(written.event_progress[EVENT.toUpperCase()]).toEqual(
      formatTwo.event_progress[EVENT.toUpperCase()],
    );
  });

  it("an earlier tool's file (no format): its fields carried, written as format 3", () => {
    const earlier = {
      events_processed: [OTHER],
      tickets_sent: 150,
      errors: [{ ticket_id: 't9', error: 'boom', timestamp: '2025-07-29T15:30:00' }],
      last_run: '2025-07-29T15:30:00',
      event_progress: {
        [EVENT]: {
          total_tickets: 10,
          processed_tickets: 2,
          sent_ticket_ids: ['a', 'b'],
          last_processed_index: 1,
          status: 'in_progress',
          batches_completed: 1,
        },
      },
    };
    const written = JSON.parse(
      Progress.parse(JSON.stringify(earlier), FILE).serialize('PROD', NOW),
    ) as Record<string, unknown>;
    expect(written).toEqual({
      format: 3,
      region: 'PROD',
      events_processed: [OTHER],
      tickets_sent: 150,
      errors: [
        {
          event_id: '',
          ticket_id: 't9',
          status: null,
          error: 'boom',
          timestamp: '2025-07-29T15:30:00',
        },
      ],
      errors_total: 1,
      last_run: NOW.toISOString(),
      event_progress: {
        [EVENT]: {
          total_tickets: 10,
          processed_tickets: 2,
          last_processed_index: -1,
          status: 'in_progress',
          batches_completed: 1,
          sent: 2,
          sent_ticket_ids: ['a', 'b'],
        },
      },
    });
  });

  it('rewrites the fields it knows and keeps only the ones it does not', () => {
    // The fields this tool knows are the schema's: none is ever kept as found beside its own.
    const file = {
      ...formatTwo,
      region: 'OLD',
      somebody_elses: 1,
      event_progress: {
        [OTHER]: { sent: 99, last_sent_at: 'then', sent_ticket_ids: ['c1'], theirs: true },
      },
    };
    const written = JSON.parse(Progress.parse(JSON.stringify(file), FILE).serialize('eu', NOW)) as {
      event_progress: Record<string, Record<string, unknown>>;
    } & Record<string, unknown>;
    expect(Object.keys(written).slice(0, 4)).toEqual([
      'python_version',
      'somebody_elses',
      'format',
      'region',
    ]);
    expect(written.region).toBe('eu');
    expect(written.event_progress[OTHER]).toEqual({
      theirs: true,
      total_tickets: 1,
      processed_tickets: 1,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 0,
      sent: 1,
      sent_ticket_ids: ['c1'],
    });
  });
});

describe('the journal line', () => {
  it('reads back as the change it records, for every kind of change', () => {
    const changes: ProgressChange[] = [
      { t: 'sent', e: EVENT, id: 'a', at: '2026-11-29T23:00:00Z' },
      { t: 'sent', e: EVENT, id: 'b' },
      { t: 'processed', e: EVENT },
      { t: 'processed', e: EVENT, for: '{"statuses":["VALID"],"name_contains":"CHARITY"}' },
      { t: 'redelivered', e: EVENT, id: 'a', at: '2026-11-29T23:05:00Z', status: null },
      {
        t: 'error',
        error: { event_id: EVENT, ticket_id: 'c', status: 404, error: 'x', timestamp: 'now' },
      },
    ];
    for (const change of changes) {
      const line = journalLine(change);
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      expect(parseChange(line.slice(0, -1))).toEqual(change);
    }
  });
});

describe('a newer file on disk', () => {
  let folder: string;
  let file: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'progress-format-'));
    file = path.join(folder, FILE);
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('stops a sync before it writes anything, leaving no journal or lock behind', async () => {
    const text = JSON.stringify({ ...formatTwo, format: 4 });
    await writeFile(file, text);
    const open = ProgressStore.open(file, { region: 'PROD', receiver: RECEIVER }, () => 0);
    await expect(open).rejects.toThrow(new ProgressFileError(newerMessage(file, 4)));
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(folder)).toEqual([FILE]);
  });

  it('stops a dry run too (it only reads)', async () => {
    await writeFile(file, JSON.stringify({ format: 5 }));
    await expect(readProgress(file, RECEIVER)).rejects.toThrow(newerMessage(file, 5));
  });
});
