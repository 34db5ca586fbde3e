/**
 * The words of src/progress/, each one thing:
 * - Progress (here): what has been delivered to one receiver, and the operations on it (apply a
 *   change, ask what was sent, merge two copies). Pure: no files.
 * - The progress file's format (progress-file-format.ts): how a Progress is read from the file
 *   and written to it, the journal's lines, which format versions are read, how copies merge.
 * - ProgressStore (progress-store.ts): this machine's copy, the file with its journal and its
 *   lock (ProgressLock); a dry run's only reads.
 * - ProgressPublisher (progress-publisher.ts): where progress is kept beyond this machine, as an
 *   interface: ProgressCommitter (src/github/progress-committer.ts) commits it to the branch,
 *   keepLocally keeps nothing beyond this machine.
 * - ProgressKeeper (progress-keeper.ts): a run's one owner of its progress: the store, the
 *   publisher, and when to publish.
 */
import type { Ticket } from '../vivenu/tickets.js';
import {
  EARLIER_TOOL_SELECTION,
  keysFromEligible,
  keysFromFile,
  type EarlierToolKeys,
} from './earlier-tool-keys.js';
import { ProgressFileError } from '../errors.js';
import { DeliveredTickets, idKey } from './delivered-tickets.js';
import { EventRecords } from './event-records.js';
import {
  progressFileText,
  readProgressFile,
  type EventContents,
  type ProgressChange,
  type ProgressError,
  type ProgressFileContents,
  type RedeliveryRecord,
} from './progress-file-format.js';

// Ids are matched as Progress matches them: whoever compares ids with it uses the same key.
export { idKey } from './delivered-tickets.js';
// The file format's words, importable with the progress they describe (one import for callers).
export {
  deliveryTime,
  parseChange,
  selectionKey,
  type ProgressChange,
  type ProgressError,
} from './progress-file-format.js';

/** Errors kept in the file; older ones are dropped, `errors_total` keeps counting. */
export const MAX_ERRORS_KEPT = 500;

/** Where a ticket was delivered: the event it was recorded under, and when, where known. */
export interface Delivery {
  eventId: string;
  at: string | undefined;
}

/**
 * What has been delivered to one receiver, per region: the earlier Python tool's fields (`events_processed`,
 * `tickets_sent`, `errors`, `last_run`, and per event its six keys, see earlier-tool-keys.ts)
 * plus the delivered ticket ids per event, so any later run, ours or the earlier tool's,
 * continues exactly. Pure: reading and writing files is the store's job.
 */
export class Progress {
  eventsProcessed: string[] = [];
  ticketsSent = 0;
  errors: ProgressError[] = [];
  errorsTotal = 0;
  lastRun: string | null = null;
  /**
   * The receiver these deliveries went to (origin and path), from the file or this run; a file
   * written before it was recorded has none (see claimFor).
   */
  receiver: string | undefined;
  /**
   * The file recorded deliveries but no receiver (written before receivers were kept apart),
   * and claimFor took them as this receiver's: said once, as they may have gone elsewhere.
   */
  receiverAssumed = false;
  /** The delivered tickets per event (keyed by idKey of the event id). */
  private readonly sent = new DeliveredTickets();
  /** Per event, the selections (other than the earlier tool's) it is complete for, its redeliveries. */
  private readonly records = new EventRecords();
  /** Each event's id as first written in the file (an earlier tool's may be upper case). */
  private readonly eventSpelling = new Map<string, string>();
  /** Fields this tool does not know (an earlier tool's, a newer version's), kept as they were. */
  private unknownFields: Record<string, unknown> = {};
  private readonly unknownEventFields = new Map<string, Record<string, unknown>>();
  /** The earlier tool's keys per event as the file had them (see earlier-tool-keys.ts). */
  private readonly earlierRead = new Map<string, Partial<EarlierToolKeys>>();
  /** How many ids each event had in the file, to tell what was delivered since. */
  private readonly sentAtRead = new Map<string, number>();
  /** The eligible list of each event pulled (and trusted) this run, oldest first. */
  private readonly eligibleNow = new Map<string, string[]>();

