import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { leakedValues, personalValues, shownToPeople } from '../support/personal-data.js';

const EVENT = '6864d4f427c2aa9b05cd17ee';
const API_KEY = 'vivenu-key-e2e-0f9a8b7c';
let sandbox: VivenuSandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('dist/index.js run the way the Actions runner runs it', () => {
  it('pull-only: 5,000 tickets through 429s, 503s and dropped connections, exactly once each', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 5_000, seed: 42 });
    sandbox = await startVivenuSandbox({
      apiKey: API_KEY,
      events: { [EVENT]: tickets },
      faults: {
        // Bounded, so the run's real waits stay a few seconds: 3 rate limits, one 503 storm, 3 drops.
        rateLimit: { rate: 0.1, retryAfter: 1, max: 3 },
        unavailable: { rate: 0.05, burst: 2, max: 2 },
        drop: { rate: 0.1, max: 3 },
      },
      seed: 3,
    });
    const run = await runBundledAction({
      inputs: {
        region: 'prod',
        'event-id': EVENT,
        'api-key': API_KEY,
        mode: 'pull-only',
        'vivenu-url': sandbox.url,
      },
    });

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(sandbox.stats.faults.rateLimit).toBeGreaterThan(0);
    expect(sandbox.stats.faults.unavailable).toBeGreaterThan(0);
    expect(sandbox.stats.faults.drop).toBeGreaterThan(0);

    const ticketsDir = path.join(run.workspace, 'purchased_tickets');
    expect(run.outputs).toMatchObject({ 'tickets-found': '5000', 'tickets-dir': ticketsDir });
    const eventDir = path.join(ticketsDir, EVENT);
    const all = JSON.parse(await readFile(path.join(eventDir, 'all_tickets.json'), 'utf8')) as {
      _id: string;
    }[];
    expect(new Set(all.map((t) => t._id))).toEqual(new Set(tickets.map((t) => t._id)));
    expect(all).toHaveLength(5_000);
    expect(await readdir(path.join(eventDir, 'individual'))).toHaveLength(5_000);
    const metadata = JSON.parse(
      await readFile(path.join(eventDir, 'metadata.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      region: 'PROD',
      total_reported: 5_000,
      total_pulled: 5_000,
      complete: true,
    });

    expect(run.stdout).toContain(`::group::Pull event ${EVENT} (PROD)`);
    expect(run.stdout).toMatch(/page \d+: 5,000\/5,000\n/);
    expect(run.stdout).toContain('page size now 50');
    // The event column names the event (the sandbox's made-up name) before its id (issue 12).
    expect(run.summary).toMatch(
      new RegExp(`\\| Sandbox event \\S+ \\(.*\\) · ${EVENT} \\| 5,000 \\| 5,000 \\| yes \\|`),
    );
    expect(run.summary).toContain('HYROX MEN \\| CHARITY HIA');

    const everything = shownToPeople(run.stdout) + run.summary;
    expect(leakedValues(everything, personalValues(tickets))).toEqual([]);
    expect(everything).not.toContain(API_KEY);
  });

  it('fails on a malformed event id before any request, naming the input', async () => {
    sandbox = await startVivenuSandbox({ apiKey: API_KEY, events: {} });
    const run = await runBundledAction({
      inputs: {
        region: 'DEV',
        'event-id': 'abc',
        'api-key': API_KEY,
        'vivenu-url': sandbox.url,
        mode: 'pull-only',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error::Invalid input: event-id "abc" is not a 24-character hex id',
    );
    expect(sandbox.stats.requests).toBe(0);
  });

  it('fails on a wrong key with what to check, after one request', async () => {
    sandbox = await startVivenuSandbox({ apiKey: API_KEY, events: { [EVENT]: [] } });
    const run = await runBundledAction({
      inputs: {
        region: 'italy',
        'event-id': EVENT,
        'api-key': 'not-the-key',
        'vivenu-url': sandbox.url,
        mode: 'pull-only',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Vivenu refused the API key \(401\) for region ITALY.*ITALY_API/,
    );
    expect(run.summary).toContain('[!CAUTION]');
    expect(run.stdout).toContain('::add-mask::not-the-key');
    expect(shownToPeople(run.stdout) + run.summary).not.toContain('not-the-key');
    // The one request is the event's (issue 12: asked before the pull); no ticket page follows.
    expect(sandbox.stats.eventRequests).toBe(1);
    expect(sandbox.stats.requests).toBe(0);
  });
});
