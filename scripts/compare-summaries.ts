/**
 * Does a change leave the summaries as they were? Renders the job summary and the terminal's
 * summary of the same runs with two checkouts of this repository, byte for byte:
 *
 *   npx tsx scripts/compare-summaries.ts <old checkout> [<new checkout, default: this one>]
 *
 * The runs: scenarios played through each checkout's own pipeline against the sandboxes
 * (`test/support/sync-fixture.ts`, a virtual clock, seeded tickets), and random reports
 * (fast-check, a fixed seed) rendered by both. Random reports are made in the new shape and
 * given to the old renderer with the renames of issue 22 undone (`passedOverAsComplete` was
 * `skippedAsProcessed`, the failure kind `vivenu-failed` was `vivenu`). Prints the counts and
 * the first differences; exits 1 when any summary differs.
 */
import fc from 'fast-check';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [oldRoot, newRoot = here] = process.argv.slice(2).map((p) => path.resolve(p));
if (!oldRoot) {
  console.error('usage: npx tsx scripts/compare-summaries.ts <old checkout> [<new checkout>]');
  process.exit(2);
}

type Report = Record<string, unknown>;
interface Tree {
  markdown: (report: Report, failure?: string) => string;
  text: (report: Report) => string;
  fixture: (
    events: Record<string, unknown[]>,
    options?: { behaviour?: Record<string, unknown> },
  ) => Promise<{
    workspace: string;
    receiver: { url: string };
    vivenu: { url: string; upsertTickets(eventId: string, tickets: unknown[]): void };
    run(inputs?: Record<string, string>): Promise<{ report: Report; error: Error | undefined }>;
    close(): Promise<void>;
  }>;
  tickets: (spec: { eventId: string; count: number; seed: number; startsAt?: Date }) => unknown[];
}

async function load(root: string): Promise<Tree> {
  const at = (file: string) => import(path.join(root, file)) as Promise<Record<string, unknown>>;
  const job = await at('src/report/job-summary.ts');
  const text = await at('src/cli/text-summary.ts');
  const fixture = await at('test/support/sync-fixture.ts');
  const factory = await at('sandbox/ticket-factory.ts');
  return {
    markdown: job.renderJobSummary as Tree['markdown'],
    text: text.renderTextSummary as Tree['text'],
    fixture: fixture.syncFixture as Tree['fixture'],
    tickets: factory.generateEventTickets as Tree['tickets'],
  };
}

const EVENT = '6e0c1e2d3c4b5a6978877601';
const OTHER = '6e0c1e2d3c4b5a6978877602';

/** Inputs of one run after another in one workspace: what the operator's week looks like. */
const SCENARIOS: {
  name: string;
  behaviour?: Record<string, unknown>;
  runs: Record<string, string>[];
}[] = [
  { name: 'sync then again', runs: [{}, {}] },
  { name: 'dry run', runs: [{ 'dry-run': 'true' }] },
  { name: 'limit then rest', runs: [{ limit: '7' }, {}] },
  { name: 'resync', runs: [{}, { resync: 'true' }] },
  { name: 'pull-only', runs: [{ mode: 'pull-only' }, {}, { mode: 'pull-only' }] },
  { name: 'test mode', runs: [{ mode: 'test' }, { mode: 'test', 'dry-run': 'true' }] },
  { name: 'statuses then default', runs: [{ statuses: 'VALID' }, {}] },
  { name: 'cutoff', runs: [{ 'sold-before': '2025-01-06T12:00' }, { 'dry-run': 'true' }] },
  {
    name: 'two events',
    runs: [{ 'event-id': `${EVENT},${OTHER}` }, { 'event-id': `${OTHER},${EVENT}` }],
  },
  { name: 'unsigned', runs: [{ 'webhook-secret': '' }] },
  { name: 'budget', runs: [{ 'max-runtime-minutes': '0.05' }, {}] },
  {
    name: 'unregistered types',
    behaviour: { unknownTicketTypes: ['type-unknown'] },
    runs: [{}, { 'fail-on-ticket-errors': 'false' }],
  },
  { name: 'receiver down', behaviour: { always: { status: 503 } }, runs: [{}] },
  { name: 'signature', behaviour: { always: { status: 401 } }, runs: [{}] },
  { name: 'redeliver', runs: [{}, { mode: 'redeliver', 'ticket-ids': 'failed' }] },
];

