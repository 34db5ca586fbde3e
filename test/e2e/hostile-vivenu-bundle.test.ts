import type { ChildProcess } from 'node:child_process';
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
  type VivenuFaults,
  type VivenuSandbox,
} from '../../sandbox/vivenu-sandbox.js';
import { sandboxInputs } from '../support/bundle-sandboxes.js';
import { leakedValues, personalValues, shownToPeople } from '../support/personal-data.js';

/**
 * Issue 11, the Vivenu side, through dist/index.js as the runner starts it: a Vivenu whose
 * `total` lies low (row 3) or whose pages repeat under `total: 1e9` (row 4), a gzip bomb
 * (row 5), a Vivenu that ignores the `event` filter or lists one ticket id in two events
 * (row 6), and a ticket without `_id` (row 15).
 */

const EVENT_A = '68108c20c5c88849372bfb61';
const EVENT_B = '68108c20c5c88849372bfb62';
const API_KEY = 'hostile-vivenu-key-3c9a';
const SECRET = 'hostile-vivenu-webhook-secret-77d1';
const KEYS = { apiKey: API_KEY, secret: SECRET };
const TOKEN = 'ghp_hostile_vivenu_bundle_0b1c';
/** Long enough for every run here that works (a few seconds); a run past it is a hung run. */
const WATCHDOG_MS = 30_000;
const rules = { statuses: ['VALID', 'DETAILSREQUIRED'], nameContains: 'CHARITY' };

let vivenu: VivenuSandbox | undefined;
let receiver: ReceiverSandbox | undefined;
afterEach(async () => {
  await vivenu?.close();
  await receiver?.close();
  vivenu = receiver = undefined;
});

interface WatchedRun extends BundledRun {
  /** Wall time from start to exit. */
  ms: number;
  /** Killed by the watchdog: the run would have gone on. */
  hung: boolean;
  /** The child's peak resident set (VmHWM), in MiB, read from /proc while it ran. */
  peakRssMiB: number;
}

/** Peak resident memory of a process so far, in KiB; 0 once it has gone. */
async function peakRssKiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** A sync of `events` through the bundle, killed after WATCHDOG_MS, with its peak memory. */
async function syncThroughBundle(
  events: Record<string, Ticket[]>,
  faults: VivenuFaults,
  inputs: Record<string, string> = {},
): Promise<WatchedRun> {
  vivenu = await startVivenuSandbox({ apiKey: API_KEY, events, faults });
  receiver = await startReceiverSandbox({ secret: SECRET });
  let hung = false;
  let peak = 0;
  const started = performance.now();
  const run = await runBundledAction({
    inputs: {
      ...sandboxInputs({
        region: 'PROD',
        eventId: Object.keys(events).join(','),
        keys: KEYS,
        vivenuUrl: vivenu.url,
        webhookUrl: receiver.url,
        progressFile: 'receiver',
      }),
      mode: 'sync',
      'github-token': TOKEN,
      'commit-progress': 'false',
      interval: '0',
      ...inputs,
    },
    onStart: (child: ChildProcess) => {
      const watchdog = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, WATCHDOG_MS);
      const sampler = setInterval(() => {
        void peakRssKiB(child.pid!).then((kib) => (peak = Math.max(peak, kib)));
      }, 10);
      child.on('exit', () => {
        clearTimeout(watchdog);
        clearInterval(sampler);
      });
    },
  });
  return { ...run, ms: performance.now() - started, hung, peakRssMiB: peak / 1024 };
}

const errorLines = (run: BundledRun): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith('::error::'));

const deliveredIds = (): string[] => receiver!.deliveries.map((d) => d.ticketId);

