import { idKey } from './delivered-tickets.js';
import {
  selectionRecordOf,
  type ProgressChange,
  type RedeliveryRecord,
  type SelectionRecord,
} from './progress-file-format.js';

/**
 * What a progress file keeps per event (keyed by idKey of the event id) beside its delivered
 * ids: the selections other than the earlier tool's it was completed for (`completed_for`),
 * and the tickets redeliver mode sent again (`redelivered`). Both only ever grow.
 */
export class EventRecords {
  private readonly completedFor = new Map<string, Set<string>>();
  private readonly redelivered = new Map<string, RedeliveryRecord[]>();

  markComplete(eventKey: string, selection: string): void {
    this.completedFor.set(eventKey, (this.completedFor.get(eventKey) ?? new Set()).add(selection));
  }

  isCompleteFor(eventKey: string, selection: string): boolean {
    return this.completedFor.get(eventKey)?.has(selection) ?? false;
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
    return [...new Set([...this.completedFor.keys(), ...this.redelivered.keys()])];
  }

  /** Everything held, counted: changes only add, so equal counts mean equal records. */
  get size(): number {
    let size = 0;
    for (const selections of this.completedFor.values()) size += selections.size;
    for (const records of this.redelivered.values()) size += records.length;
    return size;
  }

  /** The event's part of the file: `completed_for` and `redelivered`, each only when it has any. */
  fileFields(eventKey: string): {
    completed_for?: SelectionRecord[];
    redelivered?: RedeliveryRecord[];
  } {
    const completed = [...(this.completedFor.get(eventKey) ?? [])].sort().map(selectionRecordOf);
    const redelivered = this.redelivered.get(eventKey);
    return {
      ...(completed.length > 0 ? { completed_for: completed } : {}),
      ...(redelivered ? { redelivered } : {}),
    };
  }

  /** Everything held, as the changes that would build it; `spelling` gives each event's id as written. */
  changes(spelling: (eventKey: string) => string): ProgressChange[] {
    return [
      ...[...this.completedFor].flatMap(([key, selections]) =>
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
