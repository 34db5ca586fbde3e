import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  deliveryTime,
  MAX_ERRORS_KEPT,
  mergeProgress,
  Progress,
  type ProgressError,
} from '../../src/progress/progress.js';
import { ProgressFileError } from '../../src/errors.js';

const PYTHON_FILE = JSON.stringify({
  events_processed: ['e1'],
  tickets_sent: 150,
  errors: [{ event_id: 'e1', ticket_id: 't9', error: 'boom', timestamp: '2025-07-29T15:30:00Z' }],
  last_run: '2025-07-29T15:30:00Z',
  event_progress: { e2: { sent_ticket_ids: ['a', 'b'], total_tickets: 10 } },
});
const NOW = new Date('2026-02-03T04:05:06.789Z');

interface FileShape {
  format: number;
  region: string;
  events_processed: string[];
  tickets_sent: number;
  errors: ProgressError[];
  errors_total: number;
  last_run: string | null;
  event_progress: Record<string, { sent: number; sent_ticket_ids: string[] } & object>;
  [extra: string]: unknown;
}
const serialized = (progress: Progress, region = 'eu'): FileShape =>
  JSON.parse(progress.serialize(region, NOW)) as FileShape;

const error = (ticketId: string, timestamp: string, event = 'e1'): ProgressError => ({
  event_id: event,
  ticket_id: ticketId,
  status: 500,
  error: `failed ${ticketId}`,
  timestamp,
});

describe('Progress.parse of the earlier Python tool file', () => {
  const progress = Progress.parse(PYTHON_FILE, 'progress-eu.json');

  it('carries over processed events, the sent count and the last run', () => {
    expect(progress.isProcessed('e1')).toBe(true);
    expect(progress.isProcessed('e2')).toBe(false);
    expect(progress.ticketsSent).toBe(150);
    expect(progress.lastRun).toBe('2025-07-29T15:30:00Z');
  });

  it('keeps the errors, with no status for the missing one', () => {
    expect(progress.errors).toEqual([
      {
        event_id: 'e1',
        ticket_id: 't9',
        status: null,
        error: 'boom',
        timestamp: '2025-07-29T15:30:00Z',
      },
    ]);
    expect(progress.errorsTotal).toBe(1);
  });

  it('knows the delivered ids per event', () => {
    expect(progress.isSent('e2', 'a')).toBe(true);
    expect(progress.isSent('e2', 'b')).toBe(true);
    expect(progress.isSent('e2', 'c')).toBe(false);
    expect(progress.isSent('e1', 'a')).toBe(false);
    expect(progress.sentIds('e2')).toEqual(['a', 'b']);
  });

  it('keeps unknown per-event and top-level fields through serialize', () => {
    const file = JSON.stringify({
      ...(JSON.parse(PYTHON_FILE) as object),
      python_version: '3.11',
      settings: { batch: 50 },
    });
    const out = serialized(Progress.parse(file, 'progress-eu.json'));
    expect(out.event_progress.e2).toEqual({
      total_tickets: 10,
      processed_tickets: 2,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 0,
      sent: 2,
      sent_ticket_ids: ['a', 'b'],
    });
    expect(out.python_version).toBe('3.11');
    expect(out.settings).toEqual({ batch: 50 });
    expect(out.tickets_sent).toBe(150);
    expect(out.events_processed).toEqual(['e1']);
  });

  it('redacts an email address found in an earlier error text', () => {
    const file = JSON.stringify({
      errors: [
        {
          event_id: 'e1',
          ticket_id: 't1',
          error: 'HTTP 422: {"email":"paddy.mccann@example.org","reason":"dup"}',
          timestamp: '2025-07-29T15:30:00Z',
        },
      ],
    });
    const [parsed] = Progress.parse(file, 'progress-eu.json').errors;
    expect(parsed?.error).not.toContain('paddy.mccann@example.org');
    expect(parsed?.error).not.toContain('@');
    expect(parsed?.error).toContain('[redacted]');
    expect(parsed?.error).toContain('HTTP 422');
  });

  it('shortens a long earlier error text to its first 300 characters', () => {
    const long = `HTTP 500: ${'x'.repeat(1_000)}`;
    const file = JSON.stringify({ errors: [{ ticket_id: 't1', error: long }] });
    const [parsed] = Progress.parse(file, 'progress-eu.json').errors;
    expect(parsed?.error).toBe(long.slice(0, 300));
  });

  it('reads an empty object as empty progress', () => {
    const empty = Progress.parse('{}', 'progress-eu.json');
    expect(empty.ticketsSent).toBe(0);
    expect(empty.eventsProcessed).toEqual([]);
    expect(empty.errors).toEqual([]);
    expect(empty.lastRun).toBeNull();
  });
});

