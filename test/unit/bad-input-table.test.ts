import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  defaultProgressFile,
  defaultVivenuOrigin,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  parseSettings,
  SECRET_INPUTS,
  receiverAt,
  WEBHOOK_TARGETS,
  type RawInputs,
  type Settings,
} from '../../src/settings/settings.js';
import { MAX_PAGE_SIZE } from '../../src/vivenu/vivenu-client.js';

const workspace = path.resolve('/tmp/vivenu-sync-workspace');
const EVENT = '65a1b2c3d4e5f60718293a4b';
const API_KEY = 'sk_live_bad_input_7f3e';
const WEBHOOK_SECRET = 'whsec_bad_input_91ab';
const GITHUB_TOKEN = 'ghp_bad_input_c0ffee';

/** Every input well-formed, the three secrets set, so a leak of any of them would show. */
const valid: RawInputs = {
  region: 'PROD',
  'event-id': EVENT,
  'api-key': API_KEY,
  'webhook-secret': WEBHOOK_SECRET,
  'github-token': GITHUB_TOKEN,
};

type Kind =
  | 'empty where required'
  | 'too long'
  | 'wrong type'
  | 'path trick'
  | 'control character'
  | 'unknown choice'
  | 'out of range'
  | 'negative'
  | 'huge'
  | 'bad URL'
  | 'bad date';

interface BadRow {
  input: string;
  kind: Kind;
  value: string;
  /** The one problem, whole: it starts with the input's name and says what is expected. */
  says: RegExp;
}

const row = (input: string, kind: Kind, value: string, says: RegExp): BadRow => ({
  input,
  kind,
  value,
  says,
});

