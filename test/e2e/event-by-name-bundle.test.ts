import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { selectTickets } from '../../src/select/select-tickets.js';
import type { Ticket } from '../../src/vivenu/tickets.js';
import { runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import { startReceiverSandbox, type ReceiverSandbox } from '../../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import {
  startVivenuSandbox,
  type SandboxEventInfo,
  type VivenuFaults,
  type VivenuSandbox,
} from '../../sandbox/vivenu-sandbox.js';
import { sandboxInputs } from '../support/bundle-sandboxes.js';

/**
 * Issue 12, item 3, through dist/index.js as the runner starts it: the event asked for by id
 * before the pull (`GET /api/events/<id>`, Vivenu's Event object: `name`, `start`, `end`), its
 * name and dates in the log and the job summary; a 404 (an event of another region's account)
 * stops the run before any ticket page; a 403 (a key that may not read events) is said once and
 * the run goes on; an event with no tickets is not marked processed; `event-id` as the URL an
 * operator copies from the browser.
 */

const EVENT = '6864d4f427c2aa9b05cd17ee';
const OTHER_REGIONS_EVENT = '6864d4f427c2aa9b05cd17ef';
const API_KEY = 'event-by-name-key-5e1f';
const SECRET = 'event-by-name-webhook-secret-90aa';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const BERLIN: SandboxEventInfo = {
  name: 'HYROX Berlin',
  start: '2026-05-23T08:00:00.000Z',
  end: '2026-05-24T18:00:00.000Z',
};
const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };

let vivenu: VivenuSandbox | undefined;
let receiver: ReceiverSandbox | undefined;
afterEach(async () => {
  await vivenu?.close();
  await receiver?.close();
  vivenu = receiver = undefined;
});

async function syncThroughBundle(
  events: Record<string, Ticket[]>,
  inputs: Record<string, string> = {},
  faults: VivenuFaults = {},
): Promise<BundledRun> {
  vivenu = await startVivenuSandbox({
    apiKey: API_KEY,
    events,
    eventInfo: { [EVENT]: BERLIN },
    faults,
  });
  receiver = await startReceiverSandbox({ secret: SECRET });
  return runBundledAction({
    inputs: {
      ...sandboxInputs({
        region: 'PROD',
        eventId: Object.keys(events).join(','),
        keys: KEYS,
        vivenuUrl: vivenu.url,
        webhookUrl: receiver.url,
      }),
      mode: 'sync',
      'commit-progress': 'false',
      interval: '0',
      ...inputs,
    },
  });
}

const commandLines = (run: BundledRun, command: string): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith(`::${command}::`));

const progressFile = (run: BundledRun): string =>
  path.join(run.workspace, 'historical_sync_progress_PROD.json');

