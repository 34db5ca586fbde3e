import path from 'node:path';
import { z } from 'zod';
import { InputError } from './errors.js';
import { MAX_PAGE_SIZE } from './vivenu/vivenu-client.js';

export const MODES = ['sync', 'test', 'pull-only'] as const;
export type Mode = (typeof MODES)[number];

/** Every input, typed and checked once. Nothing below the doors reads raw inputs. */
export interface Settings {
  region: string;
  eventIds: string[];
  apiKey: string;
  mode: Mode;
  /** Origin of the Vivenu API (no trailing slash). */
  vivenuOrigin: string;
  pageSize: number;
  /** Absolute path, inside the workspace. */
  ticketsDir: string;
  workspace: string;
}

/** Raw input values by their action.yml names; empty or missing means "use the default". */
export type RawInputs = Readonly<Record<string, string | undefined>>;

/** The defaults action.yml declares; the CLI and tests use the same ones. */
export const INPUT_DEFAULTS = {
  mode: 'sync',
  'page-size': '100',
  'tickets-dir': 'purchased_tickets',
} as const satisfies RawInputs;

/** Regions whose tickets live on Vivenu's staging host. */
const STAGING_REGIONS = new Set(['DEV', 'TEST']);
export function defaultVivenuOrigin(region: string): string {
  return STAGING_REGIONS.has(region) ? 'https://vivenu.dev' : 'https://vivenu.com';
}

/** A value as shown in an error: quoted, escaped, and short. Never used for secrets. */
function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 60 ? `${quoted.slice(0, 57)}..."` : quoted;
}

type Context = z.RefinementCtx;
const problem = (ctx: Context, message: string): typeof z.NEVER => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

const region = z.string().transform((value, ctx) => {
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

const eventIds = z.string().transform((value, ctx) => {
  const ids = value.split(/[\s,]+/).filter(Boolean);
  if (ids.length === 0)
    return problem(ctx, 'event-id is required: one or more 24-character hex ids');
  const bad = ids.filter((id) => !/^[0-9a-fA-F]{24}$/.test(id));
  for (const id of bad) problem(ctx, `event-id ${shown(id)} is not a 24-character hex id`);
  if (bad.length > 0) return z.NEVER;
  return [...new Set(ids.map((id) => id.toLowerCase()))];
});

const apiKey = z.string().transform((value, ctx) => {
  const key = value.trim();
  if (key === '')
    return problem(ctx, "api-key is required: the region's Vivenu API key (secret <REGION>_API)");
  // Never echo a key, even a malformed one.
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[\s\u0000-\u001f\u007f]/.test(key))
    return problem(ctx, 'api-key contains spaces or control characters');
  return key;
});

const mode = z.string().transform((value, ctx) => {
  const chosen = value.trim().toLowerCase() || INPUT_DEFAULTS.mode;
  if (!(MODES as readonly string[]).includes(chosen)) {
    return problem(ctx, `mode ${shown(value)} is not one of ${MODES.join(', ')}`);
  }
  return chosen as Mode;
});

const vivenuUrl = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return problem(ctx, `vivenu-url ${shown(value)} is not a URL (for example https://vivenu.com)`);
  }
  // Checked first, so the value with its credentials is never echoed.
  if (url.username || url.password) return problem(ctx, 'vivenu-url must not contain credentials');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return problem(ctx, `vivenu-url ${shown(value)} must start with https:// or http://`);
  }
  return url.origin;
});

function wholeNumber(input: string, min: number, max: number, fallback: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= min && number <= max)) {
      return problem(ctx, `${input} ${shown(value)} must be a whole number from ${min} to ${max}`);
    }
    return number;
  });
}

function folderInside(input: string, workspace: string, fallback: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim() || fallback;
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    if (/[\u0000-\u001f\u007f]/.test(text))
      return problem(ctx, `${input} ${shown(value)} contains control characters`);
    const resolved = path.resolve(workspace, text);
    const relative = path.relative(workspace, resolved);
    const escapes =
      relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    if (relative === '' || escapes) {
      return problem(
        ctx,
        `${input} ${shown(value)} must be a folder inside the workspace (${workspace})`,
      );
    }
    return resolved;
  });
}

/**
 * Checks every input at once and reports every problem together, each naming the input and
 * the expected form, before anything touches the network.
 */
export function parseSettings(raw: RawInputs, workspace: string): Settings {
  const schema = z.object({
    region,
    'event-id': eventIds,
    'api-key': apiKey,
    mode,
    'vivenu-url': vivenuUrl,
    'page-size': wholeNumber('page-size', 1, MAX_PAGE_SIZE, INPUT_DEFAULTS['page-size']),
    'tickets-dir': folderInside('tickets-dir', workspace, INPUT_DEFAULTS['tickets-dir']),
  });
  const input = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, raw[name] ?? '']),
  );
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(result.error.issues.map((issue) => issue.message));

  const values = result.data;
  return {
    region: values.region,
    eventIds: values['event-id'],
    apiKey: values['api-key'],
    mode: values.mode,
    vivenuOrigin: values['vivenu-url'] ?? defaultVivenuOrigin(values.region),
    pageSize: values['page-size'],
    ticketsDir: values['tickets-dir'],
    workspace,
  };
}
