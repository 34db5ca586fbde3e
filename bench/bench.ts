/**
 * `npm run bench [-- --small]`: each row a ratio or a figure measured side by side in one run,
 * on loopback. Machines are noisy, so the claims are ratios, not absolute times. `--small`
 * is the quick version CI runs so that a regression fails the build. `npm run bench:node24`
 * runs the same on Node 24 (the action's runtime), fetched with `npx -y node@24`.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPOSITORY_ROOT, runBundledAction } from '../sandbox/action-runner.js';
import { startReceiverSandbox } from '../sandbox/receiver-sandbox.js';
import { generateEventTickets } from '../sandbox/ticket-factory.js';
import { startVivenuSandbox } from '../sandbox/vivenu-sandbox.js';
import { buildEventMetadata } from '../src/ticket-files/event-metadata.js';
import { writeEventFiles } from '../src/ticket-files/ticket-files.js';
import { consoleLogger, systemClock } from '../src/ports.js';
import { ProgressStore } from '../src/progress/progress-store.js';
import { pullEvent, type PulledEvent } from '../src/vivenu/pull-event.js';
import { compareByCreation, type Ticket } from '../src/vivenu/tickets.js';
import { VivenuClient } from '../src/vivenu/vivenu-client.js';
import { Pacer } from '../src/webhook/pacer.js';
import { WebhookSender } from '../src/webhook/webhook-sender.js';

const { values } = parseArgs({ options: { small: { type: 'boolean', default: false } } });
const small = values.small;
const SIZES = small
  ? {
      pullTickets: 2_000,
      cadenceDeliveries: 50,
      overheadDeliveries: 1_000,
      window: 100,
      // At full size: with fewer tickets, Node's own ~45 MiB would dominate the ratio.
      memoryTickets: 100_000,
    }
  : {
      pullTickets: 20_000,
      cadenceDeliveries: 200,
      overheadDeliveries: 5_000,
      window: 500,
      memoryTickets: 100_000,
    };

/**
 * The goals. The quick CI run allows a little more on its two noisiest rows (50 deliveries
 * instead of 200; start-up on a shared machine), so only a real regression fails the build.
 */
const GOALS = {
  pull: 0.3,
  cadence: small ? 1.02 : 1.01,
  overhead: 1.5,
  memory: 3,
  startup: small ? 3.5 : 3,
};

const EVENT = '6864d4f427c2aa9b05cd17ee';
const KEY = 'bench-key';
const quiet = consoleLogger(() => undefined);

