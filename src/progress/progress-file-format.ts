import { z } from 'zod';
import { ProgressFileError } from '../errors.js';
import { redactEmails } from '../vivenu/tickets.js';
import { jsonProblem } from './json-problem.js';

/**
 * The progress file's format, in one place: its schema (the types below are inferred from it),
 * how a file is read into the words Progress uses (readProgressFile) and written back
 * (progressFileText), its journal's lines, and which formats this code reads.
 *
 * Whose fields are whose. The earlier Python tool wrote `events_processed`, `tickets_sent`,
 * `errors`, `last_run` and, per event, six keys (`sent_ticket_ids` and the five
 * earlier-tool-keys.ts derives); it reads them back and keeps any other top-level key as it was
 * (docs/sources.md, "Its progress file"). This tool adds `format`, `region`, `receiver`,
 * `errors_total` and, per event, `sent`, `sent_at`, `completed_for` and `redelivered`. A field
 * neither knows is kept as it was, at the top and in each event: the schema's shape is the list
 * of fields this tool knows, and everything else is carried through.
 *
 * How two copies merge (mergeProgress in progress.ts, when the branch's copy moved on): the
 * published copy is the base and every change of this machine is applied to it, so delivered
 * ids, `sent_at` (the first time wins), `events_processed`, `completed_for`, `redelivered` and
 * `errors` (the latest MAX_ERRORS_KEPT) are unions, `tickets_sent` grows by the tickets the
 * published copy did not have, `errors_total` by the errors it did not have; the earlier tool's
 * keys are computed again from the merged ids (Progress.foldInKnowledgeOf), never copied from
 * either side; a copy of another `receiver` is refused; unknown fields are the published copy's.
 */

/**
 * The format this code writes, and the newest it reads. A file without `format` is the earlier
 * tool's (or one of this tool's first ones); 2 is this tool's before `receiver`,
 * `completed_for` and `redelivered`; 3 may hold those three. 2 and 3 are read alike (the three
 * are optional). Versions of this action that wrote 2 never look at `format` and keep every
 * field they do not know, at the top and in each event, so they still read a format-3 file and
 * write the three back as they found them (with `"format": 2`). A newer file is refused
 * (readProgressFile): its fields may mean what this code cannot tell, and writing it back in
 * an older format would lose that.
 */
export const PROGRESS_FORMAT = 3;

/** The earlier tool's own `last_processed_index` before it handled any ticket. */
export const NO_TICKET_HANDLED = -1;

/** A count as the earlier tool writes it: an integer, at least `min`. */
const earlierCount = (min: number) => z.number().min(min).refine(Number.isInteger);

/**
 * The earlier tool's five keys beside `sent_ticket_ids`, as read: a value of the wrong type is
 * read as absent and computed again (all five follow from the sent ids and the eligible list,
 * so nothing is lost).
 */
const earlierKeysRead = z.object({
  /** Eligible tickets of the event, as of the run that last pulled it. */
  total_tickets: earlierCount(0).optional().catch(undefined),
  /** Of those, how many were delivered (so `processed >= total` means all of them). */
  processed_tickets: earlierCount(0).optional().catch(undefined),
  /** Where the earlier tool's `--resume` starts, less one: always -1 here (earlier-tool-keys.ts). */
  last_processed_index: earlierCount(NO_TICKET_HANDLED).optional().catch(undefined),
  /** `pending` (none delivered), `in_progress` or `completed` (all eligible delivered). */
  status: z.enum(['pending', 'in_progress', 'completed']).optional().catch(undefined),
  /** Runs that delivered at least one ticket of the event. */
  batches_completed: earlierCount(0).optional().catch(undefined),
});

type EarlierKeysRead = z.output<typeof earlierKeysRead>;
/** The five keys as this tool writes them: every one, in every event entry. */
export type EarlierToolKeys = {
  [K in keyof EarlierKeysRead]-?: Exclude<EarlierKeysRead[K], undefined>;
};
export type EarlierStatus = EarlierToolKeys['status'];