/** The rest of a problem after `<input> "<value, escaped>" `: any value, then `tail`. */
const quoted = (input: string, tail: string): RegExp =>
  new RegExp(`^${input} "[^\\n]*" ${tail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

function wholeNumberRows(input: string, min: number, max: number): BadRow[] {
  const says = quoted(input, `must be a whole number from ${min} to ${max}`);
  return [
    row(input, 'wrong type', 'abc', says),
    row(input, 'wrong type', '1.5', says),
    row(input, 'wrong type', 'NaN', says),
    row(input, 'negative', '-1', says),
    row(input, 'huge', '1e9', says),
    row(input, 'huge', '99999999999', says),
    row(input, 'out of range', String(max + 1), says),
    ...(min > 0 ? [row(input, 'out of range', String(min - 1), says)] : []),
    row(input, 'too long', '9'.repeat(400), says),
    row(input, 'control character', '1\u0000', says),
    row(input, 'control character', '1\n0', says),
  ];
}

function decimalRows(input: string, min: number, max: number, minExclusive: boolean): BadRow[] {
  const range = minExclusive ? `above ${min} and at most ${max}` : `from ${min} to ${max}`;
  const says = quoted(input, `must be a number ${range} (decimals allowed)`);
  return [
    row(input, 'wrong type', 'abc', says),
    row(input, 'wrong type', 'NaN', says),
    row(input, 'wrong type', 'Infinity', says),
    row(input, 'wrong type', '1,5', says),
    row(input, 'negative', '-1', says),
    row(input, 'huge', '1e9', says),
    row(input, 'huge', '99999999999', says),
    row(input, 'out of range', String(max + 0.5), says),
    ...(minExclusive ? [row(input, 'out of range', String(min), says)] : []),
    row(input, 'too long', '9'.repeat(400), says),
    row(input, 'control character', '1\u0000', says),
    row(input, 'control character', '1.\n5', says),
  ];
}

function booleanRows(input: string): BadRow[] {
  const says = quoted(input, 'must be true or false');
  return [
    row(input, 'wrong type', 'yes', says),
    row(input, 'wrong type', '1', says),
    row(input, 'wrong type', 'on', says),
    row(input, 'wrong type', 'tRUE', says),
    row(input, 'too long', 'true'.repeat(100), says),
    row(input, 'control character', 'true\u0000', says),
    row(input, 'control character', 'tr\nue', says),
  ];
}

function choiceRows(input: string, options: string): BadRow[] {
  const says = quoted(input, `is not one of ${options}`);
  return [
    row(input, 'unknown choice', 'full', says),
    row(input, 'unknown choice', 'prod-ish', says),
    row(input, 'wrong type', '1', says),
    row(input, 'too long', 'x'.repeat(500), says),
    row(input, 'control character', `${options.split(', ')[0]}\u0000`, says),
    row(input, 'control character', 'te\nst', says),
  ];
}

/** Paths that leave the workspace or carry control characters. */
function fileRows(input: string): BadRow[] {
  const outside = quoted(input, `must be inside the workspace (${workspace})`);
  const control = quoted(input, 'contains control characters');
  return [
    row(input, 'path trick', '../x', outside),
    row(input, 'path trick', '/etc/passwd', outside),
    row(input, 'path trick', 'a/../../b', outside),
    row(input, 'path trick', '.', outside),
    row(input, 'path trick', `${workspace}/../elsewhere`, outside),
    row(input, 'control character', '\u0000', control),
    row(input, 'control character', 'out\nfile', control),
    row(input, 'control character', 'out\u001bfile', control),
  ];
}

function urlRows(input: string): BadRow[] {
  const scheme = quoted(input, 'must start with https:// or http://');
  const notUrl = new RegExp(`^${input} "[^\\n]*" is not a URL \\(for example https://[^ ]+\\)$`);
  const credentials = new RegExp(`^${input} must not contain credentials$`);
  const control = quoted(input, 'contains control characters');
  return [
    row(input, 'bad URL', 'ftp://x', scheme),
    row(input, 'bad URL', 'javascript:alert(1)', scheme),
    row(input, 'bad URL', 'file:///etc/passwd', scheme),
    row(input, 'bad URL', 'not a url', notUrl),
    row(input, 'bad URL', 'http://', notUrl),
    row(input, 'bad URL', 'http://user:pw@host', credentials),
    row(input, 'bad URL', 'https://deploy:hunter2@example.com/path', credentials),
    row(input, 'bad URL', 'https://token@example.com', credentials),
    // A URL that does not parse is still checked for credentials before it is echoed.
    row(input, 'bad URL', 'https://deploy:hunter2@exa mple.com', credentials),
    // The URL parser would drop tabs and new lines and encode NUL, reading another URL:
    // refused instead.
    row(input, 'control character', '\u0000', control),
    row(input, 'control character', 'https://exa\u0000mple.com', control),
    row(input, 'control character', 'https://exa\nmple.com', control),
    row(input, 'control character', 'https://example.com/hook\tpath', control),
    row(input, 'control character', 'https://example.com/ho\u0000ok', control),
  ];
}

const BAD_ROWS: BadRow[] = [
  row('region', 'empty where required', '', /^region is required \(for example PROD or DEV\)$/),
  row('region', 'empty where required', ' \t\n ', /^region is required/),
  ...[
    ['too long', 'A'.repeat(33)],
    ['wrong type', 'EU-WEST'],
    ['wrong type', 'ＰＲＯＤ'],
    ['path trick', '../PROD'],
    ['control character', 'PR\u0000OD'],
    ['control character', 'PR\nOD'],
  ].map(([kind, value]) =>
    row(
      'region',
      kind as Kind,
      value!,
      quoted('region', 'must be 1 to 32 letters, digits or _ (for example PROD)'),
    ),
  ),

  row('event-id', 'empty where required', '', /^event-id is required: one or more 24-character/),
  row('event-id', 'empty where required', ' , \n ', /^event-id is required/),
  ...[
    ['too long', `${EVENT}0`],
    ['too long', 'a'.repeat(5_000)],
    ['wrong type', 'abc'],
    ['wrong type', '65a1b2c3d4e5f60718293a4g'],
    ['negative', '-1'],
    ['path trick', '../65a1b2c3d4e5f60718293a'],
    ['control character', `${EVENT}\u0000`],
    // A new line separates ids by design: only the bad one is named.
    ['control character', `${EVENT}\nxyz`],
  ].map(([kind, value]) =>
    row('event-id', kind as Kind, value!, quoted('event-id', 'is not a 24-character hex id')),
  ),

  row('api-key', 'empty where required', '', /^api-key is empty: .*repository secret PROD_API\)$/),
  row('api-key', 'empty where required', '  \n ', /^api-key is empty/),
  ...['sk live 123', 'sk\u0000live123', 'sk\nlive123', 'sk\u007flive123', 'sk\tlive123'].map(
    (value) =>
      row('api-key', 'control character', value, /^api-key contains spaces or control characters$/),
  ),

  ...choiceRows('mode', 'sync, test, pull-only, redeliver'),
  ...urlRows('vivenu-url'),
  ...wholeNumberRows('page-size', 1, MAX_PAGE_SIZE),
  ...wholeNumberRows('pull-concurrency', 1, 8),
  ...fileRows('tickets-dir'),
  ...choiceRows('target', 'test, prod'),
  ...urlRows('webhook-url'),
  // webhook-secret: any string is a usable HMAC key; nothing is rejected (see ACCEPTED).
  ...decimalRows('interval', 0, 60, false),

  ...[
    ['unknown choice', 'SOLD'],
    ['unknown choice', 'VALID,SOLD'],
    ['wrong type', '1'],
    ['too long', 'VALID'.repeat(100)],
    ['control character', 'VALID,\u0000'],
    // A new line separates statuses by design: only the unknown one is named.
    ['control character', 'VALID\nSOLD'],
  ].map(([kind, value]) =>
    row(
      'statuses',
      kind as Kind,
      value!,
      quoted(
        'statuses',
        'is not a Vivenu ticket status (VALID, INVALID, RESERVED, DETAILSREQUIRED, BLANK)',
      ),
    ),
  ),

  // name-contains: any text up to 100 characters is a filter; only length is checked.
  row(
    'name-contains',
    'too long',
    'C'.repeat(101),
    quoted('name-contains', 'must be at most 100 characters'),
  ),
  row(
    'name-contains',
    'too long',
    `${'x'.repeat(50)}\u0000${'y'.repeat(50)}`,
    quoted('name-contains', 'must be at most 100 characters'),
  ),

  // ticket-ids (redeliver mode): 24-hex ticket _ids, or failed.
  ...['123', 'failed-ones', `${'a'.repeat(24)} ${'g'.repeat(24)}`, '../../etc'].map((value) =>
    row(
      'ticket-ids',
      'wrong type',
      value,
      /^ticket-ids "[^\n]*" is not a ticket _id \(24 hex characters, as in the ledger\), nor failed$/,
    ),
  ),

  // sold-before: a date or date-time that exists, UTC unless a zone is given, or none.
  ...[
    'yesterday',
    '29/07/2025',
    '2025-7-29',
    '2025-02-30',
    '2025-13-01',
    '2025-07-29T24:00',
    '2025-07-29T15:61',
    '2025-07-29T15:30+2',
    '2025-07-29Z',
    '1753800000',
  ].map((value) =>
    row(
      'sold-before',
      'bad date',
      value,
      quoted(
        'sold-before',
        'is not a date (2025-07-29) or date and time (2025-07-29T15:30, UTC unless a zone such as +02:00 is given), nor none',
      ),
    ),
  ),

  ...wholeNumberRows('limit', 0, 10_000_000),
  ...booleanRows('dry-run'),
  ...booleanRows('resync'),
  ...fileRows('progress-file'),
  ...decimalRows('max-runtime-minutes', 0, 100_000, true),
  ...booleanRows('fail-on-ticket-errors'),
  ...decimalRows('request-timeout', 0, 300, true),
  ...booleanRows('commit-progress'),
  // github-token: any string, passed to GitHub as is; nothing is rejected (see ACCEPTED).
  ...decimalRows('commit-every-minutes', 0, 1_440, true),
  ...urlRows('github-api-url'),
  ...booleanRows('auto-continue'),
  ...wholeNumberRows('continuation', 0, 1_000),
  ...wholeNumberRows('max-continuations', 0, 1_000),
];

