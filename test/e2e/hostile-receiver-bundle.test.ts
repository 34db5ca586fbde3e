import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import { NOTHING_LISTENS } from '../../sandbox/loopback-server.js';
import type { ReceiverBehaviour } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { personalValues, shownToPeople } from '../support/personal-data.js';

/**
 * Issue 11, the receiver's rows, through dist/index.js as the runner starts it: a receiver
 * that redirects (rows 1 and 2), rejects a ticket type it has not registered (row 7), echoes a
 * holder's data (row 9), or sits at an address that cannot work (row 14), and one whose answer
 * is a gzip bomb. Runs on Node 20 and, in CI, on Node 24 (`npx -y node@24`).
 */

const EVENT = '5f0e1d2c3b4a596877869504';
const API_KEY = 'hostile-receiver-vivenu-key';
const SECRET = 'hostile-receiver-webhook-secret';
const PROGRESS = 'historical_sync_progress_DEV.json';

function eligibleOf(tickets: Ticket[]): Ticket[] {
  return selectTickets(tickets, { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' })
    .eligible;
}

const KEYS = { apiKey: API_KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);
const sandboxes = (tickets: Ticket[], behaviour?: ReceiverBehaviour) =>
  sandbox.start({ [EVENT]: tickets }, behaviour);

/** A sync kept in the workspace (no GitHub commit: these rows are about the receiver). */
function sync(vivenuUrl: string, webhookUrl: string, extra: Record<string, string> = {}) {
  return runBundledAction({
    inputs: {
      ...sandboxInputs({ region: 'DEV', eventId: EVENT, keys: KEYS, vivenuUrl, webhookUrl }),
      'commit-progress': 'false',
      interval: '0.01',
      ...extra,
    },
  });
}

async function progressText(run: BundledRun): Promise<string> {
  const file = path.join(run.workspace, PROGRESS);
  const journal = `${file}.journal`;
  const read = (name: string): Promise<string> => readFile(name, 'utf8').catch(() => '');
  return `${await read(file)}\n${await read(journal)}`;
}

/** The tickets the progress file records as delivered (the journal is folded in at the end). */
async function sentIds(run: BundledRun): Promise<string[]> {
  const text = await readFile(path.join(run.workspace, PROGRESS), 'utf8').catch(() => '{}');
  const parsed = JSON.parse(text) as {
    event_progress?: Record<string, { sent_ticket_ids?: string[] }>;
  };
  return parsed.event_progress?.[EVENT]?.sent_ticket_ids ?? [];
}

describe('rows 1 and 2: a receiver that redirects', () => {
  const tickets = generateEventTickets({ eventId: EVENT, count: 40, seed: 1101 });

  it.each([301, 302, 303, 307, 308])(
    '%i to another origin: nothing reaches it, nothing is recorded, the run stops at once naming the origin only',
    async (status) => {
      const { vivenu, receiver } = await sandboxes(tickets, { redirect: { status } });
      const run = await sync(vivenu.url, receiver.url);

      // The signed body, with the holder's data, went nowhere else; not even a GET followed.
      expect(receiver.elsewhere.requests).toEqual([]);
      // One attempt of one ticket: every ticket would get the same answer.
      expect(receiver.deliveries).toHaveLength(1);
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ 'tickets-sent': '0', complete: 'false' });
      expect(await sentIds(run)).toEqual([]);

      const said = `The receiver answered ${status}, a redirect to ${receiver.elsewhere.url}, which is not followed`;
      expect(run.stdout).toContain(`::error::${said}`);
      expect(run.stdout).toContain('Set webhook-url to the final address.');
      expect(run.summary).toContain(said);
      // The target's path and query may hold a token: only its origin is shown.
      for (const text of [run.stdout, run.summary]) {
        expect(text).not.toContain('sandbox-token');
        expect(text).not.toContain('/collect');
        expect(text).not.toMatch(/detached ArrayBuffer|looks down/);
      }
    },
  );
});

