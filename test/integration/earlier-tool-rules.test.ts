/**
 * Issue 12, item 2: the earlier Python tool continues from a progress file this project wrote.
 * Each row produces the file by running the pipeline against the sandbox Vivenu and receiver
 * (partial, complete and resync runs), changes the event as life does afterwards (sales,
 * refunds, a reservation paid), then plays the earlier tool's reading rules
 * (test/support/earlier-tool.ts, from docs/sources.md, "Its progress file") on the file and
 * the event's eligible tickets at that moment: it must send each remaining ticket once and
 * none that we delivered.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { generateEventTickets, makeTicket } from '../../sandbox/ticket-factory.js';
import { seededRandom } from '../../sandbox/seeded-random.js';
import {
  EarlierToolKeyError,
  playEarlierTool,
  type EarlierToolRun,
} from '../support/earlier-tool.js';
import { GITHUB_TOKEN, syncFixture, type SyncFixture } from '../support/sync-fixture.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';

const EVENT = '6900aa11bb22cc33dd44ee55';
const FILE = 'historical_sync_progress_DEV.json';
const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };
const eligibleOf = (tickets: readonly Ticket[]): Ticket[] => selectTickets(tickets, rules).eligible;

let fixture: SyncFixture | undefined;
let api: GitHubSandbox | undefined;
afterEach(async () => {
  await fixture?.close();
  await api?.close();
  fixture = undefined;
  api = undefined;
});

interface Produced {
  /** The progress file as our last run left it. */
  fileText: string;
  /** The event's eligible tickets when the earlier tool runs. */
  eligibleNow: Ticket[];
  /** Everything our runs delivered (accepted by the receiver). */
  deliveredByUs: string[];
}

const sold = (count: number, seed: number): Ticket[] =>
  generateEventTickets({
    eventId: EVENT,
    count,
    seed,
    startsAt: new Date('2025-09-01T00:00:00Z'),
  });

async function finish(f: SyncFixture): Promise<Produced> {
  return {
    fileText: await readFile(path.join(f.workspace, FILE), 'utf8'),
    eligibleNow: eligibleOf(f.vivenu.tickets(EVENT)),
    deliveredByUs: f.receiver.accepted().map((d) => d.ticketId),
  };
}

/** Pairs of teammates (DOUBLES) at the head of the list: the same createdAt, bought together. */
function teamsFirst(): Ticket[] {
  const random = seededRandom(1207);
  const teams = Array.from({ length: 6 }, (_, team) =>
    Array.from({ length: 2 }, () =>
      makeTicket(random, {
        eventId: EVENT,
        sellerId: 'seller-earlier',
        typeName: 'CHARITY | HYROX DOUBLES WOMEN',
        typeId: 'type-doubles',
        createdAt: new Date(Date.UTC(2025, 0, 2, 9, team)).toISOString(),
        transactionId: `tx-team-${team}`,
        status: 'VALID',
      }),
    ),
  ).flat();
  return [...teams, ...generateEventTickets({ eventId: EVENT, count: 60, seed: 1208 })];
}

interface Row {
  name: string;
  produce(): Promise<Produced>;
  resume: boolean;
  tiesReversed?: boolean;
  /** How many tickets remain for the earlier tool, to prove the row tests something. */
  remaining: number | typeof SOME;
}

/** At least one remains, how many depending on where a limit fell: a matcher `toEqual` applies. */
const SOME = expect.toSatisfy((count: number) => count > 0, 'at least one') as {
  asymmetricMatch(count: unknown): boolean;
};