/** Values that must never appear in a problem: the three secrets, and any URL password. */
function secretsFor(input: string, value: string): string[] {
  const secrets = [API_KEY, WEBHOOK_SECRET, GITHUB_TOKEN];
  if (['api-key', 'webhook-secret', 'github-token'].includes(input) && value.trim())
    secrets.push(value.trim());
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^/@:]*:([^@/]+)@/i.exec(value)?.[1];
  if (password) secrets.push(password, `:${password}@`);
  return secrets.filter((secret) => secret.length > 0);
}

const shown = (value: string): string => {
  const text = JSON.stringify(value);
  return text.length > 44 ? `${text.slice(0, 41)}..."` : text;
};

describe('parseSettings: one malformed input at a time', () => {
  it.each(BAD_ROWS.map((r) => [r.input, r.kind, shown(r.value), r] as const))(
    '%s, %s %s: exactly one problem, naming the input, no secret in it',
    (input, _kind, _shown, { value, says }) => {
      let thrown: unknown;
      try {
        parseSettings({ ...valid, [input]: value }, workspace);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `${input} ${JSON.stringify(value)} was accepted`).toBeInstanceOf(InputError);
      const error = thrown as InputError;
      expect(error.problems).toHaveLength(1);
      const [problem] = error.problems as [string];
      expect(problem.startsWith(`${input} `)).toBe(true);
      expect(problem).toMatch(says);
      expect(error.message).toBe(`Invalid input: ${problem}`);
      for (const secret of secretsFor(input, value)) expect(error.message).not.toContain(secret);
    },
  );
});

