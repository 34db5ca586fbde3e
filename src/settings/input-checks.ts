import path from 'node:path';
import { z } from 'zod';
import { TICKET_STATUSES } from './input-defaults.js';

/**
 * The checks the inputs table (inputs.ts) gives each input: a zod transform from the raw text
 * to its value. Every problem is reported with the input's name and the form expected, and no
 * value is echoed that may hold a secret. Only the shape of each value: what the disk says
 * about the paths is settings.ts's.
 */

/** What a check knows besides the value. */
export interface CheckContext {
  /** The input's action.yml name: the generic checks start their problems with it. */
  name: string;
  /** action.yml's default, for an empty value ('' for a required input). */
  fallback: string;
  workspace: string;
  /** The `region` input as given: an empty api-key's problem names its secret (`PROD_API`). */
  rawRegion: string;
}

/** One input's check, made for a run's context; its output is the input's checked value. */
export type Check = (context: CheckContext) => z.ZodType<unknown, string>;

/** A value as shown in an error: quoted, escaped, and short. Never used for secrets. */
export function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}

type Context = z.RefinementCtx;
const problem = (ctx: Context, message: string): typeof z.NEVER => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

export const region = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === '') return problem(ctx, 'region is required (for example PROD or DEV)');
  if (!/^[A-Za-z0-9_]{1,32}$/.test(trimmed)) {
    return problem(
      ctx,
      `region ${shown(value)} must be 1 to 32 letters, digits or _ (for example PROD)`,
    );
  }
  return trimmed.toUpperCase();
});

const EVENT_ID = /^[0-9a-f]{24}$/i;
/** A 24-hex id standing alone in a path segment, or at the end of a slug ("name-<id>"). */
const EVENT_ID_IN_PATH = /(?:^|[^0-9a-z])([0-9a-f]{24})(?=$|[^0-9a-z])/gi;

/**
 * The event id in one `event-id` entry: the id itself, or a URL whose path holds it, as operators
 * copy it from the browser (the dashboard's event pages, `dashboard.vivenu.com/events/<id>/...`,
 * the way its ticket pages are `dashboard.vivenu.com/tickets/<id>` in public code found with the
 * search tool; or a shop page whose path ends in the id). Only the path counts: an id in a query
 * may be anything (a shop, a filter). Public shop links `vivenu.com/event/<name>-<code>` carry a
 * 6-character code, not the id, so they are refused with a way out.
 */
export function eventIdOf(entry: string): { id: string } | { problem: string } {
  if (EVENT_ID.test(entry)) return { id: entry.toLowerCase() };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
  // A host name then a path ("dashboard.vivenu.com/events/..."), as a browser's address bar copies it.
  const hasHost = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(entry);
  if (!hasScheme && !hasHost) {
    return {
      problem: `event-id ${shown(entry)} is not a 24-character hex id`,
    };
  }
  const text = hasScheme ? entry : `https://${entry}`;
  // Checked before anything echoes the value, so a password in it is never shown.
  if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
    return { problem: 'event-id must not contain credentials' };
  if (!URL.canParse(text)) return { problem: `event-id ${shown(entry)} is not a URL` };
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `event-id ${shown(entry)} must be an id, or a URL starting with https://` };
  }
  const ids = [
    ...new Set(
      [...url.pathname.matchAll(EVENT_ID_IN_PATH)].map((match) => match[1]!.toLowerCase()),
    ),
  ];
  if (ids.length === 1) return { id: ids[0]! };
  if (ids.length === 0) {
    return {
      problem:
        `event-id ${shown(entry)} holds no 24-character hex event id in its path: copy the event's page ` +
        `in the Vivenu dashboard (dashboard.vivenu.com/events/<id>), or the id itself (a shop link ` +
        `vivenu.com/event/<name>-<code> carries a short code, not the id)`,
    };
  }
  return {
    problem: `event-id ${shown(entry)} holds ${ids.length} different event ids in its path (${ids.join(', ')}): give the one meant, by itself`,
  };
}

