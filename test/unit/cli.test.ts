import { describe, expect, it } from 'vitest';
import { HELP, parseCommandLine } from '../../src/cli/cli-arguments.js';
import { UsageError } from '../../src/errors.js';
import { progressLine, shortDuration, terminalLogger } from '../../src/cli/terminal-logger.js';
import { textTable } from '../../src/cli/text-summary.js';
import {
  INPUT_SPECS,
  parseSettings,
  type OnTerminal,
  type RawInputs,
} from '../../src/settings/settings.js';

const EVENT = '68108c20c5c88849372bfb61';
const env = { PROD_API: 'k', DEV_API: 'd', VIVENU_SECRET: 's' };

const run = (argv: string[]) => {
  const command = parseCommandLine(argv, env);
  if (command.kind !== 'run') throw new Error('expected a run');
  return command;
};
const usageError = (argv: string[], environment: Record<string, string> = env): string => {
  try {
    parseCommandLine(argv, environment);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('parseCommandLine', () => {
  it('reads redeliver with its ticket-ids, for one event', () => {
    expect(run(['redeliver', 'PROD', EVENT, '--ticket-ids', 'failed'])).toMatchObject({
      command: 'redeliver',
      inputs: { mode: 'redeliver', 'ticket-ids': 'failed', 'event-id': EVENT },
    });
    expect(usageError(['redeliver', 'PROD', EVENT, EVENT.replace('6', '7')])).toBe(
      'redeliver takes one <EVENT_ID>.',
    );
  });

  it('takes sold-before from <REGION>_WEBHOOK_LIVE_SINCE in the environment or .env, the flag over it', () => {
    const live = { ...env, PROD_WEBHOOK_LIVE_SINCE: ' 2025-07-29 ' };
    const fromVariable = parseCommandLine(['PROD', EVENT], live);
    expect(fromVariable).toMatchObject({ inputs: { 'sold-before': '2025-07-29' } });
    const flag = parseCommandLine(['prod', EVENT, '--sold-before', 'none'], live);
    expect(flag).toMatchObject({ inputs: { 'sold-before': 'none' } });
    expect(parseSettings((flag as { inputs: RawInputs }).inputs, '/w').soldBefore).toBeUndefined();
    const other = parseCommandLine(['DEV', EVENT], live);
    expect((other as { inputs: RawInputs }).inputs['sold-before']).toBeUndefined();
  });

  it('reads the three commands as the earlier scripts were typed', () => {
    expect(run(['PROD', EVENT])).toMatchObject({
      command: 'sync',
      inputs: { mode: 'sync', region: 'PROD', 'event-id': EVENT },
    });
    expect(run(['pull', 'prod', EVENT, EVENT.replace('6', '7')])).toMatchObject({
      command: 'pull',
      region: 'PROD',
      inputs: { mode: 'pull-only', 'event-id': `${EVENT},${EVENT.replace('6', '7')}` },
    });
    expect(run(['--test', 'DEV', EVENT])).toMatchObject({
      command: 'test',
      inputs: { mode: 'test', 'api-key': 'd' },
    });
  });

  it('maps every flag to the action input of the same name', () => {
    const { inputs } = run([
      'PROD',
      EVENT,
      '--dry-run',
      '--resync',
      '--limit',
      '20',
      '--target',
      'prod',
      '--webhook-url',
      'https://r.example/x',
      '--interval',
      '0.5',
      '--vivenu-url',
      'https://v.example',
      '--page-size',
      '250',
      '--progress-file',
      'p.json',
      '--tickets-dir',
      't',
      '--statuses',
      'VALID',
      '--name-contains',
      'hia',
      '--max-runtime-minutes',
      '60',
    ]);
    expect(inputs).toMatchObject({
      'dry-run': 'true',
      resync: 'true',
      limit: '20',
      target: 'prod',
      'webhook-url': 'https://r.example/x',
      interval: '0.5',
      'vivenu-url': 'https://v.example',
      'page-size': '250',
      'progress-file': 'p.json',
      'tickets-dir': 't',
      statuses: 'VALID',
      'name-contains': 'hia',
      'max-runtime-minutes': '60',
      'api-key': 'k',
      'webhook-secret': 's',
      'commit-progress': 'false',
    });
    // The same checks as the action's inputs.
    const settings = parseSettings(inputs, '/tmp/folder');
    expect(settings).toMatchObject({
      limit: 20,
      target: 'prod',
      intervalSeconds: 0.5,
      pageSize: 250,
      dryRun: true,
    });
  });

  it('has no time budget on a terminal unless asked for', () => {
    expect(parseSettings(run(['PROD', EVENT]).inputs, '/tmp/f').maxRuntimeMinutes).toBe(100_000);
  });

  it('names the missing key variable', () => {
    expect(usageError(['ITALY', EVENT])).toBe(
      'ITALY_API is not set: put the ITALY Vivenu API key in .env in this folder, or in the environment.',
    );
    expect(usageError(['pull', 'dev', EVENT], { DEV_API: '  ' })).toMatch(/^DEV_API is not set/);
  });

  it('says what is missing or unknown', () => {
    expect(usageError([])).toMatch(/Missing <REGION> and <EVENT_ID>/);
    expect(usageError(['PROD'])).toMatch(/Missing <EVENT_ID>/);
    expect(usageError(['--test', 'PROD', EVENT, EVENT])).toBe('--test takes one <EVENT_ID>.');
    expect(usageError(['PROD', EVENT, '--bogus'])).toMatch(/Unknown option '--bogus'/);
  });

  it('answers --help', () => {
    expect(parseCommandLine(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'], {})).toEqual({ kind: 'help' });
  });
});

/** The inputs table's names whose terminal use is `kind`, in the table's order. */
const given = (kind: OnTerminal['kind']): string[] =>
  INPUT_SPECS.flatMap(([name, spec]) => (spec.terminal.kind === kind ? [name] : []));
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the command line, from the inputs table', () => {
  it('has these flags, in the table (action.yml) order', () => {
    expect(given('value')).toEqual([
      'vivenu-url',
      'page-size',
      'pull-concurrency',
      'tickets-dir',
      'target',
      'webhook-url',
      'interval',
      'statuses',
      'name-contains',
      'sold-before',
      'ticket-ids',
      'limit',
      'progress-file',
      'max-runtime-minutes',
      'request-timeout',
    ]);
    expect(given('switch')).toEqual(['dry-run', 'resync']);
  });

  it.each(given('value'))('--%s VALUE reaches the input of the same name', (name) => {
    expect(run(['PROD', EVENT, `--${name}`, 'given value']).inputs[name]).toBe('given value');
  });

  it.each(given('switch'))('--%s makes its input true, and its absence false', (name) => {
    expect(run(['PROD', EVENT, `--${name}`]).inputs[name]).toBe('true');
    expect(run(['PROD', EVENT]).inputs[name]).toBe('false');
  });

  it('sets what the command gives and the fixed values, and leaves out what a terminal does not take', () => {
    const { inputs } = run(['PROD', EVENT]);
    expect(given('command')).toEqual(['region', 'event-id', 'api-key', 'mode', 'webhook-secret']);
    for (const name of given('command')) expect(inputs[name], name).toBeTypeOf('string');
    const fixed = INPUT_SPECS.flatMap(([name, { terminal }]) =>
      terminal.kind === 'fixed' ? [[name, terminal.value] as const] : [],
    );
    expect(fixed).toEqual([['commit-progress', 'false']]);
    for (const [name, value] of fixed) expect(inputs[name], name).toBe(value);
    expect(given('absent')).toHaveLength(7);
    for (const name of given('absent')) expect(inputs, name).not.toHaveProperty(name);
  });

  const valueFlags = INPUT_SPECS.flatMap(([name, { terminal, default: fallback }]) =>
    terminal.kind === 'value' ? [{ name, terminal, fallback: fallback ?? '' }] : [],
  );

  it.each(valueFlags.map((flag) => [flag.name, flag] as const))(
    '--help lists --%s with its argument',
    (name, { terminal }) => {
      const line = HELP.split('\n').find((text) => text.startsWith(`  --${name} `));
      expect(line).toMatch(new RegExp(`^  --${name} ${escaped(terminal.arg)} +\\S`));
    },
  );

  const withDefault = valueFlags.filter((flag) => flag.fallback !== '');
  it.each(withDefault.map((flag) => [flag.name, flag.fallback, flag] as const))(
    "--%s's help says its default (%s) through {default}, never copied by hand",
    (_name, fallback, { terminal }) => {
      expect(terminal.help).not.toMatch(new RegExp(`default:? ${escaped(fallback)}\\b`));
    },
  );

  it('has value flags with a default of their own (the cases above are not empty)', () => {
    expect(withDefault.map((flag) => flag.name)).toEqual([
      'page-size',
      'pull-concurrency',
      'tickets-dir',
      'target',
      'interval',
      'statuses',
      'name-contains',
      'limit',
      'max-runtime-minutes',
      'request-timeout',
    ]);
  });

  it('--help shows each default the table has, and no placeholder or line over 100 columns', () => {
    expect(HELP).toContain(
      '--interval SECONDS         seconds between delivery starts (default 1.8)',
    );
    expect(HELP).toContain('(default VALID,DETAILSREQUIRED)');
    expect(HELP).toContain(
      '--limit N                  deliver at most N tickets this run (default 0: all;',
    );
    expect(HELP).toContain('  --dry-run                  pull, select and show the plan;');
    expect(HELP).toContain('  -h, --help                 this help');
    expect(HELP).not.toContain('{default}');
    for (const line of HELP.split('\n').filter((text) => text.startsWith('  -')))
      expect(line.length, line).toBeLessThanOrEqual(100);
  });
});

describe('terminal output', () => {
  it('formats the live progress line from the pace so far', () => {
    // 120 done, the first 119 gaps took 214.2 s: 1.8 s each; 630 left at 1.8 s = 18.9 min.
    expect(progressLine(120, 750, 214_200, 1.8)).toBe('[120/750] 16% · 1.8 s pace · ETA 19m');
    // Slower than the interval: the ETA follows the measured pace.
    expect(progressLine(11, 21, 30_000, 1.8)).toBe('[11/21] 52% · 3.0 s pace · ETA 30s');
    expect(shortDuration(3_900_000)).toBe('1h 05m');
  });

  it('rewrites one live line on a terminal, and prints plain lines elsewhere', () => {
    const written: string[] = [];
    let now = 0;
    const tty = terminalLogger(
      { isTTY: true, write: (text: string) => written.push(text) },
      1.8,
      () => now,
    );
    tty.progress!({ done: 1, total: 3, line: '[1/3] sent a (X)' });
    now = 1_800;
    tty.progress!({ done: 2, total: 3, line: '[2/3] sent b (X)' });
    tty.info('done');
    expect(written).toEqual([
      '\r\x1b[2K[1/3] 33% · 1.8 s pace · ETA 4s',
      '\r\x1b[2K[2/3] 66% · 1.8 s pace · ETA 2s',
      '\r\x1b[2K',
      'done\n',
    ]);

    const plain = terminalLogger({ isTTY: false, write: () => undefined }, 1.8);
    expect('progress' in plain).toBe(false);
  });

  it('aligns a text table', () => {
    expect(
      textTable(
        ['Event', 'Sent'],
        [
          ['a', '1'],
          ['bbb', '1,000'],
        ],
      ),
    ).toBe(['Event   Sent', '-----  -----', 'a          1', 'bbb    1,000'].join('\n'));
  });
});
