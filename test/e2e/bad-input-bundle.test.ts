import { mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxInputs } from '../support/bundle-sandboxes.js';
import { shownToPeople } from '../support/personal-data.js';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';

const EVENT = '6864d4f427c2aa9b05cd17ee';
const API_KEY = 'vivenu-key-bad-input-5d1c';
const SECRET = 'webhook-secret-bad-input-77e0';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const TOKEN = 'ghp_bad_input_bundle_a1b2';

let vivenu: VivenuSandbox | undefined;
let receiver: ReceiverSandbox | undefined;
afterEach(async () => {
  await vivenu?.close();
  await receiver?.close();
  vivenu = receiver = undefined;
});

interface BundleRow {
  input: string;
  kind: string;
  /** The malformed value; built from the sandboxes' addresses where it names a host. */
  value: (urls: { vivenu: string; receiver: string }) => string;
  /** Text that must never be shown, beyond the three secrets. */
  hidden?: string[];
  /** Sets a trap in the workspace first (a symbolic link, a folder where a file goes). */
  prepare?: (workspace: string, outside: string) => Promise<void>;
}

/** Representative rows of test/unit/bad-input-table.test.ts, run through the real bundle. */
const ROWS: BundleRow[] = [
  { input: 'event-id', kind: 'empty where required', value: () => '' },
  {
    input: 'api-key',
    kind: 'control character',
    value: () => 'sk live\n0f9a',
    hidden: ['sk live', '0f9a'],
  },
  { input: 'mode', kind: 'unknown choice', value: () => 'full' },
  {
    input: 'vivenu-url',
    kind: 'credentials in the URL',
    // The sandbox's own address: were the credentials let through, the sandbox would count it.
    value: ({ vivenu }) => vivenu.replace('http://', 'http://operator:hunter2@'),
    hidden: ['hunter2'],
  },
  { input: 'tickets-dir', kind: 'path trick', value: () => '../outside' },
  { input: 'interval', kind: 'wrong type', value: () => 'abc' },
  { input: 'dry-run', kind: 'wrong type', value: () => 'yes' },
  {
    input: 'tickets-dir',
    kind: 'symlink leading outside the workspace',
    value: () => 'linked',
    prepare: (workspace, outside) => symlink(outside, path.join(workspace, 'linked')),
  },
  {
    input: 'progress-file',
    kind: 'a folder, not a file',
    value: () => 'progress',
    prepare: (workspace) => mkdir(path.join(workspace, 'progress')),
  },
  {
    // The URL parser would drop the new line and deliver to /test-created: refused instead.
    input: 'webhook-url',
    kind: 'control character',
    value: ({ receiver }) => receiver.replace('/test-created', '/test-\ncreated'),
  },
];

describe('dist/index.js refuses a malformed input before any request', () => {
  it.each(ROWS.map((row) => [row.input, row.kind, row] as const))(
    '%s (%s): exit 1, an ::error:: naming the input, no request to Vivenu or the receiver',
    async (input, _kind, { value, hidden = [], prepare }) => {
      const workspace = await mkdtemp(path.join(os.tmpdir(), 'bad-input-bundle-ws-'));
      const outside = await mkdtemp(path.join(os.tmpdir(), 'bad-input-bundle-outside-'));
      await prepare?.(workspace, outside);
      vivenu = await startVivenuSandbox({
        apiKey: API_KEY,
        events: { [EVENT]: generateEventTickets({ eventId: EVENT, count: 20, seed: 5 }) },
      });
      receiver = await startReceiverSandbox({ secret: SECRET });
      const run = await runBundledAction({
        workspace,
        inputs: {
          ...sandboxInputs({
            region: 'DEV',
            eventId: EVENT,
            keys: KEYS,
            vivenuUrl: vivenu.url,
            webhookUrl: receiver.url,
            progressFile: 'receiver',
          }),
          mode: 'sync',
          'github-token': TOKEN,
          'commit-progress': 'false',
          // Were the input let through, one quick delivery shows it.
          interval: '0',
          limit: '1',
          [input]: value({ vivenu: vivenu.url, receiver: receiver.url }),
        },
      });

      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect({
        exitCode: run.exitCode,
        errorNamesInput:
          errors.length === 1 && errors[0]!.startsWith(`::error::Invalid input: ${input} `),
        vivenuRequests: vivenu.stats.requests,
        deliveries: receiver.deliveries.length,
      }).toEqual({ exitCode: 1, errorNamesInput: true, vivenuRequests: 0, deliveries: 0 });
      expect(run.stderr).toBe('');
      expect(await readdir(outside)).toEqual([]);

      const shown = shownToPeople(run.stdout) + run.summary;
      for (const secret of [API_KEY, SECRET, TOKEN, ...hidden]) expect(shown).not.toContain(secret);
    },
  );
});
