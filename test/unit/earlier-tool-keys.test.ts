/**
 * The earlier tool's six keys per event (docs/sources.md, "Its progress file"): how they are
 * derived, read back, and merged. The table that plays the earlier tool on files this project
 * wrote is test/integration/earlier-tool-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  keysFromEligible,
  keysFromFile,
  readEarlierKeys,
} from '../../src/progress/earlier-tool-keys.js';
import { mergeProgress, Progress } from '../../src/progress/progress.js';
import type { Ticket } from '../../src/vivenu/tickets.js';

const NOW = new Date('2026-11-29T23:30:00.000Z');
const EVENT = '6900aa11bb22cc33dd44ee55';
const tickets = (...ids: string[]): Ticket[] => ids.map((_id) => ({ _id }));
const entryOf = (progress: Progress, event = EVENT): Record<string, unknown> =>
  (
    JSON.parse(progress.serialize('PROD', NOW)) as {
      event_progress: Record<string, Record<string, unknown>>;
    }
  ).event_progress[event]!;

describe('keysFromEligible', () => {
  const sentOf =
    (...ids: string[]) =>
    (id: string): boolean =>
      ids.includes(id);

  it.each([
    ['nothing sent: pending', [], 0, 'pending', 0],
    ['some sent: in_progress', ['a', 'b'], 2, 'in_progress', 2],
    ['all sent: completed', ['a', 'b', 'c', 'd'], 4, 'completed', 4],
    ['sent ones refunded since, none of the rest: in_progress', ['x'], 1, 'in_progress', 0],
  ] as const)('%s', (_name, sent, sentEver, status, processed) => {
    expect(keysFromEligible(['a', 'b', 'c', 'd'], sentOf(...sent), sentEver, 2)).toEqual({
      total_tickets: 4,
      processed_tickets: processed,
      last_processed_index: -1,
      status,
      batches_completed: 2,
    });
  });

  it('an event without eligible tickets is never completed', () => {
    expect(keysFromEligible([], () => true, 3, 1).status).toBe('in_progress');
    expect(keysFromEligible([], () => false, 0, 0).status).toBe('pending');
  });
});

describe('keysFromFile', () => {
  it('brings the file keys up to date with ids delivered since it was read', () => {
    const keys = keysFromFile(
      {
        total_tickets: 10,
        processed_tickets: 4,
        last_processed_index: 3,
        status: 'in_progress',
        batches_completed: 2,
      },
      { sentEver: 6, sentSinceRead: 2, processed: false, batches: 3 },
    );
    expect(keys).toEqual({
      total_tickets: 10,
      processed_tickets: 6,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 3,
    });
  });

  it('gives an entry without keys what its sent ids say, completed when processed', () => {
    const options = { sentEver: 3, sentSinceRead: 0, batches: 0 };
    expect(keysFromFile({}, { ...options, processed: false })).toMatchObject({
      total_tickets: 3,
      processed_tickets: 3,
      status: 'in_progress',
    });
    expect(keysFromFile({}, { ...options, processed: true }).status).toBe('completed');
    expect(keysFromFile({}, { ...options, sentEver: 0, processed: false }).status).toBe('pending');
  });

  it('keeps an earlier completed status', () => {
    const keys = keysFromFile(
      { status: 'completed' },
      { sentEver: 2, sentSinceRead: 0, processed: false, batches: 1 },
    );
    expect(keys.status).toBe('completed');
  });
});

describe('readEarlierKeys', () => {
  it('reads the earlier tool keys', () => {
    expect(
      readEarlierKeys({
        total_tickets: 5,
        processed_tickets: 2,
        last_processed_index: -1,
        status: 'pending',
        batches_completed: 0,
      }),
    ).toEqual({
      total_tickets: 5,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'pending',
      batches_completed: 0,
    });
  });

  it('leaves out values of the wrong type, to be computed again', () => {
    expect(
      readEarlierKeys({
        total_tickets: '5',
        processed_tickets: -2,
        last_processed_index: 1.5,
        status: 'done',
        batches_completed: null,
      }),
    ).toEqual({});
  });
});

describe('Progress with the earlier tool keys', () => {
  it('writes the six keys for an event pulled this run, sent or not', () => {
    const progress = new Progress();
    progress.noteEligible(EVENT, tickets('a', 'b', 'c'));
    expect(entryOf(progress)).toEqual({
      total_tickets: 3,
      processed_tickets: 0,
      last_processed_index: -1,
      status: 'pending',
      batches_completed: 0,
      sent: 0,
      sent_ticket_ids: [],
    });
    progress.apply({ t: 'sent', e: EVENT, id: 'a' });
    expect(entryOf(progress)).toMatchObject({
      processed_tickets: 1,
      status: 'in_progress',
      batches_completed: 1,
    });
  });

  it('continues the earlier tool own file: its keys are read, kept consistent and written back', () => {
    const earlier = JSON.stringify({
      events_processed: [],
      tickets_sent: 2,
      errors: [],
      last_run: '2025-07-29T15:30:00',
      event_progress: {
        [EVENT]: {
          total_tickets: 5,
          processed_tickets: 2,
          sent_ticket_ids: ['a', 'b'],
          last_processed_index: 1,
          status: 'in_progress',
          batches_completed: 1,
        },
      },
    });
    const progress = Progress.parse(earlier, 'historical_sync_progress_PROD.json');
    expect(progress.sentIds(EVENT)).toEqual(['a', 'b']);
    expect(entryOf(progress)).toMatchObject({
      total_tickets: 5,
      processed_tickets: 2,
      status: 'in_progress',
      batches_completed: 1,
    });
    progress.apply({ t: 'sent', e: EVENT, id: 'c' });
    expect(entryOf(progress)).toMatchObject({ processed_tickets: 3, batches_completed: 2 });
  });

  it('reads our older files without the keys and writes them', () => {
    const older = JSON.stringify({
      format: 2,
      region: 'PROD',
      events_processed: [EVENT],
      tickets_sent: 2,
      errors: [],
      errors_total: 0,
      last_run: '2026-11-01T00:00:00.000Z',
      event_progress: { [EVENT]: { sent: 2, sent_ticket_ids: ['a', 'b'] } },
    });
    const entry = entryOf(Progress.parse(older, 'p.json'));
    expect(entry).toEqual({
      total_tickets: 2,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'completed',
      batches_completed: 0,
      sent: 2,
      sent_ticket_ids: ['a', 'b'],
    });
  });

  it('serializes, parses back and serializes to the same text', () => {
    const progress = new Progress();
    progress.noteEligible(EVENT, tickets('a', 'b', 'c'));
    progress.apply({ t: 'sent', e: EVENT, id: 'a' });
    const text = progress.serialize('PROD', NOW);
    expect(Progress.parse(text, 'p.json').serialize('PROD', NOW)).toBe(text);
  });
});

describe('mergeProgress keeps the keys consistent', () => {
  /** The published file: another run delivered `ids` and wrote its own (now stale) keys. */
  const published = (ids: string[], keys: Record<string, unknown>): Progress =>
    Progress.parse(
      JSON.stringify({
        tickets_sent: ids.length,
        event_progress: { [EVENT]: { ...keys, sent_ticket_ids: ids } },
      }),
      'published.json',
    );

  it('recomputes from the merged sent ids and our eligible list, not from either side', () => {
    const local = new Progress();
    local.noteEligible(EVENT, tickets('a', 'b', 'c', 'd'));
    for (const id of ['c', 'd']) local.apply({ t: 'sent', e: EVENT, id });
    const theirs = published(['a', 'b'], {
      total_tickets: 3,
      processed_tickets: 2,
      last_processed_index: 1,
      status: 'in_progress',
      batches_completed: 1,
    });
    const entry = entryOf(mergeProgress(theirs, local));
    expect(entry).toMatchObject({
      total_tickets: 4,
      processed_tickets: 4,
      last_processed_index: -1,
      status: 'completed',
      batches_completed: 2,
      sent_ticket_ids: ['a', 'b', 'c', 'd'],
    });
  });

  it('for an event we did not pull: the published counts plus the ids only we had', () => {
    const local = Progress.parse(
      JSON.stringify({ event_progress: { [EVENT]: { sent_ticket_ids: ['a'] } } }),
      'local.json',
    );
    // A crashed run's journal: a delivery the published file does not hold.
    local.apply({ t: 'sent', e: EVENT, id: 'z' });
    const theirs = published(['a', 'b'], {
      total_tickets: 10,
      processed_tickets: 2,
      status: 'in_progress',
      batches_completed: 1,
    });
    expect(entryOf(mergeProgress(theirs, local))).toMatchObject({
      total_tickets: 10,
      processed_tickets: 3,
      status: 'in_progress',
      batches_completed: 2,
    });
  });

  it('a run counts once in batches_completed, however often it publishes', () => {
    const local = new Progress();
    local.noteEligible(EVENT, tickets('a', 'b', 'c', 'd'));
    local.apply({ t: 'sent', e: EVENT, id: 'a' });
    const first = mergeProgress(published([], { batches_completed: 4 }), local);
    const firstText = first.serialize('PROD', NOW);
    expect(entryOf(first).batches_completed).toBe(5);
    local.apply({ t: 'sent', e: EVENT, id: 'b' });
    const second = mergeProgress(Progress.parse(firstText, 'published.json'), local);
    expect(entryOf(second)).toMatchObject({ batches_completed: 5, processed_tickets: 2 });
  });
});
