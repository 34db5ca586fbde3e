/**
 * Issue 11, rows 8, 11 and 15 (legacy ids, journal lines), through the bundles people run:
 * dist/cli.js for the terminal, dist/index.js for the action.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { startGitHubSandbox } from '../../sandbox/github-sandbox.js';
import type { ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { seededRandom } from '../../sandbox/seeded-random.js';
import { generateEventTickets, makeTicket } from '../../sandbox/ticket-factory.js';
import type { VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { runCli } from '../support/run-cli.js';

const EVENT_A = '6871a0c5e4b0d1f2a3b4c5d6';
const EVENT_B = '6871a0c5e4b0d1f2a3b4c5d7';
const KEY = 'hostile-progress-key';
const SECRET = 'hostile-progress-secret';
const PROGRESS = 'historical_sync_progress_PROD.json';

const KEYS = { apiKey: KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);
const sandboxes = (events: Record<string, Ticket[]>) => sandbox.start(events);

async function folderWithEnv(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'hostile-progress-'));
  await writeFile(path.join(folder, '.env'), `PROD_API=${KEY}\nVIVENU_SECRET=${SECRET}\n`);
  return folder;
}

const eligibleOf = (tickets: Ticket[]): Ticket[] =>
  selectTickets(tickets, { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' })
    .eligible;

/** One purchase of `size` eligible tickets sharing a transactionId and a createdAt. */
function purchase(random: () => number, eventId: string, size: number, minute: number): Ticket[] {
  const createdAt = new Date(Date.UTC(2025, 2, 1, 9, minute)).toISOString();
  const transactionId = `tx-${eventId.slice(-4)}-${minute}`;
  return Array.from({ length: size }, () =>
    makeTicket(random, {
      eventId,
      sellerId: 'seller-hostile',
      typeName: size > 1 ? 'CHARITY | HYROX DOUBLES WOMEN' : 'HYROX MEN | CHARITY HIA',
      typeId: size > 1 ? 'type-doubles' : 'type-single',
      createdAt,
      transactionId,
      status: 'VALID',
    }),
  );
}

const flags = (vivenu: VivenuSandbox, receiver: ReceiverSandbox, interval = '0.01'): string[] => [
  '--vivenu-url',
  vivenu.url,
  '--webhook-url',
  receiver.url,
  '--progress-file',
  'historical_sync_progress_PROD.json',
  '--interval',
  interval,
];

/** Calls `act` once `receiver` has accepted `deliveries`. */
function whenAccepted(receiver: ReceiverSandbox, deliveries: number, act: () => void) {
  return (child: ChildProcess): void => {
    const timer = setInterval(() => {
      if (receiver.accepted().length >= deliveries) {
        clearInterval(timer);
        act();
      }
    }, 5);
    child.on('exit', () => clearInterval(timer));
  };
}