/**
 * Malformed-looking values parseSettings takes on purpose. Each is here so a change to it is a
 * decision, not an accident; none of them reaches the network malformed.
 */
const ACCEPTED: {
  input: string;
  value: string;
  why: string;
  field: keyof Settings;
  is: unknown;
}[] = [
  // webhook-secret is an HMAC key: any bytes sign. Only surrounding whitespace is trimmed,
  // since a secret pasted with a trailing new line would sign every body wrongly.
  {
    input: 'webhook-secret',
    value: 'a\u0000b\nc',
    why: 'any bytes are a valid HMAC key',
    field: 'webhookSecret',
    is: 'a\u0000b\nc',
  },
  {
    input: 'webhook-secret',
    value: 's'.repeat(10_000),
    why: 'HMAC takes keys of any length',
    field: 'webhookSecret',
    is: 's'.repeat(10_000),
  },
  {
    input: 'webhook-secret',
    value: `  ${WEBHOOK_SECRET}\n`,
    why: 'surrounding whitespace is trimmed',
    field: 'webhookSecret',
    is: WEBHOOK_SECRET,
  },
  // github-token goes to GitHub as is; GitHub is the judge of a token.
  {
    input: 'github-token',
    value: 'ghp_\u0000x',
    why: 'GitHub judges the token',
    field: 'githubToken',
    is: 'ghp_\u0000x',
  },
  {
    input: 'github-token',
    value: 't'.repeat(10_000),
    why: 'no length limit',
    field: 'githubToken',
    is: 't'.repeat(10_000),
  },
  // name-contains is plain text matched against ticketName: text that matches no ticket
  // selects nothing, so nothing is sent.
  {
    input: 'name-contains',
    value: 'CHAR\u0000ITY',
    why: 'matches no ticket name',
    field: 'nameContains',
    is: 'CHAR\u0000ITY',
  },
  {
    input: 'name-contains',
    value: 'C'.repeat(100),
    why: '100 characters is the limit',
    field: 'nameContains',
    is: 'C'.repeat(100),
  },
  {
    input: 'name-contains',
    value: '../../etc/passwd',
    why: 'never used as a path',
    field: 'nameContains',
    is: '../../etc/passwd',
  },
  // sold-before: UTC unless a zone is given; none turns off a variable's default.
  ...(
    [
      ['2025-07-29', '2025-07-29T00:00:00.000Z'],
      ['2025-07-29T15:30', '2025-07-29T15:30:00.000Z'],
      ['2025-07-29 15:30:05', '2025-07-29T15:30:05.000Z'],
      ['2025-07-29T15:30:00.250Z', '2025-07-29T15:30:00.250Z'],
      ['2025-07-29T15:30+02:00', '2025-07-29T13:30:00.000Z'],
      ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ] as const
  ).map(([value, iso]) => ({
    input: 'sold-before',
    value,
    why: 'a date or date-time',
    field: 'soldBefore' as const,
    is: { ms: Date.parse(iso), iso },
  })),
  { input: 'sold-before', value: 'None', why: 'no cutoff', field: 'soldBefore', is: undefined },
  // api-key has no length limit: Vivenu judges the key (a 401 names the region's secret).
  {
    input: 'api-key',
    value: 'k'.repeat(5_000),
    why: 'Vivenu judges the key',
    field: 'apiKey',
    is: 'k'.repeat(5_000),
  },
  // Long paths and URLs are not limited here: the file system or the connection fails on them.
  {
    input: 'tickets-dir',
    value: 'd'.repeat(1_000),
    why: 'the file system judges length',
    field: 'ticketsDir',
    is: path.join(workspace, 'd'.repeat(1_000)),
  },
  {
    input: 'vivenu-url',
    value: `https://${'a'.repeat(300)}.example`,
    why: 'DNS judges host names',
    field: 'vivenuOrigin',
    is: `https://${'a'.repeat(300)}.example`,
  },
  // List inputs split on commas and whitespace, new lines included.
  {
    input: 'event-id',
    value: `${EVENT}\n${EVENT.replace('a', 'b')}`,
    why: 'a new line separates ids',
    field: 'eventIds',
    is: [EVENT, EVENT.replace('a', 'b')],
  },
  // Surrounding whitespace is trimmed from every input, as core.getInput does.
  {
    input: 'dry-run',
    value: 'true\n',
    why: 'trailing new line trimmed',
    field: 'dryRun',
    is: true,
  },
];