describe('dist/index.js names the event it syncs (issue 12, item 3)', () => {
  it('given the dashboard URL as event-id: the name and dates in the log, the summary title and its tables', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 60, seed: 41 });
    const run = await syncThroughBundle(
      { [EVENT]: tickets },
      { 'event-id': `https://dashboard.vivenu.com/events/${EVENT}/tickets?tab=all` },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Event ${EVENT}: HYROX Berlin (2026-05-23 to 2026-05-24)`);
    expect(run.stdout).toContain(
      `::group::Pull event ${EVENT} (PROD): HYROX Berlin (2026-05-23 to 2026-05-24)`,
    );
    const lines = run.summary.split('\n');
    expect(lines[0]).toBe(
      '## Vivenu historical sync · HYROX Berlin (2026-05-23 to 2026-05-24) · PROD · sync → custom receiver',
    );
    const label = `HYROX Berlin (2026-05-23 to 2026-05-24) · ${EVENT}`;
    // The pulled, the delivered and the how-far tables all say which event a row is.
    expect(lines.filter((line) => line.startsWith(`| ${label} |`))).toHaveLength(3);
    const eligible = selectTickets(tickets, rules).eligible.map((t) => t._id);
    expect(receiver!.deliveries.map((d) => d.ticketId)).toEqual(eligible);
    expect(vivenu!.stats.eventRequests).toBe(1);
  });

  it("an event of another region's account (404) fails before any ticket page, naming the PROD_API secret", async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 42 });
    const run = await syncThroughBundle(
      { [EVENT]: tickets },
      { 'event-id': `${EVENT},${OTHER_REGIONS_EVENT}` },
    );
    expect(run.exitCode).toBe(1);
    const errors = commandLines(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `Vivenu has no event ${OTHER_REGIONS_EVENT} for the PROD API key \\(404 .*another region's account\\. This run used the PROD_API secret`,
      ),
    );
    // The key is only ever in the runner's add-mask command, which hides it from the log.
    const shown = (run.stdout + run.stderr + run.summary)
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(API_KEY);
    expect(vivenu!.stats.requests).toBe(0);
    expect(receiver!.deliveries).toEqual([]);
    expect(existsSync(path.join(run.workspace, 'purchased_tickets', EVENT))).toBe(false);
  });

  it('a key that may not read events (403): said once, and every eligible ticket still delivered', async () => {
    const second = '6864d4f427c2aa9b05cd17f0';
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 43 });
    const more = generateEventTickets({ eventId: second, count: 30, seed: 44 });
    const run = await syncThroughBundle(
      { [EVENT]: tickets, [second]: more },
      {},
      { eventForbidden: true },
    );
    expect(run.exitCode).toBe(0);
    const warnings = commandLines(run, 'warning');
    expect(warnings).toEqual([
      `::warning::The PROD_API key may not read events (403 from ${vivenu!.url}/api/events): events are shown by id only. The tickets are pulled as before.`,
    ]);
    const eligible = [tickets, more].flatMap((list) => selectTickets(list, rules).eligible);
    expect(receiver!.deliveries).toHaveLength(eligible.length);
    expect(run.summary.split('\n')[0]).toBe(
      '## Vivenu historical sync · PROD · sync → custom receiver',
    );
    expect(run.outputs.complete).toBe('true');
  });

  it('an event with no tickets is not marked processed: the next run delivers the tickets sold since', async () => {
    const run = await syncThroughBundle({ [EVENT]: [] });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`event ${EVENT}: no tickets, so it is not marked processed`);
    const progress = JSON.parse(await readFile(progressFile(run), 'utf8')) as {
      events_processed: string[];
    };
    expect(progress.events_processed).toEqual([]);
    expect(run.outputs.complete).toBe('false');

    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 45 });
    vivenu!.upsertTickets(EVENT, tickets);
    const next = await runBundledAction({
      workspace: run.workspace,
      inputs: {
        ...sandboxInputs({
          region: 'PROD',
          eventId: EVENT,
          keys: KEYS,
          vivenuUrl: vivenu!.url,
          webhookUrl: receiver!.url,
        }),
        mode: 'sync',
        'commit-progress': 'false',
        interval: '0',
      },
    });
    expect(next.exitCode).toBe(0);
    expect(receiver!.deliveries).toHaveLength(selectTickets(tickets, rules).eligible.length);
    expect(next.outputs.complete).toBe('true');
  });

  it('a shop link without the id: refused before any request, naming event-id and what to copy', async () => {
    const run = await syncThroughBundle(
      { [EVENT]: [] },
      { 'event-id': 'https://vivenu.com/event/hyrox-berlin-8pfyy0' },
    );
    expect(run.exitCode).toBe(1);
    expect(commandLines(run, 'error')).toEqual([
      '::error::Invalid input: event-id "https://vivenu.com/event/hyrox-berlin-8pfyy0" holds no 24-character hex event id in its path: ' +
        "copy the event's page in the Vivenu dashboard (dashboard.vivenu.com/events/<id>), or the id itself " +
        '(a shop link vivenu.com/event/<name>-<code> carries a short code, not the id)',
    ]);
    expect(vivenu!.stats.eventRequests + vivenu!.stats.requests).toBe(0);
  });
});