  /** The progress a file holds (see progress-file-format.ts for how it is read). */
  static parse(text: string, file: string): Progress {
    const contents = readProgressFile(text, file);
    const progress = new Progress();
    for (const eventId of contents.eventsProcessed) progress.apply({ t: 'processed', e: eventId });
    for (const event of contents.events) progress.takeEvent(event);
    // The file's count, not the ids' (applying them counted them again): an earlier tool's file
    // may count tickets it kept no id for.
    progress.ticketsSent = contents.ticketsSent;
    progress.errors = contents.errors.slice(-MAX_ERRORS_KEPT);
    progress.errorsTotal = contents.errorsTotal;
    progress.lastRun = contents.lastRun;
    progress.receiver = contents.receiver;
    progress.unknownFields = contents.unknownFields;
    for (const key of progress.sent.eventKeys())
      progress.sentAtRead.set(key, progress.sent.ids(key).length);
    return progress;
  }

  /**
   * One event entry of a file. An event spelled twice (upper and lower case) is one event: its
   * second entry adds to the first.
   */
  private takeEvent(event: EventContents<Partial<EarlierToolKeys>>): void {
    const { id: e } = event;
    const key = this.spell(e);
    this.earlierRead.set(key, { ...this.earlierRead.get(key), ...event.earlierKeys });
    this.unknownEventFields.set(key, {
      ...this.unknownEventFields.get(key),
      ...event.unknownFields,
    });
    for (const { id, at } of event.delivered) this.apply({ t: 'sent', e, id, at });
    for (const selection of event.completedFor) this.apply({ t: 'processed', e, for: selection });
    for (const record of event.redelivered) this.apply({ t: 'redelivered', e, ...record });
  }

  /**
   * Takes these deliveries as made to the receiver at `address`: a file that records another
   * receiver stops the run (ProgressFileError) before any request, so a sync to one receiver
   * never makes another skip its tickets. A file with none (written before receivers were
   * recorded) is taken as this receiver's, and says so from its next save.
   */
  claimFor(address: string, file: string): void {
    if (this.receiver !== undefined && this.receiver !== address) {
      throw new ProgressFileError(
        `progress file ${file} records deliveries to the receiver at ${this.receiver}, and this run delivers to ${address}. ` +
          'It was left as it is: leave progress-file empty (each receiver keeps its own file), or name the file of this receiver.',
      );
    }
    if (this.receiver === undefined && this.ticketsSent > 0) this.receiverAssumed = true;
    this.receiver = address;
  }

  isSent(eventId: string, ticketId: string): boolean {
    return this.sent.has(idKey(eventId), ticketId);
  }

  /**
   * Whether the ticket reached this receiver: under this event, or else under another event it
   * was listed in before it moved here (a ticket's delivery id is its own, whatever its event).
   */
  delivery(eventId: string, ticketId: string): Delivery | undefined {
    const eventKey = this.isSent(eventId, ticketId) ? idKey(eventId) : this.sent.eventOf(ticketId);
    if (eventKey === undefined) return undefined;
    const at = this.sent.at(eventKey, ticketId);
    return { eventId: this.eventSpelling.get(eventKey) ?? eventKey, at };
  }

  sentIds(eventId: string): readonly string[] {
    return this.sent.ids(idKey(eventId));
  }

  /** When the receiver accepted the ticket (ISO time), or undefined when not sent or not known. */
  sentAt(eventId: string, ticketId: string): string | undefined {
    return this.sent.at(idKey(eventId), ticketId);
  }

  /**
   * The event's eligible tickets as this run pulled them: the earlier tool's keys are then
   * computed from them. Only for a pull Vivenu's `total` vouched for: from a list missing
   * tickets, `completed` could tell the earlier tool to skip the event with tickets unsent.
   */
  noteEligible(eventId: string, eligible: readonly Ticket[]): void {
    this.eligibleNow.set(
      this.spell(eventId),
      eligible.map((ticket) => ticket._id),
    );
  }

