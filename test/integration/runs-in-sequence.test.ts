/**
 * An operator's week as a sequence of runs, each on the real pipeline against the sandboxes:
 * a re-run from the commit the first run started at, the test receiver before production, a
 * narrower filter before the default, a ticket Vivenu moved between events, staging tickets to
 * production. Each run is a fresh run in the same workspace (or a fresh checkout).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { syncTotals } from '../../src/run-report.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import { ProgressFileError } from '../../src/errors.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { playEarlierTool } from '../support/earlier-tool.js';
import {
  GITHUB_TOKEN,
  PROGRESS_FILE,
  syncFixture,
  type SyncFixture,
} from '../support/sync-fixture.js';

const EVENT = '6b0c1e2d3c4b5a6978877601';
const OTHER = '6b0c1e2d3c4b5a6978877602';
const DEFAULT_RULES = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const eligible = (tickets: Ticket[], rules = DEFAULT_RULES): string[] =>
  selectTickets(tickets, rules).eligible.map((t) => t._id);

let fixture: SyncFixture | undefined;
let api: GitHubSandbox | undefined;
let second: ReceiverSandbox | undefined;
afterEach(async () => {
  await fixture?.close();
  await api?.close();
  await second?.close();
  fixture = api = second = undefined;
});

const readJson = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as {
    receiver?: string;
    events_processed: string[];
    tickets_sent: number;
    event_progress: Record<string, { sent_ticket_ids: string[]; completed_for?: unknown[] }>;
  };

describe('a re-run, or a run that waited its turn, starts from an older checkout', () => {
  it('reads the branch first: a re-run of a run that delivered 40 delivers none of them again', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 200, seed: 61 });
    const ids = eligible(tickets);
    expect(ids.length).toBeGreaterThan(40);
    fixture = await syncFixture({ [EVENT]: tickets });
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    const first = await fixture.run({ limit: '40' }, { github: { api } });
    expect(first.error).toBeUndefined();
    expect(fixture.receiver.accepted()).toHaveLength(40);

    // "Re-run jobs" checks out the commit the run started at: no progress file there yet.
    await rm(path.join(fixture.workspace, PROGRESS_FILE));
    const rerun = await fixture.run({}, { github: { api } });
    expect(rerun.error).toBeUndefined();
    expect(rerun.log).toMatch(
      /Read the progress file on hia\/vivenu-sync@main: 40 delivered all-time \(the checked-out copy had 0\)/,
    );
    const delivered = fixture.receiver.accepted().map((d) => d.ticketId);
    expect(delivered).toEqual(ids);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(syncTotals(rerun.report)).toMatchObject({
      deliveredBefore: 40,
      sentNow: ids.length - 40,
    });
    const onBranch = JSON.parse(api.file(PROGRESS_FILE)!) as { tickets_sent: number };
    expect(onBranch.tickets_sent).toBe(ids.length);
  });

  it('a dry run from an old checkout plans only what the branch has not got', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 62 });
    fixture = await syncFixture({ [EVENT]: tickets });
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    await fixture.run({ limit: '10' }, { github: { api } });
    // At most 10: a team that does not fit waits whole.
    const sent = fixture.receiver.accepted().length;
    expect(sent).toBeGreaterThan(0);
    await rm(path.join(fixture.workspace, PROGRESS_FILE));
    const plan = await fixture.run({ 'dry-run': 'true' }, { github: { api } });
    expect(plan.error).toBeUndefined();
    expect(plan.report.plans[0]!.toSend).toBe(eligible(tickets).length - sent);
  });

  it('when the branch cannot be read, nothing is delivered and the run says why', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 60, seed: 63 });
    fixture = await syncFixture({ [EVENT]: tickets });
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    api.setFaults({ serverErrors: Number.POSITIVE_INFINITY });
    const run = await fixture.run({}, { github: { api } });
    expect(run.error?.message).toBe(
      'Nothing was delivered: the progress file on hia/vivenu-sync@main cannot be read (GitHub answered 502 Server Error), so this run cannot know what earlier runs delivered.',
    );
    expect(fixture.receiver.deliveries).toHaveLength(0);
    expect(fixture.vivenu.stats.requests).toBe(0);
  });
});

describe('runs to the test receiver and to production never spoil each other', () => {
  it('a sync to one receiver, then the same event to another: the second gets every ticket, none twice', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 150, seed: 64 });
    const ids = eligible(tickets);
    fixture = await syncFixture({ [EVENT]: tickets });
    second = await startReceiverSandbox({ secret: 'fixture-webhook-secret' });
    // Each receiver's own file: progress-file left to its default.
    const toFirst = await fixture.run({ 'progress-file': '' });
    const toSecond = await fixture.run({ 'progress-file': '', 'webhook-url': second.url });
    expect(toFirst.error).toBeUndefined();
    expect(toSecond.error).toBeUndefined();
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).toEqual(ids);
    expect(second.accepted().map((d) => d.ticketId)).toEqual(ids);
    expect(toSecond.report.complete).toBe(true);

    const files = [toFirst.report.progressFile, toSecond.report.progressFile];
    expect(new Set(files).size).toBe(2);
    for (const file of files)
      expect(path.basename(file)).toMatch(
        /^historical_sync_progress_DEV\.receiver-[0-9a-f]{12}\.json$/,
      );
    expect((await readJson(files[0]!)).receiver).toBe(fixture.receiver.url);
    expect((await readJson(files[1]!)).receiver).toBe(second.url);
    // A second sync to each sends nothing.
    await fixture.run({ 'progress-file': '' });
    await fixture.run({ 'progress-file': '', 'webhook-url': second.url });
    expect(fixture.receiver.accepted()).toHaveLength(ids.length);
    expect(second.accepted()).toHaveLength(ids.length);
  });

  it('a progress file of one receiver named for another stops the run before anything is sent', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 60, seed: 65 });
    fixture = await syncFixture({ [EVENT]: tickets });
    second = await startReceiverSandbox({ secret: 'fixture-webhook-secret' });
    await fixture.run();
    const before = await readFile(path.join(fixture.workspace, PROGRESS_FILE), 'utf8');
    const run = await fixture.run({ 'webhook-url': second.url });
    expect(run.error).toBeInstanceOf(ProgressFileError);
    expect(run.error?.message).toBe(
      `progress file ${path.join(fixture.workspace, PROGRESS_FILE)} records deliveries to the receiver at ${fixture.receiver.url}, and this run delivers to ${second.url}. It was left as it is: leave progress-file empty (each receiver keeps its own file), or name the file of this receiver.`,
    );
    expect(second.deliveries).toHaveLength(0);
    expect(await readFile(path.join(fixture.workspace, PROGRESS_FILE), 'utf8')).toBe(before);
  });

  it('a file the earlier tool wrote (no receiver recorded) is taken as the receiver’s, and the earlier tool still continues it', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 66 });
    const ids = eligible(tickets);
    fixture = await syncFixture({ [EVENT]: tickets });
    const file = path.join(fixture.workspace, PROGRESS_FILE);
    const earlier = {
      events_processed: [],
      tickets_sent: 5,
      errors: [],
      last_run: '2025-07-29T15:30:00',
      event_progress: {
        [EVENT]: {
          total_tickets: ids.length,
          processed_tickets: 5,
          sent_ticket_ids: ids.slice(0, 5),
          last_processed_index: 4,
          status: 'in_progress',
          batches_completed: 1,
        },
      },
    };
    await writeFile(file, JSON.stringify(earlier));
    const run = await fixture.run({ limit: '20' });
    expect(run.error).toBeUndefined();
    expect(run.log).toContain(
      `historical_sync_progress_DEV.json records 5 deliveries but not their receiver (it was written before each receiver kept its own file): they are taken as ${fixture.receiver.url}'s.`,
    );
    const written = await readFile(file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ receiver: fixture.receiver.url, tickets_sent: 25 });
    const now = selectTickets(tickets, DEFAULT_RULES).eligible;
    const earlierRun = playEarlierTool(written, EVENT, now, { resume: true });
    expect(earlierRun.sent).toEqual(ids.slice(25));
    // Said once: the file now records its receiver.
    const next = await fixture.run({ limit: '1' });
    expect(next.log).not.toContain('but not their receiver');
  });
});

describe('complete means complete for what was asked', () => {
  it('a narrower filter, then the default: the newly eligible tickets go, none twice', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 200, seed: 67 });
    const validOnly = eligible(tickets, { statuses: ['VALID'], nameContains: 'CHARITY' });
    const all = eligible(tickets);
    expect(all.length).toBeGreaterThan(validOnly.length);
    fixture = await syncFixture({ [EVENT]: tickets });
    const file = path.join(fixture.workspace, PROGRESS_FILE);

    const narrow = await fixture.run({ statuses: 'VALID' });
    expect(narrow.error).toBeUndefined();
    expect(narrow.report.complete).toBe(true);
    const afterNarrow = await readJson(file);
    // Not the earlier tool's selection: events_processed (which it reads) stays as it was.
    expect(afterNarrow.events_processed).toEqual([]);
    expect(afterNarrow.event_progress[EVENT]!.completed_for).toEqual([
      { statuses: ['VALID'], name_contains: 'CHARITY' },
    ]);
    // The same selection again is passed over as complete.
    const again = await fixture.run({ statuses: 'valid' });
    expect(again.report.syncs[0]!.passedOverAsComplete).toBe(true);

    const wider = await fixture.run();
    expect(wider.error).toBeUndefined();
    expect(syncTotals(wider.report)).toMatchObject({
      deliveredBefore: validOnly.length,
      sentNow: all.length - validOnly.length,
      remaining: 0,
    });
    const delivered = fixture.receiver.accepted().map((d) => d.ticketId);
    expect([...delivered].sort()).toEqual([...all].sort());
    expect((await readJson(file)).events_processed).toEqual([EVENT]);
    expect(renderJobSummary(wider.report).split('\n')[2]).toMatch(/^✅ Done/);
  });

  it('another name text after the default: looks again and sends only what was never delivered', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 150, seed: 68 });
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run();
    const count = fixture.receiver.accepted().length;
    const hia = await fixture.run({ 'name-contains': 'CHARITY HIA' });
    expect(hia.report.syncs[0]!.passedOverAsComplete).toBe(false);
    expect(syncTotals(hia.report)).toMatchObject({ sentNow: 0, remaining: 0 });
    expect(fixture.receiver.accepted()).toHaveLength(count);
  });
});

describe('a ticket Vivenu moved to another event', () => {
  it('is not sent again when that event is synced, and tickets_sent counts it once', async () => {
    const first = generateEventTickets({ eventId: EVENT, count: 100, seed: 69 });
    const later = generateEventTickets({ eventId: OTHER, count: 60, seed: 70 });
    fixture = await syncFixture({ [EVENT]: first, [OTHER]: later });
    await fixture.run({ 'event-id': EVENT });
    const sentFirst = eligible(first);
    const moved = first
      .filter((t) => sentFirst.slice(0, 5).includes(t._id))
      .map((t) => ({ ...t, eventId: OTHER }));
    fixture.vivenu.upsertTickets(OTHER, moved);

    const run = await fixture.run({ 'event-id': OTHER });
    expect(run.error).toBeUndefined();
    const expectedNew = eligible([...later, ...moved]).filter((id) => !sentFirst.includes(id));
    const delivered = fixture.receiver.accepted().map((d) => d.ticketId);
    expect(delivered.slice(sentFirst.length)).toEqual(expectedNew);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(run.log).toMatch(
      new RegExp(
        `event ${OTHER}: 5 tickets were delivered under another event before moving to this one`,
      ),
    );
    const progress = await readJson(path.join(fixture.workspace, PROGRESS_FILE));
    expect(progress.tickets_sent).toBe(delivered.length);
    // Listed under the event they are in now too, so the earlier tool skips them there.
    expect(progress.event_progress[OTHER]!.sent_ticket_ids).toEqual(
      expect.arrayContaining(moved.map((t) => t._id)),
    );
    expect(run.report.complete).toBe(true);
  });
});

describe('staging tickets to the production receiver', () => {
  it('a DEV dry run to production says "staging" and "PRODUCTION" first, and the log says it before anything', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 80, seed: 71 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const run = await fixture.run({
      target: 'prod',
      'webhook-url': '',
      'progress-file': '',
      'dry-run': 'true',
    });
    expect(run.error).toBeUndefined();
    expect(path.basename(run.report.progressFile)).toBe('historical_sync_progress_DEV.json');
    const [title, , verdict] = renderJobSummary(run.report).split('\n');
    expect(title).toBe(
      `## Vivenu historical sync · Sandbox event 6b0c1e (2026-05-23 to 2026-05-24) · DEV (staging tickets) · sync (dry run) → PRODUCTION receiver`,
    );
    expect(verdict).toMatch(
      /^🔍 Staging tickets \(DEV\) to the PRODUCTION receiver\. Dry run: \d+ charity tickets would go to the PRODUCTION receiver/,
    );
    const warning = run.log.indexOf('Staging tickets (DEV, ');
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(warning).toBeLessThan(run.log.indexOf('Filtering results'));
    expect(fixture.receiver.deliveries).toHaveLength(0);
  });

  it('a DEV run to the test receiver says nothing of staging', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 40, seed: 72 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const run = await fixture.run({ 'webhook-url': '', 'progress-file': '', 'dry-run': 'true' });
    expect(run.log).not.toMatch(/staging/i);
    expect(renderJobSummary(run.report)).not.toMatch(/staging/i);
    expect(path.basename(run.report.progressFile)).toBe(
      'historical_sync_progress_DEV.test-receiver.json',
    );
  });
});
