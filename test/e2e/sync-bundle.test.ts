import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import { uuidV5 } from '../../src/webhook/envelope.js';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { sandboxInputs } from '../support/bundle-sandboxes.js';
import { leakedValues, personalValues, shownToPeople } from '../support/personal-data.js';

const EVENT = '68108c20c5c88849372bfb61';
const API_KEY = 'e2e-sync-vivenu-key';
const SECRET = 'e2e-sync-webhook-secret';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const GITHUB_TOKEN = 'e2e-sync-github-token';
const FILE = 'historical_sync_progress_PROD.json';
let vivenu: VivenuSandbox | undefined;
let receiver: ReceiverSandbox | undefined;
let github: GitHubSandbox;
afterEach(async () => {
  await vivenu?.close();
  await receiver?.close();
  await github.close();
});

describe('dist/index.js sync, cancelled by a real SIGINT and run again', () => {
  it('delivers every eligible ticket exactly once, in creation order, signed', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 300, seed: 77 });
    const eligible = selectTickets(tickets, {
      statuses: ['VALID', 'DETAILSREQUIRED'],
      nameContains: 'CHARITY',
    }).eligible;
    vivenu = await startVivenuSandbox({ apiKey: API_KEY, events: { [EVENT]: tickets } });
    receiver = await startReceiverSandbox({ secret: SECRET, behaviour: { slowMs: 20 } });
    github = await startGitHubSandbox({ token: GITHUB_TOKEN });
    const inputs = {
      ...sandboxInputs({
        region: 'PROD',
        eventId: EVENT,
        keys: KEYS,
        vivenuUrl: vivenu.url,
        webhookUrl: receiver.url,
      }),
      'github-token': GITHUB_TOKEN,
      interval: '0.05',
    };
    // What the runner sets for a workflow_dispatch run on main.
    const env = {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'hia/vivenu-sync',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: 'hia/vivenu-sync/.github/workflows/historical-sync.yml@refs/heads/main',
    };

    const watched = receiver;
    let signalledAt = 0;
    let exitedAfterMs = 0;
    const first = await runBundledAction({
      inputs,
      env,
      onStart: (child) => {
        const timer = setInterval(() => {
          if (watched.accepted().length >= 25) {
            clearInterval(timer);
            signalledAt = watched.accepted().length;
            const sentAt = performance.now();
            child.on('exit', () => (exitedAfterMs = performance.now() - sentAt));
            child.kill('SIGINT');
          }
        }, 5);
        child.on('exit', () => clearInterval(timer));
      },
    });
    // The runner kills the step about 10 s after SIGINT: saving and committing must fit before.
    expect(exitedAfterMs).toBeGreaterThan(0);
    expect(exitedAfterMs).toBeLessThan(10_000);
    expect(signalledAt).toBeGreaterThanOrEqual(25);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain('Received SIGINT: no new delivery starts; saving progress.');
    expect(first.stdout).toMatch(
      /::error::Cancelled: \d+ delivered this run, \d+ remaining; progress saved in .*Run again with the same inputs/,
    );
    expect(first.outputs.complete).toBe('false');
    // At most the delivery in flight when the signal came got through after it.
    const afterFirst = receiver.accepted().length;
    expect(afterFirst - signalledAt).toBeLessThanOrEqual(1);
    const progressFile = first.outputs['progress-file']!;
    const saved = JSON.parse(await readFile(progressFile, 'utf8')) as {
      tickets_sent: number;
      event_progress: Record<string, { sent_ticket_ids: string[] }>;
    };
    expect(saved.event_progress[EVENT]!.sent_ticket_ids).toEqual(
      receiver.accepted().map((d) => d.ticketId),
    );
    expect(Number(first.outputs['tickets-sent'])).toBe(afterFirst);
    // The run proved it could commit before its first delivery, and the cancelled run
    // committed its progress before it exited.
    expect(github.commits.map((c) => c.message)).toEqual([
      'historical sync: PROD starting (0 sent so far) [skip ci]',
      `historical sync: PROD +${afterFirst} sent (${afterFirst}) [skip ci]`,
    ]);
    expect(JSON.parse(github.file(FILE)!)).toMatchObject({ tickets_sent: afterFirst });

    // The next run is on a fresh runner: its checkout has only what was committed.
    const freshWorkspace = await mkdtemp(path.join(os.tmpdir(), 'fresh-runner-'));
    await writeFile(path.join(freshWorkspace, FILE), github.file(FILE)!);

    const second = await runBundledAction({ inputs, env, workspace: freshWorkspace });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({
      complete: 'true',
      'tickets-eligible': String(eligible.length),
      'tickets-skipped': String(afterFirst),
      'tickets-sent': String(eligible.length - afterFirst),
      'tickets-failed': '0',
    });

    const accepted = receiver.accepted();
    expect(accepted.map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
    expect(accepted.every((d) => d.signatureValid && d.id === uuidV5(d.ticketId))).toBe(true);

    expect(github.commits).toHaveLength(4);
    expect(JSON.parse(github.file(FILE)!)).toMatchObject({
      events_processed: [EVENT],
      tickets_sent: eligible.length,
    });
    expect(second.summary).toContain(
      'Progress committed to `hia/vivenu-sync@main`: 2 commits this run',
    );

    const progressText = await readFile(second.outputs['progress-file']!, 'utf8');
    const commits = github.commits.map((c) => `${c.message}\n${c.text}`).join('\n');
    const seen =
      shownToPeople(first.stdout + second.stdout) +
      first.summary +
      second.summary +
      progressText +
      commits;
    expect(leakedValues(seen, personalValues(tickets))).toEqual([]);
    for (const secret of [API_KEY, SECRET, GITHUB_TOKEN]) expect(seen).not.toContain(secret);
  });
});
