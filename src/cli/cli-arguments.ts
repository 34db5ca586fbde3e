import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { INPUT_SPECS, type OnTerminal, type RawInputs } from '../settings/settings.js';

export type CliCommand =
  | { kind: 'help' }
  | {
      kind: 'run';
      command: 'sync' | 'pull' | 'test' | 'redeliver';
      inputs: RawInputs;
      region: string;
    };

type Given<K extends OnTerminal['kind']> = Extract<OnTerminal, { kind: K }>;
const isKind = <K extends OnTerminal['kind']>(
  terminal: OnTerminal,
  kind: K,
): terminal is Given<K> => terminal.kind === kind;

/** The table's inputs the command line gives one way (inputs.ts, `terminal`), in its order. */
function onTerminal<K extends OnTerminal['kind']>(kind: K) {
  return INPUT_SPECS.flatMap(([name, { terminal }]) =>
    isKind(terminal, kind) ? [{ name, terminal }] : [],
  );
}

/** Flags that take a value, each the action input of the same name. */
const VALUE_FLAGS = onTerminal('value');
/** Flags that stand alone (`--dry-run`): the input is 'true' when given, else 'false'. */
const SWITCHES = onTerminal('switch');

/**
 * What a terminal sends where the action would take action.yml's default: a value flag's own
 * default on a terminal (no time budget), and the inputs a terminal always sets (nothing is
 * committed from it).
 */
const TERMINAL_INPUTS: RawInputs = Object.fromEntries([
  ...VALUE_FLAGS.flatMap(({ name, terminal }): [string, string][] =>
    terminal.terminalDefault === undefined ? [] : [[name, terminal.terminalDefault]],
  ),
  ...onTerminal('fixed').map(({ name, terminal }): [string, string] => [name, terminal.value]),
]);

/** Widest line of the help: the option lines wrap their text to stay inside it. */
const HELP_WIDTH = 100;

/**
 * Words of `text` in lines of at most `width` characters (a longer word stands alone); also
 * how build/action-yml.ts folds action.yml's descriptions.
 */
export function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The help's option lines, one per flag in the table's order, each default taken from the
 * table (`{default}` in a help text is action.yml's default): none is copied by hand.
 */
function optionLines(): string {
  const options: [string, string][] = [
    ...INPUT_SPECS.flatMap(([name, spec]): [string, string][] => {
      const terminal = spec.terminal;
      if (terminal.kind === 'switch') return [[`--${name}`, terminal.help]];
      if (terminal.kind !== 'value') return [];
      const help = terminal.help.replaceAll('{default}', spec.default ?? '');
      return [[`--${name} ${terminal.arg}`, help]];
    }),
    ['-h, --help', 'this help'],
  ];
  const column = Math.max(...options.map(([option]) => option.length)) + 2;
  return options
    .flatMap(([option, help]) =>
      wrapped(help, HELP_WIDTH - 2 - column).map(
        (line, index) => `  ${(index === 0 ? option : '').padEnd(column)}${line}`,
      ),
    )
    .join('\n');
}

export const HELP = `historical-sync: replay Vivenu tickets to the receiver as signed ticket.created webhooks.

Usage
  historical-sync <REGION> <EVENT_ID...>          sync: pull, select, deliver, record progress
  historical-sync pull <REGION> <EVENT_ID...>     pull only: write the tickets as files
  historical-sync --test <REGION> <EVENT_ID>      one delivery to the test endpoint
  historical-sync redeliver <REGION> <EVENT_ID> --ticket-ids ID,ID
                                                  send named tickets again (or: failed)

Keys come from the environment or a .env file in this folder:
  <REGION>_API     the region's Vivenu API key (PROD_API, DEV_API, ITALY_API, ...)
  VIVENU_SECRET    the receiver's HMAC key (without it deliveries go unsigned)
  <REGION>_WEBHOOK_LIVE_SINCE
                   when the region's live webhook went on: --sold-before's default

Options (the GitHub Action's inputs of the same names)
${optionLines()}

Examples
  historical-sync pull PROD 68108c20c5c88849372bfb61
  historical-sync --test DEV 6864d4f427c2aa9b05cd17ee
  historical-sync PROD 68108c20c5c88849372bfb61 --dry-run
  historical-sync PROD 68108c20c5c88849372bfb61 --target prod --limit 20
  historical-sync redeliver PROD 68108c20c5c88849372bfb61 --target prod --ticket-ids 6811a0c5e4b0d1f2a3b4c5d6

Progress is saved after every delivery; Ctrl-C stops cleanly, and the same command continues.
Exit code 0 when the run did what it was asked, 1 otherwise.`;

/**
 * The variable that says when the region's live webhook went on: `sold-before`'s default, in a
 * repository's variables for the form and in the environment or .env for the terminal.
 */
function liveSinceVariable(region: string): string {
  return `${region.toUpperCase()}_WEBHOOK_LIVE_SINCE`;
}

/**
 * The command line, translated into the action's inputs: the same names, the same checks
 * after this (parseSettings). `env` holds the environment and the .env file's values.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        test: { type: 'boolean' },
        ...Object.fromEntries(SWITCHES.map(({ name }) => [name, { type: 'boolean' as const }])),
        ...Object.fromEntries(VALUE_FLAGS.map(({ name }) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See historical-sync --help.`);
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { kind: 'help' };

  const words = [...positionals];
  const command =
    words[0] === 'pull' || words[0] === 'redeliver' ? words[0] : values.test ? 'test' : 'sync';
  if (['pull', 'sync', 'redeliver'].includes(words[0] ?? '')) words.shift();
  const [region = '', ...eventIds] = words;
  if (!region) throw new UsageError('Missing <REGION> and <EVENT_ID>. See historical-sync --help.');
  if (eventIds.length === 0)
    throw new UsageError('Missing <EVENT_ID>. See historical-sync --help.');
  if (command === 'test' && eventIds.length > 1)
    throw new UsageError('--test takes one <EVENT_ID>.');
  if (command === 'redeliver' && eventIds.length > 1)
    throw new UsageError('redeliver takes one <EVENT_ID>.');

  const keyVariable = `${region.toUpperCase()}_API`;
  const apiKey = env[keyVariable]?.trim();
  if (/^[A-Za-z0-9_]{1,32}$/.test(region) && !apiKey) {
    throw new UsageError(
      `${keyVariable} is not set: put the ${region.toUpperCase()} Vivenu API key in .env in this folder, or in the environment.`,
    );
  }

  const flagInputs = Object.fromEntries([
    ...VALUE_FLAGS.flatMap(({ name }): [string, string][] => {
      const value = values[name];
      return typeof value === 'string' ? [[name, value]] : [];
    }),
    ...SWITCHES.map(({ name }): [string, string] => [name, values[name] ? 'true' : 'false']),
  ]);
  const liveSince = env[liveSinceVariable(region)]?.trim();
  const inputs: RawInputs = {
    ...TERMINAL_INPUTS,
    ...(liveSince ? { 'sold-before': liveSince } : {}),
    ...flagInputs,
    region,
    'event-id': eventIds.join(','),
    'api-key': apiKey ?? '',
    'webhook-secret': env.VIVENU_SECRET ?? '',
    mode: command === 'pull' ? 'pull-only' : command,
  };
  return { kind: 'run', command, inputs, region: region.toUpperCase() };
}