export const eventIds = z.string().transform((value, ctx) => {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0)
    return problem(
      ctx,
      'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them',
    );
  const found = entries.map(eventIdOf);
  for (const result of found) if ('problem' in result) problem(ctx, result.problem);
  if (found.some((result) => 'problem' in result)) return z.NEVER;
  return [...new Set(found.map((result) => (result as { id: string }).id))];
});

export function apiKey({ rawRegion }: CheckContext) {
  const region = rawRegion.trim();
  const secret = /^[A-Za-z0-9_]{1,32}$/.test(region)
    ? `${region.toUpperCase()}_API`
    : '<REGION>_API';
  return z.string().transform((value, ctx) => {
    const key = value.trim();
    if (key === '')
      return problem(
        ctx,
        `api-key is empty: set it to the region's Vivenu API key (repository secret ${secret})`,
      );
    // Never echo a key, even a malformed one.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\s\u0000-\u001f\u007f]/.test(key))
      return problem(ctx, 'api-key contains spaces or control characters');
    return key;
  });
}

/** An http(s) URL, or undefined when empty (the run's own default then). */
export const httpUrl =
  (example: string) =>
  ({ name: input }: CheckContext) =>
    z.string().transform((value, ctx) => {
      const text = value.trim();
      if (text === '') return undefined;
      // Checked before anything echoes the value, so a password in it is never shown.
      if (/^[^/?#]*\/\/[^/?#]*@/.test(text))
        return problem(ctx, `${input} must not contain credentials`);
      // The URL parser would quietly drop a tab or new line inside: refuse instead of guessing.
      // eslint-disable-next-line no-control-regex -- control characters are what this rejects
      if (/[\u0000-\u001f\u007f]/.test(text))
        return problem(ctx, `${input} ${shown(value)} contains control characters`);
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return problem(ctx, `${input} ${shown(value)} is not a URL (for example ${example})`);
      }
      if (url.username || url.password)
        return problem(ctx, `${input} must not contain credentials`);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return problem(ctx, `${input} ${shown(value)} must start with https:// or http://`);
      }
      return url;
    });

export const choice =
  <T extends string>(options: readonly T[]) =>
  ({ name: input, fallback }: CheckContext) =>
    z.string().transform((value, ctx) => {
      const chosen = value.trim().toLowerCase() || fallback;
      if (!(options as readonly string[]).includes(chosen)) {
        return problem(ctx, `${input} ${shown(value)} is not one of ${options.join(', ')}`);
      }
      return chosen as T;
    });

/** YAML 1.2's booleans, as `core.getBooleanInput` reads them. */
export const boolean = ({ name: input, fallback }: CheckContext) =>
  z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    if (['true', 'True', 'TRUE'].includes(text)) return true;
    if (['false', 'False', 'FALSE'].includes(text)) return false;
    return problem(ctx, `${input} ${shown(value)} must be true or false`);
  });

export const decimal =
  (min: number, max: number, minExclusive = false) =>
  ({ name: input, fallback }: CheckContext) =>
    z.string().transform((value, ctx) => {
      const text = value.trim() || fallback;
      const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      const aboveMin = minExclusive ? number > min : number >= min;
      if (!(aboveMin && number <= max)) {
        const range = minExclusive ? `above ${min} and at most ${max}` : `from ${min} to ${max}`;
        return problem(
          ctx,
          `${input} ${shown(value)} must be a number ${range} (decimals allowed)`,
        );
      }
      return number;
    });

export const statuses = ({ fallback }: CheckContext) =>
  z.string().transform((value, ctx) => {
    const list = (value.trim() || fallback)
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((status) => status.toUpperCase());
    const unknown = list.filter(
      (status) => !(TICKET_STATUSES as readonly string[]).includes(status),
    );
    for (const status of unknown) {
      problem(
        ctx,
        `statuses ${shown(status)} is not a Vivenu ticket status (${TICKET_STATUSES.join(', ')})`,
      );
    }
    return unknown.length > 0 ? z.NEVER : [...new Set(list)];
  });

