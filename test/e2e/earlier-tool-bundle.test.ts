/**
 * Issue 12, items 1 and 2, through the bundles people run (dist/index.js, dist/cli.js): the
 * envelope in the earlier tool's form, and progress files the earlier Python tool continues
 * from (its reading rules: test/support/earlier-tool.ts, from docs/sources.md, "Its progress file").
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { startGitHubSandbox } from '../../sandbox/github-sandbox.js';
import type { ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import type { VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { uuidV5 } from '../../src/webhook/envelope.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { playEarlierTool } from '../support/earlier-tool.js';
import { runCli } from '../support/run-cli.js';

const EVENT = '6900aa11bb22cc33dd44ee66';
const KEY = 'earlier-tool-key';
const SECRET = 'earlier-tool-secret';
const TOKEN = 'ghs_earlier_tool';
const PROGRESS = 'historical_sync_progress_PROD.json';

const KEYS = { apiKey: KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);

const eligibleOf = (tickets: readonly Ticket[]): Ticket[] =>
  selectTickets(tickets, { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' })
    .eligible;

const actionInputs = (vivenu: VivenuSandbox, receiver: ReceiverSandbox, extra = {}) => ({
  ...sandboxInputs({
    region: 'PROD',
    eventId: EVENT,
    keys: KEYS,
    vivenuUrl: vivenu.url,
    webhookUrl: receiver.url,
  }),
  'github-token': TOKEN,
  interval: '0',
  ...extra,
});

const actionEnv = (githubUrl: string) => ({
  GITHUB_API_URL: githubUrl,
  GITHUB_REPOSITORY: 'hia/vivenu-sync',
  GITHUB_REF: 'refs/heads/main',
});

describe('item 1: the envelope in the earlier form', () => {
  it('a receiver that insists on historical-sync- and a string sellerId takes every ticket; webhookId is stable across attempts', async () => {
    const generated = generateEventTickets({ eventId: EVENT, count: 24, seed: 1301 });
    const eligible = eligibleOf(generated);
    // Vivenu's spec requires sellerId, but a ticket without one (or with null) must still go.
    const withoutSeller = new Set(eligible.slice(0, 2).map((t) => t._id));
    const nullSeller = eligible[2]!._id;
    const tickets = generated.map((ticket): Ticket => {
      if (withoutSeller.has(ticket._id)) {
        const { sellerId, ...rest } = ticket;
        void sellerId;
        return rest;
      }
      return ticket._id === nullSeller ? { ...ticket, sellerId: null } : ticket;
    });
    const { vivenu, receiver } = await sandbox.start(
      { [EVENT]: tickets },
      // Every ticket's first attempt answered 503 (Retry-After 0): each goes twice.
      { earlierFormOnly: true, failFirstAttempts: { count: 1, status: 503, retryAfter: 0 } },
    );
    const github = sandbox.track(await startGitHubSandbox({ token: TOKEN }));
    const run = await runBundledAction({
      inputs: actionInputs(vivenu, receiver),
      env: actionEnv(github.url),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      'tickets-sent': String(eligible.length),
      'tickets-failed': '0',
    });
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
    expect(receiver.deliveries).toHaveLength(2 * eligible.length);
    for (const delivery of receiver.deliveries) {
      expect(delivery.signatureValid).toBe(true);
      expect(delivery.id).toBe(uuidV5(delivery.ticketId));
      expect(delivery.webhookId).toBe(`historical-sync-${delivery.id.slice(0, 8)}`);
      expect(delivery.webhookId).toMatch(/^historical-sync-[0-9a-f]{8}$/);
      const expected =
        withoutSeller.has(delivery.ticketId) || delivery.ticketId === nullSeller
          ? ''
          : (tickets.find((t) => t._id === delivery.ticketId)!.sellerId as string);
      expect(delivery.sellerId).toBe(expected);
    }
    // The ticket goes through unchanged: no sellerId added to one that had none.
    for (const id of withoutSeller) {
      const arrived = receiver.deliveries.find((d) => d.ticketId === id)!.ticket;
      expect('sellerId' in arrived).toBe(false);
    }
  });
});

interface ProgressFile {
  event_progress: Record<string, Record<string, unknown>>;
}

describe('item 2: a progress file the earlier tool can continue', () => {
  it('what the action commits after a partial and a complete run: no KeyError, the rest once, none twice', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 90, seed: 1302 });
    const eligible = eligibleOf(tickets);
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: tickets });
    const github = sandbox.track(await startGitHubSandbox({ token: TOKEN }));

    const partial = await runBundledAction({
      inputs: actionInputs(vivenu, receiver, { limit: '12' }),
      env: actionEnv(github.url),
    });
    expect(partial.exitCode).toBe(0);
    const ours = receiver.accepted().map((d) => d.ticketId);
    const committed = github.file(PROGRESS)!;
    expect((JSON.parse(committed) as ProgressFile).event_progress[EVENT]).toMatchObject({
      total_tickets: eligible.length,
      processed_tickets: ours.length,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 1,
    });
    const continued = playEarlierTool(committed, EVENT, eligible, { resume: true });
    const rest = eligible.map((t) => t._id).filter((id) => !ours.includes(id));
    expect(rest.length).toBeGreaterThan(0);
    expect(continued.sent).toEqual(rest);

    // The next run on a fresh runner: its checkout has only what was committed.
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'earlier-tool-runner-'));
    await writeFile(path.join(workspace, PROGRESS), committed);
    const complete = await runBundledAction({
      inputs: actionInputs(vivenu, receiver),
      env: actionEnv(github.url),
      workspace,
    });
    expect(complete.exitCode).toBe(0);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
    const done = github.file(PROGRESS)!;
    expect((JSON.parse(done) as ProgressFile).event_progress[EVENT]).toMatchObject({
      total_tickets: eligible.length,
      processed_tickets: eligible.length,
      status: 'completed',
      batches_completed: 2,
    });
    const skipped = playEarlierTool(done, EVENT, eligible, { resume: false });
    expect(skipped).toMatchObject({ skippedAsCompleted: true, sent: [] });
    expect(playEarlierTool(done, EVENT, eligible, { resume: true }).sent).toEqual([]);
  });

  it('the CLI continues a file the earlier tool wrote on top of ours: only the tickets sold since go', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 80, seed: 1303 });
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: tickets });
    const folder = await mkdtemp(path.join(os.tmpdir(), 'earlier-tool-cli-'));
    await writeFile(path.join(folder, '.env'), `PROD_API=${KEY}\nVIVENU_SECRET=${SECRET}\n`);
    const flags = [
      '--vivenu-url',
      vivenu.url,
      '--webhook-url',
      receiver.url,
      '--progress-file',
      'historical_sync_progress_PROD.json',
      '--interval',
      '0',
    ];

    const ours = await runCli(['PROD', EVENT, '--limit', '10', ...flags], folder);
    expect(ours.exitCode).toBe(0);
    const sentByUs = receiver.accepted().map((d) => d.ticketId);
    // The earlier tool continues our file (--resume) and writes its own back.
    const eligible = eligibleOf(vivenu.tickets(EVENT));
    const text = await readFile(path.join(folder, PROGRESS), 'utf8');
    const earlier = playEarlierTool(text, EVENT, eligible, { resume: true });
    expect(earlier.sent.length).toBe(eligible.length - sentByUs.length);
    await writeFile(path.join(folder, PROGRESS), JSON.stringify(earlier.file));

    const sold = generateEventTickets({
      eventId: EVENT,
      count: 30,
      seed: 1304,
      startsAt: new Date('2025-09-01T00:00:00Z'),
    });
    vivenu.upsertTickets(EVENT, sold);
    const again = await runCli(['PROD', EVENT, '--resync', ...flags], folder);
    expect(again.exitCode).toBe(0);
    const sentAgain = receiver
      .accepted()
      .slice(sentByUs.length)
      .map((d) => d.ticketId);
    expect(sentAgain).toEqual(eligibleOf(sold).map((t) => t._id));
    const final = JSON.parse(await readFile(path.join(folder, PROGRESS), 'utf8')) as ProgressFile;
    expect(final.event_progress[EVENT]).toMatchObject({
      total_tickets: eligibleOf(vivenu.tickets(EVENT)).length,
      processed_tickets: eligibleOf(vivenu.tickets(EVENT)).length,
      status: 'completed',
    });
  });
});
