import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import { jsonWithRawText, nestedJsonText, RawJsonText } from '../../sandbox/raw-json.js';
import type { ReceiverBehaviour } from '../../sandbox/receiver-sandbox.js';
import { seededRandom } from '../../sandbox/seeded-random.js';
import { makeTicket } from '../../sandbox/ticket-factory.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { leakedValues, personalValues, shownToPeople } from '../support/personal-data.js';

/**
 * Issue 23, rows 1 to 3, through dist/index.js as the runner starts it: what a ticket holds
 * cannot stop the run, leak a holder's data or change what the receiver gets. A 50,000-character
 * value (row 1), a ticket nested 5,000 levels deep (row 2), numbers no JavaScript number holds
 * (row 3). Runs on Node 20 and on Node 24 (`npx -y node@24`).
 */

const EVENT = '6900a1b2c3d4e5f601234567';
const API_KEY = 'hostile-tickets-vivenu-key';
const SECRET = 'hostile-tickets-webhook-secret';
const PROGRESS = 'historical_sync_progress_DEV.json';
/** Every run here takes a few seconds; one past this is a hung run. */
const WATCHDOG_MS = 40_000;

const KEYS = { apiKey: API_KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);

/** `count` eligible tickets (VALID, a CHARITY type), one a minute, with their personal data. */
function charityTickets(count: number, seed: number): Ticket[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) =>
    makeTicket(random, {
      eventId: EVENT,
      sellerId: 'seller-hostile-tickets',
      typeName: 'HYROX MEN | CHARITY HIA',
      typeId: 'type-charity-men',
      createdAt: new Date(Date.UTC(2025, 3, 1, 9, index)).toISOString(),
      transactionId: `tx-${seed}-${index}`,
      status: 'VALID',
    }),
  );
}

interface WatchedRun extends BundledRun {
  ms: number;
  hung: boolean;
}

async function runAction(
  vivenuUrl: string,
  webhookUrl: string,
  extra: Record<string, string> = {},
  workspace?: string,
): Promise<WatchedRun> {
  let hung = false;
  const started = performance.now();
  const run = await runBundledAction({
    ...(workspace ? { workspace } : {}),
    inputs: {
      ...sandboxInputs({ region: 'DEV', eventId: EVENT, keys: KEYS, vivenuUrl, webhookUrl }),
      'commit-progress': 'false',
      interval: '0',
      ...extra,
    },
    onStart: (child: ChildProcess) => {
      const watchdog = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, WATCHDOG_MS);
      child.on('exit', () => clearTimeout(watchdog));
    },
  });
  return { ...run, ms: performance.now() - started, hung };
}

const eventFile = (run: BundledRun, ...names: string[]): Promise<string> =>
  readFile(path.join(run.workspace, 'purchased_tickets', EVENT, ...names), 'utf8');

async function progressText(run: BundledRun): Promise<string> {
  const file = path.join(run.workspace, PROGRESS);
  const read = (name: string): Promise<string> => readFile(name, 'utf8').catch(() => '');
  return `${await read(file)}\n${await read(`${file}.journal`)}`;
}

async function sentIds(run: BundledRun): Promise<string[]> {
  const text = await readFile(path.join(run.workspace, PROGRESS), 'utf8').catch(() => '{}');
  const parsed = JSON.parse(text) as {
    event_progress?: Record<string, { sent_ticket_ids?: string[] }>;
  };
  return parsed.event_progress?.[EVENT]?.sent_ticket_ids ?? [];
}

/** Everything a person or the repository sees: the log as shown, the summary, the progress. */
async function seenByPeople(run: BundledRun): Promise<string> {
  return [shownToPeople(run.stdout), run.stderr, run.summary, await progressText(run)].join('\n');
}

