import { access, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { selectTickets } from '../../src/select/select-tickets.js';
import {
  defaultProgressFile,
  ledgerFileName,
  receiverAt,
  WEBHOOK_TARGETS,
} from '../../src/settings/settings.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { deliveryId } from '../../src/webhook/envelope.js';
import { sandboxesClosedAfterEach, sandboxInputs } from '../support/bundle-sandboxes.js';
import { personalValues, shownToPeople } from '../support/personal-data.js';

/**
 * Issue 12 items 4, 5 and 6 through dist/index.js as the runner starts it: how far the whole
 * event is across runs, the tickets changed since delivery, and the receiver's ledger. Runs on
 * Node 20 and, in CI, on Node 24 (`npx -y node@24`).
 */

const EVENT = '6a1b2c3d4e5f60718293a4b5';
const API_KEY = 'ledger-bundle-vivenu-key';
const SECRET = 'ledger-bundle-webhook-secret';
const PROGRESS = 'historical_sync_progress_DEV.json';
/**
 * The receiver's answer for a ticket type it has not registered
 * (docs/sources.md, "Its known answers").
 */
const NOT_REGISTERED = 'ticketTypeId not found in KV store';

const KEYS = { apiKey: API_KEY, secret: SECRET };
const sandbox = sandboxesClosedAfterEach(KEYS);
/** The ledger of the loopback receiver, named after it as its progress file is. */
const ledgerName = (receiver: { url: string }): string => ledgerFileName(receiverAt(receiver.url));
const TEST_RECEIVER_LEDGER = ledgerFileName(receiverAt(WEBHOOK_TARGETS.test));

function eligibleOf(tickets: readonly Ticket[]): Ticket[] {
  return selectTickets(tickets, { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' })
    .eligible;
}

/** Parses the ledger the way a spreadsheet does: CRLF records, RFC 4180 quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    i++;
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && next === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, n) => [name, row[n] ?? ''])));
}

describe('dist/index.js: how far the event is, what changed since delivery, the ledger', () => {
  it('reports across runs, lists refunded and renamed tickets, and writes a ledger without personal data', async () => {
    const generated = generateEventTickets({ eventId: EVENT, count: 80, seed: 12 });
    // A ticket type named like a formula: an outside value a spreadsheet must not run.
    const hostileName = '=HYPERLINK("http://evil.example","CHARITY Zürich")';
    const hostile = { ...eligibleOf(generated)[5]!, ticketName: hostileName };
    const tickets = generated.map((t) => (t._id === hostile._id ? hostile : t));
    const eligible = eligibleOf(tickets);
    const unregistered = eligible[3]!;
    const { vivenu, receiver } = await sandbox.start(
      { [EVENT]: tickets },
      { unknownTicketTypes: [String(unregistered.ticketTypeId)] },
    );
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'ledger-bundle-'));
    const run = (extra: Record<string, string>) =>
      runBundledAction({
        workspace,
        inputs: {
          ...sandboxInputs({
            region: 'DEV',
            eventId: EVENT,
            keys: KEYS,
            vivenuUrl: vivenu.url,
            webhookUrl: receiver.url,
          }),
          'commit-progress': 'false',
          'fail-on-ticket-errors': 'false',
          interval: '0.01',
          ...extra,
        },
      });
    const ledgerFile = path.join(workspace, 'purchased_tickets', EVENT, ledgerName(receiver));

    // Run 1 delivers up to 20 (teams kept whole); those of the unregistered type fail.
    const first = await run({ limit: '20' });
    expect(first.exitCode).toBe(0);
    const deliveredFirst = receiver.accepted().length;
    const typeCount = Number(first.outputs['tickets-failed']);
    expect(typeCount).toBeGreaterThan(0);
    expect(Number(first.outputs['tickets-sent'])).toBe(deliveredFirst);
    const triedFirst = deliveredFirst + typeCount;
    const progress = JSON.parse(await readFile(path.join(workspace, PROGRESS), 'utf8')) as {
      event_progress: Record<
        string,
        { sent_ticket_ids: string[]; sent_at: Record<string, string> }
      >;
    };
    const entry = progress.event_progress[EVENT]!;
    expect(Object.keys(entry.sent_at)).toEqual(entry.sent_ticket_ids);
    for (const time of Object.values(entry.sent_at))
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const percent = (n: number) => `${(Math.floor((n / eligible.length) * 1000) / 10).toFixed(1)}%`;
    expect(first.summary).toContain(
      `### How far each event is at the receiver at ${receiver.url} (all runs so far)`,
    );
    expect(first.summary).toContain(
      // The event cell names the event (issue 12, item 3), then its id.
      `· ${EVENT} | ${deliveredFirst} | ${eligible.length} | ${percent(deliveredFirst)} |`,
    );
    // Failures are told once, by reason in words: the receiver's answer stays in the ledger.
    expect(first.summary).toMatch(
      new RegExp(`\\*\\*Not registered on the receiver\\*\\*: ${typeCount} tickets?\\.`),
    );
    expect(first.summary).not.toContain(NOT_REGISTERED);

    // Afterwards one delivered ticket is refunded (INVALID) and another renamed off the charity.
    const [refunded, renamed] = receiver
      .accepted()
      .map((d) => d.ticket)
      .filter((t) => t._id !== hostile._id);
    vivenu.upsertTickets(EVENT, [
      { ...refunded!, status: 'INVALID' },
      { ...renamed!, ticketName: 'HYROX MEN' },
    ]);
    const eligibleNow = eligible.length - 2;
    const deliveredNow = deliveredFirst - 2;

    // A dry run reports from the progress file: nothing sent, the ledger written.
    const dry = await run({ 'dry-run': 'true' });
    expect(dry.exitCode).toBe(0);
    expect(receiver.accepted()).toHaveLength(deliveredFirst);
    expect(dry.summary).toContain(`· ${EVENT} | ${deliveredNow} | ${eligibleNow} |`);
    expect(dry.summary).toContain(
      '### Changed since delivery (not re-sent; correct the totals by these)',
    );
    expect(dry.summary).toContain(`Event ${EVENT}: **2** tickets were delivered in an earlier run`);
    expect(dry.summary).toContain(
      `| ${refunded!._id} | ${String(refunded!.ticketName).replace(/\|/g, '\\|')} | ${String(refunded!.ticketTypeId)} | INVALID | status now INVALID |`,
    );
    expect(dry.summary).toContain(
      `| ${renamed!._id} | HYROX MEN | ${String(renamed!.ticketTypeId)} | VALID | ticketName no longer contains "CHARITY" |`,
    );

    const rows = parseCsv(await readFile(ledgerFile, 'utf8').then((t) => t.replace(/^\ufeff/, '')));
    const raw = await readFile(ledgerFile);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows).toHaveLength(eligibleNow + 2);
    const byId = new Map(rows.map((row) => [row._id, row]));
    expect(byId.get(refunded!._id)).toMatchObject({
      state: 'changed since delivery',
      status: 'INVALID',
      reason: 'status now INVALID',
      when: entry.sent_at[refunded!._id],
      'delivery id': deliveryId(refunded!),
    });
    expect(byId.get(unregistered._id)).toMatchObject({ state: 'failed' });
    expect(byId.get(unregistered._id)!.reason).toContain(NOT_REGISTERED);
    expect(byId.get(hostile._id)!.ticketName).toBe(`'${hostileName}`);
    expect(rows.filter((r) => r.state === 'delivered')).toHaveLength(deliveredNow);
    expect(rows.filter((r) => r.state === 'failed')).toHaveLength(typeCount);
    expect(rows.filter((r) => r.state === 'pending')).toHaveLength(eligible.length - triedFirst);
    expect(Object.keys(rows[0]!)).toEqual([
      '_id',
      'ticketName',
      'ticketTypeId',
      'status',
      'createdAt',
      'transactionId',
      'delivery id',
      'state',
      'reason',
      'when',
      'redelivered',
    ]);

    // Pull-only writes the ledger too, from the progress file.
    const pullOnly = await run({ mode: 'pull-only' });
    expect(pullOnly.exitCode).toBe(0);
    expect(pullOnly.summary).toContain(`· ${EVENT} | ${deliveredNow} | ${eligibleNow} |`);

    // The rest goes out: 100% only now, nothing left, the changed two still listed, not re-sent.
    const last = await run({});
    expect(last.exitCode).toBe(0);
    const stillFailing = eligible.filter(
      (t) => t.ticketTypeId === unregistered.ticketTypeId,
    ).length;
    const deliveredLast = eligibleNow - stillFailing;
    expect(last.summary).toContain(`· ${EVENT} | ${deliveredLast} | ${eligibleNow} |`);
    expect(receiver.accepted().filter((d) => d.ticketId === refunded!._id)).toHaveLength(1);
    expect(last.summary).toContain(
      `Event ${EVENT}: **2** tickets were delivered in an earlier run`,
    );

    // No holder name, email, barcode or secret in the ledger, the summaries or the logs.
    const personal = personalValues(tickets);
    const ledgerText = await readFile(ledgerFile, 'utf8');
    for (const text of [
      ledgerText,
      ...[first, dry, pullOnly, last].flatMap((r) => [r.summary, shownToPeople(r.stdout)]),
    ]) {
      expect(personal.filter((value) => text.includes(value))).toEqual([]);
    }
  }, 60_000);

  it('delivers every ticket when the ledger cannot be written, and says so once', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 12, seed: 3 });
    const { vivenu, receiver } = await sandbox.start({ [EVENT]: tickets });
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'ledger-bundle-'));
    // A folder where the ledger goes: the rename onto it fails (EISDIR).
    await mkdir(path.join(workspace, 'purchased_tickets', EVENT, ledgerName(receiver)), {
      recursive: true,
    });
    const result = await runBundledAction({
      workspace,
      inputs: {
        ...sandboxInputs({
          region: 'DEV',
          eventId: EVENT,
          keys: KEYS,
          vivenuUrl: vivenu.url,
          webhookUrl: receiver.url,
        }),
        'commit-progress': 'false',
        interval: '0.01',
      },
    });
    expect(result.exitCode).toBe(0);
    expect(receiver.accepted()).toHaveLength(eligibleOf(tickets).length);
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `event ${EVENT}: the delivery ledger could not be written in tickets-dir (`,
    );
    expect(result.summary).toContain(
      `### How far each event is at the receiver at ${receiver.url} (all runs so far)`,
    );
    expect(result.summary).toContain(`Event ${EVENT}: its ledger could not be written`);
  }, 60_000);

  it('pulls with a damaged progress file: the pull is kept, the ledger skipped, naming progress-file', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 12, seed: 4 });
    const { vivenu } = await sandbox.start({ [EVENT]: tickets });
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'ledger-bundle-'));
    // Pull-only with the form's default target reads the test receiver's file.
    const damaged = defaultProgressFile('DEV', receiverAt(WEBHOOK_TARGETS.test));
    await writeFile(path.join(workspace, damaged), '{"tickets_sent": ');
    const result = await runBundledAction({
      workspace,
      inputs: {
        region: 'DEV',
        'event-id': EVENT,
        'api-key': API_KEY,
        'vivenu-url': vivenu.url,
        mode: 'pull-only',
      },
    });
    expect(result.exitCode).toBe(0);
    const eventDir = path.join(workspace, 'purchased_tickets', EVENT);
    const pulled = JSON.parse(
      await readFile(path.join(eventDir, 'all_tickets.json'), 'utf8'),
    ) as unknown[];
    expect(pulled).toHaveLength(12);
    await expect(access(path.join(eventDir, TEST_RECEIVER_LEDGER))).rejects.toThrow();
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /No delivery ledger this run: progress-file could not be read \(progress file .* is not valid JSON/,
    );
    // The file is left as it was.
    expect(await readFile(path.join(workspace, damaged), 'utf8')).toBe('{"tickets_sent": ');
  }, 60_000);
});