const rows: Row[] = [
  {
    name: 'partial run (limit 30): --resume sends the rest',
    resume: true,
    remaining: SOME,
    async produce() {
      fixture = await syncFixture({
        [EVENT]: generateEventTickets({ eventId: EVENT, count: 150, seed: 1201 }),
      });
      await fixture.run({ limit: '30' });
      return finish(fixture);
    },
  },
  {
    name: 'partial run (a ticket answered 404, one 500): --resume sends those two only',
    resume: true,
    remaining: 2,
    async produce() {
      const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 1202 });
      const [, , third, , fifth] = eligibleOf(tickets);
      fixture = await syncFixture(
        { [EVENT]: tickets },
        {
          behaviour: {
            failTickets: {
              [third!._id]: { status: 404, body: '{"error":"ticketTypeId not found in KV store"}' },
              [fifth!._id]: { status: 500 },
            },
          },
        },
      );
      await fixture.run();
      return finish(fixture);
    },
  },
  {
    name: 'complete run: skipped as completed, nothing left',
    resume: false,
    remaining: 0,
    async produce() {
      fixture = await syncFixture({
        [EVENT]: generateEventTickets({ eventId: EVENT, count: 100, seed: 1203 }),
      });
      await fixture.run();
      return finish(fixture);
    },
  },
  {
    name: 'complete run, then sales: --resume sends the new sales',
    resume: true,
    remaining: SOME,
    async produce() {
      fixture = await syncFixture({
        [EVENT]: generateEventTickets({ eventId: EVENT, count: 100, seed: 1204 }),
      });
      await fixture.run();
      fixture.vivenu.upsertTickets(EVENT, sold(40, 1214));
      return finish(fixture);
    },
  },
  {
    name: 'resync run stopped by its limit, then more sales: --resume sends both rests',
    resume: true,
    remaining: SOME,
    async produce() {
      fixture = await syncFixture({
        [EVENT]: generateEventTickets({ eventId: EVENT, count: 80, seed: 1205 }),
      });
      await fixture.run();
      fixture.vivenu.upsertTickets(EVENT, sold(60, 1215));
      await fixture.run({ resync: 'true', limit: '8' });
      fixture.vivenu.upsertTickets(
        EVENT,
        generateEventTickets({
          eventId: EVENT,
          count: 30,
          seed: 1225,
          startsAt: new Date('2025-10-01T00:00:00Z'),
        }),
      );
      return finish(fixture);
    },
  },
  {
    name: 'complete run, then delivered tickets refunded and new sales: --resume skips none',
    resume: true,
    remaining: SOME,
    async produce() {
      fixture = await syncFixture({
        [EVENT]: generateEventTickets({ eventId: EVENT, count: 100, seed: 1206 }),
      });
      await fixture.run();
      const [first, second] = eligibleOf(fixture.vivenu.tickets(EVENT));
      fixture.vivenu.upsertTickets(EVENT, [
        { ...first!, status: 'INVALID' },
        { ...second!, status: 'INVALID' },
        ...sold(40, 1216),
      ]);
      return finish(fixture);
    },
  },
  {
    name: 'partial run, then an early reservation paid (RESERVED to VALID): --resume sends it',
    resume: true,
    remaining: SOME,
    async produce() {
      const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 1209 });
      const early = tickets.findIndex((t) => t.status === 'RESERVED' || t.status === 'INVALID');
      const reserved = {
        ...tickets[early]!,
        ticketName: 'HYROX MEN | CHARITY HIA',
        status: 'RESERVED',
      };
      tickets[early] = reserved;
      fixture = await syncFixture({ [EVENT]: tickets });
      await fixture.run({ limit: '40' });
      fixture.vivenu.upsertTickets(EVENT, [{ ...reserved, status: 'VALID' }]);
      return finish(fixture);
    },
  },
  {
    name: 'teams at the head, one teammate failed, ties pulled in the other order: --resume sends it',
    resume: true,
    tiesReversed: true,
    remaining: SOME,
    async produce() {
      const tickets = teamsFirst();
      const eligible = eligibleOf(tickets);
      fixture = await syncFixture(
        { [EVENT]: tickets },
        { behaviour: { failTickets: { [eligible[4]!._id]: { status: 500 } } } },
      );
      await fixture.run({ limit: '20' });
      return finish(fixture);
    },
  },
];

