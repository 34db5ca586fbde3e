import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { ProgressFileError } from '../../src/errors.js';
import type { ProgressChange } from '../../src/progress/progress.js';
import { lockPath } from '../../src/progress/progress-lock.js';
import { ProgressStore, journalPath, readProgress } from '../../src/progress/progress-store.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const now = (): number => NOW;
const RECEIVER = 'https://receiver.example/ticket-created';

let folder: string;
let file: string;
const openStores: ProgressStore[] = [];

async function openStore(region = 'eu'): Promise<ProgressStore> {
  const store = await ProgressStore.open(file, { region, receiver: RECEIVER }, now);
  openStores.push(store);
  return store;
}

async function closeStore(store: ProgressStore): Promise<void> {
  openStores.splice(openStores.indexOf(store), 1);
  await store.close();
}

async function exists(target: string): Promise<boolean> {
  try {
    await readFile(target);
    return true;
  } catch {
    return false;
  }
}

const line = (change: ProgressChange): string => `${JSON.stringify(change)}\n`;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'progress-store-'));
  file = path.join(folder, 'progress-eu.json');
});

afterEach(async () => {
  // Stores a test left open on purpose (a simulated crash) release their journal handle here.
  for (const store of openStores.splice(0)) await store.close().catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

describe('ProgressStore.open', () => {
  it('creates the file with empty progress when there was none', async () => {
    expect(await exists(file)).toBe(false);
    const store = await openStore();
    expect(store.progress.ticketsSent).toBe(0);
    const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      format: 3,
      region: 'eu',
      events_processed: [],
      tickets_sent: 0,
      errors: [],
      errors_total: 0,
      last_run: '2026-03-01T12:00:00.000Z',
      event_progress: {},
    });
    await closeStore(store);
  });

  it('creates a missing folder for the file', async () => {
    file = path.join(folder, 'nested', 'deeper', 'progress-eu.json');
    const store = await openStore();
    await closeStore(store);
    expect(await exists(file)).toBe(true);
  });
});