describe('row 1: a ticket holding a 50,000-character text value', () => {
  const tickets = charityTickets(30, 2301);
  const long = tickets[4]!;
  // A note that names the holder, as a free-text field can: the name must not leak from it either.
  const sentence = `Notfallkontakt ${String(long.name)}, Allergie gegen Erdnüsse; bitte anrufen. `;
  const note = sentence.repeat(Math.ceil(50_000 / sentence.length)).slice(0, 50_000);
  const listed = tickets.map((t) =>
    t === long ? { ...t, extraFields: { ...(t.extraFields as object), note } } : t,
  );
  const personal = [...personalValues(listed), note.slice(0, 60)];

  async function twoRuns(behaviour: ReceiverBehaviour = {}) {
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: listed }, behaviour);
    const first = await runAction(vivenu.url, receiver.url);
    const firstDeliveries = receiver.deliveries.length;
    const second = await runAction(vivenu.url, receiver.url, {}, first.workspace);
    return { receiver, first, second, firstDeliveries };
  }

  it('the receiver answers 200: delivered once, recorded, nothing personal shown anywhere', async () => {
    const { receiver, first, second, firstDeliveries } = await twoRuns();
    const seen = await seenByPeople(first);
    console.log(
      `row 1 (200): exit ${first.exitCode} then ${second.exitCode}, ${Math.round(first.ms)} ms, ` +
        `${firstDeliveries} then ${receiver.deliveries.length - firstDeliveries} deliveries, ` +
        `the long ticket delivered ${receiver.deliveries.filter((d) => d.ticketId === long._id).length} times, ` +
        `longest stdout line ${Math.max(...first.stdout.split('\n').map((l) => l.length))} characters, ` +
        `leaked ${leakedValues(seen, personal).length}`,
    );

    expect({ hung: first.hung, exitCode: first.exitCode }).toEqual({ hung: false, exitCode: 0 });
    expect(first.outputs).toMatchObject({ 'tickets-sent': '30', complete: 'true' });
    expect(await sentIds(first)).toContain(long._id);
    expect(leakedValues(seen, personal)).toEqual([]);
    // The second run finds everything delivered: the long ticket went exactly once.
    expect(second.exitCode).toBe(0);
    expect(receiver.deliveries.filter((d) => d.ticketId === long._id)).toHaveLength(1);
    expect(receiver.deliveries).toHaveLength(30);
    // It reached the receiver whole.
    const delivered = receiver.deliveries.find((d) => d.ticketId === long._id)!;
    expect((delivered.ticket.extraFields as { note: string }).note).toBe(note);
  });

  it('the receiver echoes the whole ticket in a 422: that ticket failed, its answer redacted everywhere', async () => {
    const { receiver, first, firstDeliveries } = await twoRuns({
      failTickets: { [long._id]: { status: 422, body: JSON.stringify({ rejected: long, note }) } },
    });
    const seen = await seenByPeople(first);
    console.log(
      `row 1 (422 echo): exit ${first.exitCode}, ${firstDeliveries} deliveries, leaked ${leakedValues(seen, personal).length}`,
    );

    expect(first.hung).toBe(false);
    expect(first.outputs).toMatchObject({ 'tickets-sent': '29', 'tickets-failed': '1' });
    expect(seen).toContain('[redacted]');
    expect(leakedValues(seen, personal)).toEqual([]);
    expect(first.stdout).not.toMatch(/Invalid regular expression/);
    expect(receiver.accepted()).toHaveLength(29);
  });
});