describe('the earlier tool continues from files this project wrote', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { fileText, eligibleNow, deliveredByUs } = await row.produce();
      const remaining = eligibleNow.map((t) => t._id).filter((id) => !deliveredByUs.includes(id));
      expect(remaining.length, 'tickets left for the earlier tool').toEqual(row.remaining);

      const run = playEarlierTool(fileText, EVENT, eligibleNow, {
        resume: row.resume,
        tiesReversed: row.tiesReversed,
      });
      expect(run.skippedAsCompleted).toBe(!row.resume);
      // Each remaining ticket once, none twice, none of ours again.
      expect(new Set(run.sent).size).toBe(run.sent.length);
      expect(run.sent.filter((id) => deliveredByUs.includes(id))).toEqual([]);
      expect([...run.sent].sort()).toEqual([...remaining].sort());
      // Sent to the end, or skipped because our run had already completed the event.
      expect(statusAfter(run)).toBe('completed');
    });
  }
});

const statusAfter = (run: EarlierToolRun): unknown => run.file.event_progress?.[EVENT]?.status;

describe('what the earlier tool finds in each event entry', () => {
  it('a partial run: the six keys, with their meanings', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 150, seed: 1231 });
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run({ limit: '25' });
    const sentByUs = fixture.receiver.accepted().length;
    const entry = (
      JSON.parse(await readFile(path.join(fixture.workspace, FILE), 'utf8')) as {
        event_progress: Record<string, Record<string, unknown>>;
      }
    ).event_progress[EVENT]!;
    expect(entry).toMatchObject({
      total_tickets: eligibleOf(tickets).length,
      processed_tickets: sentByUs,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 1,
    });
    expect(entry.sent_ticket_ids).toHaveLength(sentByUs);
  });

  it('a refund after a complete run: processed counts only tickets still eligible', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 1232 });
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run();
    const eligible = eligibleOf(tickets);
    fixture.vivenu.upsertTickets(EVENT, [
      { ...eligible[0]!, status: 'INVALID' },
      ...sold(20, 1233),
    ]);
    await fixture.run({ resync: 'true', limit: '5' });
    const entry = (
      JSON.parse(await readFile(path.join(fixture.workspace, FILE), 'utf8')) as {
        event_progress: Record<string, Record<string, unknown>>;
      }
    ).event_progress[EVENT]!;
    const eligibleNow = eligibleOf(fixture.vivenu.tickets(EVENT));
    // The limit keeps a team whole, so the resync may send fewer than 5.
    const resent = fixture.receiver.accepted().length - eligible.length;
    expect(resent).toBeGreaterThan(0);
    expect(entry).toMatchObject({
      total_tickets: eligibleNow.length,
      processed_tickets: eligible.length - 1 + resent,
      status: 'in_progress',
      batches_completed: 2,
    });
    expect(entry.sent_ticket_ids).toHaveLength(eligible.length + resent);
  });

  it('an untrusted pull leaves the keys as they were', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 100, seed: 1234 });
    fixture = await syncFixture({ [EVENT]: tickets });
    await fixture.run({ limit: '10' });
    const before = JSON.parse(await readFile(path.join(fixture.workspace, FILE), 'utf8')) as {
      event_progress: Record<string, Record<string, unknown>>;
    };
    // Vivenu's total vouches for more tickets than it serves: the pull delivers nothing.
    fixture.vivenu.setFaults({ inflateTotal: 30 });
    const untrusted = await fixture.run();
    expect(untrusted.report.stop?.reason).toBe('untrusted-pull');
    const after = JSON.parse(await readFile(path.join(fixture.workspace, FILE), 'utf8')) as {
      event_progress: Record<string, Record<string, unknown>>;
    };
    expect(after.event_progress[EVENT]).toEqual(before.event_progress[EVENT]);
  });
});