describe('ProgressStore.record', () => {
  it('appends one JSON line per change to the journal', async () => {
    const store = await openStore();
    const changes: ProgressChange[] = [
      { t: 'sent', e: 'ev1', id: 'a' },
      { t: 'sent', e: 'ev1', id: 'b' },
      { t: 'processed', e: 'ev1' },
    ];
    for (const change of changes) await store.record(change);
    const journal = await readFile(journalPath(file), 'utf8');
    expect(journal.endsWith('\n')).toBe(true);
    const lines = journal.split('\n').slice(0, -1);
    expect(lines.map((text) => JSON.parse(text) as unknown)).toEqual(changes);
    expect(store.progress.ticketsSent).toBe(2);
  });

  it('does not rewrite the JSON file on each change', async () => {
    const store = await openStore();
    const before = await readFile(file, 'utf8');
    await store.record({ t: 'sent', e: 'ev1', id: 'a' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('readProgress after a crash', () => {
  it('sees every recorded delivery from the file and the journal', async () => {
    const store = await openStore();
    await store.record({ t: 'sent', e: 'ev1', id: 'a' });
    await store.save();
    await store.record({ t: 'sent', e: 'ev1', id: 'b' });
    await store.record({ t: 'sent', e: 'ev2', id: 'c' });
    await store.record({
      t: 'error',
      error: { event_id: 'ev2', ticket_id: 'd', status: 503, error: 'busy', timestamp: 'ts1' },
    });
    // No close(): the process died here.
    const progress = await readProgress(file, RECEIVER);
    expect(progress.isSent('ev1', 'a')).toBe(true);
    expect(progress.isSent('ev1', 'b')).toBe(true);
    expect(progress.isSent('ev2', 'c')).toBe(true);
    expect(progress.sentIds('ev1')).toEqual(['a', 'b']);
    expect(progress.ticketsSent).toBe(3);
    expect(progress.errors.map((e) => e.ticket_id)).toEqual(['d']);
  });

  it('reads a missing file as empty progress and writes nothing', async () => {
    const progress = await readProgress(file, RECEIVER);
    expect(progress.ticketsSent).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });

  it('ignores a torn last journal line', async () => {
    await writeFile(
      journalPath(file),
      line({ t: 'sent', e: 'ev1', id: 'a' }) + line({ t: 'sent', e: 'ev1', id: 'b' }),
    );
    await appendFile(journalPath(file), '{"t":"sent","e');
    const progress = await readProgress(file, RECEIVER);
    expect(progress.sentIds('ev1')).toEqual(['a', 'b']);
    expect(progress.ticketsSent).toBe(2);
  });

  it('throws ProgressFileError for a broken line in the middle', async () => {
    await writeFile(
      journalPath(file),
      `${line({ t: 'sent', e: 'ev1', id: 'a' })}{"t":"sent","e\n${line({ t: 'sent', e: 'ev1', id: 'b' })}`,
    );
    await expect(readProgress(file, RECEIVER)).rejects.toThrow(ProgressFileError);
    await expect(readProgress(file, RECEIVER)).rejects.toThrow(journalPath(file));
  });

  it('opens after a torn line and keeps appending cleanly', async () => {
    await writeFile(journalPath(file), `${line({ t: 'sent', e: 'ev1', id: 'a' })}{"t":"se`);
    const store = await openStore();
    expect(store.progress.sentIds('ev1')).toEqual(['a']);
    await store.record({ t: 'sent', e: 'ev1', id: 'b' });
    const progress = await readProgress(file, RECEIVER);
    expect(progress.sentIds('ev1')).toEqual(['a', 'b']);
  });
});

describe('ProgressStore.close', () => {
  it('folds the journal into the file, removes it and leaves no temporary files', async () => {
    const store = await openStore('us');
    await store.record({ t: 'sent', e: 'ev1', id: 'a' });
    await store.record({ t: 'sent', e: 'ev1', id: 'b' });
    await store.record({ t: 'processed', e: 'ev1' });
    await closeStore(store);
    expect(await exists(journalPath(file))).toBe(false);
    const names = await readdir(folder);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(names).toEqual(['progress-eu.json']);
    const written = JSON.parse(await readFile(file, 'utf8')) as {
      region: string;
      tickets_sent: number;
      events_processed: string[];
      event_progress: Record<string, { sent: number; sent_ticket_ids: string[] }>;
    };
    expect(written.region).toBe('us');
    expect(written.tickets_sent).toBe(2);
    expect(written.events_processed).toEqual(['ev1']);
    // No pull told it the eligible list: the earlier tool's keys from what was sent (index -1).
    expect(written.event_progress.ev1).toEqual({
      total_tickets: 2,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'completed',
      batches_completed: 1,
      sent: 2,
      sent_ticket_ids: ['a', 'b'],
    });
  });
});

describe('ProgressStore re-opened after a crash', () => {
  it('folds a leftover journal without double-counting ids the file already holds', async () => {
    const first = await openStore();
    await first.record({ t: 'sent', e: 'ev1', id: 'a' });
    await first.record({ t: 'sent', e: 'ev1', id: 'b' });
    await closeStore(first);
    // A crash after the rename but before the journal was emptied leaves these lines behind.
    await writeFile(
      journalPath(file),
      line({ t: 'sent', e: 'ev1', id: 'a' }) + line({ t: 'sent', e: 'ev1', id: 'b' }),
    );

    const second = await openStore();
    expect(second.progress.ticketsSent).toBe(2);
    expect(second.progress.sentIds('ev1')).toEqual(['a', 'b']);
    // Opening folded the journal: it is empty and the file holds the same counts.
    expect(await readFile(journalPath(file), 'utf8')).toBe('');
    await closeStore(second);
    const written = JSON.parse(await readFile(file, 'utf8')) as { tickets_sent: number };
    expect(written.tickets_sent).toBe(2);
  });

  it('adds journal deliveries the file does not hold yet', async () => {
    const first = await openStore();
    await first.record({ t: 'sent', e: 'ev1', id: 'a' });
    await closeStore(first);
    await writeFile(
      journalPath(file),
      line({ t: 'sent', e: 'ev1', id: 'a' }) + line({ t: 'sent', e: 'ev1', id: 'c' }),
    );
    const second = await openStore();
    expect(second.progress.ticketsSent).toBe(2);
    expect(second.progress.sentIds('ev1')).toEqual(['a', 'c']);
    await closeStore(second);
  });
});

describe('journal lines are checked like the file', () => {
  it.each([
    [
      'a wrong-typed id',
      '{"t":"sent","e":"ev1","id":42}',
      /line 2 is not a change this tool records \(at id: /,
    ],
    [
      'an unknown change',
      '{"t":"deleted","e":"ev1"}',
      /line 2 is not a change this tool records \(at t: /,
    ],
    [
      'an error without its fields',
      '{"t":"error","error":{"ticket_id":"a"}}',
      /line 2 is not a change/,
    ],
    ['a JSON value that is not an object', '[]', /line 2 is not a change/],
  ])('stops at %s, naming its line, and replays nothing', async (_kind, bad, message) => {
    const journal = `${line({ t: 'sent', e: 'ev1', id: 'a' })}${bad}\n${line({ t: 'sent', e: 'ev1', id: 'b' })}`;
    await writeFile(journalPath(file), journal);
    await expect(readProgress(file, RECEIVER)).rejects.toThrow(message);
    await expect(
      ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now),
    ).rejects.toThrow(/left as they are \(3 lines in the journal, none replayed\)/);
    expect(await readFile(journalPath(file), 'utf8')).toBe(journal);
    expect(await exists(file)).toBe(false);
    expect(await exists(lockPath(file))).toBe(false);
  });

  it('counts lines as they are in the file, blank ones included', async () => {
    await writeFile(journalPath(file), `${line({ t: 'sent', e: 'ev1', id: 'a' })}\n\n{"t":1}\n`);
    await expect(readProgress(file, RECEIVER)).rejects.toThrow(/line 4 /);
  });
});

describe('the lock beside the progress file', () => {
  it('is held while a store is open and released when it closes', async () => {
    const store = await openStore();
    const holder = JSON.parse(await readFile(lockPath(file), 'utf8')) as Record<string, unknown>;
    expect(holder).toEqual({
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date(NOW).toISOString(),
    });
    await closeStore(store);
    expect(await exists(lockPath(file))).toBe(false);
  });

  it('refuses a second store on the same file, naming the holder and the file', async () => {
    await openStore();
    const second = ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now);
    await expect(second).rejects.toThrow(ProgressFileError);
    await expect(
      ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now),
    ).rejects.toThrow(
      `progress file ${file} is in use by another run (pid ${process.pid} on ${os.hostname()}, started 2026-03-01T12:00:00.000Z)`,
    );
  });

  it('takes over the lock of a process on this machine that has ended', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const ended = { pid: child.pid!, host: os.hostname(), startedAt: '2026-02-28T08:00:00.000Z' };
    await writeFile(lockPath(file), JSON.stringify(ended));
    const store = await openStore();
    expect(store.lockTakenOverFrom).toEqual(ended);
    await closeStore(store);
    expect(await exists(lockPath(file))).toBe(false);
  });

  it('does not take over a lock of another machine, whose pids mean nothing here', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const elsewhere = { pid: child.pid!, host: `${os.hostname()}-other`, startedAt: 'x' };
    await writeFile(lockPath(file), JSON.stringify(elsewhere));
    await expect(
      ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now),
    ).rejects.toThrow(`pid ${child.pid} on ${os.hostname()}-other`);
    expect(JSON.parse(await readFile(lockPath(file), 'utf8'))).toEqual(elsewhere);
  });

  it('does not take over a lock it cannot read, and says what to do', async () => {
    await writeFile(lockPath(file), 'not json');
    await expect(
      ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now),
    ).rejects.toThrow(`a lock file that does not say who holds it`);
    expect(await readFile(lockPath(file), 'utf8')).toBe('not json');
  });

  it('releases the lock when the file cannot be read', async () => {
    await writeFile(file, '{ broken');
    await expect(
      ProgressStore.open(file, { region: 'eu', receiver: RECEIVER }, now),
    ).rejects.toThrow(ProgressFileError);
    expect(await exists(lockPath(file))).toBe(false);
  });

  it('leaves a lock that is no longer its own', async () => {
    const store = await openStore();
    const other = { pid: process.pid + 1, host: os.hostname(), startedAt: 'later' };
    await writeFile(lockPath(file), JSON.stringify(other));
    await closeStore(store);
    expect(JSON.parse(await readFile(lockPath(file), 'utf8'))).toEqual(other);
  });
});

describe('ProgressStore.readOnly (a dry run)', () => {
  it('reads beside a sync that holds the lock, and writes nothing, whatever it is asked', async () => {
    const sync = await openStore();
    await sync.record({ t: 'sent', e: 'ev1', id: 'a' });
    const before = await readdir(folder);
    const fileBefore = await readFile(file, 'utf8');

    const dry = await ProgressStore.readOnly(file, RECEIVER);
    expect(dry.progress.sentIds('ev1')).toEqual(['a']);
    expect(dry.lockTakenOverFrom).toBeUndefined();
    await expect(dry.record({ t: 'sent', e: 'ev1', id: 'b' })).rejects.toThrow(
      'a dry run records nothing',
    );
    await dry.save();
    await dry.close();
    expect(dry.progress.sentIds('ev1')).toEqual(['a']);
    expect(await readdir(folder)).toEqual(before);
    expect(await readFile(file, 'utf8')).toBe(fileBefore);
    await closeStore(sync);
  });
});