/** Temporary folders and loopback ports differ between two runs of the same scenario. */
function normalised(
  text: string,
  fixture: { workspace: string; receiver: { url: string }; vivenu: { url: string } },
) {
  return text
    .split(fixture.workspace)
    .join('<workspace>')
    .split(fixture.receiver.url)
    .join('<receiver>')
    .split(fixture.vivenu.url)
    .join('<vivenu>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/receiver-[0-9a-f]{12}/g, 'receiver-<hash>')
    .replace(/Time spent: [^.]*\./g, 'Time spent: <time>.')
    .replace(/\d+(\.\d+)? s\b/g, '<s> s');
}

async function scenarioSummaries(tree: Tree): Promise<string[]> {
  const out: string[] = [];
  for (const scenario of SCENARIOS) {
    const tickets = [
      ...tree.tickets({ eventId: EVENT, count: 60, seed: 7 }),
      ...tree.tickets({ eventId: EVENT, count: 3, seed: 8 }).map((t) => ({
        ...(t as object),
        ticketName: 'HYROX MEN | CHARITY HIA',
        ticketTypeId: 'type-unknown',
      })),
    ];
    const fixture = await tree.fixture(
      { [EVENT]: tickets, [OTHER]: tree.tickets({ eventId: OTHER, count: 30, seed: 9 }) },
      { behaviour: scenario.behaviour },
    );
    try {
      for (const [index, inputs] of scenario.runs.entries()) {
        const { report, error } = await fixture.run({ 'event-id': EVENT, ...inputs });
        const label = `${scenario.name} #${index + 1}`;
        out.push(
          `${label} markdown\n${normalised(tree.markdown(report, error?.message), fixture)}`,
        );
        out.push(`${label} text\n${normalised(tree.text(report), fixture)}`);
      }
    } finally {
      await fixture.close();
    }
  }
  return out;
}

/** A random report in the new shape: counts, stops, failures, standings, plans. */
function randomReports(count: number): Report[] {
  const nat = fc.nat({ max: 20_000 });
  // Figures a run can report: delivered before, sent now and remaining make the eligible.
  const sync = fc
    .record({
      eventId: fc.constantFrom(EVENT, OTHER),
      passedOverAsComplete: fc.boolean(),
      rejectedStatus: nat,
      rejectedName: nat,
      otherEvent: nat,
      eligibleEarlier: fc.constant({}),
      withoutId: nat,
      invalid: nat,
      soldAfterCutoff: nat,
      deliveredBefore: nat,
      sentNow: nat,
      failed: nat,
      remaining: nat,
      waitingForLimit: nat,
    })
    .map((s) => {
      const eligible = s.deliveredBefore + s.sentNow + s.remaining;
      const found = eligible + s.rejectedStatus + s.rejectedName + s.invalid + s.withoutId;
      return {
        ...s,
        eligible,
        found,
        failed: Math.min(s.failed, s.remaining),
        waitingForLimit: Math.min(s.waitingForLimit, s.remaining),
      };
    });
  const report = fc.record({
    region: fc.constantFrom('DEV', 'PROD'),
    mode: fc.constantFrom('sync', 'test', 'pull-only', 'redeliver'),
    dryRun: fc.boolean(),
    vivenuOrigin: fc.constant('https://vivenu.dev'),
    ticketsDir: fc.constant('/w/purchased_tickets'),
    progressFile: fc.constant('/w/historical_sync_progress_DEV.json'),
    webhookUrl: fc.constant('https://receiver.example/ticket-created'),
    receiver: fc.constantFrom('production', 'test', 'custom'),
    ledgerName: fc.constant('delivery-ledger.csv'),
    stagingTickets: fc.boolean(),
    signed: fc.boolean(),
    intervalSeconds: fc.constantFrom(1.8, 0.5),
    startedAtMs: fc.constant(0),
    finishedAtMs: fc.nat({ max: 20_000_000 }),
    pulls: fc.constant([]),
    syncs: fc.array(sync, { maxLength: 3 }),
    failures: fc.constant([]),
    plans: fc.constant([]),
    complete: fc.boolean(),
    stop: fc.option(
      fc.record({
        reason: fc.constantFrom(
          'cancelled',
          'time-budget',
          'receiver-down',
          'signature-rejected',
          'webhook-url-unusable',
          'untrusted-pull',
          'progress-not-committed',
        ),
        message: fc.string({ maxLength: 40 }),
      }),
      { nil: undefined },
    ),
    failure: fc.option(
      fc.record({
        kind: fc.constantFrom(
          'key-refused',
          'event-not-found',
          'vivenu-failed',
          'progress-file',
          'stopped',
        ),
        message: fc.string({ maxLength: 40 }),
      }),
      { nil: undefined },
    ),
  });
  return fc.sample(report, { numRuns: count, seed: 20261206 });
}

/** The same report as the checkout before issue 22 named its fields. */
function inOldShape(report: Report): Report {
  const syncs = (report.syncs as Report[]).map(({ passedOverAsComplete, ...rest }) => ({
    ...rest,
    skippedAsProcessed: passedOverAsComplete,
  }));
  const failure = report.failure as { kind: string; message: string } | undefined;
  return {
    ...report,
    syncs,
    ...(failure
      ? {
          failure: { ...failure, kind: failure.kind === 'vivenu-failed' ? 'vivenu' : failure.kind },
        }
      : {}),
  };
}

const [before, after] = [await load(oldRoot), await load(newRoot)];
const differences: string[] = [];
const compare = (label: string, a: () => string, b: () => string) => {
  const settle = (render: () => string) => {
    try {
      return render();
    } catch (error) {
      return `throws ${(error as Error).message}`;
    }
  };
  const [was, is] = [settle(a), settle(b)];
  if (was !== is) differences.push(`${label}\n--- old\n${was}\n--- new\n${is}`);
};
const [oldScenarios, newScenarios] = [
  await scenarioSummaries(before),
  await scenarioSummaries(after),
];
newScenarios.forEach((summary, i) =>
  compare(
    summary.split('\n')[0]!,
    () => oldScenarios[i]!,
    () => summary,
  ),
);
const reports = randomReports(4_000);
for (const [i, report] of reports.entries()) {
  compare(
    `random #${i} markdown`,
    () => before.markdown(inOldShape(report)),
    () => after.markdown(report),
  );
  compare(
    `random #${i} text`,
    () => before.text(inOldShape(report)),
    () => after.text(report),
  );
}
console.log(
  `${newScenarios.length} scenario summaries and ${reports.length * 2} random ones compared: ${differences.length} differ.`,
);
for (const difference of differences.slice(0, 3)) console.log(`\n${difference}`);
process.exit(differences.length === 0 ? 0 : 1);
