import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import { uuidV5 } from '../../src/webhook/envelope.js';
import { runBundledAction } from '../../sandbox/action-runner.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuSandbox } from '../../sandbox/vivenu-sandbox.js';
import { leakedValues, personalValues } from '../support/personal-data.js';

const EVENT = '68108c20c5c88849372bfb61';
const API_KEY = 'e2e-sync-vivenu-key';
const SECRET = 'e2e-sync-webhook-secret';
let vivenu: VivenuSandbox | undefined;
let receiver: ReceiverSandbox | undefined;
afterEach(async () => {
  await vivenu?.close();
  await receiver?.close();
});

const shownToPeople = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

describe('dist/index.js sync, cancelled by a real SIGINT and run again', () => {
  it('delivers every eligible ticket exactly once, in creation order, signed', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 300, seed: 77 });
    const eligible = selectTickets(tickets, {
      statuses: ['VALID', 'DETAILSREQUIRED'],
      nameContains: 'CHARITY',
    }).eligible;
    vivenu = await startVivenuSandbox({ apiKey: API_KEY, events: { [EVENT]: tickets } });
    receiver = await startReceiverSandbox({ secret: SECRET, behaviour: { slowMs: 20 } });
    const inputs = {
      region: 'PROD',
      'event-id': EVENT,
      'api-key': API_KEY,
      'vivenu-url': vivenu.url,
      'webhook-url': receiver.url,
      'webhook-secret': SECRET,
      interval: '0.05',
    };

    const watched = receiver;
    let signalledAt = 0;
    const first = await runBundledAction({
      inputs,
      onStart: (child) => {
        const timer = setInterval(() => {
          if (watched.accepted().length >= 25) {
            clearInterval(timer);
            signalledAt = watched.accepted().length;
            child.kill('SIGINT');
          }
        }, 5);
        child.on('exit', () => clearInterval(timer));
      },
    });
    expect(signalledAt).toBeGreaterThanOrEqual(25);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain('Received SIGINT: no new delivery starts; saving progress.');
    expect(first.stdout).toMatch(
      /::error::Cancelled: \d+ delivered this run, \d+ remaining; progress saved in .*Run the workflow again/,
    );
    expect(first.outputs.complete).toBe('false');
    // At most the delivery in flight when the signal came got through after it.
    const afterFirst = receiver.accepted().length;
    expect(afterFirst - signalledAt).toBeLessThanOrEqual(1);
    const progressFile = first.outputs['progress-file']!;
    const saved = JSON.parse(await readFile(progressFile, 'utf8')) as {
      tickets_sent: number;
      event_progress: Record<string, { sent_ticket_ids: string[] }>;
    };
    expect(saved.event_progress[EVENT]!.sent_ticket_ids).toEqual(
      receiver.accepted().map((d) => d.ticketId),
    );
    expect(Number(first.outputs['tickets-sent'])).toBe(afterFirst);

    const second = await runBundledAction({ inputs, workspace: first.workspace });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({
      complete: 'true',
      'tickets-eligible': String(eligible.length),
      'tickets-skipped': String(afterFirst),
      'tickets-sent': String(eligible.length - afterFirst),
      'tickets-failed': '0',
    });

    const accepted = receiver.accepted();
    expect(accepted.map((d) => d.ticketId)).toEqual(eligible.map((t) => t._id));
    expect(accepted.every((d) => d.signatureValid && d.id === uuidV5(d.ticketId))).toBe(true);

    const progressText = await readFile(progressFile, 'utf8');
    const seen =
      shownToPeople(first.stdout + second.stdout) + first.summary + second.summary + progressText;
    expect(leakedValues(seen, personalValues(tickets))).toEqual([]);
    for (const secret of [API_KEY, SECRET]) expect(seen).not.toContain(secret);
  });
});