interface Row {
  name: string;
  value: string;
  goal: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-'));
const progress = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

/** The earlier pull tool: top 100, one page after another, a new connection per call, 0.2 s apart. */
async function baselinePull(origin: string, eventId: string): Promise<PulledEvent> {
  const started = Date.now();
  const seen = new Map<string, Ticket>();
  let total = Number.POSITIVE_INFINITY;
  let calls = 0;
  for (let skip = 0; skip < total; skip += 100) {
    const body = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        `${origin}/api/tickets?event=${eventId}&top=100&skip=${skip}`,
        { headers: { Authorization: `Bearer ${KEY}` }, agent: false },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
    });
    calls++;
    const page = JSON.parse(body) as { rows: Ticket[]; total: number };
    total = page.total;
    for (const row of page.rows) seen.set(row._id, row);
    if (page.rows.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const tickets = [...seen.values()].sort(compareByCreation);
  return {
    eventId,
    tickets,
    withoutId: [],
    tooDeep: [],
    totalReported: total,
    apiCalls: calls,
    retries: 0,
    passes: 1,
    durationMs: Date.now() - started,
    complete: true,
  };
}

async function keepFiles(pulled: PulledEvent, folder: string): Promise<void> {
  const metadata = buildEventMetadata(pulled, {
    region: 'DEV',
    origin: 'bench',
    pulledAt: new Date(),
  });
  await writeEventFiles(folder, pulled.tickets, metadata);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function pullRow(): Promise<void> {
  progress(`pull: ${SIZES.pullTickets} tickets, 100 ms a page`);
  const tickets = generateEventTickets({ eventId: EVENT, count: SIZES.pullTickets, seed: 1 });
  const vivenu = await startVivenuSandbox({
    apiKey: KEY,
    events: { [EVENT]: tickets },
    faults: { slow: { rate: 1, ms: 100 } },
  });
  try {
    const baselineMs = await timed(async () =>
      keepFiles(await baselinePull(vivenu.url, EVENT), path.join(scratch, 'baseline')),
    );
    const client = new VivenuClient({
      origin: vivenu.url,
      apiKey: KEY,
      region: 'DEV',
      clock: systemClock,
      logger: quiet,
    });
    const oursMs = await timed(async () =>
      keepFiles(
        await pullEvent(EVENT, {
          client,
          clock: systemClock,
          logger: quiet,
          pageSize: 100,
          concurrency: 2,
        }),
        path.join(scratch, 'ours'),
      ),
    );
    const ratio = oursMs / baselineMs;
    rows.push({
      name: `pull ${SIZES.pullTickets.toLocaleString('en-US')} tickets, 100 ms a page: this puller / the earlier one`,
      value: `${ratio.toFixed(3)} (${(oursMs / 1000).toFixed(1)} s / ${(baselineMs / 1000).toFixed(1)} s)`,
      goal: `≤ ${GOALS.pull}`,
      ok: ratio <= GOALS.pull,
    });
  } finally {
    await vivenu.close();
  }
}

async function cadenceRow(): Promise<void> {
  const intervalMs = 200;
  progress(
    `cadence: ${SIZES.cadenceDeliveries} deliveries at 0.2 s to a receiver answering in 50 ms`,
  );
  const tickets = generateEventTickets({ eventId: EVENT, count: SIZES.cadenceDeliveries, seed: 2 });
  const ours = await startReceiverSandbox({ behaviour: { slowMs: 50 } });
  const earlier = await startReceiverSandbox({ behaviour: { slowMs: 50 } });
  try {
    const sender = new WebhookSender({
      url: ours.url,
      secret: 's',
      clock: systemClock,
      pacer: new Pacer(intervalMs, systemClock),
    });
    const paced = async (): Promise<void> => {
      for (const ticket of tickets) await sender.deliver(ticket);
    };
    // The earlier tool slept the interval after each answer.
    const baseline = new WebhookSender({
      url: earlier.url,
      secret: 's',
      clock: systemClock,
      pacer: new Pacer(0, systemClock),
    });
    const sleepingAfterAnswer = async (): Promise<void> => {
      for (const ticket of tickets) {
        await baseline.deliver(ticket);
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    };
    await Promise.all([paced(), sleepingAfterAnswer()]);
    const meanGap = (arrivals: number[]): number =>
      (arrivals.at(-1)! - arrivals[0]!) / (arrivals.length - 1);
    const ratio = meanGap(ours.deliveries.map((d) => d.at)) / intervalMs;
    const earlierRatio = meanGap(earlier.deliveries.map((d) => d.at)) / intervalMs;
    rows.push({
      name: `cadence: mean gap / interval (0.2 s, 50 ms answers; the earlier way: ${earlierRatio.toFixed(3)})`,
      value: ratio.toFixed(4),
      goal: `≤ ${GOALS.cadence}`,
      ok: ratio <= GOALS.cadence,
    });
  } finally {
    await ours.close();
    await earlier.close();
  }
}

async function overheadRow(): Promise<void> {
  const n = SIZES.overheadDeliveries;
  progress(`delivery overhead: ${n} unpaced deliveries with a durable checkpoint each`);
  const tickets = generateEventTickets({ eventId: EVENT, count: n, seed: 3 });
  const receiver = await startReceiverSandbox({});
  const store = await ProgressStore.open(
    path.join(scratch, 'overhead', 'progress.json'),
    { region: 'DEV', receiver: receiver.url },
    Date.now,
  );
  try {
    const sender = new WebhookSender({
      url: receiver.url,
      secret: 's',
      clock: systemClock,
      pacer: new Pacer(0, systemClock),
    });
    const costs: number[] = [];
    const started = performance.now();
    for (const ticket of tickets) {
      costs.push(
        await timed(async () => {
          await sender.deliver(ticket);
          await store.record({ t: 'sent', e: EVENT, id: ticket._id });
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    const ratio = mean(costs.slice(-SIZES.window)) / mean(costs.slice(0, SIZES.window));
    rows.push({
      name: `delivery overhead: last ${SIZES.window} / first ${SIZES.window} of ${n.toLocaleString('en-US')} (checkpoint each)`,
      value: `${ratio.toFixed(3)} (${Math.round(n / seconds)} deliveries/s)`,
      goal: `≤ ${GOALS.overhead}`,
      ok: ratio <= GOALS.overhead,
    });
  } finally {
    await store.close();
    await receiver.close();
  }
}

/** Peak resident memory of a child process, read from /proc while it runs (Linux). */
async function peakRss(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<number> {
  const child = spawn(command, args, { ...options, stdio: 'ignore' });
  let peakKb = 0;
  const read = (): void => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // gone
    }
  };
  const poll = setInterval(read, 10);
  const code = await new Promise<number | null>((resolve) =>
    child.on('exit', (exit) => resolve(exit)),
  );
  clearInterval(poll);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  return peakKb * 1024;
}

async function memoryRow(): Promise<void> {
  const n = SIZES.memoryTickets;
  progress(`memory: pulling ${n} tickets with dist/cli.js`);
  const vivenu = await startVivenuSandbox({
    apiKey: KEY,
    events: { [EVENT]: generateEventTickets({ eventId: EVENT, count: n, seed: 4 }) },
  });
  const folder = path.join(scratch, 'memory');
  try {
    await mkdir(folder, { recursive: true });
    const rss = await peakRss(
      process.execPath,
      [
        path.join(REPOSITORY_ROOT, 'dist', 'cli.js'),
        'pull',
        'DEV',
        EVENT,
        '--vivenu-url',
        vivenu.url,
      ],
      {
        cwd: folder,
        env: { PATH: process.env.PATH ?? '', DEV_API: KEY },
      },
    );
    const size = (await stat(path.join(folder, 'purchased_tickets', EVENT, 'all_tickets.json')))
      .size;
    const ratio = rss / size;
    rows.push({
      name: `memory: peak RSS pulling ${n.toLocaleString('en-US')} tickets / all_tickets.json`,
      value: `${ratio.toFixed(2)} (${(rss / 2 ** 20).toFixed(0)} MiB / ${(size / 2 ** 20).toFixed(0)} MiB)`,
      goal: `≤ ${GOALS.memory}`,
      ok: ratio <= GOALS.memory,
    });
  } finally {
    await vivenu.close();
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function startupRow(): Promise<void> {
  progress('start-up: dist/index.js to its first request, against node -e ""');
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push(
      await timed(
        () =>
          new Promise<void>((resolve) =>
            spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }).on('exit', () => resolve()),
          ),
      ),
    );
  }
  const vivenu = await startVivenuSandbox({ apiKey: KEY, events: { [EVENT]: [] } });
  const toFirstRequest: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const before = vivenu.stats.requests;
      let started = 0;
      let firstAt = 0;
      const watch = setInterval(() => {
        if (!firstAt && vivenu.stats.requests > before) firstAt = performance.now();
      }, 0.5);
      await runBundledAction({
        inputs: {
          region: 'DEV',
          'event-id': EVENT,
          'api-key': KEY,
          mode: 'pull-only',
          'vivenu-url': vivenu.url,
        },
        onStart: () => (started = performance.now()),
      });
      clearInterval(watch);
      toFirstRequest.push(firstAt - started);
    }
  } finally {
    await vivenu.close();
  }
  const ratio = median(toFirstRequest) / median(bare);
  rows.push({
    name: 'start-up: dist/index.js to its first request / node -e "" (medians of 5)',
    value: `${ratio.toFixed(2)} (${median(toFirstRequest).toFixed(0)} ms / ${median(bare).toFixed(0)} ms)`,
    goal: `≤ ${GOALS.startup}`,
    ok: ratio <= GOALS.startup,
  });
}

function bundleRow(): void {
  const dist = path.join(REPOSITORY_ROOT, 'dist');
  const bytes = readdirSync(dist).reduce(
    (sum, file) => sum + statSync(path.join(dist, file)).size,
    0,
  );
  rows.push({
    name: 'bundle: dist/ (action and command)',
    value: `${(bytes / 2 ** 20).toFixed(2)} MiB`,
    goal: '-',
    ok: undefined,
  });
}

const only = process.env.BENCH_ONLY;
try {
  if (!only || only === 'pull') await pullRow();
  if (!only || only === 'cadence') await cadenceRow();
  if (!only || only === 'overhead') await overheadRow();
  if (!only || only === 'memory') await memoryRow();
  if (!only || only === 'startup') await startupRow();
  bundleRow();
} finally {
  await rm(scratch, { recursive: true, force: true });
}

// Every child above is started with process.execPath: the whole table is this one runtime's.
console.log(`\nNode ${process.version} (${process.platform}-${process.arch})`);
const width = Math.max(...rows.map((row) => row.name.length));
const valueWidth = Math.max(...rows.map((row) => row.value.length));
console.log(`${'row'.padEnd(width)}  ${'measured'.padEnd(valueWidth)}  goal    ok`);
for (const row of rows) {
  const ok = row.ok === undefined ? '' : row.ok ? 'yes' : 'NO';
  console.log(
    `${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.goal.padEnd(6)}  ${ok}`,
  );
}
const failed = rows.filter((row) => row.ok === false);
for (const row of failed)
  console.error(`bench: goal missed: ${row.name}: ${row.value}, goal ${row.goal}`);
process.exitCode = failed.length > 0 ? 1 : 0;
