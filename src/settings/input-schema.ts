import { z } from 'zod';
import { FAILED_TICKETS } from './input-checks.js';
import { INPUT_SPECS, type INPUTS } from './inputs.js';

type Table = typeof INPUTS;
/** Each input's schema, by name, with the type its check gives (the table's `check`s). */
type Shape = { -readonly [K in keyof Table]: ReturnType<Table[K]['check']> };

/**
 * Every input's check, by its action.yml name, made from the table (inputs.ts). `rawRegion` is
 * the `region` input as given: an empty api-key's problem names the repository secret it should
 * come from (`PROD_API`).
 */
export function inputSchema(rawRegion: string, workspace: string) {
  const shape = Object.fromEntries(
    INPUT_SPECS.map(([name, spec]) => [
      name,
      spec.check({ name, fallback: spec.default ?? '', workspace, rawRegion }),
    ]),
  );
  // Object.fromEntries forgets which check each name has; the table's types say it.
  return z.object(shape as Shape);
}

/**
 * Problems only two inputs together show: `ticket-ids` is what redeliver mode sends, and
 * means nothing to another mode (a silent no-op would hide a mistyped mode).
 */
export function crossInputProblems(values: CheckedInputs): string[] {
  const ids = values['ticket-ids'];
  const given = ids === FAILED_TICKETS || ids.length > 0;
  if (values.mode === 'redeliver' && !given)
    return [
      `ticket-ids is required in redeliver mode: the _ids of the tickets to send again (from the ledger or the summary), or ${FAILED_TICKETS}`,
    ];
  if (values.mode !== 'redeliver' && given)
    return [
      `ticket-ids is only for mode redeliver (mode is ${values.mode}): clear it, or set mode to redeliver`,
    ];
  if (values.mode === 'redeliver' && values['event-id'].length > 1)
    return [
      `redeliver takes one event-id (${values['event-id'].length} were given): the event the ticket-ids belong to`,
    ];
  return [];
}

/** The inputs once every check passed: each a value of its own type, defaults not yet filled. */
export type CheckedInputs = z.output<ReturnType<typeof inputSchema>>;
