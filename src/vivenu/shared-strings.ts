/**
 * One copy of each string value that tickets repeat, for a pull that holds every ticket.
 *
 * The tickets of one event repeat most short values (status, currency, ticket name, the event,
 * seller and ticket type ids, a city, a shirt size) and each ticket carries its creation date
 * two or three times, yet `JSON.parse` gives every ticket copies of its own. Node 20's V8 shared
 * short values while parsing; Node 24's V8 does so only for a page that is all Latin-1, and a
 * page with one "Łukasz" or "李" in it is not. Held for a pull of 100,000 tickets, the copies
 * made up over a third of the heap.
 *
 * A field stops being pooled once it has shown many distinct values (ids, barcodes, e-mails):
 * the pool would only grow there, without sharing anything.
 */

/** Distinct values a field may show and still be pooled. */
const MOST_DISTINCT_VALUES_PER_FIELD = 1_000;
/** Longer strings are rarely repeated, and costly to hash. */
const LONGEST_POOLED = 200;
/** What a ticket repeats within itself worth finding is dates and ids, not short words. */
const SHORTEST_REPEATED_IN_A_RECORD = 16;
/** Values nested deeper than this are left as they are. */
const DEEPEST = 4;

export class SharedStrings {
  /** Per field path: its distinct values so far, or null once it has too many to pool. */
  private readonly fields = new Map<string, Map<string, string> | null>();

  /**
   * Points every string value of `record` (and of the objects and arrays in it) that an earlier
   * record, or an earlier field of this one, already holds at that earlier copy. In place: the
   * record keeps the same keys in the same order with equal values; only which copy of an
   * equal string it refers to changes.
   */
  share<T extends object>(record: T): T {
    this.shareIn(record as Record<string, unknown>, '', 0, []);
    return record;
  }

  private shareIn(
    target: Record<string, unknown> | unknown[],
    path: string,
    depth: number,
    /** Longer values met so far in this record. */
    seenInRecord: string[],
  ): void {
    const slots = target as Record<string | number, unknown>;
    const isArray = Array.isArray(target);
    const keys: (string | number)[] = isArray ? [...target.keys()] : Object.keys(target);
    for (const key of keys) {
      const value = slots[key];
      const field = isArray ? `${path}[]` : path === '' ? (key as string) : `${path}.${key}`;
      if (typeof value === 'string') {
        if (value.length === 0 || value.length > LONGEST_POOLED) continue;
        const shared = this.pooled(field, value) ?? earlierInRecord(seenInRecord, value);
        if (shared !== undefined) slots[key] = shared;
      } else if (typeof value === 'object' && value !== null && depth < DEEPEST) {
        this.shareIn(value as Record<string, unknown>, field, depth + 1, seenInRecord);
      }
    }
  }

  /** The field's earlier copy of `value`; undefined for a first copy or a field no longer pooled. */
  private pooled(field: string, value: string): string | undefined {
    let values = this.fields.get(field);
    if (values === null) return undefined;
    if (values === undefined) {
      values = new Map();
      this.fields.set(field, values);
    }
    const earlier = values.get(value);
    if (earlier !== undefined) return earlier;
    if (values.size >= MOST_DISTINCT_VALUES_PER_FIELD) this.fields.set(field, null);
    else values.set(value, value);
    return undefined;
  }
}

function earlierInRecord(seen: string[], value: string): string | undefined {
  if (value.length < SHORTEST_REPEATED_IN_A_RECORD) return undefined;
  for (const earlier of seen) if (earlier === value) return earlier;
  seen.push(value);
  return undefined;
}