describe('Progress.parse of broken files', () => {
  it('throws ProgressFileError naming the file for invalid JSON', () => {
    const parse = (): Progress => Progress.parse('{"tickets_sent": 1,', '/data/progress-us.json');
    expect(parse).toThrow(ProgressFileError);
    expect(parse).toThrow(/\/data\/progress-us\.json/);
  });

  it('throws ProgressFileError naming the file for a wrong shape', () => {
    const shapes = [
      '{"tickets_sent":"x"}',
      '{"tickets_sent":-1}',
      '{"events_processed":"e1"}',
      '{"event_progress":{"e1":{"sent_ticket_ids":[1,2]}}}',
      '[]',
      'null',
    ];
    for (const text of shapes) {
      const parse = (): Progress => Progress.parse(text, 'progress-ap.json');
      expect(parse, text).toThrow(ProgressFileError);
      expect(parse, text).toThrow(/progress-ap\.json/);
    }
  });

  it('names the field that has the wrong shape', () => {
    expect(() => Progress.parse('{"tickets_sent":"x"}', 'p.json')).toThrow(/tickets_sent/);
  });
});

describe('Progress.apply', () => {
  it('counts a delivery once, however often it is applied', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: 'e1', id: 'a' });
    progress.apply({ t: 'sent', e: 'e1', id: 'a' });
    progress.apply({ t: 'sent', e: 'e1', id: 'b' });
    expect(progress.ticketsSent).toBe(2);
    expect(progress.sentIds('e1')).toEqual(['a', 'b']);
  });

  it('counts a ticket once, whatever events it is recorded under (moved between events)', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: 'e1', id: 'a', at: '2026-01-01T00:00:00Z' });
    progress.apply({ t: 'sent', e: 'e2', id: 'a' });
    expect(progress.ticketsSent).toBe(1);
    expect(progress.sentIds('e2')).toEqual(['a']);
    expect(progress.delivery('e3', 'A')).toEqual({ eventId: 'e1', at: '2026-01-01T00:00:00Z' });
    expect(progress.delivery('e2', 'a')).toEqual({ eventId: 'e2', at: undefined });
    expect(progress.delivery('e2', 'b')).toBeUndefined();
  });

  it('does not double-count an id that the parsed file already holds', () => {
    const progress = Progress.parse(PYTHON_FILE, 'p.json');
    progress.apply({ t: 'sent', e: 'e2', id: 'a' });
    expect(progress.ticketsSent).toBe(150);
    progress.apply({ t: 'sent', e: 'e2', id: 'c' });
    expect(progress.ticketsSent).toBe(151);
  });

  it('keeps the same error once', () => {
    const progress = new Progress();
    const same = error('t1', '2025-01-01T00:00:00Z');
    progress.apply({ t: 'error', error: same });
    progress.apply({ t: 'error', error: { ...same } });
    expect(progress.errors).toEqual([same]);
    expect(progress.errorsTotal).toBe(1);
    progress.apply({ t: 'error', error: error('t1', '2025-01-01T00:00:01Z') });
    expect(progress.errors).toHaveLength(2);
    expect(progress.errorsTotal).toBe(2);
  });

  it('marks an event processed once', () => {
    const progress = new Progress();
    progress.apply({ t: 'processed', e: 'e1' });
    progress.apply({ t: 'processed', e: 'e1' });
    expect(progress.eventsProcessed).toEqual(['e1']);
  });

  it('keeps only the latest MAX_ERRORS_KEPT errors while errorsTotal counts all', () => {
    const progress = new Progress();
    const count = MAX_ERRORS_KEPT + 37;
    for (let i = 0; i < count; i++)
      progress.apply({ t: 'error', error: error(`t${i}`, new Date(i * 1000).toISOString()) });
    expect(progress.errors).toHaveLength(MAX_ERRORS_KEPT);
    expect(progress.errors[0]?.ticket_id).toBe('t37');
    expect(progress.errors.at(-1)?.ticket_id).toBe(`t${count - 1}`);
    expect(progress.errorsTotal).toBe(count);
    const out = serialized(progress);
    expect(out.errors).toHaveLength(MAX_ERRORS_KEPT);
    expect(out.errors_total).toBe(count);
  });

  it('caps errors read from a file too, keeping the latest', () => {
    const errors = Array.from({ length: MAX_ERRORS_KEPT + 5 }, (_, i) => ({
      event_id: 'e1',
      ticket_id: `t${i}`,
      error: 'x',
      timestamp: 'ts',
    }));
    const progress = Progress.parse(JSON.stringify({ errors }), 'p.json');
    expect(progress.errors).toHaveLength(MAX_ERRORS_KEPT);
    expect(progress.errors[0]?.ticket_id).toBe('t5');
    expect(progress.errorsTotal).toBe(MAX_ERRORS_KEPT + 5);
  });
});