describe('row 2: a ticket nested 5,000 levels deep', () => {
  const tickets = charityTickets(50, 2302);
  const deep = tickets[17]!;
  const listed = tickets.map((t) =>
    t === deep ? { ...t, extraFields: new RawJsonText(nestedJsonText(5_000)) } : t,
  );
  const others = tickets.filter((t) => t !== deep).map((t) => t._id);

  it('sync: kept aside and named by _id; the other 49 pulled, filed and delivered', async () => {
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: listed });
    const run = await runAction(vivenu.url, receiver.url);
    console.log(
      `row 2 (sync): exit ${run.exitCode}, ${Math.round(run.ms)} ms, ${receiver.deliveries.length} deliveries, ` +
        `artifact ${run.outputs['artifact-name']}, error: ${run.stdout.match(/::error::.{0,120}/)?.[0] ?? 'none'}`,
    );

    expect({ hung: run.hung, exitCode: run.exitCode }).toEqual({ hung: false, exitCode: 0 });
    expect(receiver.deliveries.map((d) => d.ticketId)).toEqual(others);
    expect(run.stdout).toMatch(new RegExp(`::warning::.*nested deeper than .*${deep._id}`));
    expect(run.outputs['artifact-name']).toContain(EVENT);
    const filed = JSON.parse(await eventFile(run, 'all_tickets.json')) as Ticket[];
    expect(filed.map((t) => t._id).sort()).toEqual([...others].sort());
    expect(
      await readdir(path.join(run.workspace, 'purchased_tickets', EVENT, 'individual')),
    ).toHaveLength(49);
    // Kept for review as received, all 5,000 levels of it.
    const aside = await eventFile(run, 'too_deep.json');
    expect(aside).toContain(deep._id);
    expect(aside).toContain(nestedJsonText(5_000));
  });

  it('pull-only: the same files, the event named in the artifact', async () => {
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: listed });
    const run = await runAction(vivenu.url, receiver.url, { mode: 'pull-only' });
    console.log(
      `row 2 (pull-only): exit ${run.exitCode}, artifact ${run.outputs['artifact-name']}`,
    );

    expect({ hung: run.hung, exitCode: run.exitCode }).toEqual({ hung: false, exitCode: 0 });
    expect(run.outputs['artifact-name']).toContain(EVENT);
    expect(JSON.parse(await eventFile(run, 'all_tickets.json'))).toHaveLength(49);
    expect(run.stdout).toMatch(new RegExp(`::warning::.*${deep._id}`));
  });
});

describe('row 3: numbers no JavaScript number holds, or written in a form of their own', () => {
  const tickets = charityTickets(12, 2303);
  const odd = tickets[3]!;
  const numbers = {
    big: '12345678901234567890',
    beyond: '9007199254740993',
    price: '1.10',
    one: '1.0',
    hundred: '1e2',
    negativeZero: '-0',
    tiny: '0.0000001',
    huge: '1E+400',
  };
  const raw = (text: string) => new RawJsonText(text);
  const listed = tickets.map((t) =>
    t === odd
      ? {
          ...t,
          ...Object.fromEntries(Object.entries(numbers).map(([key, text]) => [key, raw(text)])),
          extraFields: { ...(t.extraFields as object), amounts: [raw('0.10'), 2, raw('3.0e0')] },
        }
      : t,
  );

  it('reach the receiver, signed, and the files as Vivenu wrote them', async () => {
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: listed });
    const run = await runAction(vivenu.url, receiver.url);
    const delivered = receiver.deliveries.find((d) => d.ticketId === odd._id);
    console.log(
      `row 3: exit ${run.exitCode}, the receiver got ` +
        Object.keys(numbers)
          .map((key) => new RegExp(`"${key}":([^,}]*)`).exec(delivered?.body ?? '')?.[0])
          .join(' '),
    );

    expect(run.exitCode).toBe(0);
    expect(receiver.deliveries).toHaveLength(12);
    // Each ticket's bytes are the row's bytes on Vivenu's page, every one of them signed.
    for (const ticket of listed) {
      const arrived = receiver.deliveries.find((d) => d.ticketId === ticket._id)!;
      expect(arrived.body).toContain(`"ticket":${jsonWithRawText(ticket)}}`);
      expect(arrived.signatureValid).toBe(true);
    }
    const individual = await readdir(
      path.join(run.workspace, 'purchased_tickets', EVENT, 'individual'),
    );
    const oddFile = individual.find((name) => name.startsWith(String(odd.barcode)))!;
    for (const text of [
      await eventFile(run, 'all_tickets.json'),
      await eventFile(run, 'individual', oddFile),
    ]) {
      for (const [key, written] of Object.entries(numbers))
        expect(text).toMatch(new RegExp(`"${key}": ${written.replace(/[.+]/g, '\\$&')}\\s*[,}]`));
      expect(text).toMatch(/"amounts": \[\s+0\.10,\s+2,\s+3\.0e0\s+\]/);
    }
  });
});
