import { z } from 'zod';
import { ProgressFileError } from '../errors.js';
import { redactEmails } from '../vivenu/tickets.js';

/**
 * The progress file's format and its journal's, as read from disk: what a file or a journal
 * line must look like to be trusted, checked before anything is built from it. The earlier
 * tool's files are read too: its fields are the file's, and this tool only adds to them.
 */

export interface ProgressError {
  event_id: string;
  ticket_id: string;
  /** The receiver's HTTP status, or null for a network failure. */
  status: number | null;
  error: string;
  timestamp: string;
}

/**
 * One change to the progress, as the journal records it between saves. A delivery carries
 * when the receiver accepted it (`at`, ISO time to the second, from the run's clock); a change
 * from an older journal or file may not know it.
 */
export type ProgressChange =
  | { t: 'sent'; e: string; id: string; at?: string }
  | { t: 'error'; error: ProgressError }
  /**
   * Every eligible ticket of the event delivered, for the selection `for` names; without
   * `for` (journals before it), for the earlier tool's selection (see selectionKey).
   */
  | { t: 'processed'; e: string; for?: string }
  /**
   * A ticket sent again by redeliver mode, and the receiver's answer (null: none): kept apart
   * from `sent`, so a redelivery never changes what counts as delivered.
   */
  | { t: 'redelivered'; e: string; id: string; at: string; status: number | null };

/** One redelivery, as the progress file keeps it under its event (`redelivered`). */
export interface RedeliveryRecord {
  id: string;
  at: string;
  status: number | null;
}

/** The selection an event was completed for, as the progress file keeps it. */
export interface SelectionRecord {
  statuses: string[];
  name_contains: string;
  /** The cutoff (ISO time), when the selection had one. */
  sold_before?: string;
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
export function recordKey(record: SelectionRecord): string {
  const normalised: SelectionRecord = {
    statuses: [...new Set(record.statuses.map((s) => s.toUpperCase()))].sort(),
    name_contains: record.name_contains.toUpperCase(),
    ...(record.sold_before === undefined ? {} : { sold_before: record.sold_before }),
  };
  return JSON.stringify(normalised);
}

export function selectionRecordOf(key: string): SelectionRecord {
  return JSON.parse(key) as SelectionRecord;
}

const selectionSchema = z.object({
  statuses: z.array(z.string()),
  name_contains: z.string(),
  sold_before: z.string().optional(),
});

const fileSchema = z.looseObject({
  /** The receiver the deliveries went to (origin and path); files before it have none. */
  receiver: z.string().optional(),
  events_processed: z.array(z.string()).default([]),
  tickets_sent: z.number().int().nonnegative().default(0),
  errors: z.array(z.unknown()).default([]),
  errors_total: z.number().int().nonnegative().optional(),
  last_run: z.string().nullable().default(null),
  event_progress: z
    .record(
      z.string(),
      z.looseObject({
        sent_ticket_ids: z.array(z.string()).default([]),
        /** When each delivered ticket was accepted; files written before it have none. */
        sent_at: z.record(z.string(), z.string()).default({}),
        /**
         * Selections other than the earlier tool's the event was completed for (that one is
         * `events_processed`, which the earlier tool reads).
         */
        completed_for: z.array(selectionSchema).default([]),
        /** Tickets sent again by redeliver mode, with when and the answer. */
        redelivered: z
          .array(z.object({ id: z.string(), at: z.string(), status: z.number().int().nullable() }))
          .default([]),
      }),
    )
    .default({}),
});

/** A journal line, checked as the file is: only the changes this tool writes. */
const changeSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('sent'), e: z.string(), id: z.string(), at: z.string().optional() }),
  z.object({ t: z.literal('processed'), e: z.string(), for: z.string().optional() }),
  z.object({
    t: z.literal('redelivered'),
    e: z.string(),
    id: z.string(),
    at: z.string(),
    status: z.number().int().nullable(),
  }),
  z.object({
    t: z.literal('error'),
    error: z.object({
      event_id: z.string(),
      ticket_id: z.string(),
      status: z.number().int().nullable(),
      error: z.string(),
      timestamp: z.string(),
    }),
  }),
]);

/** A progress file's fields once checked; fields this tool does not know are kept too. */
export type ProgressFileData = z.output<typeof fileSchema>;

/**
 * The progress file's text, checked: its fields, or a ProgressFileError naming the file, what
 * is wrong with it and that it was left as it is.
 */
export function readProgressFile(text: string, file: string): ProgressFileData {
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
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProgressFileError(
      `progress file ${file} has an unexpected shape at ${issue?.path.join('.') || 'the top'} (${issue?.message}). It was left as it is.`,
    );
  }
  return parsed.data;
}

/** Characters a person does not see: controls (JSON's own white space aside) and formats. */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const codePoint = (c: string): string =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why the file is not JSON, in words a person can act on: JSON.parse's message (which may
 * quote the text around the fault) with invisible characters named (`U+200B`), cut to a line,
 * and where the first invisible character of the file is, if it has one; or, for a file saved
 * as UTF-16 (its bytes read as UTF-8 show NULs, or two U+FFFD for its mark), that.
 */
function jsonProblem(text: string, error: unknown): string {
  if (text.startsWith('\uFFFD\uFFFD') || text.slice(0, 200).includes('\u0000'))
    return 'it looks saved as UTF-16: save it as UTF-8';
  const message = error instanceof Error ? error.message : String(error);
  const named = message.replace(INVISIBLE, codePoint);
  const said = named.length > 200 ? `${named.slice(0, 200)}…` : named;
  INVISIBLE.lastIndex = 0;
  const hidden = INVISIBLE.exec(text);
  if (!hidden) return said;
  const before = text.slice(0, hidden.index).split('\n');
  return `${said}; the file holds an invisible character, ${codePoint(hidden[0])}, at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/**
 * A delivery's time as `sent_at` keeps it: ISO to the second, 20 characters, so the file grows
 * by one short timestamp per delivered ticket.
 */
export function deliveryTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
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
export function toProgressError(value: unknown): ProgressError {
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
