import { z } from 'zod';

/**
 * What the sync shows of an event: its name and dates, so an operator sees which event an id
 * is. Vivenu's Event object (`GET /api/events/<id>`; its OpenAPI description, vivenu-facts.md;
 * public clients of `https://vivenu.com/api/events` read `_id`, `name`, `start` and `end`, ISO
 * timestamps, found with the search tool) carries many more fields: ticket types, shops, texts.
 * Nothing here is personal data.
 */
export interface EventInfo {
  eventId: string;
  name: string;
  /** ISO timestamps as Vivenu sent them; null when missing or not a date. */
  start: string | null;
  end: string | null;
}

/** A name longer than this is cut for display: a title, not a description. */
const MAX_NAME_CHARACTERS = 120;

const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)))
  .nullish()
  .catch(null);

/** Only `name` is needed; dates that are missing or not dates are shown as unknown. */
const eventSchema = z.looseObject({
  name: z.string().trim().min(1),
  start: isoDate,
  end: isoDate,
});

/** The event's name and dates from Vivenu's answer, or why the answer is not an event. */
export function parseEventInfo(
  eventId: string,
  json: unknown,
): { info: EventInfo } | { problem: string } {
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `answer is not an event (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
    };
  }
  const name = parsed.data.name;
  return {
    info: {
      eventId,
      name: name.length > MAX_NAME_CHARACTERS ? `${name.slice(0, MAX_NAME_CHARACTERS - 1)}…` : name,
      start: parsed.data.start ?? null,
      end: parsed.data.end ?? null,
    },
  };
}

/** "2026-05-23", or "2026-05-23 to 2026-05-24" (UTC days), or "" when no date is known. */
export function eventDates(info: Pick<EventInfo, 'start' | 'end'>): string {
  const day = (iso: string | null): string | null =>
    iso === null ? null : new Date(iso).toISOString().slice(0, 10);
  const start = day(info.start);
  const end = day(info.end);
  if (start && end && start !== end) return `${start} to ${end}`;
  return start ?? end ?? '';
}

/**
 * The event as a person reads it: "HYROX Berlin (2026-05-23 to 2026-05-24)". The name is an
 * outside value: callers escape it for where it goes (logText, tableCell).
 */
export function eventTitle(info: EventInfo): string {
  const dates = eventDates(info);
  return dates ? `${info.name} (${dates})` : info.name;
}
