import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubRepository } from '../../src/github/github-repository.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { leakedValues, personalValues } from '../support/personal-data.js';
import { GITHUB_TOKEN, syncFixture, type SyncFixture } from '../support/sync-fixture.js';

const EVENT = '6a6b6c6d6e6f707172737475';
const FILE = 'historical_sync_progress_DEV.json';
const eligibleIds = (tickets: Ticket[]): string[] =>
  selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible.map((t) => t._id);

interface ProgressJson {
  events_processed: string[];
  tickets_sent: number;
  errors: unknown[];
  event_progress: Record<string, { sent_ticket_ids: string[] }>;
}

let fixture: SyncFixture | undefined;
let api: GitHubSandbox | undefined;
afterEach(async () => {
  await fixture?.close();
  await api?.close();
  fixture = undefined;
  api = undefined;
});

async function setUp(count: number, seed: number) {
  const tickets = generateEventTickets({ eventId: EVENT, count, seed });
  fixture = await syncFixture({ [EVENT]: tickets });
  api = await startGitHubSandbox({ token: GITHUB_TOKEN });
  return { tickets, fixture, api, expected: eligibleIds(tickets) };
}

const committed = (sandbox: GitHubSandbox): ProgressJson =>
  JSON.parse(sandbox.file(FILE)!) as ProgressJson;

