import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VivenuError } from '../../src/errors.js';
import { defaultRetryPolicy } from '../../src/http/retry.js';
import { renderTextSummary } from '../../src/cli/text-summary.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { MAX_EVENT_BYTES, VivenuClient } from '../../src/vivenu/vivenu-client.js';
import { generateEventTickets } from '../../sandbox/ticket-factory.js';
import {
  startVivenuSandbox,
  type VivenuFaults,
  type VivenuSandbox,
} from '../../sandbox/vivenu-sandbox.js';
import { memoryLogger } from '../support/memory-logger.js';
import { syncFixture, type SyncFixture } from '../support/sync-fixture.js';
import { virtualClock } from '../support/virtual-clock.js';

const EVENT = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const ANOTHER_REGIONS = 'cccccccccccccccccccccccc';
const KEY = 'lookup-key';
let sandbox: VivenuSandbox | undefined;
let fixture: SyncFixture | undefined;

afterEach(async () => {
  await sandbox?.close();
  await fixture?.close();
  sandbox = fixture = undefined;
});

async function client(faults: VivenuFaults = {}) {
  sandbox = await startVivenuSandbox({
    apiKey: KEY,
    events: { [EVENT]: [] },
    eventInfo: {
      [EVENT]: {
        name: 'HYROX Berlin',
        start: '2026-05-23T08:00:00.000Z',
        end: '2026-05-24T18:00:00.000Z',
      },
    },
    faults,
  });
  const clock = virtualClock(0);
  const logger = memoryLogger();
  const vivenu = new VivenuClient({
    origin: sandbox.url,
    apiKey: KEY,
    region: 'ITALY',
    clock,
    logger,
    random: () => 0.5,
    retry: defaultRetryPolicy,
  });
  return { vivenu, clock, logger, sandbox };
}

describe('VivenuClient.fetchEvent: GET /api/events/<id>', () => {
  it('gives the name and dates', async () => {
    const { vivenu } = await client();
    expect(await vivenu.fetchEvent(EVENT)).toEqual({
      kind: 'found',
      info: {
        eventId: EVENT,
        name: 'HYROX Berlin',
        start: '2026-05-23T08:00:00.000Z',
        end: '2026-05-24T18:00:00.000Z',
      },
    });
  });

  it("fails at once on a 404, naming the region's secret as the likeliest cause", async () => {
    const { vivenu, sandbox } = await client();
    const error = await vivenu.fetchEvent(ANOTHER_REGIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VivenuError);
    expect((error as Error).message).toMatch(
      /no event c{24} for the ITALY API key \(404 .*another region's account.*ITALY_API secret/,
    );
    expect(sandbox.stats.eventRequests).toBe(1);
  });

  it('says forbidden on a 403, without retrying', async () => {
    const { vivenu, sandbox } = await client({ eventForbidden: true });
    expect(await vivenu.fetchEvent(EVENT)).toEqual({ kind: 'forbidden' });
    expect(sandbox.stats.eventRequests).toBe(1);
  });

  it('retries a 503 like a page, then goes on without the name', async () => {
    const { vivenu, sandbox, clock } = await client({ eventUnavailable: true });
    expect(await vivenu.fetchEvent(EVENT)).toEqual({
      kind: 'unknown',
      reason: `HTTP 503, ${defaultRetryPolicy.maxAttempts} attempts`,
    });
    expect(sandbox.stats.eventRequests).toBe(defaultRetryPolicy.maxAttempts);
    expect(clock.sleeps.length).toBe(defaultRetryPolicy.maxAttempts - 1);
  });

  it(`refuses an answer over ${MAX_EVENT_BYTES} bytes unread, once, and goes on`, async () => {
    const { vivenu, sandbox } = await client({ eventAnswerBytes: MAX_EVENT_BYTES + 1 });
    const lookup = await vivenu.fetchEvent(EVENT);
    expect(lookup.kind).toBe('unknown');
    expect(lookup.kind === 'unknown' && lookup.reason).toMatch(/over the \d+ bytes allowed/);
    expect(sandbox.stats.eventRequests).toBe(1);
  });
});

describe('the run and the event', () => {
  it('shows the name and dates in the log, the summary title and the event column', async () => {
    const tickets = generateEventTickets({ eventId: EVENT, count: 40, seed: 5 });
    fixture = await syncFixture({ [EVENT]: tickets });
    const { report, log, error } = await fixture.run({ 'dry-run': 'true' });
    expect(error).toBeUndefined();
    expect(log).toContain(`Event ${EVENT}: Sandbox event bbbbbb (2026-05-23 to 2026-05-24)`);
    const summary = renderJobSummary(report);
    expect(summary.split('\n')[0]).toBe(
      '## Vivenu historical sync · Sandbox event bbbbbb (2026-05-23 to 2026-05-24) · DEV · sync (dry run) → custom receiver',
    );
    expect(summary).toContain(`| Sandbox event bbbbbb (2026-05-23 to 2026-05-24) · ${EVENT} | `);
    expect(renderTextSummary(report)).toContain(
      `Sandbox event bbbbbb (2026-05-23 to 2026-05-24) · ${EVENT}  `,
    );
  });

  it('a 403 is said once for all events, and the tickets are still delivered', async () => {
    const other = 'dddddddddddddddddddddddd';
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 30, seed: 6 }),
      [other]: generateEventTickets({ eventId: other, count: 30, seed: 7 }),
    });
    fixture.vivenu.setFaults({ eventForbidden: true });
    const { report, log, error } = await fixture.run();
    expect(error).toBeUndefined();
    expect(log.match(/may not read events \(403/g)).toHaveLength(1);
    expect(fixture.vivenu.stats.eventRequests).toBe(1);
    expect(report.complete).toBe(true);
    expect(renderJobSummary(report).split('\n')[0]).toBe(
      '## Vivenu historical sync · DEV · sync → custom receiver',
    );
  });

  it('a 404 stops the run before any ticket page is asked for or anything is sent', async () => {
    fixture = await syncFixture({
      [EVENT]: generateEventTickets({ eventId: EVENT, count: 30, seed: 8 }),
    });
    const { error } = await fixture.run({ 'event-id': `${EVENT},${ANOTHER_REGIONS}` });
    expect(error?.message).toMatch(/no event c{24} for the DEV API key .*DEV_API secret/);
    expect(fixture.vivenu.stats.requests).toBe(0);
    expect(fixture.receiver.accepted()).toEqual([]);
  });

  it('an event with no tickets is never marked processed, so the next run looks again', async () => {
    fixture = await syncFixture({ [EVENT]: [] });
    const first = await fixture.run();
    expect(first.error).toBeUndefined();
    expect(first.log).toContain(`event ${EVENT}: no tickets, so it is not marked processed`);
    const progress = JSON.parse(
      await readFile(path.join(fixture.workspace, 'historical_sync_progress_DEV.json'), 'utf8'),
    ) as { events_processed?: string[] };
    expect(progress.events_processed ?? []).toEqual([]);
    expect(first.report.complete).toBe(false);

    // Tickets go on sale: the next run (no resync) delivers them.
    const tickets = generateEventTickets({ eventId: EVENT, count: 30, seed: 9 });
    fixture.vivenu.upsertTickets(EVENT, tickets);
    const second = await fixture.run();
    expect(second.error).toBeUndefined();
    expect(fixture.receiver.accepted().length).toBeGreaterThan(0);
    expect(second.report.complete).toBe(true);
  });
});