describe('row 7: tickets of a type the receiver has not registered', () => {
  it('five at the head of the queue fail with their reason; every other ticket is delivered; the summary names the ticketTypeIds', async () => {
    const generated = generateEventTickets({ eventId: EVENT, count: 60, seed: 707 });
    const headIds = new Set(
      eligibleOf(generated)
        .slice(0, 5)
        .map((t) => t._id),
    );
    // Two ticket types the receiver's KV store does not know, on the five oldest eligible.
    const unregistered = ['aaaa0000000000000000ff01', 'aaaa0000000000000000ff02'];
    let n = 0;
    const tickets = generated.map((t) =>
      headIds.has(t._id) ? { ...t, ticketTypeId: unregistered[n++ % 2]! } : t,
    );
    const eligible = eligibleOf(tickets);
    const { vivenu, receiver } = await sandboxes(tickets, { unknownTicketTypes: unregistered });

    const run = await sync(vivenu.url, receiver.url);

    const accepted = receiver.accepted().map((d) => d.ticketId);
    expect(accepted).toEqual(eligible.slice(5).map((t) => t._id));
    expect(run.outputs).toMatchObject({
      'tickets-sent': String(eligible.length - 5),
      'tickets-failed': '5',
      complete: 'false',
    });
    // fail-on-ticket-errors: the step fails, but not as a receiver that looks down.
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toContain('looks down');
    expect(run.stdout).toContain('::error::5 tickets failed, listed by reason under Failures');
    // Grouped by the reason in words, each ticket type with its id, event and count.
    expect(run.summary).toContain(
      '**Not registered on the receiver**: 5 tickets. Register these ticket types with the receiver, then run again',
    );
    // A row per ticket name and ticketTypeId: the rows of each id add up to its tickets.
    const failedOfType = (id: string): number =>
      run.summary
        .split('\n')
        .filter((row) => row.includes(`| \`${id}\` |`))
        .reduce((sum, row) => sum + Number(/\| (\d+) \|$/.exec(row)![1]), 0);
    expect(failedOfType(unregistered[0]!)).toBe(3);
    expect(failedOfType(unregistered[1]!)).toBe(2);
    expect(run.summary).not.toContain('KV store');
    const progress = await progressText(run);
    expect(progress).toContain('ticketTypeId not found in KV store');
  });
});

describe('row 9: a receiver error that echoes the holder data it was sent', () => {
  it('reaches the log, summary and progress file only redacted at any depth and in any case, and cut after', async () => {
    const generated = generateEventTickets({ eventId: EVENT, count: 30, seed: 909 });
    const target = eligibleOf(generated).find(
      (t) => String(t.name).length > 6 && String(t.email).indexOf('@') >= 6,
    )!;
    const contact = { name: 'Margarethe Kowalska-Brandt', phone: '+44 7700 900123' };
    const tickets = generated.map((t) =>
      t._id === target._id
        ? { ...t, extraFields: { ...(t.extraFields as object), emergencyContact: contact } }
        : t,
    );
    const email = String(target.email);
    // The email is placed so character 200 falls inside its domain: cut first, what is left
    // ("holder.1a2b3c@examp") no longer looks like an email and is no longer the ticket's value.
    const lead = `{"error":"holder ${String(target.name).toUpperCase()}, contact ${contact.name.toUpperCase()} (${contact.phone}) ticket ${target._id}`;
    const emailAt = 200 - (email.indexOf('@') + 5);
    const body = `${lead.padEnd(emailAt - 1, '.')} ${email} is not allowed"}`;
    const { vivenu, receiver } = await sandboxes(tickets, {
      failTickets: { [target._id]: { status: 422, body } },
    });

    const run = await sync(vivenu.url, receiver.url);

    expect(run.outputs['tickets-failed']).toBe('1');
    const seen = [shownToPeople(run.stdout), run.stderr, run.summary, await progressText(run)].join(
      '\n',
    );
    // The answer is there, with the ticket's id, which the log shows anyway.
    expect(seen).toContain(`ticket ${target._id}`);
    const lowered = seen.toLowerCase();
    const leaked = [
      ...personalValues([target]),
      contact.name,
      contact.phone,
      email.split('@')[0]!,
      String(target.firstname),
      String(target.lastname),
    ].filter((value) => value.trim().length >= 3 && lowered.includes(value.toLowerCase()));
    expect(leaked).toEqual([]);
  });
});