/** The pid of a process that has ended: what a lock left by a killed run holds. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('row 8: a limit smaller than the first team', () => {
  const random = seededRandom(808);
  const tickets = [
    ...purchase(random, EVENT_A, 2, 0),
    ...purchase(random, EVENT_A, 1, 1),
    ...purchase(random, EVENT_A, 1, 2),
  ];
  const [team0, team1, single1, single2] = tickets.map((t) => t._id);

  it('CLI: delivers the whole team, says the limit was exceeded and by how much, and each run makes progress', async () => {
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: tickets });
    const folder = await folderWithEnv();
    const args = ['PROD', EVENT_A, '--limit', '1', ...flags(vivenu, receiver)];

    const first = await runCli(args, folder);
    expect(first.exitCode).toBe(0);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual([team0, team1]);
    expect(first.stdout).toMatch(/limit 1 exceeded by 1 to keep a team of 2 together/);
    expect(first.stdout).toContain('To continue: historical-sync');

    const second = await runCli(args, folder);
    expect(second.exitCode).toBe(0);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual([team0, team1, single1]);
    expect(second.stdout).not.toMatch(/exceeded/);

    const third = await runCli(args, folder);
    expect(receiver.accepted().map((d) => d.ticketId)).toEqual([team0, team1, single1, single2]);
    expect(third.stdout).not.toContain('To continue');
  });

  it('action: the job summary says the limit was exceeded to keep the team together', async () => {
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: tickets });
    const run = await runBundledAction({
      inputs: {
        ...sandboxInputs({
          region: 'PROD',
          eventId: EVENT_A,
          keys: KEYS,
          vivenuUrl: vivenu.url,
          webhookUrl: receiver.url,
        }),
        mode: 'sync',
        'commit-progress': 'false',
        interval: '0',
        limit: '1',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['tickets-sent']).toBe('2');
    expect(run.summary).toMatch(/`limit` \(1\) was exceeded by 1 to keep a team of 2 together/);
  });
});

describe('row 11: one run at a time on a progress file', () => {
  const ticketsA = generateEventTickets({ eventId: EVENT_A, count: 60, seed: 1101 });
  const ticketsB = generateEventTickets({ eventId: EVENT_B, count: 60, seed: 1102 });

  it('a second CLI run on the same file fails at once, naming the holder, with no request; nothing vanishes', async () => {
    const a = await sandboxes({ [EVENT_A]: ticketsA });
    const b = await sandboxes({ [EVENT_B]: ticketsB });
    const folder = await folderWithEnv();
    // One receiver for both: a progress file is one receiver's (another's is refused).
    const argsB = ['PROD', EVENT_B, ...flags(b.vivenu, a.receiver)];

    let holderPid = 0;
    let second: Awaited<ReturnType<typeof runCli>> | undefined;
    let firstRunningWhenSecondEnded = false;
    let firstExited = false;
    // Paced so the first run is still delivering (2 s or more) when the second starts.
    const first = await runCli(['PROD', EVENT_A, ...flags(a.vivenu, a.receiver, '0.1')], folder, {
      onStart: (child) => {
        holderPid = child.pid!;
        child.on('exit', () => (firstExited = true));
        whenAccepted(a.receiver, 2, () => {
          void runCli(argsB, folder).then((run) => {
            second = run;
            firstRunningWhenSecondEnded = !firstExited;
          });
        })(child);
      },
    });
    expect(first.exitCode).toBe(0);
    expect(second).toBeDefined();
    expect({
      exitCode: second!.exitCode,
      firstRunningWhenSecondEnded,
      vivenuRequests: b.vivenu.stats.requests,
      deliveries: a.receiver.deliveries.filter((d) => d.ticket.eventId === EVENT_B).length,
    }).toEqual({
      exitCode: 1,
      firstRunningWhenSecondEnded: true,
      vivenuRequests: 0,
      deliveries: 0,
    });
    expect(second!.stderr).toMatch(new RegExp(`in use by another run \\(pid ${holderPid} on `));
    expect(second!.stderr).toMatch(/started \d{4}-\d\d-\d\dT/);
    expect(second!.stderr).toContain(path.join(folder, PROGRESS));
    expect(existsSync(path.join(folder, `${PROGRESS}.lock`))).toBe(false);

    // Then the second event, in turn: both events' deliveries stay recorded.
    const again = await runCli(argsB, folder);
    expect(again.exitCode).toBe(0);
    const progress = JSON.parse(await readFile(path.join(folder, PROGRESS), 'utf8')) as {
      event_progress: Record<string, { sent_ticket_ids: string[] }>;
    };
    expect(progress.event_progress[EVENT_A]!.sent_ticket_ids).toHaveLength(
      eligibleOf(ticketsA).length,
    );
    expect(progress.event_progress[EVENT_B]!.sent_ticket_ids).toHaveLength(
      eligibleOf(ticketsB).length,
    );
  });

  it('a lock left by a SIGKILLed run is taken over by the next run, which says so', async () => {
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: ticketsA });
    const folder = await folderWithEnv();
    const args = ['PROD', EVENT_A, ...flags(vivenu, receiver, '0.05')];
    let killedPid = 0;
    const killed = await runCli(args, folder, {
      onStart: (child) => {
        killedPid = child.pid!;
        whenAccepted(receiver, 3, () => child.kill('SIGKILL'))(child);
      },
    });
    expect(killed.exitCode).toBeNull();
    const lock = path.join(folder, `${PROGRESS}.lock`);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({
      pid: killedPid,
      host: os.hostname(),
    });

    const next = await runCli(args, folder);
    expect(next.exitCode).toBe(0);
    expect(next.stdout).toMatch(
      new RegExp(`took over the lock of pid ${killedPid} on ${os.hostname()}, which has ended`),
    );
    expect(existsSync(lock)).toBe(false);
    // At most the delivery in flight at the kill goes again.
    const sent = receiver.accepted().map((d) => d.ticketId);
    expect(new Set(sent).size).toBe(eligibleOf(ticketsA).length);
    expect(sent.length - new Set(sent).size).toBeLessThanOrEqual(1);
  });

  it('a stale lock file of a dead pid is taken over', async () => {
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: ticketsA });
    const folder = await folderWithEnv();
    const pid = await deadPid();
    const lock = path.join(folder, `${PROGRESS}.lock`);
    await writeFile(
      lock,
      JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-03-01T09:00:00.000Z' }),
    );
    const run = await runCli(['PROD', EVENT_A, ...flags(vivenu, receiver)], folder);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`took over the lock of pid ${pid} on ${os.hostname()}`);
    expect(receiver.accepted()).toHaveLength(eligibleOf(ticketsA).length);
    expect(existsSync(lock)).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'a run cancelled by %s releases the lock',
    async (signal) => {
      const { vivenu, receiver } = await sandboxes({ [EVENT_A]: ticketsA });
      const folder = await folderWithEnv();
      let lockSeenWhileRunning = false;
      const lock = path.join(folder, `${PROGRESS}.lock`);
      const run = await runCli(['PROD', EVENT_A, ...flags(vivenu, receiver, '0.05')], folder, {
        onStart: (child) =>
          whenAccepted(receiver, 2, () => {
            lockSeenWhileRunning = existsSync(lock);
            child.kill(signal);
          })(child),
      });
      expect(run.exitCode).toBe(1);
      expect(lockSeenWhileRunning).toBe(true);
      expect(existsSync(lock)).toBe(false);
    },
  );

  it('the action holds the lock too, and commits only the progress file, never the lock', async () => {
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: ticketsA });
    const github = sandbox.track(await startGitHubSandbox({ token: 'ghs_hostile_progress' }));
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'hostile-progress-ws-'));
    const pid = await deadPid();
    await writeFile(
      path.join(workspace, `${PROGRESS}.lock`),
      JSON.stringify({ pid, host: os.hostname(), startedAt: '2025-03-01T09:00:00.000Z' }),
    );
    const run = await runBundledAction({
      workspace,
      inputs: {
        ...sandboxInputs({
          region: 'PROD',
          eventId: EVENT_A,
          keys: KEYS,
          vivenuUrl: vivenu.url,
          webhookUrl: receiver.url,
        }),
        'github-token': 'ghs_hostile_progress',
        interval: '0',
      },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'hia/vivenu-sync',
        GITHUB_REF: 'refs/heads/main',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`took over the lock of pid ${pid}`);
    expect(github.paths()).toEqual([PROGRESS]);
    expect(existsSync(path.join(workspace, `${PROGRESS}.lock`))).toBe(false);
  });
});

describe('row 15: legacy ids and journal lines', () => {
  it('legacy progress with upper-case ids is matched: none of its tickets is sent again', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 40, seed: 1501 });
    const eligible = eligibleOf(tickets);
    const sentByLegacy = eligible.slice(0, 3).map((t) => t._id);
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: tickets });
    const folder = await folderWithEnv();
    // The earlier tool's six keys, its ids upper-cased (copied from a spreadsheet, say).
    await writeFile(
      path.join(folder, PROGRESS),
      JSON.stringify({
        events_processed: [],
        tickets_sent: 3,
        errors: [],
        last_run: '2025-02-01T10:00:00',
        event_progress: {
          [EVENT_A.toUpperCase()]: {
            total_tickets: eligible.length,
            processed_tickets: 3,
            sent_ticket_ids: sentByLegacy.map((id) => id.toUpperCase()),
            last_processed_index: 2,
            status: 'in_progress',
            batches_completed: 1,
          },
        },
      }),
    );
    const run = await runCli(['PROD', EVENT_A, ...flags(vivenu, receiver)], folder);
    expect(run.exitCode).toBe(0);
    const sent = receiver.accepted().map((d) => d.ticketId);
    expect(sent.filter((id) => sentByLegacy.includes(id))).toEqual([]);
    expect(sent).toHaveLength(eligible.length - 3);
    const progress = JSON.parse(await readFile(path.join(folder, PROGRESS), 'utf8')) as {
      tickets_sent: number;
      events_processed: string[];
    };
    expect(progress.tickets_sent).toBe(eligible.length);
    expect(progress.events_processed).toHaveLength(1);
  });

  it('a wrong-typed journal line stops the run before any request, naming its line; both files are kept', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 40, seed: 1502 });
    const eligible = eligibleOf(tickets);
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: tickets });
    const folder = await folderWithEnv();
    const journal = [
      JSON.stringify({ t: 'sent', e: EVENT_A, id: eligible[0]!._id }),
      JSON.stringify({ t: 'sent', e: EVENT_A, id: 42 }),
      JSON.stringify({ t: 'sent', e: EVENT_A, id: eligible[1]!._id }),
      '',
    ].join('\n');
    await writeFile(path.join(folder, `${PROGRESS}.journal`), journal);

    const run = await runCli(['PROD', EVENT_A, ...flags(vivenu, receiver)], folder);
    expect({
      exitCode: run.exitCode,
      vivenuRequests: vivenu.stats.requests,
      deliveries: receiver.deliveries.length,
    }).toEqual({ exitCode: 1, vivenuRequests: 0, deliveries: 0 });
    expect(run.stderr).toMatch(/progress journal .*\.journal line 2 /);
    expect(run.stderr).toMatch(/left as they are/);
    expect(await readFile(path.join(folder, `${PROGRESS}.journal`), 'utf8')).toBe(journal);
    expect(existsSync(path.join(folder, `${PROGRESS}.lock`))).toBe(false);
  });
});

describe('issue 23, row 6: a progress file saved with a UTF-8 byte order mark', () => {
  it('is read as the file it is: nothing delivered before is sent again, the rest goes', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 40, seed: 2306 });
    const eligible = eligibleOf(tickets);
    const { vivenu, receiver } = await sandboxes({ [EVENT_A]: tickets });
    const folder = await folderWithEnv();
    const args = ['PROD', EVENT_A, ...flags(vivenu, receiver)];
    const first = await runCli([...args, '--limit', '4'], folder);
    expect(first.exitCode).toBe(0);
    // Opened and saved again by an editor that writes a BOM (Windows Notepad before 2019 did).
    const file = path.join(folder, PROGRESS);
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);

    const second = await runCli(args, folder);
    console.log(
      `row 6: exit ${second.exitCode}, ${receiver.accepted().length - 4} delivered by the second run; ` +
        `${second.stderr.trim().split('\n').at(-1) ?? ''}`,
    );
    expect(second.exitCode).toBe(0);
    const sent = receiver.accepted().map((d) => d.ticketId);
    expect(sent).toHaveLength(eligible.length);
    expect(new Set(sent).size).toBe(eligible.length);
  });
});