  /** The earlier tool's keys for the event, as the file will have them. */
  earlierToolKeys(eventId: string): EarlierToolKeys {
    const key = idKey(eventId);
    const sentEver = this.sentIds(key).length;
    const eligible = this.eligibleNow.get(key);
    const batches = this.batchesCompleted(key);
    if (eligible)
      return keysFromEligible(eligible, (id) => this.isSent(key, id), sentEver, batches);
    return keysFromFile(this.earlierRead.get(key) ?? {}, {
      sentEver,
      sentSinceRead: sentEver - (this.sentAtRead.get(key) ?? 0),
      processed: this.isProcessed(key),
      batches,
    });
  }

  /**
   * After `local`'s changes were applied to this (published) progress: takes over what only
   * `local` knows, so the merged keys are computed from the merged sent ids, not copied from
   * either side. The eligible lists `local` pulled win; for events neither pulled, the counts
   * are the published ones brought up to date with the merged ids.
   */
  foldInKnowledgeOf(local: Progress): void {
    this.receiver ??= local.receiver;
    for (const key of new Set([...this.sent.eventKeys(), ...this.earlierRead.keys()])) {
      const merged = this.earlierToolKeys(key);
      this.earlierRead.set(key, {
        ...merged,
        batches_completed:
          (this.earlierRead.get(key)?.batches_completed ?? 0) +
          (this.countsBatchOf(local, key) ? 1 : 0),
      });
      this.sentAtRead.set(key, this.sentIds(key).length);
    }
    for (const [key, eligible] of local.eligibleNow) {
      this.spell(local.eventSpelling.get(key) ?? key);
      this.eligibleNow.set(key, eligible);
    }
  }

  /**
   * Whether `local`'s run adds a batch to this published count: it delivered to the event,
   * and its first delivery is not in the published file yet (when it is, an earlier commit of
   * the same run already counted it: a run counts once, however often it publishes). Decided:
   * a concurrent run that delivered that same ticket too makes this count one run short.
   */
  private countsBatchOf(local: Progress, key: string): boolean {
    const firstThisRun = local.sentIds(key)[local.sentAtRead.get(key) ?? 0];
    if (firstThisRun === undefined) return false;
    const publishedIds = this.sentIds(key).slice(0, this.sentAtRead.get(key) ?? 0);
    return !publishedIds.some((id) => idKey(id) === idKey(firstThisRun));
  }

  /** Everything this progress holds, as the changes that would build it. */
  changes(): ProgressChange[] {
    return [
      ...[...this.sent.eventKeys()].flatMap((key) =>
        this.sent.deliveries(key).map(({ id, at }): ProgressChange => {
          const e = this.eventSpelling.get(key)!;
          return at === undefined ? { t: 'sent', e, id } : { t: 'sent', e, id, at };
        }),
      ),
      ...this.eventsProcessed.map((eventId): ProgressChange => ({ t: 'processed', e: eventId })),
      ...this.records.changes((key) => this.eventSpelling.get(key)!),
      ...this.errors.map((error): ProgressChange => ({ t: 'error', error })),
    ];
  }

  /** Changes only ever add, so equal counts mean equal progress. */
  fingerprint(): string {
    return `${this.ticketsSent}/${this.sent.size}/${this.eventsProcessed.length}/${this.records.size}/${this.errorsTotal}`;
  }

  /** The ticket's last redelivery (redeliver mode), if it had one. */
  lastRedelivery(eventId: string, ticketId: string): RedeliveryRecord | undefined {
    return this.records.lastRedelivery(idKey(eventId), ticketId);
  }

  isProcessed(eventId: string): boolean {
    const key = idKey(eventId);
    return this.eventsProcessed.some((processed) => idKey(processed) === key);
  }

  /**
   * Whether every eligible ticket of the event was delivered for this selection (a
   * selectionKey): the earlier tool's is `events_processed`; any other is recorded apart.
   */
  isCompleteFor(eventId: string, selection: string): boolean {
    if (selection === EARLIER_TOOL_SELECTION) return this.isProcessed(eventId);
    return this.records.isCompleteFor(idKey(eventId), selection);
  }

