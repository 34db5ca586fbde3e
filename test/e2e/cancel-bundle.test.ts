import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { sandboxInputs } from '../support/bundle-sandboxes.js';

/**
 * Cancel on GitHub: the runner sends SIGINT, SIGTERM 7.5 s later, and kills the step 2.5 s
 * after that (docs/sources.md, "Cancelling a step"). The step must be out within 9 s of the SIGINT, with
 * its outputs and summary written, even when GitHub has gone silent (the sandbox reads the
 * request and never answers).
 */
const EXIT_WITHIN_MS = 9_000;
const EVENT = '6a6b6c6d6e6f707172737401';
const API_KEY = 'cancel-vivenu-key';
const SECRET = 'cancel-webhook-secret';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const TOKEN = 'cancel-github-token';

let vivenu: VivenuSandbox;
let receiver: ReceiverSandbox;
let github: GitHubSandbox;
afterEach(async () => {
  await Promise.all([vivenu.close(), receiver.close(), github.close()]);
});

async function start(count: number, slowPagesMs?: number) {
  const tickets = generateEventTickets({ eventId: EVENT, count, seed: 90 });
  vivenu = await startVivenuSandbox({
    apiKey: API_KEY,
    events: { [EVENT]: tickets },
    ...(slowPagesMs ? { faults: { slow: { rate: 1, ms: slowPagesMs } } } : {}),
  });
  receiver = await startReceiverSandbox({ secret: SECRET });
  github = await startGitHubSandbox({ token: TOKEN });
  const eligible = selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible;
  return { eligible };
}

/** Runs the bundle; when `when()` first holds, sends SIGINT and times the exit from then. */
async function interruptWhen(
  when: () => boolean,
  inputs: Record<string, string>,
): Promise<{ run: BundledRun; exitMs: number; signalled: boolean }> {
  let signalledAt = 0;
  let exitMs = 0;
  const run = await runBundledAction({
    inputs: {
      ...sandboxInputs({
        region: 'DEV',
        eventId: EVENT,
        keys: KEYS,
        vivenuUrl: vivenu.url,
        webhookUrl: receiver.url,
        progressFile: 'receiver',
      }),
      'github-token': TOKEN,
      ...inputs,
    },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'hia/vivenu-sync',
      GITHUB_REF: 'refs/heads/main',
    },
    onStart: (child: ChildProcess) => {
      const poll = setInterval(() => {
        if (!when()) return;
        clearInterval(poll);
        signalledAt = performance.now();
        child.kill('SIGINT');
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        if (signalledAt) exitMs = performance.now() - signalledAt;
      });
    },
  });
  return { run, exitMs, signalled: signalledAt > 0 };
}

/** GitHub answers until the start commit has landed, then reads every request and never answers. */
function silentAfterStartCommit(): () => boolean {
  let silentFrom = -1;
  return () => {
    if (silentFrom < 0 && github.commits.length >= 1) {
      github.setFaults({ silent: true });
      silentFrom = github.requests.length;
    }
    return silentFrom >= 0 && github.requests.length > silentFrom;
  };
}

function expectReported(run: BundledRun): void {
  expect(run.outputs.complete).toBe('false');
  expect(run.outputs['tickets-sent']).toMatch(/^\d+$/);
  expect(run.summary).toContain('## Vivenu historical sync');
}

describe('dist/index.js cancelled while GitHub is silent', () => {
  it('SIGINT while the progress file on the branch is read: out within 9 s, nothing pulled or delivered', async () => {
    await start(200);
    github.setFaults({ silent: true });
    const { run, exitMs, signalled } = await interruptWhen(() => github.requests.length >= 1, {});
    expect(signalled).toBe(true);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Received SIGINT');
    expect(vivenu.stats.requests).toBe(0);
    expect(receiver.deliveries).toHaveLength(0);
    expectReported(run);
  });

  it('SIGINT during the pull: out within 9 s, nothing delivered, outputs and summary written', async () => {
    await start(3_000, 1_500);
    // GitHub answers the read before the pull, then goes silent.
    const { run, exitMs, signalled } = await interruptWhen(
      () => {
        if (vivenu.stats.requests < 1) return false;
        github.setFaults({ silent: true });
        return true;
      },
      { 'page-size': '100' },
    );
    expect(signalled).toBe(true);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Received SIGINT');
    expect(receiver.deliveries).toHaveLength(0);
    expectReported(run);
  });

  it('SIGINT during a periodic commit GitHub never answers: out within 9 s, the uncommitted deliveries counted', async () => {
    const { eligible } = await start(400);
    const { run, exitMs, signalled } = await interruptWhen(silentAfterStartCommit(), {
      interval: '0.05',
      'commit-every-minutes': '0.01',
    });
    expect(signalled).toBe(true);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    const delivered = receiver.accepted().length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(eligible.length);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::${delivered} deliveries of this run are not committed to hia/vivenu-sync@main`,
      ),
    );
    expect(run.outputs['tickets-sent']).toBe(String(delivered));
    expect(run.summary).toContain('Progress **not** fully committed to `hia/vivenu-sync@main`');
    expectReported(run);
  });

  it('SIGINT during the final commit GitHub never answers: out within 9 s', async () => {
    const { eligible } = await start(60);
    const silent = silentAfterStartCommit();
    const { run, exitMs, signalled } = await interruptWhen(
      () => receiver.accepted().length === eligible.length && silent(),
      { interval: '0.02' },
    );
    expect(signalled).toBe(true);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`::error::${eligible.length} deliveries of this run are not committed`),
    );
    expect(github.commits).toHaveLength(1);
    expect(run.summary).toContain('## Vivenu historical sync');
    expect(run.outputs['tickets-sent']).toBe(String(eligible.length));
  });
});
