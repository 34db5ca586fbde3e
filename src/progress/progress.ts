import type { Ticket } from '../vivenu/tickets.js';
import {
  EARLIER_KEYS,
  keysFromEligible,
  keysFromFile,
  readEarlierKeys,
  type EarlierToolKeys,
} from './earlier-tool-keys.js';
import {
  readProgressFile,
  toProgressError,
  type ProgressChange,
  type ProgressError,
} from './progress-file-format.js';

// The file format's words, importable with the progress they describe (one import for callers).
export {
  deliveryTime,
  parseChange,
  type ProgressChange,
  type ProgressError,
} from './progress-file-format.js';

/** Errors kept in the file; older ones are dropped, `errors_total` keeps counting. */
export const MAX_ERRORS_KEPT = 500;

/**
 * Vivenu's ids are MongoDB ObjectIds, 24 hex digits, which MongoDB writes in lower case
 * (mongodb.com/docs/manual/reference/method/ObjectId.valueOf: "a lowercase hexadecimal
 * string"); `event-id` is lower-cased when read. Ids typed or copied into an earlier tool's
 * file in upper case are the same ids: they are matched in lower case, and kept as written.
 */
function idKey(id: string): string {
  return id.toLowerCase();
}

/**
 * What has been delivered, per region: the earlier Python tool's fields (`events_processed`,
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
   * Keyed by idKey(event id); `lookup` holds idKey(ticket id), `ids` the ids as written, `at`
   * when each was accepted (by idKey(ticket id)), where known.
   */
  private readonly sent = new Map<
    string,
    { ids: string[]; lookup: Set<string>; at: Map<string, string> }
  >();
  /** Each event's id as first written in the file (an earlier tool's may be upper case). */
  private readonly eventSpelling = new Map<string, string>();
  /** Fields this tool does not know (an earlier tool's, a newer version's), kept as they were. */
  private extraFields: Record<string, unknown> = {};
  private extraEventFields = new Map<string, Record<string, unknown>>();
  /** The earlier tool's keys per event as the file had them (see earlier-tool-keys.ts). */
  private readonly earlierRead = new Map<string, Partial<EarlierToolKeys>>();
  /** How many ids each event had in the file, to tell what was delivered since. */
  private readonly sentAtRead = new Map<string, number>();
  /** The eligible list of each event pulled (and trusted) this run, oldest first. */
  private readonly eligibleNow = new Map<string, string[]>();

  static parse(text: string, file: string): Progress {
    const data = readProgressFile(text, file);
    const progress = new Progress();
    for (const eventId of data.events_processed) progress.apply({ t: 'processed', e: eventId });
    progress.ticketsSent = data.tickets_sent;
    progress.errors = data.errors.map(toProgressError).slice(-MAX_ERRORS_KEPT);
    progress.errorsTotal = Math.max(data.errors_total ?? 0, data.errors.length);
    progress.lastRun = data.last_run;
    for (const [eventId, event] of Object.entries(data.event_progress)) {
      const { sent_ticket_ids: ids, sent_at: times, ...rest } = event;
      delete rest.sent;
      delete rest.last_sent_at;
      const key = progress.spell(eventId);
      progress.earlierRead.set(key, { ...progress.earlierRead.get(key), ...readEarlierKeys(rest) });
      for (const name of EARLIER_KEYS) delete rest[name];
      progress.extraEventFields.set(key, { ...progress.extraEventFields.get(key), ...rest });
      // A time for an id not in sent_ticket_ids says nothing: it is dropped with the next save.
      for (const id of ids)
        progress.addSent(eventId, id, Object.hasOwn(times, id) ? times[id] : undefined);
    }
    for (const [key, { ids }] of progress.sent) progress.sentAtRead.set(key, ids.length);
    const {
      events_processed,
      tickets_sent,
      errors,
      errors_total,
      last_run,
      event_progress,
      ...extra
    } = data;
    void [events_processed, tickets_sent, errors, errors_total, last_run, event_progress];
    delete extra.format;
    delete extra.region;
    progress.extraFields = extra;
    return progress;
  }

  isSent(eventId: string, ticketId: string): boolean {
    return this.sent.get(idKey(eventId))?.lookup.has(idKey(ticketId)) ?? false;
  }

  sentIds(eventId: string): readonly string[] {
    return this.sent.get(idKey(eventId))?.ids ?? [];
  }

  /** When the receiver accepted the ticket (ISO time), or undefined when not sent or not known. */
  sentAt(eventId: string, ticketId: string): string | undefined {
    return this.sent.get(idKey(eventId))?.at.get(idKey(ticketId));
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
    for (const key of new Set([...this.sent.keys(), ...this.earlierRead.keys()])) {
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
      ...[...this.sent].flatMap(([key, { ids, at }]) =>
        ids.map((id): ProgressChange => {
          const time = at.get(idKey(id));
          const e = this.eventSpelling.get(key)!;
          return time === undefined ? { t: 'sent', e, id } : { t: 'sent', e, id, at: time };
        }),
      ),
      ...this.eventsProcessed.map((eventId): ProgressChange => ({ t: 'processed', e: eventId })),
      ...this.errors.map((error): ProgressChange => ({ t: 'error', error })),
    ];
  }

  /** Changes only ever add, so equal counts mean equal progress. */
  fingerprint(): string {
    const ids = [...this.sent.values()].reduce((sum, event) => sum + event.ids.length, 0);
    return `${this.ticketsSent}/${ids}/${this.eventsProcessed.length}/${this.errorsTotal}`;
  }

  isProcessed(eventId: string): boolean {
    const key = idKey(eventId);
    return this.eventsProcessed.some((processed) => idKey(processed) === key);
  }

  /** Applies one change. Applying the same change twice changes nothing (journal replays). */
  apply(change: ProgressChange): void {
    switch (change.t) {
      case 'sent':
        if (this.addSent(change.e, change.id, change.at)) this.ticketsSent++;
        return;
      case 'processed':
        if (!this.isProcessed(change.e)) this.eventsProcessed.push(change.e);
        return;
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

  /** The file's text: seed fields first, then the per-event delivered ids, one per line. */
  serialize(region: string, now: Date): string {
    this.lastRun = now.toISOString();
    const eventProgress: Record<string, unknown> = {};
    const eventKeys = new Set([
      ...this.extraEventFields.keys(),
      ...this.sent.keys(),
      ...this.eligibleNow.keys(),
    ]);
    for (const key of eventKeys) {
      const ids = this.sentIds(key);
      const times = this.sentTimes(key, ids);
      eventProgress[this.eventSpelling.get(key)!] = {
        ...this.extraEventFields.get(key),
        ...this.earlierToolKeys(key),
        sent: ids.length,
        sent_ticket_ids: ids,
        // Only where some time is known: a file of an earlier tool stays as it was otherwise.
        ...(times ? { sent_at: times } : {}),
      };
    }
    const file = {
      ...this.extraFields,
      format: 2,
      region,
      events_processed: this.eventsProcessed,
      tickets_sent: this.ticketsSent,
      errors: this.errors,
      errors_total: this.errorsTotal,
      last_run: this.lastRun,
      event_progress: eventProgress,
    };
    return `${JSON.stringify(file, null, 2)}\n`;
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

  /**
   * Adds a delivered ticket; returns false when it was already there. A time fills in a time
   * not known yet (a merge of a file from before `sent_at`), and never replaces one: the first
   * acceptance is when the ticket was delivered.
   */
  private addSent(eventId: string, ticketId: string, at?: string): boolean {
    const key = this.spell(eventId);
    let event = this.sent.get(key);
    if (!event) this.sent.set(key, (event = { ids: [], lookup: new Set(), at: new Map() }));
    const ticketKey = idKey(ticketId);
    if (at !== undefined && !event.at.has(ticketKey)) event.at.set(ticketKey, at);
    if (event.lookup.has(ticketKey)) return false;
    event.lookup.add(ticketKey);
    event.ids.push(ticketId);
    return true;
  }

  /** `sent_at` of an event: `{ "<ticket id as written>": "<ISO time>" }`, or undefined when none is known. */
  private sentTimes(key: string, ids: readonly string[]): Record<string, string> | undefined {
    const at = this.sent.get(key)?.at;
    if (!at || at.size === 0) return undefined;
    // Ticket ids come from Vivenu: a null prototype keeps `__proto__` an ordinary key.
    const times = Object.create(null) as Record<string, string>;
    for (const id of ids) {
      const time = at.get(idKey(id));
      if (time !== undefined) times[id] = time;
    }
    return times;
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
  for (const change of local.changes()) published.apply(change);
  published.foldInKnowledgeOf(local);
  return published;
}