  /** Applies one change. Applying the same change twice changes nothing (journal replays). */
  apply(change: ProgressChange): void {
    switch (change.t) {
      case 'sent':
        // Counted once per ticket, whatever events it was recorded under.
        if (this.sent.add(this.spell(change.e), change.id, change.at) === 'new') this.ticketsSent++;
        return;
      case 'processed': {
        const selection = change.for ?? EARLIER_TOOL_SELECTION;
        if (selection !== EARLIER_TOOL_SELECTION) {
          const key = this.spell(change.e);
          this.records.markComplete(key, selection);
        } else if (!this.isProcessed(change.e)) this.eventsProcessed.push(change.e);
        return;
      }
      case 'redelivered': {
        const { id, at, status } = change;
        this.records.addRedelivery(this.spell(change.e), { id, at, status });
        return;
      }
      case 'error': {
        const { error } = change;
        const seen = this.errors.some(
          (e) =>
            e.ticket_id === error.ticket_id &&
            e.timestamp === error.timestamp &&
            e.event_id === error.event_id,
        );
        if (seen) return;
        this.errors.push(error);
        if (this.errors.length > MAX_ERRORS_KEPT)
          this.errors.splice(0, this.errors.length - MAX_ERRORS_KEPT);
        this.errorsTotal++;
        return;
      }
    }
  }

  /** The file's text, as of `now` (progress-file-format.ts lays it out). */
  serialize(region: string, now: Date): string {
    this.lastRun = now.toISOString();
    return progressFileText(this.fileContents(), region);
  }

  /** What the file is written from: every event the file had, delivered to, pulled or records. */
  private fileContents(): ProgressFileContents {
    const eventKeys = new Set([
      ...this.unknownEventFields.keys(),
      ...this.sent.eventKeys(),
      ...this.eligibleNow.keys(),
      ...this.records.eventKeys(),
    ]);
    return {
      receiver: this.receiver,
      eventsProcessed: this.eventsProcessed,
      ticketsSent: this.ticketsSent,
      errors: this.errors,
      errorsTotal: this.errorsTotal,
      lastRun: this.lastRun,
      unknownFields: this.unknownFields,
      events: [...eventKeys].map((key) => ({
        id: this.eventSpelling.get(key)!,
        earlierKeys: this.earlierToolKeys(key),
        delivered: this.sent.deliveries(key),
        completedFor: this.records.completedFor(key),
        redelivered: this.records.redeliveries(key),
        unknownFields: this.unknownEventFields.get(key) ?? {},
      })),
    };
  }

  /** Runs that delivered to the event: the file's count, and this run once it delivered. */
  private batchesCompleted(key: string): number {
    const deliveredSinceRead = this.sentIds(key).length > (this.sentAtRead.get(key) ?? 0);
    return (this.earlierRead.get(key)?.batches_completed ?? 0) + (deliveredSinceRead ? 1 : 0);
  }

  /** The key an event is kept under; the first spelling seen is the one written back. */
  private spell(eventId: string): string {
    const key = idKey(eventId);
    if (!this.eventSpelling.has(key)) this.eventSpelling.set(key, eventId);
    return key;
  }
}

/**
 * What to publish when the file may have moved on elsewhere (a concurrent run's commit, or
 * this machine's deliveries that a killed run never committed): the published file with
 * everything this machine knows applied on top. Applying is idempotent, so every delivered
 * ticket, processed event and error is kept once, and `tickets_sent` is the published total
 * plus the delivered tickets it did not have yet.
 */
export function mergeProgress(published: Progress | undefined, local: Progress): Progress {
  if (!published) return local;
  // The published copy must be this receiver's too: merging another's would skip its tickets.
  if (local.receiver !== undefined) published.claimFor(local.receiver, 'on the branch');
  for (const change of local.changes()) published.apply(change);
  published.foldInKnowledgeOf(local);
  return published;
}