describe('parseSettings: malformed-looking values accepted on purpose', () => {
  it.each(ACCEPTED.map((a) => [a.input, a.why, a] as const))(
    '%s: %s',
    (input, _why, { value, field, is }) => {
      expect(parseSettings({ ...valid, [input]: value }, workspace)[field]).toEqual(is);
    },
  );
});

const isTrue = (text: string): boolean => text === 'true';

/** The settings field each optional input fills, and its value when the input is empty. */
const DEFAULT_ROWS: {
  input: keyof typeof INPUT_DEFAULTS;
  field: keyof Settings;
  is: unknown;
  /** A non-default value, to show the row reads the right field. */
  other: string;
  /** Other inputs the non-default value needs (ticket-ids is for redeliver mode only). */
  alongside?: RawInputs;
}[] = [
  { input: 'mode', field: 'mode', is: INPUT_DEFAULTS.mode, other: 'test' },
  {
    input: 'vivenu-url',
    field: 'vivenuOrigin',
    is: defaultVivenuOrigin('PROD'),
    other: 'https://vivenu.dev',
  },
  { input: 'page-size', field: 'pageSize', is: Number(INPUT_DEFAULTS['page-size']), other: '7' },
  {
    input: 'pull-concurrency',
    field: 'pullConcurrency',
    is: Number(INPUT_DEFAULTS['pull-concurrency']),
    other: '5',
  },
  {
    input: 'tickets-dir',
    field: 'ticketsDir',
    is: path.join(workspace, INPUT_DEFAULTS['tickets-dir']),
    other: 'out',
  },
  { input: 'target', field: 'target', is: INPUT_DEFAULTS.target, other: 'prod' },
  {
    input: 'webhook-url',
    field: 'webhookUrl',
    is: WEBHOOK_TARGETS[INPUT_DEFAULTS.target],
    other: 'https://receiver.example/hook',
  },
  { input: 'webhook-secret', field: 'webhookSecret', is: '', other: 'other-secret' },
  { input: 'interval', field: 'intervalSeconds', is: Number(INPUT_DEFAULTS.interval), other: '3' },
  {
    input: 'statuses',
    field: 'statuses',
    is: INPUT_DEFAULTS.statuses.split(','),
    other: 'BLANK',
  },
  {
    input: 'name-contains',
    field: 'nameContains',
    is: INPUT_DEFAULTS['name-contains'],
    other: 'HIA',
  },
  { input: 'sold-before', field: 'soldBefore', is: undefined, other: '2025-07-29' },
  {
    input: 'ticket-ids',
    field: 'ticketIds',
    is: [],
    other: 'failed',
    alongside: { mode: 'redeliver' },
  },
  { input: 'limit', field: 'limit', is: Number(INPUT_DEFAULTS.limit), other: '5' },
  { input: 'dry-run', field: 'dryRun', is: isTrue(INPUT_DEFAULTS['dry-run']), other: 'true' },
  { input: 'resync', field: 'resync', is: isTrue(INPUT_DEFAULTS.resync), other: 'true' },
  {
    input: 'progress-file',
    field: 'progressFile',
    is: path.join(workspace, defaultProgressFile('PROD', receiverAt(WEBHOOK_TARGETS.test))),
    other: 'p.json',
  },
  {
    input: 'max-runtime-minutes',
    field: 'maxRuntimeMinutes',
    is: Number(INPUT_DEFAULTS['max-runtime-minutes']),
    other: '5',
  },
  {
    input: 'fail-on-ticket-errors',
    field: 'failOnTicketErrors',
    is: isTrue(INPUT_DEFAULTS['fail-on-ticket-errors']),
    other: 'false',
  },
  {
    input: 'request-timeout',
    field: 'requestTimeoutSeconds',
    is: Number(INPUT_DEFAULTS['request-timeout']),
    other: '5',
  },
  {
    input: 'commit-progress',
    field: 'commitProgress',
    is: isTrue(INPUT_DEFAULTS['commit-progress']),
    other: 'false',
  },
  { input: 'github-token', field: 'githubToken', is: '', other: 'ghp_other' },
  {
    input: 'commit-every-minutes',
    field: 'commitEveryMinutes',
    is: Number(INPUT_DEFAULTS['commit-every-minutes']),
    other: '5',
  },
  {
    input: 'github-api-url',
    field: 'githubApiUrl',
    is: '',
    other: 'https://github.example/api/v3',
  },
  {
    input: 'auto-continue',
    field: 'autoContinue',
    is: isTrue(INPUT_DEFAULTS['auto-continue']),
    other: 'true',
  },
  {
    input: 'continuation',
    field: 'runsBeforeInChain',
    is: Number(INPUT_DEFAULTS.continuation),
    other: '2',
  },
  {
    input: 'max-continuations',
    field: 'maxContinuations',
    is: Number(INPUT_DEFAULTS['max-continuations']),
    other: '2',
  },
];