/** The earlier tool's keys found in an event entry; a value of the wrong type is left out. */
export function readEarlierKeys(entry: Record<string, unknown>): Partial<EarlierToolKeys> {
  const read = earlierKeysRead.parse(entry);
  return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined));
}

/** A selection an event was completed for (`completed_for`), as the file keeps it. */
const selectionSchema = z.object({
  statuses: z.array(z.string()),
  name_contains: z.string(),
  /** The cutoff (ISO time), when the selection had one. */
  sold_before: z.string().optional(),
});
export type SelectionRecord = z.output<typeof selectionSchema>;

/** One redelivery (redeliver mode) as the file keeps it under its event (`redelivered`). */
const redeliverySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** The receiver's HTTP status, or null for no answer. */
  status: z.number().int().nullable(),
});
export type RedeliveryRecord = z.output<typeof redeliverySchema>;

/** One failed delivery, as `errors` keeps it and a journal line records it. */
const errorSchema = z.object({
  event_id: z.string(),
  ticket_id: z.string(),
  /** The receiver's HTTP status, or null for a network failure. */
  status: z.number().int().nullable(),
  error: z.string(),
  timestamp: z.string(),
});
export type ProgressError = z.output<typeof errorSchema>;

/** One event's entry in `event_progress`. */
const eventSchema = z.looseObject({
  ...earlierKeysRead.shape,
  /** Written as the number of `sent_ticket_ids`; read, it says nothing they do not. */
  sent: z.unknown().optional(),
  sent_ticket_ids: z.array(z.string()).default([]),
  /** When each delivered ticket was accepted (deliveryTime); files written before it have none. */
  sent_at: z.record(z.string(), z.string()).default({}),
  /**
   * Selections other than the earlier tool's the event was completed for (that one is
   * `events_processed`, which the earlier tool reads).
   */
  completed_for: z.array(selectionSchema).default([]),
  /** Tickets sent again by redeliver mode, with when and the answer. */
  redelivered: z.array(redeliverySchema).default([]),
  /** Dropped when read, as every version of this tool has done; none writes it. */
  last_sent_at: z.unknown().optional(),
});

const fileSchema = z.looseObject({
  /** Checked before the shape (refuseNewerFormat); a value that is not a number says nothing. */
  format: z.unknown().optional(),
  /** Written from the run's region; what the file said is not read. */
  region: z.unknown().optional(),
  /** The receiver the deliveries went to (origin and path); files before it have none. */
  receiver: z.string().optional(),
  events_processed: z.array(z.string()).default([]),
  tickets_sent: z.number().int().nonnegative().default(0),
  /** The earlier tool's entries may lack fields: each is read by toProgressError. */
  errors: z.array(z.unknown()).default([]),
  errors_total: z.number().int().nonnegative().optional(),
  last_run: z.string().nullable().default(null),
  event_progress: z.record(z.string(), eventSchema).default({}),
});

/** Fields this tool reads and writes itself; any other is kept as it was. */
const KNOWN_FIELDS = new Set(Object.keys(fileSchema.shape));
const KNOWN_EVENT_FIELDS = new Set(Object.keys(eventSchema.shape));

/**
 * A progress file's contents in the words Progress uses: what readProgressFile gives (the
 * earlier tool's keys as far as the file had them, `Partial`) and progressFileText writes.
 */
export interface ProgressFileContents<Keys = EarlierToolKeys> {
  receiver: string | undefined;
  eventsProcessed: string[];
  ticketsSent: number;
  /** Read: every error the file has; Progress keeps the latest MAX_ERRORS_KEPT. */
  errors: ProgressError[];
  errorsTotal: number;
  lastRun: string | null;
  /** Top-level fields this tool does not know (an earlier tool's, a newer version's). */
  unknownFields: Record<string, unknown>;
  events: EventContents<Keys>[];
}