describe('dist/index.js against a Vivenu whose total or pages lie (issue 11, rows 3 and 4)', () => {
  it('total 1,000 for an event of 5,000, pages full: pages to the end, delivers nothing, says both numbers', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 5_000, seed: 31 });
    const run = await syncThroughBundle({ [EVENT_A]: tickets }, { reportTotal: 1_000 });
    console.log(
      `row 3: exit ${run.exitCode}, ${Math.round(run.ms)} ms, ${vivenu!.stats.requests} requests, ` +
        `${receiver!.deliveries.length} deliveries, peak RSS ${run.peakRssMiB.toFixed(0)} MiB`,
    );
    expect({
      hung: run.hung,
      exitCode: run.exitCode,
      deliveries: receiver!.deliveries.length,
    }).toEqual({ hung: false, exitCode: 1, deliveries: 0 });
    expect(errorLines(run).join('\n')).toMatch(
      /pulled 5,000 unique tickets but Vivenu never reported more than 1,000.*Nothing was delivered from this pull/,
    );
    expect(run.summary).toMatch(/Vivenu never reported more than 1,000/);
    // Every ticket was read and kept for review.
    const all = JSON.parse(
      await readFile(
        path.join(run.workspace, 'purchased_tickets', EVENT_A, 'all_tickets.json'),
        'utf8',
      ),
    ) as Ticket[];
    expect(all).toHaveLength(5_000);
    expect(run.outputs['complete']).toBe('false');
  });

  it('total 1e9 with the same rows on every page: stops within a dozen requests, delivers nothing, names the repeating pages', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 5_000, seed: 32 });
    const run = await syncThroughBundle(
      { [EVENT_A]: tickets },
      { reportTotal: 1e9, ignoreSkip: true },
    );
    console.log(
      `row 4: exit ${run.exitCode}, hung ${run.hung}, ${Math.round(run.ms)} ms, ` +
        `${vivenu!.stats.requests} requests, ${receiver!.deliveries.length} deliveries`,
    );
    expect({
      hung: run.hung,
      exitCode: run.exitCode,
      deliveries: receiver!.deliveries.length,
    }).toEqual({ hung: false, exitCode: 1, deliveries: 0 });
    expect(vivenu!.stats.requests).toBeLessThanOrEqual(12);
    expect(errorLines(run).join('\n')).toMatch(
      /Vivenu's pages repeat: the pages from ticket [\d,]+ and from ticket [\d,]+ brought no ticket not already pulled \([\d,]+ unique pulled, Vivenu reported 1,000,000,000\)/,
    );
  });
});

describe('dist/index.js against a gzip bomb (issue 11, row 5)', () => {
  it('a page of 3 MB gzip that expands to 3 GiB: refused unread at once, named, memory flat', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 50, seed: 33 });
    const run = await syncThroughBundle(
      { [EVENT_A]: tickets },
      { gzipBomb: { expandsToBytes: 3 * 2 ** 30 } },
    );
    console.log(
      `row 5: exit ${run.exitCode}, hung ${run.hung}, ${Math.round(run.ms)} ms, ` +
        `${vivenu!.stats.requests} requests, peak RSS ${run.peakRssMiB.toFixed(1)} MiB`,
    );
    expect({
      hung: run.hung,
      exitCode: run.exitCode,
      requests: vivenu!.stats.requests,
      deliveries: receiver!.deliveries.length,
    }).toEqual({ hung: false, exitCode: 1, requests: 1, deliveries: 0 });
    const errors = errorLines(run).join('\n');
    expect(errors).toMatch(
      /answer in a content coding not asked for \(gzip\)\. Not retried, as load does not cause it: check that vivenu-url/,
    );
    expect(errors).not.toMatch(/under load/);
    // Nothing inflated: the run's memory is what any run of 50 tickets takes.
    expect(run.peakRssMiB).toBeGreaterThan(0);
    expect(run.peakRssMiB).toBeLessThan(200);
    expect(run.summary).toMatch(/content coding not asked for/);
  });
});