describe('progress committed through the Contents API (real Octokit, sandbox GitHub)', () => {
  it('proves it can commit before delivering, then commits with the agreed message', async () => {
    const { fixture, api, expected, tickets } = await setUp(200, 41);
    const first = await fixture.run({ limit: '10' }, { github: { api } });
    expect(first.error).toBeUndefined();
    // The first commit creates the file before any delivery; the last records the ten.
    expect(api.commits.map((c) => c.message)).toEqual([
      'historical sync: DEV starting (0 sent so far) [skip ci]',
      'historical sync: DEV +10 sent (10) [skip ci]',
    ]);
    // The branch's copy is read before anything is selected; the proving commit reads it again.
    expect(api.requests.slice(0, 3)).toEqual([
      `GET /repos/hia/vivenu-sync/contents/${FILE}`,
      `GET /repos/hia/vivenu-sync/contents/${FILE}`,
      `PUT /repos/hia/vivenu-sync/contents/${FILE}`,
    ]);
    expect(committed(api).event_progress[EVENT]!.sent_ticket_ids).toEqual(expected.slice(0, 10));
    expect(first.report.publishing).toEqual({ where: 'hia/vivenu-sync@main', commits: 2 });

    const second = await fixture.run({}, { github: { api } });
    expect(second.error).toBeUndefined();
    expect(api.commits.slice(2).map((c) => c.message)).toEqual([
      'historical sync: DEV starting (10 sent so far) [skip ci]',
      `historical sync: DEV +${expected.length - 10} sent (${expected.length}) [skip ci]`,
    ]);
    expect(committed(api)).toMatchObject({
      events_processed: [EVENT],
      tickets_sent: expected.length,
    });
    // Each commit after the first updates the file with the sha it read.
    expect(api.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(4);

    // Nothing left to deliver: no commit at all.
    const third = await fixture.run({ resync: 'true' }, { github: { api } });
    expect(third.error).toBeUndefined();
    expect(api.commits).toHaveLength(4);
    expect(
      leakedValues(api.commits.map((c) => c.text + c.message).join('\n'), personalValues(tickets)),
    ).toEqual([]);
  });

  it('survives a concurrent commit: re-reads, merges, and counts each ticket once', async () => {
    const { fixture, api, expected } = await setUp(200, 42);
    // Another run has already committed 5 tickets of this event (3 of which this run will also
    // deliver, because its checkout predates that commit) and one other event.
    const theirs = {
      events_processed: ['0000000000000000000000aa'],
      tickets_sent: 105,
      errors: [],
      last_run: '2026-11-01T00:00:00Z',
      event_progress: {
        [EVENT]: { sent_ticket_ids: [...expected.slice(0, 3), 'elsewhere1', 'elsewhere2'] },
      },
    };
    api.setFaults({ concurrentCommits: 1, concurrentText: () => JSON.stringify(theirs) });
    const run = await fixture.run({}, { github: { api } });
    expect(run.error).toBeUndefined();
    expect(run.log).toMatch(
      /changed on hia\/vivenu-sync@main meanwhile \((409|422)\): reading it again and merging/,
    );

    const merged = committed(api);
    const ids = merged.event_progress[EVENT]!.sent_ticket_ids;
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...expected, 'elsewhere1', 'elsewhere2']));
    // Their 105, plus what this run delivered that they did not have: each ticket once.
    expect(merged.tickets_sent).toBe(105 + expected.length - 3);
    expect(merged.events_processed).toEqual(['0000000000000000000000aa', EVENT]);
    expect(api.commits.at(-1)!.message).toBe(
      `historical sync: DEV +${expected.length - 3} sent (${105 + expected.length - 3}) [skip ci]`,
    );
  });

  it('creating a file someone else just created: 422, then an update with their sha', async () => {
    const { fixture, api, expected } = await setUp(120, 43);
    api.setFaults({
      concurrentCommits: 1,
      concurrentText: () => JSON.stringify({ events_processed: [], tickets_sent: 0, errors: [] }),
    });
    const run = await fixture.run({}, { github: { api } });
    expect(run.log).toMatch(/meanwhile \(422\)/);
    expect(committed(api).tickets_sent).toBe(expected.length);
  });

  it('a run Vivenu refuses (401) commits nothing, and its summary says why first', async () => {
    const { fixture, api } = await setUp(20, 43);
    const refused = await fixture.run({ 'api-key': 'not-the-dev-key' }, { github: { api } });
    expect(refused.error?.message).toMatch(/refused the API key \(401\)/);
    expect(refused.report.failure?.kind).toBe('key-refused');
    // Issue 14 saw a refused run report "1 commits" after committing "+0 sent (0)".
    expect(api.commits).toHaveLength(0);
    expect(refused.report.publishing).toBeUndefined();
    const summary = renderJobSummary(refused.report, refused.error?.message);
    expect(summary.split('\n')[2]).toBe(
      '❌ Stopped: Vivenu refused the DEV key (401). Nothing was pulled or sent. **Next:** check the DEV_API secret, and that it belongs to the DEV account.',
    );
    expect(summary).not.toMatch(/Progress committed/);
  });

  it('commits every N minutes while delivering, and at the end', async () => {
    const { fixture, api, expected } = await setUp(150, 44);
    // 1.8 s apart on the virtual clock; a commit every 0.1 minutes is one every 6 s.
    const run = await fixture.run({ 'commit-every-minutes': '0.1' }, { github: { api } });
    expect(run.error).toBeUndefined();
    // Checked after each delivery: the first at or past 6 s after the start commit is the 4th
    // (7.2 s), then every 4th; plus the start commit and the end commit.
    const periodic = Math.floor((expected.length - 1) / 4);
    expect(api.commits).toHaveLength(1 + periodic + 1);
    const totals = api.commits.slice(1).map((c) => Number(/\((\d+)\)/.exec(c.message)![1]));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(totals.at(-1)).toBe(expected.length);
  });

  it('waits out GitHub 5xx answers, reading the branch first, and commits', async () => {
    const { fixture, api, expected } = await setUp(60, 49);
    api.setFaults({ serverErrors: 2 });
    const run = await fixture.run({}, { github: { api } });
    expect(run.error).toBeUndefined();
    expect(run.log).toMatch(
      /Reading the progress file on the branch failed \(GitHub answered 502 Server Error\): trying again in \d+ s/,
    );
    // Committing waits out the same answers (progress-keeper.test.ts plays them one by one).
    expect(api.commits).toHaveLength(2);
    expect(committed(api).tickets_sent).toBe(expected.length);
  });

  it('never commits in a dry run or in test mode; a dry run reads the branch to plan', async () => {
    const { fixture, api } = await setUp(80, 45);
    await fixture.run({ 'dry-run': 'true' }, { github: { api } });
    await fixture.run({ mode: 'test' }, { github: { api } });
    expect(api.requests).toEqual([`GET /repos/hia/vivenu-sync/contents/${FILE}`]);
  });

  it.each([
    [
      'classic',
      /main takes changes only through pull requests \(409 Could not update file: Changes must be made through a pull request\.\)/,
    ],
    [
      'ruleset',
      /main takes changes only through pull requests \(409 Repository rule violations found Changes must be made/,
    ],
  ] as const)(
    'a %s protected branch: delivers nothing and says what to do',
    async (protection, said) => {
      const { fixture, api } = await setUp(80, 46);
      api.setFaults({ protectedBranch: protection });
      const run = await fixture.run({}, { github: { api } });
      expect(run.error?.message).toMatch(
        /^Nothing was delivered: the progress file cannot be committed to hia\/vivenu-sync@main/,
      );
      expect(run.error?.message).toMatch(said);
      expect(run.error?.message).toContain(
        'see "Protected branches", docs/runbook.md#protected-branches',
      );
      // A 409 that names a rule is not a stale sha: it is not read again and again.
      expect(api.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(1);
      expect(fixture.receiver.deliveries).toHaveLength(0);
      expect(api.commits).toHaveLength(0);
    },
  );

  it('a token without contents: write delivers nothing and names the permission', async () => {
    const { fixture, api } = await setUp(80, 50);
    const readOnly = api.issueToken({ contents: 'read' });
    const run = await fixture.run({ 'github-token': readOnly }, { github: { api } });
    expect(run.error?.message).toMatch(
      /^Nothing was delivered: .* the token may not write to hia\/vivenu-sync \(403 Resource not accessible by integration\): grant `contents: write` to the job that runs the sync/,
    );
    expect(fixture.receiver.deliveries).toHaveLength(0);
    expect(api.commits).toHaveLength(0);
    // Told apart by what GitHub said, and not tried again: waiting will not grant it.
    expect(api.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(1);
  });

  it('a refused token (401) delivers nothing and says so', async () => {
    const { fixture, api } = await setUp(80, 51);
    const run = await fixture.run({ 'github-token': 'ghs_expired' }, { github: { api } });
    expect(run.error?.message).toMatch(
      /^Nothing was delivered: the progress file on hia\/vivenu-sync@main cannot be read \(GitHub refused the github-token \(401 Bad credentials\): it is wrong or has expired\), so this run cannot know what earlier runs delivered\.$/,
    );
    expect(run.error?.message).not.toContain('ghs_expired');
    expect(fixture.receiver.deliveries).toHaveLength(0);
  });

  it('a run from a tag cannot commit: delivers nothing', async () => {
    const { fixture, api } = await setUp(40, 52);
    const run = await fixture.run({}, { github: { api, env: { GITHUB_REF: 'refs/tags/v1' } } });
    expect(run.error?.message).toMatch(/the run did not start from a branch \(refs\/tags\/v1\)/);
    expect(fixture.receiver.deliveries).toHaveLength(0);
    expect(api.requests).toEqual([]);
  });

  it('GitHub failing mid-run: deliveries pause, at most one period goes uncommitted, the run fails saying how many', async () => {
    const { fixture, api, expected } = await setUp(200, 53);
    // The start commit and two periodic ones land; then every request answers 502.
    api.setFaults({ failAfterCommits: 3 });
    const run = await fixture.run(
      { 'commit-every-minutes': '0.1', 'auto-continue': 'true', 'max-runtime-minutes': '20' },
      { github: { api, eventInputs: { region: 'DEV' } } },
    );
    const delivered = fixture.receiver.accepted().length;
    const inCommit = committed(api).event_progress[EVENT]!.sent_ticket_ids.length;
    expect(inCommit).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(expected.length);
    // A period is 6 s and deliveries start 1.8 s apart: at most 4 in a period, plus the one in flight.
    expect(delivered - inCommit).toBeGreaterThan(0);
    expect(delivered - inCommit).toBeLessThanOrEqual(Math.ceil(6 / 1.8) + 1);
    expect(run.log).toMatch(
      /warning: Deliveries paused: committing the progress file failed \(GitHub answered 502 Server Error\)/,
    );
    expect(run.error?.message).toBe(
      `${delivered - inCommit} deliveries of this run are not committed to hia/vivenu-sync@main (GitHub answered 502 Server Error). ` +
        `They are recorded in ${fixture.workspace}/${FILE}, which the run's artifact holds: commit that file to the branch before the next run, or the next run sends them again. No follow-up run was started.`,
    );
    // Every delivery is in the local file, so nothing is lost.
    const local = JSON.parse(
      await readFile(path.join(fixture.workspace, FILE), 'utf8'),
    ) as ProgressJson;
    expect(local.event_progress[EVENT]!.sent_ticket_ids).toHaveLength(delivered);
    expect(api.dispatches).toEqual([]);
  });

  it('reads a file over 1 MB through its blob, as GitHub serves it', async () => {
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    api.putFile('big.json', 'x'.repeat(10));
    const repository = new GitHubRepository({
      apiUrl: api.url,
      token: GITHUB_TOKEN,
      owner: 'o',
      repo: 'r',
      branch: 'main',
      requestTimeoutMs: 5_000,
    });
    expect(await repository.readFile('big.json')).toMatchObject({ text: 'x'.repeat(10) });
    expect(await repository.readFile('missing.json')).toBeUndefined();
  });
});

describe('self-continuing syncs', () => {
  const formInputs = {
    region: 'DEV',
    'event-id': EVENT,
    mode: 'sync',
    target: 'test',
    'dry-run': false,
    limit: 0,
    resync: false,
    'auto-continue': true,
    continuation: '2',
  };

  it('at the time budget, commits progress and dispatches the same workflow with the same inputs', async () => {
    const { fixture, api, expected } = await setUp(200, 47);
    const run = await fixture.run(
      { 'max-runtime-minutes': '0.1', 'auto-continue': 'true', continuation: '2' },
      { github: { api, eventInputs: formInputs } },
    );
    expect(run.error).toBeUndefined();
    expect(run.report.stop?.reason).toBe('time-budget');
    expect(api.commits.map((c) => c.message)).toEqual([
      'historical sync: DEV starting (0 sent so far) [skip ci]',
      `historical sync: DEV +${committed(api).tickets_sent} sent (${committed(api).tickets_sent}) [skip ci]`,
    ]);
    expect(committed(api).tickets_sent).toBeLessThan(expected.length);
    expect(api.dispatches).toEqual([
      {
        workflow: 'historical-sync.yml',
        ref: 'refs/heads/main',
        inputs: {
          ...Object.fromEntries(Object.entries(formInputs).map(([k, v]) => [k, String(v)])),
          continuation: '3',
        },
        returnRunDetails: true,
      },
    ]);
    expect(run.report.followUp).toMatchObject({
      dispatched: true,
      url: 'https://github.example/hia/vivenu-sync/actions/runs/9001',
    });
    // The final commit happened before the dispatch, so the follow-up run starts from it.
    expect(api.requests.findLastIndex((r) => r.startsWith('PUT'))).toBeLessThan(
      api.requests.findIndex((r) => r.endsWith('/dispatches')),
    );
  });

  it('stops the chain at max-continuations, when complete, and when a run delivered nothing', async () => {
    const { fixture, api } = await setUp(200, 48);
    await fixture.run(
      {
        'max-runtime-minutes': '0.1',
        'auto-continue': 'true',
        continuation: '10',
        'max-continuations': '10',
      },
      { github: { api, eventInputs: formInputs } },
    );
    expect(api.dispatches).toHaveLength(0);

    await fixture.run(
      { 'auto-continue': 'true', interval: '0' },
      { github: { api, eventInputs: formInputs } },
    );
    expect(api.dispatches).toHaveLength(0);

    fixture.receiver.setBehaviour({ always: { status: 400 } });
    const nothing = await fixture.run(
      { resync: 'true', 'max-runtime-minutes': '0.0001', 'auto-continue': 'true' },
      { github: { api, eventInputs: formInputs } },
    );
    expect(api.dispatches).toHaveLength(0);
    expect(nothing.report.followUp?.dispatched ?? false).toBe(false);
  });
});