export interface EventContents<Keys> {
  /** The event's id as the file spells it (an earlier tool's may be upper case). */
  id: string;
  earlierKeys: Keys;
  /** The delivered tickets in delivery order, each with when it was accepted, where known. */
  delivered: readonly { id: string; at: string | undefined }[];
  /** The selectionKey of each selection in `completed_for`. */
  completedFor: readonly string[];
  redelivered: readonly RedeliveryRecord[];
  unknownFields: Record<string, unknown>;
}

/**
 * The progress file's text, checked: its contents, or a ProgressFileError naming the file,
 * what is wrong with it and that it was left as it is. A newer format is refused before the
 * shape is looked at, so the message says to update the action, not that the file is damaged.
 */
export function readProgressFile(
  text: string,
  file: string,
): ProgressFileContents<Partial<EarlierToolKeys>> {
  // Some editors save a UTF-8 file with a byte order mark (issue 23, row 6). RFC 8259, 8.1:
  // JSON text must not start with one, and a parser may ignore one: this one does.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ProgressFileError(
      `progress file ${file} is not valid JSON (${jsonProblem(body, error)}). It was left as it is: fix it or move it away, then run again.`,
    );
  }
  refuseNewerFormat(json, file);
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProgressFileError(
      `progress file ${file} has an unexpected shape at ${issue?.path.join('.') || 'the top'} (${issue?.message}). It was left as it is.`,
    );
  }
  const data = parsed.data;
  return {
    receiver: data.receiver,
    eventsProcessed: data.events_processed,
    ticketsSent: data.tickets_sent,
    errors: data.errors.map(toProgressError),
    // The earlier tool keeps no total: its list is all there is.
    errorsTotal: Math.max(data.errors_total ?? 0, data.errors.length),
    lastRun: data.last_run,
    unknownFields: fieldsOutside(data, KNOWN_FIELDS),
    events: Object.entries(data.event_progress).map(([id, entry]) => ({
      id,
      earlierKeys: readEarlierKeys(entry),
      // A time for an id not in sent_ticket_ids says nothing: it is dropped with the next save.
      delivered: entry.sent_ticket_ids.map((ticketId) => ({
        id: ticketId,
        at: Object.hasOwn(entry.sent_at, ticketId) ? entry.sent_at[ticketId] : undefined,
      })),
      completedFor: entry.completed_for.map(recordKey),
      redelivered: entry.redelivered,
      unknownFields: fieldsOutside(entry, KNOWN_EVENT_FIELDS),
    })),
  };
}

function refuseNewerFormat(json: unknown, file: string): void {
  const format =
    typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (typeof format !== 'number' || format <= PROGRESS_FORMAT) return;
  throw new ProgressFileError(
    `progress file ${file} is format ${format}, written by a newer version of this action (this one reads up to ${PROGRESS_FORMAT}): ` +
      'update the action (the `uses:` ref or dist/) before running again. It was left as it is.',
  );
}

function fieldsOutside(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !known.has(key)));
}

/**
 * The file's text for `contents`: the earlier tool's fields first within each event (after any
 * unknown ones, where they were), then the per-event delivered ids, one per line.
 */