describe('dist/index.js against tickets of another event (issue 11, row 6)', () => {
  it('a Vivenu that ignores the event filter: a two-event run delivers each ticket once, none of another event, and counts them', async () => {
    const a = generateEventTickets({ eventId: EVENT_A, count: 120, seed: 34 });
    const b = generateEventTickets({ eventId: EVENT_B, count: 80, seed: 35 });
    const run = await syncThroughBundle(
      { [EVENT_A]: a, [EVENT_B]: b },
      { ignoreEventFilter: true },
    );
    const delivered = receiver!.deliveries;
    const ids = delivered.map((d) => d.ticketId);
    const eligibleA = selectTickets(a, rules).eligible.map((t) => t._id);
    const eligibleB = selectTickets(b, rules).eligible.map((t) => t._id);
    console.log(
      `row 6 (filter ignored): exit ${run.exitCode}, ${delivered.length} deliveries, ` +
        `${new Set(ids).size} distinct, ${eligibleA.length + eligibleB.length} eligible`,
    );
    expect(run.exitCode).toBe(0);
    expect(new Set(ids).size, 'no ticket delivered twice').toBe(ids.length);
    expect(ids).toEqual([...eligibleA, ...eligibleB]);
    // Each delivered while its own event was synced: none under another event.
    const deliveredEvents = delivered.map((d) => d.ticket.eventId);
    expect(deliveredEvents.slice(0, eligibleA.length).every((e) => e === EVENT_A)).toBe(true);
    expect(deliveredEvents.slice(eligibleA.length).every((e) => e === EVENT_B)).toBe(true);

    expect(run.stdout).toContain(`  - Rejected (eventId not ${EVENT_A}): 80`);
    expect(run.stdout).toContain(`  - Rejected (eventId not ${EVENT_B}): 120`);
    expect(run.summary).toContain(
      `Event ${EVENT_A}, not delivered: 80 of another event (their \`eventId\` is not this event).`,
    );
    expect(run.summary).toContain(
      `Event ${EVENT_B}, not delivered: 120 of another event (their \`eventId\` is not this event).`,
    );
  });

  it('one ticket id listed in two events: delivered once, under the first, and counted in the second', async () => {
    const a = generateEventTickets({ eventId: EVENT_A, count: 60, seed: 36 });
    const b = generateEventTickets({ eventId: EVENT_B, count: 40, seed: 37 });
    const shared = selectTickets(a, rules).eligible[0]!;
    // The same `_id` in event B, as B's own ticket: eligible there too.
    const twin = {
      ...b.find((t) => selectTickets([t], rules).eligible.length === 1)!,
      _id: shared._id,
    };
    const run = await syncThroughBundle({ [EVENT_A]: a, [EVENT_B]: [...b, twin] }, {});
    const ids = deliveredIds();
    console.log(
      `row 6 (id in two events): exit ${run.exitCode}, ${ids.filter((id) => id === shared._id).length} deliveries of the shared id`,
    );
    expect(run.exitCode).toBe(0);
    expect(ids.filter((id) => id === shared._id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.stdout).toContain(
      '  - Counted under an earlier event of this run (delivered once, there): 1',
    );
    expect(run.summary).toContain(
      `Event ${EVENT_B}, not delivered: 1 already eligible in event ${EVENT_A} earlier in this run (delivered once, there).`,
    );
  });
});

describe('dist/index.js against a ticket without _id (issue 11, row 15)', () => {
  it('skips it, counts it, keeps it for review, and delivers every other eligible ticket', async () => {
    const tickets = generateEventTickets({ eventId: EVENT_A, count: 300, seed: 38 });
    const eligible = selectTickets(tickets, rules).eligible;
    const damaged = eligible[7]!;
    const withoutId = Object.fromEntries(
      Object.entries(damaged).filter(([key]) => key !== '_id'),
    ) as Ticket;
    const listed = tickets.map((t) => (t === damaged ? withoutId : t));
    const run = await syncThroughBundle({ [EVENT_A]: listed }, {});
    console.log(
      `row 15: exit ${run.exitCode}, hung ${run.hung}, ${Math.round(run.ms)} ms, ` +
        `${vivenu!.stats.requests} requests, ${receiver!.deliveries.length} deliveries`,
    );
    expect({ hung: run.hung, exitCode: run.exitCode }).toEqual({ hung: false, exitCode: 0 });
    expect(deliveredIds()).toEqual(eligible.filter((t) => t !== damaged).map((t) => t._id));
    expect(run.stdout).toContain(
      '  - Without _id (never delivered: cannot be recorded as sent): 1',
    );
    expect(run.stdout).toMatch(/::warning::.*1 rows have no _id/);
    expect(run.summary).toContain(
      `Event ${EVENT_A}, not delivered: 1 without \`_id\` (they cannot be recorded as sent, so they are never delivered; kept in \`without_id.json\` for review).`,
    );
    const kept = JSON.parse(
      await readFile(
        path.join(run.workspace, 'purchased_tickets', EVENT_A, 'without_id.json'),
        'utf8',
      ),
    ) as unknown[];
    expect(kept).toEqual([withoutId]);
    // The row is reported by counts only: none of its personal data is shown.
    expect(
      leakedValues(shownToPeople(run.stdout) + run.summary, personalValues([damaged])),
    ).toEqual([]);
  });
});
