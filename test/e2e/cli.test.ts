import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction } from '../../sandbox/action-runner.js';
import type { ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { leakedValues, personalValues } from '../support/personal-data.js';
import { runCli } from '../support/run-cli.js';

const EVENT = '68108c20c5c88849372bfb61';
const KEY = 'cli-vivenu-key';
const SECRET = 'cli-webhook-secret';
const tickets = generateEventTickets({ eventId: EVENT, count: 240, seed: 55 });
const eligible = selectTickets(tickets, {
  statuses: ['VALID', 'DETAILSREQUIRED'],
  nameContains: 'CHARITY',
}).eligible;
const KEYS = { apiKey: KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);
const sandboxes = () => sandbox.start({ [EVENT]: tickets });

/** A folder like the one the earlier scripts ran in: a .env with the keys. */
async function folderWithEnv(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cli-folder-'));
  await writeFile(
    path.join(folder, '.env'),
    `# keys\nPROD_API=${KEY}\nVIVENU_SECRET="${SECRET}"\n`,
  );
  return folder;
}

/** The file without what depends on the clock: the run's end and each delivery's time. */
const withoutVolatile = (json: string): unknown => {
  const value = JSON.parse(json) as {
    last_run?: string;
    receiver?: string;
    event_progress: Record<string, { sent_at?: Record<string, string> }>;
  };
  delete value.last_run;
  // Each side delivers to its own loopback receiver: same path, another port.
  value.receiver = value.receiver?.replace(/:\d+\//, ':port/');
  for (const entry of Object.values(value.event_progress)) {
    if (entry.sent_at)
      entry.sent_at = Object.fromEntries(Object.keys(entry.sent_at).map((id) => [id, 'time']));
  }
  return value;
};

describe('historical-sync (dist/cli.js) from a folder with a .env', () => {
  it('pull, dry run and sync give the same files, progress and deliveries as the action', async () => {
    const { vivenu, receiver } = await sandboxes();
    const folder = await folderWithEnv();
    const flags = [
      '--vivenu-url',
      vivenu.url,
      '--webhook-url',
      receiver.url,
      '--progress-file',
      'historical_sync_progress_PROD.json',
      '--interval',
      '0.01',
    ];

    const pull = await runCli(['pull', 'PROD', EVENT, ...flags], folder);
    expect(pull.stderr).toBe('');
    expect(pull.exitCode).toBe(0);
    expect(pull.stdout).toMatch(/page \d+: 240\/240\n/);
    const eventDir = path.join(folder, 'purchased_tickets', EVENT);
    expect(await readdir(path.join(eventDir, 'individual'))).toHaveLength(240);

    const dry = await runCli(['PROD', EVENT, '--dry-run', ...flags], folder);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toMatch(
      new RegExp(
        `Would deliver \\(dry run\\)[\\s\\S]*${EVENT}\\s+240\\s+${eligible.length}\\s+0\\s+${eligible.length}`,
      ),
    );
    expect(receiver.deliveries).toHaveLength(0);

    const sync = await runCli(['PROD', EVENT, ...flags], folder);
    expect(sync.exitCode).toBe(0);
    // Not a terminal: one plain line per delivery, no live line.
    expect(sync.stdout).toContain(`[1/${eligible.length}] sent ${eligible[0]!._id} (`);
    expect(sync.stdout).not.toContain('\x1b[2K');
    expect(sync.stdout).toMatch(/Filtering results[\s\S]*Eligible: /);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
    expect(receiver.accepted().every((d) => d.signatureValid)).toBe(true);

    // The action, on a second identical sandbox, does the same.
    const twin = await sandboxes();
    const action = await runBundledAction({
      inputs: {
        ...sandboxInputs({
          region: 'PROD',
          eventId: EVENT,
          keys: KEYS,
          vivenuUrl: twin.vivenu.url,
          webhookUrl: twin.receiver.url,
        }),
        interval: '0.01',
      },
    });
    expect(action.exitCode).toBe(0);
    const actionDir = path.join(action.workspace, 'purchased_tickets', EVENT);
    expect(await readFile(path.join(eventDir, 'all_tickets.json'), 'utf8')).toBe(
      await readFile(path.join(actionDir, 'all_tickets.json'), 'utf8'),
    );
    expect(await readdir(path.join(eventDir, 'individual'))).toEqual(
      await readdir(path.join(actionDir, 'individual')),
    );
    const progressName = 'historical_sync_progress_PROD.json';
    expect(withoutVolatile(await readFile(path.join(folder, progressName), 'utf8'))).toEqual(
      withoutVolatile(await readFile(path.join(action.workspace, progressName), 'utf8')),
    );
    const bodies = (r: ReceiverSandbox): string[] =>
      r.accepted().map((d) => `${d.id} ${JSON.stringify(d.ticket)}`);
    expect(bodies(twin.receiver)).toEqual(bodies(receiver));

    const output = pull.stdout + dry.stdout + sync.stdout + sync.stderr;
    expect(leakedValues(output, personalValues(tickets))).toEqual([]);
    expect(output).not.toContain(KEY);
    expect(output).not.toContain(SECRET);
  });

  it('names the missing key variable, before any request', async () => {
    const { vivenu } = await sandboxes();
    const folder = await mkdtemp(path.join(os.tmpdir(), 'cli-empty-'));
    const run = await runCli(['ITALY', EVENT, '--vivenu-url', vivenu.url], folder);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('ITALY_API is not set');
    expect(vivenu.stats.requests).toBe(0);
  });

  it('takes the environment over .env, and reports bad flags by name', async () => {
    const { vivenu } = await sandboxes();
    const folder = await folderWithEnv();
    const wrongKey = await runCli(['pull', 'PROD', EVENT, '--vivenu-url', vivenu.url], folder, {
      env: { PROD_API: 'from-environment' },
    });
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.stderr).toMatch(/refused the API key \(401\)/);

    const badFlag = await runCli(['PROD', EVENT, '--limit=-3'], folder);
    expect(badFlag.exitCode).toBe(1);
    expect(badFlag.stderr).toContain('limit "-3" must be a whole number');
    const unknown = await runCli(['PROD', EVENT, '--limt', '3'], folder);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown option '--limt'/);
  });

  it('Ctrl-C saves progress and says how to continue; the same command finishes', async () => {
    const { vivenu, receiver } = await sandboxes();
    const folder = await folderWithEnv();
    const args = [
      'PROD',
      EVENT,
      '--vivenu-url',
      vivenu.url,
      '--webhook-url',
      receiver.url,
      '--progress-file',
      'historical_sync_progress_PROD.json',
      '--interval',
      '0.03',
    ];
    const first = await runCli(args, folder, {
      onStart: (child) => {
        const timer = setInterval(() => {
          if (receiver.accepted().length >= 10) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 5);
        child.on('exit', () => clearInterval(timer));
      },
    });
    expect(first.exitCode).toBe(1);
    expect(first.stderr).toMatch(/SIGINT: no new delivery starts; saving progress/);
    expect(first.stderr).toMatch(/Cancelled: \d+ delivered this run/);
    expect(first.stdout).toContain(`To continue: historical-sync ${args.join(' ')}`);

    const second = await runCli(args, folder);
    expect(second.exitCode).toBe(0);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
  });
});