describe('Progress.serialize', () => {
  it('writes format 3, the region, the given date and delivered ids in delivery order', () => {
    const progress = new Progress();
    for (const id of ['zz', 'aa', 'mm']) progress.apply({ t: 'sent', e: 'ev1', id });
    progress.apply({ t: 'processed', e: 'ev0' });
    const text = progress.serialize('us', NOW);
    expect(text.endsWith('\n')).toBe(true);
    const out = JSON.parse(text) as FileShape;
    expect(out.format).toBe(3);
    expect(out.region).toBe('us');
    expect(out.last_run).toBe('2026-02-03T04:05:06.789Z');
    expect(progress.lastRun).toBe('2026-02-03T04:05:06.789Z');
    expect(out.tickets_sent).toBe(3);
    expect(out.events_processed).toEqual(['ev0']);
    expect(out.event_progress).toEqual({
      ev1: {
        total_tickets: 3,
        processed_tickets: 3,
        last_processed_index: -1,
        status: 'in_progress',
        batches_completed: 1,
        sent: 3,
        sent_ticket_ids: ['zz', 'aa', 'mm'],
      },
    });
  });

  it('parses back to the same progress', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: 'ev1', id: 'a' });
    progress.apply({ t: 'sent', e: 'ev2', id: 'b' });
    progress.apply({ t: 'processed', e: 'ev1' });
    progress.apply({ t: 'error', error: error('c', '2025-01-01T00:00:00Z', 'ev2') });
    const text = progress.serialize('eu', NOW);
    const again = Progress.parse(text, 'p.json');
    expect(again.ticketsSent).toBe(2);
    expect(again.sentIds('ev1')).toEqual(['a']);
    expect(again.sentIds('ev2')).toEqual(['b']);
    expect(again.eventsProcessed).toEqual(['ev1']);
    expect(again.errors).toEqual(progress.errors);
    expect(again.errorsTotal).toBe(1);
    expect(again.serialize('eu', NOW)).toBe(text);
  });

  it('stays under 1,000,000 bytes with 20,000 delivered ids in one event', () => {
    const progress = new Progress();
    const ids = Array.from({ length: 20_000 }, () => randomBytes(12).toString('hex'));
    for (const id of ids) progress.apply({ t: 'sent', e: 'ev1', id });
    expect(progress.ticketsSent).toBe(20_000);
    const text = progress.serialize('eu', NOW);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(1_000_000);
    const out = JSON.parse(text) as FileShape;
    expect(out.event_progress.ev1?.sent).toBe(20_000);
    expect(out.event_progress.ev1?.sent_ticket_ids).toEqual(ids);
  });
});

describe('ids written in upper case by an earlier tool', () => {
  const EVENT = '68108c20c5c88849372bfb61';
  const legacy = JSON.stringify({
    events_processed: ['6871A0C5E4B0D1F2A3B4C5D6'],
    tickets_sent: 2,
    errors: [],
    last_run: '2025-07-29T15:30:00',
    event_progress: {
      [EVENT.toUpperCase()]: {
        sent_ticket_ids: ['AAAA0000BBBB1111CCCC2222', 'aaaa0000bbbb1111cccc3333'],
        status: 'in_progress',
      },
    },
  });

  it('match the lower-case ids Vivenu sends, for events and tickets alike', () => {
    const progress = Progress.parse(legacy, 'progress-eu.json');
    expect(progress.isSent(EVENT, 'aaaa0000bbbb1111cccc2222')).toBe(true);
    expect(progress.isSent(EVENT, 'aaaa0000bbbb1111cccc3333')).toBe(true);
    expect(progress.isSent(EVENT, 'aaaa0000bbbb1111cccc4444')).toBe(false);
    expect(progress.isProcessed('6871a0c5e4b0d1f2a3b4c5d6')).toBe(true);
    expect(progress.sentIds(EVENT)).toHaveLength(2);
  });

  it('are not counted again when delivered in lower case, and keep their spelling in the file', () => {
    const progress = Progress.parse(legacy, 'progress-eu.json');
    progress.apply({ t: 'sent', e: EVENT, id: 'aaaa0000bbbb1111cccc2222' });
    progress.apply({ t: 'sent', e: EVENT, id: 'aaaa0000bbbb1111cccc4444' });
    progress.apply({ t: 'processed', e: '6871a0c5e4b0d1f2a3b4c5d6' });
    expect(progress.ticketsSent).toBe(3);
    const file = serialized(progress);
    // One entry for the event, under the spelling the earlier tool reads it by.
    expect(Object.keys(file.event_progress)).toEqual([EVENT.toUpperCase()]);
    expect(file.event_progress[EVENT.toUpperCase()]).toMatchObject({
      status: 'in_progress',
      sent: 3,
      sent_ticket_ids: [
        'AAAA0000BBBB1111CCCC2222',
        'aaaa0000bbbb1111cccc3333',
        'aaaa0000bbbb1111cccc4444',
      ],
    });
    expect(file.events_processed).toEqual(['6871A0C5E4B0D1F2A3B4C5D6']);
  });

  it('merge an event written in two spellings into one entry', () => {
    const progress = Progress.parse(
      JSON.stringify({
        event_progress: {
          [EVENT.toUpperCase()]: { sent_ticket_ids: ['A1'] },
          [EVENT]: { sent_ticket_ids: ['a1', 'b2'] },
        },
      }),
      'progress-eu.json',
    );
    expect(progress.sentIds(EVENT)).toEqual(['A1', 'b2']);
    expect(Object.keys(serialized(progress).event_progress)).toEqual([EVENT.toUpperCase()]);
  });
});