describe('why last_processed_index is -1', () => {
  it('the last ticket before the first unsent one, in our list, makes the earlier tool skip tickets after a refund', async () => {
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 100, seed: 1241 }),
    });
    await fixture.run();
    const ours = eligibleOf(fixture.vivenu.tickets(EVENT));
    const [first, second] = ours;
    fixture.vivenu.upsertTickets(EVENT, [
      { ...first!, status: 'INVALID' },
      { ...second!, status: 'INVALID' },
      ...sold(40, 1242),
    ]);
    const { fileText, eligibleNow, deliveredByUs } = await finish(fixture);
    const file = JSON.parse(fileText) as {
      event_progress: Record<string, Record<string, unknown>>;
    };
    // Every ticket of our list was sent: its last index is the highest the rule would allow.
    file.event_progress[EVENT]!.last_processed_index = ours.length - 1;
    const run = playEarlierTool(JSON.stringify(file), EVENT, eligibleNow, { resume: true });
    const remaining = eligibleNow.map((t) => t._id).filter((id) => !deliveredByUs.includes(id));
    expect(remaining.length - run.sent.length).toBe(2);
  });
});

describe('files without the keys', () => {
  it('crash the earlier tool with KeyError: status (what this project wrote before)', async () => {
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 60, seed: 1251 }),
    });
    await fixture.run({ limit: '10' });
    const { fileText, eligibleNow } = await finish(fixture);
    const file = JSON.parse(fileText) as {
      event_progress: Record<string, Record<string, unknown>>;
    };
    const entry = file.event_progress[EVENT]!;
    const older = { sent: entry.sent, sent_ticket_ids: entry.sent_ticket_ids };
    file.event_progress[EVENT] = older;
    expect(() =>
      playEarlierTool(JSON.stringify(file), EVENT, eligibleNow, { resume: true }),
    ).toThrow(EarlierToolKeyError);
    expect(() => playEarlierTool(fileText, EVENT, eligibleNow, { resume: true })).not.toThrow();
  });
});

describe('a commit conflict merged', () => {
  it('recomputes the keys from the merged ids; the earlier tool then sends only what neither run sent', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 120, seed: 1261 });
    const eligible = eligibleOf(tickets);
    fixture = await syncFixture({ [EVENT]: tickets });
    api = await startGitHubSandbox({ token: GITHUB_TOKEN });
    // Another run committed meanwhile: 3 tickets this run will not send (its limit stops
    // before them), with keys of its own, stale for the merged file.
    const theirIds = eligible.slice(-3).map((t) => t._id);
    const theirs = {
      events_processed: [],
      tickets_sent: 3,
      errors: [],
      last_run: '2026-11-29T22:00:00',
      event_progress: {
        [EVENT]: {
          total_tickets: 3,
          processed_tickets: 3,
          sent_ticket_ids: theirIds,
          last_processed_index: 2,
          status: 'completed',
          batches_completed: 1,
        },
      },
    };
    api.setFaults({ concurrentCommits: 1, concurrentText: () => JSON.stringify(theirs) });
    const run = await fixture.run({ limit: '20' }, { github: { api } });
    expect(run.error).toBeUndefined();
    expect(run.log).toMatch(/meanwhile \((409|422)\): reading it again and merging/);
    const ours = fixture.receiver.accepted().map((d) => d.ticketId);
    const committedText = api.file(FILE)!;
    const entry = (
      JSON.parse(committedText) as { event_progress: Record<string, Record<string, unknown>> }
    ).event_progress[EVENT]!;
    expect(entry).toMatchObject({
      total_tickets: eligible.length,
      processed_tickets: ours.length + 3,
      last_processed_index: -1,
      status: 'in_progress',
      batches_completed: 2,
    });

    const played = playEarlierTool(committedText, EVENT, eligible, { resume: true });
    const remaining = eligible
      .map((t) => t._id)
      .filter((id) => !ours.includes(id) && !theirIds.includes(id));
    expect([...played.sent].sort()).toEqual([...remaining].sort());
  });
});