export const nameContains = ({ fallback }: CheckContext) =>
  z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    if (text.length > 100)
      return problem(ctx, `name-contains ${shown(value)} must be at most 100 characters`);
    return text;
  });

/** No cutoff, even where a repository variable would set one (the form's default). */
export const NO_CUTOFF = 'none';

/**
 * `sold-before`: an ISO 8601 date (`2025-07-29`, midnight UTC) or date and time
 * (`2025-07-29T15:30`, `…:00Z`, `…+02:00`; UTC when no zone is given), or `none`. A date that
 * does not exist (`2025-02-30`) is refused rather than rolled over.
 */
export const soldBefore = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '' || text.toLowerCase() === NO_CUTOFF) return undefined;
  const match =
    /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)?)?$/i.exec(
      text,
    );
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = ''] =
    match ?? [];
  const zone = match?.[8] ?? 'Z';
  const ms = match
    ? Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`)
    : Number.NaN;
  // Date.parse rolls 2025-02-30 over to March: the date must come back as written.
  const local = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const exists =
    match !== null &&
    local.getUTCMonth() === Number(month) - 1 &&
    local.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60;
  if (!Number.isFinite(ms) || !exists) {
    return problem(
      ctx,
      `sold-before ${shown(value)} is not a date (2025-07-29) or date and time (2025-07-29T15:30, UTC unless a zone such as +02:00 is given), nor ${NO_CUTOFF}`,
    );
  }
  return { ms, iso: new Date(ms).toISOString() };
});

/** Every ticket of the events whose last delivery failed (the ledger's `failed`). */
export const FAILED_TICKETS = 'failed';
const TICKET_ID = /^[0-9a-f]{24}$/i;

/**
 * `ticket-ids` (redeliver mode): ticket `_id`s, 24 hex characters each (Vivenu's ids are
 * MongoDB ObjectIds), separated by commas, spaces or new lines; or `failed`. Lower-cased, as
 * the progress file matches ids.
 */
export const ticketIds = z.string().transform((value, ctx): string[] | typeof FAILED_TICKETS => {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === FAILED_TICKETS) return FAILED_TICKETS;
  const bad = entries.filter((entry) => !TICKET_ID.test(entry));
  for (const entry of bad.slice(0, 5))
    problem(
      ctx,
      `ticket-ids ${shown(entry)} is not a ticket _id (24 hex characters, as in the ledger), nor ${FAILED_TICKETS}`,
    );
  if (bad.length > 0) return z.NEVER;
  return [...new Set(entries.map((entry) => entry.toLowerCase()))];
});

export const wholeNumber =
  (min: number, max: number) =>
  ({ name: input, fallback }: CheckContext) =>
    z.string().transform((value, ctx) => {
      const text = value.trim() || fallback;
      const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!(number >= min && number <= max)) {
        return problem(
          ctx,
          `${input} ${shown(value)} must be a whole number from ${min} to ${max}`,
        );
      }
      return number;
    });

/** A path inside the workspace, resolved; undefined when empty (the run's own default then). */
export const fileInside = ({ name: input, workspace }: CheckContext) =>
  z.string().transform((value, ctx) => {
    const text = value.trim();
    if (text === '') return undefined;
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
      return problem(ctx, `${input} ${shown(value)} contains control characters`);
    const resolved = path.resolve(workspace, text);
    const relative = path.relative(workspace, resolved);
    const escapes =
      relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    if (relative === '' || escapes) {
      return problem(ctx, `${input} ${shown(value)} must be inside the workspace (${workspace})`);
    }
    return resolved;
  });

/** Any text, trimmed: a secret pasted with a trailing new line would sign every body wrongly. */
export const trimmed = z.string().transform((value) => value.trim());
