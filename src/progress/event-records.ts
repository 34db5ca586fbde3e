import { idKey } from './delivered-tickets.js';
import type { ProgressChange, RedeliveryRecord } from './progress-file-format.js';

/**
 * What a progress file keeps per event (keyed by idKey of the event id) beside its delivered
 * ids: the selections other than the earlier tool's it was completed for (`completed_for`),
 * and the tickets redeliver mode sent again (`redelivered`). Both only ever grow.
 */
export class EventRecords {
  private readonly completions = new Map<string, Set<string>>();
  private readonly redelivered = new Map<string, RedeliveryRecord[]>();

  markComplete(eventKey: string, selection: string): void {
    this.completions.set(eventKey, (this.completions.get(eventKey) ?? new Set()).add(selection));
  }

  isCompleteFor(eventKey: string, selection: string): boolean {
    return this.completions.get(eventKey)?.has(selection) ?? false;
  }

  /** Kept once per ticket and time: a journal replayed, or a merge, adds nothing twice. */
  addRedelivery(eventKey: string, record: RedeliveryRecord): void {
    const records = this.redelivered.get(eventKey) ?? [];
    if (!records.some((r) => idKey(r.id) === idKey(record.id) && r.at === record.at))
      records.push(record);
    this.redelivered.set(eventKey, records);
  }

  lastRedelivery(eventKey: string, ticketId: string): RedeliveryRecord | undefined {
    return (this.redelivered.get(eventKey) ?? []).findLast((r) => idKey(r.id) === idKey(ticketId));
  }

  eventKeys(): string[] {
    return [...new Set([...this.completions.keys(), ...this.redelivered.keys()])];
  }

  /** Everything held, counted: changes only add, so equal counts mean equal records. */
  get size(): number {
    let size = 0;
    for (const selections of this.completions.values()) size += selections.size;
    for (const records of this.redelivered.values()) size += records.length;
    return size;
  }

  /** The selections (selectionKey) the event is complete for, in the order first recorded. */
  completedFor(eventKey: string): string[] {
    return [...(this.completions.get(eventKey) ?? [])];
  }

  /** The event's redeliveries, in the order recorded. */
  redeliveries(eventKey: string): readonly RedeliveryRecord[] {
    return this.redelivered.get(eventKey) ?? [];
  }

  /** Everything held, as the changes that would build it; `spelling` gives each event's id as written. */
  changes(spelling: (eventKey: string) => string): ProgressChange[] {
    return [
      ...[...this.completions].flatMap(([key, selections]) =>
        [...selections].map((selection): ProgressChange => ({
          t: 'processed',
          e: spelling(key),
          for: selection,
        })),
      ),
      ...[...this.redelivered].flatMap(([key, records]) =>
        records.map((r): ProgressChange => ({ t: 'redelivered', e: spelling(key), ...r })),
      ),
    ];
  }
}
