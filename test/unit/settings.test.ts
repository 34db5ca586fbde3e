import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseSettings, type RawInputs } from '../../src/settings/settings.js';

const workspace = path.resolve('/tmp/vivenu-sync-workspace');
const EVENT = '65a1b2c3d4e5f60718293a4b';

const valid: RawInputs = { region: 'PROD', 'event-id': EVENT, 'api-key': 'key-123' };

/** The InputError that `raw` raises; fails the test when it parses or throws something else. */
function inputError(raw: RawInputs): InputError {
  try {
    parseSettings(raw, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(raw)}`);
}

const problemsOf = (overrides: RawInputs): string[] =>
  inputError({ ...valid, ...overrides }).problems;

describe('parseSettings: valid inputs', () => {
  it('normalises region and event ids and fills the defaults', () => {
    const settings = parseSettings(
      {
        region: ' prod ',
        'event-id':
          '65A1B2C3D4E5F60718293A4B, 65a1b2c3d4e5f60718293a4c\n65a1b2c3d4e5f60718293a4b  65a1b2c3d4e5f60718293a4d,',
        'api-key': '  key-123  ',
      },
      workspace,
    );
    expect(settings).toEqual({
      region: 'PROD',
      eventIds: [
        '65a1b2c3d4e5f60718293a4b',
        '65a1b2c3d4e5f60718293a4c',
        '65a1b2c3d4e5f60718293a4d',
      ],
      apiKey: 'key-123',
      mode: 'sync',
      vivenuOrigin: 'https://vivenu.com',
      pageSize: 100,
      pullConcurrency: 2,
      ticketsDir: path.join(workspace, 'purchased_tickets'),
      workspace,
      target: 'test',
      webhookUrl: 'https://vivenu-filter.high-impact-athletes.workers.dev/test-created',
      // The form's default target: the test receiver keeps its own progress file.
      receiver: {
        kind: 'test',
        address: 'https://vivenu-filter.high-impact-athletes.workers.dev/test-created',
        fileTag: '.test-receiver',
      },
      stagingTickets: false,
      soldBefore: undefined,
      ticketIds: [],
      webhookSecret: '',
      intervalSeconds: 1.8,
      statuses: ['VALID', 'DETAILSREQUIRED'],
      nameContains: 'CHARITY',
      limit: 0,
      dryRun: false,
      resync: false,
      progressFile: path.join(workspace, 'historical_sync_progress_PROD.test-receiver.json'),
      maxRuntimeMinutes: 330,
      failOnTicketErrors: true,
      requestTimeoutSeconds: 30,
      commitProgress: true,
      githubToken: '',
      commitEveryMinutes: 10,
      githubApiUrl: '',
      autoContinue: false,
      runsBeforeInChain: 0,
      maxContinuations: 10,
    });
  });

  it('treats empty optional inputs as their defaults', () => {
    const settings = parseSettings(
      { ...valid, mode: '', 'page-size': ' ', 'tickets-dir': '', 'vivenu-url': '' },
      workspace,
    );
    expect(settings.mode).toBe('sync');
    expect(settings.pageSize).toBe(100);
    expect(settings.ticketsDir).toBe(path.join(workspace, 'purchased_tickets'));
    expect(settings.vivenuOrigin).toBe('https://vivenu.com');
  });

  it('uses vivenu.dev for DEV and TEST and vivenu.com for other regions', () => {
    const origin = (region: string): string =>
      parseSettings({ ...valid, region }, workspace).vivenuOrigin;
    expect(origin('DEV')).toBe('https://vivenu.dev');
    expect(origin('test')).toBe('https://vivenu.dev');
    expect(origin('PROD')).toBe('https://vivenu.com');
    expect(origin('ITALY')).toBe('https://vivenu.com');
  });

  it('reduces a vivenu-url override to its origin', () => {
    const origin = (url: string): string =>
      parseSettings({ ...valid, region: 'DEV', 'vivenu-url': url }, workspace).vivenuOrigin;
    expect(origin('https://staging.example.com/api/v1/?x=1')).toBe('https://staging.example.com');
    expect(origin(' http://localhost:8080/ ')).toBe('http://localhost:8080');
  });

  it('accepts every mode, case-insensitively', () => {
    const mode = (value: string): string =>
      parseSettings({ ...valid, mode: value }, workspace).mode;
    expect(mode('sync')).toBe('sync');
    expect(mode('TEST')).toBe('test');
    expect(mode(' Pull-Only ')).toBe('pull-only');
  });

  it('accepts page sizes from 1 to 1000', () => {
    const pageSize = (value: string): number =>
      parseSettings({ ...valid, 'page-size': value }, workspace).pageSize;
    expect(pageSize('1')).toBe(1);
    expect(pageSize(' 250 ')).toBe(250);
    expect(pageSize('1000')).toBe(1000);
  });

  it('resolves tickets-dir inside the workspace', () => {
    const dir = (value: string): string =>
      parseSettings({ ...valid, 'tickets-dir': value }, workspace).ticketsDir;
    expect(dir('out/tickets')).toBe(path.join(workspace, 'out', 'tickets'));
    expect(dir('./a/../b')).toBe(path.join(workspace, 'b'));
    expect(dir(path.join(workspace, 'abs'))).toBe(path.join(workspace, 'abs'));
  });

  it('accepts a folder inside the workspace whose name starts with two dots', () => {
    expect(parseSettings({ ...valid, 'tickets-dir': '..tickets' }, workspace).ticketsDir).toBe(
      path.join(workspace, '..tickets'),
    );
  });

  it('accepts a 32-character region', () => {
    expect(parseSettings({ ...valid, region: 'A'.repeat(32) }, workspace).region).toBe(
      'A'.repeat(32),
    );
  });
});

describe('parseSettings: invalid inputs', () => {
  it('throws an InputError whose message names the input and the expected form', () => {
    const error = inputError({ ...valid, 'event-id': 'abc' });
    expect(error.problems).toEqual(['event-id "abc" is not a 24-character hex id']);
    expect(error.message).toBe('Invalid input: event-id "abc" is not a 24-character hex id');
  });

  it('rejects a missing or malformed region', () => {
    expect(problemsOf({ region: '' })).toEqual(['region is required (for example PROD or DEV)']);
    expect(problemsOf({ region: '   ' })).toEqual(['region is required (for example PROD or DEV)']);
    expect(problemsOf({ region: 'EU-WEST' })).toEqual([
      'region "EU-WEST" must be 1 to 32 letters, digits or _ (for example PROD)',
    ]);
    const long = 'A'.repeat(33);
    expect(problemsOf({ region: long })).toEqual([
      `region "${long}" must be 1 to 32 letters, digits or _ (for example PROD)`,
    ]);
  });

  it('treats a missing input like an empty one', () => {
    const error = inputError({});
    expect(error.problems).toEqual([
      'region is required (for example PROD or DEV)',
      'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them',
      "api-key is empty: set it to the region's Vivenu API key (repository secret <REGION>_API)",
    ]);
  });

  it('rejects a missing or malformed event id, naming each bad one', () => {
    expect(problemsOf({ 'event-id': '' })).toEqual([
      'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them',
    ]);
    expect(problemsOf({ 'event-id': ' , \n ' })).toEqual([
      'event-id is required: one or more 24-character hex ids, or Vivenu URLs that hold them',
    ]);
    expect(problemsOf({ 'event-id': `${EVENT}, ${EVENT}f, 65a1b2c3d4e5f60718293a4g` })).toEqual([
      `event-id "${EVENT}f" is not a 24-character hex id`,
      'event-id "65a1b2c3d4e5f60718293a4g" is not a 24-character hex id',
    ]);
  });

  // Issue 12: operators copy the event from the browser. Shapes: the dashboard's event pages
  // (dashboard.vivenu.com/events/<id>/..., as its ticket pages are dashboard.vivenu.com/tickets/<id>
  // in public code found with the search tool), a shop page ending in the id, and public shop
  // links vivenu.com/event/<name>-<6-character code>, which hold no id.
  it.each([
    ['a dashboard event page', `https://dashboard.vivenu.com/events/${EVENT}`],
    [
      'a dashboard sub-page with a query',
      `https://dashboard.vivenu.com/events/${EVENT}/tickets?tab=all#x`,
    ],
    [
      'the staging dashboard, without https://',
      `dashboard.vivenu.dev/events/${EVENT.toUpperCase()}/`,
    ],
    ['a shop page ending in name-id', `https://tickets.example.com/event/hyrox-berlin-${EVENT}`],
    ['the same id twice in the path', `https://dashboard.vivenu.com/events/${EVENT}/copy/${EVENT}`],
  ])('accepts %s as event-id, keeping only the id', (_, url) => {
    expect(parseSettings({ ...valid, 'event-id': `${url}, ${EVENT}` }, workspace).eventIds).toEqual(
      [EVENT],
    );
  });

  it('refuses a URL without an id in its path, with two different ones, or with credentials', () => {
    const other = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    expect(problemsOf({ 'event-id': 'https://vivenu.com/event/hyrox-berlin-8pfyy0' })).toEqual([
      'event-id "https://vivenu.com/event/hyrox-berlin-8pfyy0" holds no 24-character hex event id in its path: ' +
        "copy the event's page in the Vivenu dashboard (dashboard.vivenu.com/events/<id>), or the id itself " +
        '(a shop link vivenu.com/event/<name>-<code> carries a short code, not the id)',
    ]);
    // An id in the query is not the event's: only the path counts.
    expect(
      problemsOf({ 'event-id': `https://dashboard.vivenu.com/orders?event=${EVENT}` })[0],
    ).toMatch(/holds no 24-character hex event id in its path/);
    expect(
      problemsOf({ 'event-id': `https://dashboard.vivenu.com/events/${EVENT}/vs/${other}` }),
    ).toEqual([
      // A long value is shown cut to 60 characters; the ids found are listed whole.
      `event-id "https://dashboard.vivenu.com/events/65a1b2c3d4e5f6071829..." holds 2 different event ids in its path (${EVENT}, ${other}): give the one meant, by itself`,
    ]);
    expect(
      problemsOf({ 'event-id': `https://me:hunter2@dashboard.vivenu.com/events/${EVENT}` }),
    ).toEqual(['event-id must not contain credentials']);
    expect(problemsOf({ 'event-id': `ftp://dashboard.vivenu.com/events/${EVENT}` })).toEqual([
      `event-id "ftp://dashboard.vivenu.com/events/${EVENT}" must be an id, or a URL starting with https://`,
    ]);
  });

  it('rejects an unknown mode', () => {
    expect(problemsOf({ mode: 'full' })).toEqual([
      'mode "full" is not one of sync, test, pull-only, redeliver',
    ]);
  });

  it.each(['0', '1001', '-5', '1.5', 'abc', '1e2', '99999999999999999999'])(
    'rejects page-size %j',
    (value) => {
      expect(problemsOf({ 'page-size': value })).toEqual([
        `page-size ${JSON.stringify(value)} must be a whole number from 1 to 1000`,
      ]);
    },
  );

  it.each(['../outside', '/etc', '.', 'a/../..', '  ../x  '])(
    'rejects tickets-dir %j outside the workspace',
    (value) => {
      expect(problemsOf({ 'tickets-dir': value })).toEqual([
        `tickets-dir ${JSON.stringify(value)} must be inside the workspace (${workspace})`,
      ]);
    },
  );

  it('rejects a tickets-dir with control characters', () => {
    expect(problemsOf({ 'tickets-dir': 'tickets\u0007dir' })).toEqual([
      'tickets-dir "tickets\\u0007dir" contains control characters',
    ]);
  });

  it('rejects a vivenu-url that is not an http(s) URL', () => {
    expect(problemsOf({ 'vivenu-url': 'ftp://x' })).toEqual([
      'vivenu-url "ftp://x" must start with https:// or http://',
    ]);
    expect(problemsOf({ 'vivenu-url': 'not a url' })).toEqual([
      'vivenu-url "not a url" is not a URL (for example https://vivenu.com)',
    ]);
  });

  it('rejects a vivenu-url with credentials without repeating them', () => {
    const error = inputError({ ...valid, 'vivenu-url': 'https://user:hunter2@vivenu.com' });
    expect(error.problems).toEqual(['vivenu-url must not contain credentials']);
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects a missing api-key, naming the secret of the region', () => {
    expect(problemsOf({ 'api-key': '', region: 'italy' })).toEqual([
      "api-key is empty: set it to the region's Vivenu API key (repository secret ITALY_API)",
    ]);
    expect(problemsOf({ 'api-key': '  \n ', region: 'DEV' })).toEqual([
      "api-key is empty: set it to the region's Vivenu API key (repository secret DEV_API)",
    ]);
  });

  it('never repeats a malformed api-key', () => {
    for (const key of ['sk live 123', 'sk\u0000live123', 'sk\tlive123']) {
      const error = inputError({ ...valid, 'api-key': key });
      expect(error.problems).toEqual(['api-key contains spaces or control characters']);
      expect(error.message).not.toContain(key);
      expect(error.message).not.toContain('live');
    }
  });

  it('never repeats a well-formed api-key when other inputs are wrong', () => {
    const key = 'sk_live_5f3a9c1e77';
    const error = inputError({
      region: 'EU-1',
      'event-id': 'abc',
      'api-key': key,
      mode: 'full',
      'page-size': '0',
      'tickets-dir': '../x',
      'vivenu-url': 'ftp://x',
    });
    expect(error.message).not.toContain(key);
    expect(error.problems.join('\n')).not.toContain(key);
  });

  it('reports every problem at once, in input order', () => {
    const error = inputError({
      region: '',
      'event-id': 'abc, def',
      'api-key': '',
      mode: 'full',
      'vivenu-url': 'not a url',
      'page-size': '0',
      'tickets-dir': '/etc',
    });
    expect(error.problems).toEqual([
      'region is required (for example PROD or DEV)',
      'event-id "abc" is not a 24-character hex id',
      'event-id "def" is not a 24-character hex id',
      "api-key is empty: set it to the region's Vivenu API key (repository secret <REGION>_API)",
      'mode "full" is not one of sync, test, pull-only, redeliver',
      'vivenu-url "not a url" is not a URL (for example https://vivenu.com)',
      'page-size "0" must be a whole number from 1 to 1000',
      `tickets-dir "/etc" must be inside the workspace (${workspace})`,
    ]);
    expect(error.message.split('\n')).toEqual([
      'Invalid inputs:',
      ...error.problems.map((problem) => `- ${problem}`),
    ]);
  });

  it('shortens a very long bad value in the message', () => {
    const [problem] = problemsOf({ mode: 'x'.repeat(200) });
    expect(problem).toBe(
      `mode "${'x'.repeat(56)}..." is not one of sync, test, pull-only, redeliver`,
    );
  });
});