export function progressFileText(contents: ProgressFileContents, region: string): string {
  const eventProgress: Record<string, z.input<typeof eventSchema>> = {};
  for (const event of contents.events) {
    const times = event.delivered.flatMap(({ id, at }) =>
      at === undefined ? [] : [[id, at] as const],
    );
    eventProgress[event.id] = {
      ...event.unknownFields,
      ...event.earlierKeys,
      sent: event.delivered.length,
      sent_ticket_ids: event.delivered.map((delivery) => delivery.id),
      // Only where some time is known: a file of an earlier tool stays as it was otherwise.
      ...(times.length > 0 ? { sent_at: Object.fromEntries(times) } : {}),
      ...(event.completedFor.length > 0
        ? { completed_for: [...event.completedFor].sort().map(selectionRecordOf) }
        : {}),
      ...(event.redelivered.length > 0 ? { redelivered: [...event.redelivered] } : {}),
    };
  }
  const file = {
    ...contents.unknownFields,
    format: PROGRESS_FORMAT,
    region,
    ...(contents.receiver === undefined ? {} : { receiver: contents.receiver }),
    events_processed: contents.eventsProcessed,
    tickets_sent: contents.ticketsSent,
    errors: contents.errors,
    errors_total: contents.errorsTotal,
    last_run: contents.lastRun,
    event_progress: eventProgress,
  } satisfies z.input<typeof fileSchema>;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A delivery's time as `sent_at` keeps it: ISO to the second, 20 characters, so the file grows
 * by one short timestamp per delivered ticket.
 */
export function deliveryTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One text per selection, the same whatever the order or case the inputs were given in: the
 * record as JSON, statuses sorted and upper-case, the name upper-case (it is matched
 * case-insensitively, so its case says nothing), the cutoff as an ISO time.
 */
export function selectionKey(selection: {
  statuses: readonly string[];
  nameContains: string;
  soldBefore?: { iso: string } | undefined;
}): string {
  return recordKey({
    statuses: [...selection.statuses],
    name_contains: selection.nameContains,
    ...(selection.soldBefore ? { sold_before: selection.soldBefore.iso } : {}),
  });
}

/** The selectionKey of a selection as the progress file records it. */
function recordKey(record: SelectionRecord): string {
  const normalised: SelectionRecord = {
    statuses: [...new Set(record.statuses.map((s) => s.toUpperCase()))].sort(),
    name_contains: record.name_contains.toUpperCase(),
    ...(record.sold_before === undefined ? {} : { sold_before: record.sold_before }),
  };
  return JSON.stringify(normalised);
}

function selectionRecordOf(key: string): SelectionRecord {
  return JSON.parse(key) as SelectionRecord;
}

/**
 * One change to the progress, as a journal line records it between saves (and as Progress
 * applies it): checked as the file is, only the changes this tool writes.
 */
const changeSchema = z.discriminatedUnion('t', [
  /**
   * A delivery, with when the receiver accepted it (`at`, deliveryTime of the run's clock); a
   * change from an older journal or file may not know it.
   */
  z.object({ t: z.literal('sent'), e: z.string(), id: z.string(), at: z.string().optional() }),
  /**
   * Every eligible ticket of the event delivered, for the selection `for` names (a
   * selectionKey); without `for` (journals before it), for the earlier tool's selection.
   */
  z.object({ t: z.literal('processed'), e: z.string(), for: z.string().optional() }),
  /**
   * A ticket sent again by redeliver mode, and the receiver's answer (null: none): kept apart
   * from `sent`, so a redelivery never changes what counts as delivered.
   */
  z.object({ t: z.literal('redelivered'), e: z.string(), ...redeliverySchema.shape }),
  z.object({ t: z.literal('error'), error: errorSchema }),
]);
export type ProgressChange = z.output<typeof changeSchema>;

/** A change as one journal line, its new line included. */
export function journalLine(change: ProgressChange): string {
  return `${JSON.stringify(change)}\n`;
}

/** One journal line as a change, or what is wrong with it (for an error naming the line). */
export function parseChange(line: string): ProgressChange | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'is not valid JSON';
  }
  const parsed = changeSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `is not a change this tool records (at ${issue?.path.join('.') || 'the top'}: ${issue?.message})`;
}

/** An error entry as found in a file; the earlier tool's may lack fields. */
function toProgressError(value: unknown): ProgressError {
  const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const text = (key: string): string => (typeof entry[key] === 'string' ? entry[key] : '');
  return {
    event_id: text('event_id'),
    ticket_id: text('ticket_id'),
    status: typeof entry.status === 'number' ? entry.status : null,
    // An earlier tool kept whole answers here; keep the gist, never an email address.
    error: redactEmails(text('error') || (typeof value === 'string' ? value : '')).slice(0, 300),
    timestamp: text('timestamp'),
  };
}