describe('delivery times (sent_at)', () => {
  const AT = '2026-11-29T23:05:12Z';

  it('keeps the time of each delivery, per event, and writes it as sent_at', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: 'ev1', id: 'a', at: AT });
    progress.apply({ t: 'sent', e: 'ev1', id: 'b' });
    expect(progress.sentAt('ev1', 'a')).toBe(AT);
    expect(progress.sentAt('ev1', 'b')).toBeUndefined();
    expect(progress.sentAt('ev2', 'a')).toBeUndefined();
    const out = serialized(progress);
    // Beside the earlier tool's six keys (tested on their own), only b has no time.
    expect(out.event_progress.ev1).toMatchObject({
      sent: 2,
      sent_ticket_ids: ['a', 'b'],
      sent_at: { a: AT },
    });
    const again = Progress.parse(JSON.stringify(out), 'p.json');
    expect(again.sentAt('EV1', 'A')).toBe(AT);
    expect(again.serialize('eu', NOW)).toBe(progress.serialize('eu', NOW));
  });

  it('reads a file without sent_at (times unknown) and writes none for it', () => {
    const progress = Progress.parse(PYTHON_FILE, 'p.json');
    expect(progress.sentIds('e2')).toEqual(['a', 'b']);
    expect(progress.sentAt('e2', 'a')).toBeUndefined();
    expect(serialized(progress).event_progress.e2).not.toHaveProperty('sent_at');
  });

  it('keeps the first time: a replayed or merged delivery never moves it, but fills one unknown', () => {
    const progress = new Progress();
    progress.apply({ t: 'sent', e: 'ev1', id: 'a', at: AT });
    progress.apply({ t: 'sent', e: 'ev1', id: 'a', at: '2030-01-01T00:00:00Z' });
    expect(progress.sentAt('ev1', 'a')).toBe(AT);
    expect(progress.ticketsSent).toBe(1);

    const published = Progress.parse(PYTHON_FILE, 'p.json');
    const local = new Progress();
    local.apply({ t: 'sent', e: 'e2', id: 'a', at: AT });
    local.apply({ t: 'sent', e: 'e2', id: 'c', at: AT });
    const merged = mergeProgress(published, local);
    expect(merged.sentAt('e2', 'a')).toBe(AT);
    expect(merged.sentAt('e2', 'c')).toBe(AT);
    expect(merged.ticketsSent).toBe(151);
  });

  it('refuses a sent_at that is not a map of times, naming where, and ignores one for an id never sent', () => {
    expect(() =>
      Progress.parse(
        '{"event_progress":{"e1":{"sent_ticket_ids":["a"],"sent_at":{"a":5}}}}',
        'p.json',
      ),
    ).toThrow(/p\.json has an unexpected shape at event_progress\.e1\.sent_at\.a/);
    const progress = Progress.parse(
      '{"event_progress":{"e1":{"sent_ticket_ids":["a"],"sent_at":{"constructor":"x","b":"y"}}}}',
      'p.json',
    );
    expect(progress.sentAt('e1', 'a')).toBeUndefined();
    expect(serialized(progress).event_progress.e1).toMatchObject({
      sent: 1,
      sent_ticket_ids: ['a'],
    });
    expect(serialized(progress).event_progress.e1).not.toHaveProperty('sent_at');
  });

  it('is one time to the second per delivery: 20,000 delivered tickets with times stay under 2 MB', () => {
    expect(deliveryTime(Date.parse('2026-11-29T23:05:12.987Z'))).toBe('2026-11-29T23:05:12Z');
    const progress = new Progress();
    for (let n = 0; n < 20_000; n++) {
      progress.apply({ t: 'sent', e: 'ev1', id: randomBytes(12).toString('hex'), at: AT });
    }
    const bytes = Buffer.byteLength(progress.serialize('eu', NOW), 'utf8');
    expect(bytes).toBeLessThan(2_000_000);
  });
});
