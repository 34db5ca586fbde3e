import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import {
  GITHUB_TOKEN,
  PROGRESS_FILE,
  syncFixture,
  type SyncFixture,
} from '../support/sync-fixture.js';

/** Issue 22: the progress file's format through a whole run, from the workspace and the branch. */

const EVENT = '5f0c1e2d3c4b5a6978877667';
const NEWER =
  'is format 4, written by a newer version of this action (this one reads up to 3): ' +
  'update the action (the `uses:` ref or dist/) before running again. It was left as it is.';
const newerFile = JSON.stringify({ format: 4, tickets_sent: 7, event_progress: {} });

let fixture: SyncFixture | undefined;
let api: GitHubSandbox | undefined;
afterEach(async () => {
  await fixture?.close();
  await api?.close();
  fixture = undefined;
  api = undefined;
});

async function setUp(): Promise<{ fixture: SyncFixture; eligible: string[] }> {
  const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 37 });
  fixture = await syncFixture({ [EVENT]: tickets });
  const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
  return { fixture, eligible: selectTickets(tickets, rules).eligible.map((t) => t._id) };
}

describe('a progress file of a newer format', () => {
  it('in the workspace: the run stops before any request, the file left as it is', async () => {
    const { fixture } = await setUp();
    const file = path.join(fixture.workspace, PROGRESS_FILE);
    await writeFile(file, newerFile);
    const { error } = await fixture.run();
    expect(error?.message).toBe(`progress file ${file} ${NEWER}`);
    expect(fixture.vivenu.stats.requests).toBe(0);
    expect(fixture.receiver.accepted()).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(newerFile);
  });

  it('on the branch: the run delivers nothing and commits nothing', async () => {
    const { fixture } = await setUp();
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    api.putFile(PROGRESS_FILE, newerFile);
    const seeded = api.commits.length;
    const { error } = await fixture.run({}, { github: { api } });
    expect(error?.message).toContain(
      `cannot be read (progress file hia/vivenu-sync@main:${PROGRESS_FILE} ${NEWER})`,
    );
    expect(fixture.receiver.accepted()).toEqual([]);
    expect(api.commits).toHaveLength(seeded);
    expect(api.file(PROGRESS_FILE)).toBe(newerFile);
  });
});

describe('a format-2 file', () => {
  it('is continued, and written back as format 3', async () => {
    const { fixture, eligible } = await setUp();
    const file = path.join(fixture.workspace, PROGRESS_FILE);
    const formatTwo = {
      format: 2,
      region: 'DEV',
      events_processed: [],
      tickets_sent: 2,
      errors: [],
      errors_total: 0,
      last_run: '2026-11-01T00:00:00.000Z',
      event_progress: { [EVENT]: { sent: 2, sent_ticket_ids: eligible.slice(0, 2) } },
    };
    await writeFile(file, JSON.stringify(formatTwo));
    const { error } = await fixture.run();
    expect(error).toBeUndefined();
    expect(fixture.receiver.accepted().map((d) => d.ticketId)).toEqual(eligible.slice(2));
    const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      format: 3,
      events_processed: [EVENT],
      tickets_sent: eligible.length,
    });
  });
});