// Before this row was fixed each of these took 20 to 90 s of retries: 30 s is ample for "at once".
describe(
  'row 14: an address no retry can fix fails at once, naming the input',
  { timeout: 30_000 },
  () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 1414 });

    it('webhook-url on a port fetch blocks (:9)', async () => {
      const { vivenu, receiver } = await sandboxes(tickets);
      const started = performance.now();
      const run = await sync(vivenu.url, 'http://127.0.0.1:9/test-created');
      const seconds = (performance.now() - started) / 1000;

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(
        /::error::webhook-url \(http:\/\/127\.0\.0\.1:9\) cannot work: port 9 is one fetch refuses/,
      );
      expect(run.stdout).not.toMatch(/under load|looks down/);
      expect(receiver.deliveries).toHaveLength(0);
      expect(seconds).toBeLessThan(10);
    });

    it('webhook-url on a loopback port where nothing listens', async () => {
      const { vivenu } = await sandboxes(tickets);
      const started = performance.now();
      const run = await sync(vivenu.url, `${NOTHING_LISTENS}/test-created`);
      const seconds = (performance.now() - started) / 1000;

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(
        `::error::webhook-url (${NOTHING_LISTENS}) cannot work: nothing listens at`,
      );
      expect(run.stdout).not.toMatch(/under load|looks down/);
      expect(run.outputs).toMatchObject({ 'tickets-sent': '0', 'tickets-failed': '0' });
      expect(seconds).toBeLessThan(10);
    });

    it('vivenu-url whose host does not resolve (.invalid, RFC 2606)', async () => {
      const { receiver } = await sandboxes(tickets);
      const started = performance.now();
      const run = await sync('http://vivenu.invalid', receiver.url);
      const seconds = (performance.now() - started) / 1000;

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(
        '::error::vivenu-url (http://vivenu.invalid) cannot work: the host vivenu.invalid does not exist (DNS: ENOTFOUND)',
      );
      expect(run.stdout).not.toContain('under load');
      expect(receiver.deliveries).toHaveLength(0);
      expect(seconds).toBeLessThan(10);
    });

    it('github-api-url on a blocked port: no retry, nothing delivered', async () => {
      const { vivenu, receiver } = await sandboxes(tickets);
      const run = await runBundledAction({
        inputs: {
          ...sandboxInputs({
            region: 'DEV',
            eventId: EVENT,
            keys: KEYS,
            vivenuUrl: vivenu.url,
            webhookUrl: receiver.url,
          }),
          'github-token': 'hostile-receiver-github-token',
          'github-api-url': 'http://127.0.0.1:9',
          interval: '0.01',
        },
        // What the runner sets for a workflow_dispatch run on main.
        env: { GITHUB_REPOSITORY: 'hia/vivenu-sync', GITHUB_REF: 'refs/heads/main' },
      });

      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(
        'github-api-url (http://127.0.0.1:9) cannot work: port 9 is one fetch refuses to connect to',
      );
      expect(run.stdout).not.toContain('trying again');
      expect(receiver.deliveries).toHaveLength(0);
    });
  },
);

describe('a receiver answer is read to 64 KiB after decompression', () => {
  it('a 2xx whose gzip body inflates to 1 GiB is a delivery, read in bounded memory', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 12, seed: 64 });
    const eligible = eligibleOf(tickets);
    const { vivenu, receiver } = await sandboxes(tickets, { gzipBombBytes: 2 ** 30 });

    const run = await sync(vivenu.url, receiver.url);

    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      'tickets-sent': String(eligible.length),
      'tickets-failed': '0',
      complete: 'true',
    });
    expect(receiver.deliveries).toHaveLength(eligible.length);
  });
});