describe('parseSettings: an empty optional input takes its default', () => {
  it.each(DEFAULT_ROWS.flatMap((d) => ['', '  '].map((empty) => [d.input, empty, d] as const)))(
    '%s = %j falls back to the default',
    (input, empty, { field, is, other, alongside }) => {
      expect(parseSettings({ ...valid, [input]: empty }, workspace)[field]).toEqual(is);
      const given = { ...valid, ...alongside, [input]: other };
      expect(parseSettings(given, workspace)[field]).not.toEqual(is);
    },
  );
});

describe('the tables cover every input', () => {
  it('INPUT_NAMES is the 30 inputs of action.yml', () => {
    expect(INPUT_NAMES).toEqual([
      'region',
      'event-id',
      'api-key',
      'mode',
      'vivenu-url',
      'page-size',
      'pull-concurrency',
      'tickets-dir',
      'target',
      'webhook-url',
      'webhook-secret',
      'interval',
      'statuses',
      'name-contains',
      'sold-before',
      'ticket-ids',
      'limit',
      'dry-run',
      'resync',
      'progress-file',
      'max-runtime-minutes',
      'fail-on-ticket-errors',
      'request-timeout',
      'commit-progress',
      'github-token',
      'commit-every-minutes',
      'github-api-url',
      'auto-continue',
      'continuation',
      'max-continuations',
    ]);
  });

  it('has rejection rows for every input but the two that take any string', () => {
    const rejecting = new Set(BAD_ROWS.map((r) => r.input));
    expect(INPUT_NAMES.filter((name) => !rejecting.has(name))).toEqual([
      'webhook-secret',
      'github-token',
    ]);
    const accepted = new Set(ACCEPTED.map((a) => a.input));
    expect(accepted.has('webhook-secret') && accepted.has('github-token')).toBe(true);
  });

  it('sets every input the action masks, so the leak checks above cover each secret', () => {
    expect(SECRET_INPUTS).toEqual(['api-key', 'webhook-secret', 'github-token']);
    expect(SECRET_INPUTS.map((name) => valid[name])).toEqual([
      API_KEY,
      WEBHOOK_SECRET,
      GITHUB_TOKEN,
    ]);
  });

  it('has a default row for every optional input', () => {
    expect(DEFAULT_ROWS.map((d) => d.input).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
  });
});

/**
 * Path inputs that are well-formed as text but lead, on the disk, outside the workspace or to
 * the wrong kind of thing. A real temporary workspace: symbolic links are what is checked.
 */
describe('parseSettings: path inputs checked against the disk', () => {
  interface DiskRow {
    name: string;
    input: 'tickets-dir' | 'progress-file';
    value: string;
    /** Builds the trap in `workspace`; `outside` is a folder beside it. */
    prepare: (workspace: string, outside: string) => void;
    says: RegExp;
    mode?: string;
  }
  const outsideProblem = (input: string, value: string): RegExp =>
    new RegExp(
      `^${input} ${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} resolves through a symbolic link to [^\\n]+, outside the workspace \\([^\\n]+\\): name a (folder|file) inside the workspace$`,
    );
  const rows: DiskRow[] = [
    {
      name: 'a symlink to a folder outside',
      input: 'tickets-dir',
      value: 'linked',
      prepare: (ws, out) => symlinkSync(out, path.join(ws, 'linked')),
      says: outsideProblem('tickets-dir', '"linked"'),
    },
    {
      name: 'below a symlinked folder',
      input: 'tickets-dir',
      value: 'linked/tickets',
      prepare: (ws, out) => symlinkSync(out, path.join(ws, 'linked')),
      says: outsideProblem('tickets-dir', '"linked/tickets"'),
    },
    {
      name: "the default, committed as a symlink (the input's value is empty)",
      input: 'tickets-dir',
      value: '',
      prepare: (ws, out) => symlinkSync(out, path.join(ws, 'purchased_tickets')),
      says: outsideProblem('tickets-dir', '"purchased_tickets" (the default)'),
    },
    {
      name: "an event's folder linked outside",
      input: 'tickets-dir',
      value: 'tickets',
      prepare: (ws, out) => {
        mkdirSync(path.join(ws, 'tickets'));
        symlinkSync(out, path.join(ws, 'tickets', EVENT));
      },
      says: outsideProblem('tickets-dir', '"tickets"'),
    },
    {
      name: 'a link to something that does not exist',
      input: 'tickets-dir',
      value: 'dangling',
      prepare: (ws, out) => symlinkSync(path.join(out, 'missing'), path.join(ws, 'dangling')),
      says: /^tickets-dir "dangling" is a symbolic link \([^\n]+\) to something that does not exist: remove the link, or name a real folder inside the workspace$/,
    },
    {
      name: 'a file, not a folder',
      input: 'tickets-dir',
      value: 'notes.txt',
      prepare: (ws) => writeFileSync(path.join(ws, 'notes.txt'), 'x'),
      says: /^tickets-dir "notes.txt" is a file, not a folder: name a folder \(for example purchased_tickets; it is created when missing\)$/,
    },
    {
      name: 'below a file',
      input: 'tickets-dir',
      value: 'notes.txt/tickets',
      prepare: (ws) => writeFileSync(path.join(ws, 'notes.txt'), 'x'),
      says: /^tickets-dir "notes.txt\/tickets" is below [^\n]+notes.txt, which is a file, not a folder: name a folder inside a folder$/,
    },
    {
      name: 'a folder, not a file',
      input: 'progress-file',
      value: 'progress',
      prepare: (ws) => mkdirSync(path.join(ws, 'progress')),
      says: /^progress-file "progress" is a folder, not a file: name a file \(for example historical_sync_progress_PROD\.test-receiver\.json\)$/,
    },
    {
      name: 'a symlink to a file outside',
      input: 'progress-file',
      value: 'progress.json',
      prepare: (ws, out) => {
        writeFileSync(path.join(out, 'elsewhere.json'), '{}');
        symlinkSync(path.join(out, 'elsewhere.json'), path.join(ws, 'progress.json'));
      },
      says: outsideProblem('progress-file', '"progress.json"'),
    },
    {
      name: 'in a folder linked outside',
      input: 'progress-file',
      value: 'state/progress.json',
      prepare: (ws, out) => symlinkSync(out, path.join(ws, 'state')),
      says: outsideProblem('progress-file', '"state/progress.json"'),
    },
    {
      name: 'its journal linked outside (appends follow links)',
      input: 'progress-file',
      value: 'progress.json',
      prepare: (ws, out) =>
        symlinkSync(path.join(out, 'journal'), path.join(ws, 'progress.json.journal')),
      says: /^progress-file "progress.json" is a symbolic link \([^\n]+progress.json.journal\) to something that does not exist/,
    },
  ];

  const makeWorkspace = (): { workspace: string; outside: string } => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bad-input-disk-'));
    const ws = path.join(root, 'workspace');
    const out = path.join(root, 'outside');
    mkdirSync(ws);
    mkdirSync(out);
    return { workspace: ws, outside: out };
  };

  it.each(rows.map((r) => [r.input, r.name, r] as const))(
    '%s, %s: one problem naming the input and what to do',
    (input, _name, { value, prepare, says, mode }) => {
      const { workspace: ws, outside } = makeWorkspace();
      prepare(ws, outside);
      let thrown: unknown;
      try {
        parseSettings({ ...valid, ...(mode ? { mode } : {}), [input]: value }, ws);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `${input} ${JSON.stringify(value)} was accepted`).toBeInstanceOf(InputError);
      const { problems } = thrown as InputError;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(says);
      expect(readdirSync(outside).filter((name) => name !== 'elsewhere.json')).toEqual([]);
    },
  );

  it('accepts a symlink that stays inside the workspace, and a progress-file folder outside sync mode', () => {
    const { workspace: ws } = makeWorkspace();
    mkdirSync(path.join(ws, 'real'));
    symlinkSync(path.join(ws, 'real'), path.join(ws, 'linked'));
    mkdirSync(path.join(ws, 'progress'));
    const settings = parseSettings({ ...valid, 'tickets-dir': 'linked' }, ws);
    expect(settings.ticketsDir).toBe(path.join(ws, 'linked'));
    expect(
      parseSettings({ ...valid, mode: 'test', 'progress-file': 'progress' }, ws).progressFile,
    ).toBe(path.join(ws, 'progress'));
  });
});
