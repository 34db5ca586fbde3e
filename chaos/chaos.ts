/**
 * The chaos suite: the bundled action, run again and again against the sandbox with seeded,
 * randomised faults on every server, interrupted at random moments by SIGINT, SIGTERM and
 * SIGKILL, until the event is complete. Then it counts what arrived where.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBundledAction } from '../sandbox/action-runner.js';
import { startGitHubSandbox, type GitHubFaults } from '../sandbox/github-sandbox.js';
import { startReceiverSandbox, type ReceiverBehaviour } from '../sandbox/receiver-sandbox.js';
import { pick, seededRandom } from '../sandbox/seeded-random.js';
import { TICKET_TYPES, generateEventTickets } from '../sandbox/ticket-factory.js';
import { startVivenuSandbox, type VivenuFaults } from '../sandbox/vivenu-sandbox.js';
import { selectTickets } from '../src/select/select-tickets.js';
import type { Ticket } from '../src/vivenu/tickets.js';

export interface ChaosOptions {
  seed: number;
  /** Interrupted runs; after them, runs go uninterrupted until the event is complete. */
  interruptedRuns: number;
  tickets: number;
  intervalSeconds: number;
  /** Printed as the chaos goes; silent when absent. */
  log?: (line: string) => void;
}

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

export interface ChaosReport {
  seed: number;
  runs: number;
  interrupts: Record<Signal, number>;
  /** Faults injected, by server and kind. */
  faults: Record<string, number>;
  eligible: number;
  /** 2xx answers the sender received. */
  deliveries: number;
  /** Extra 2xx answers for a ticket that already had one. */
  duplicates: number;
  /** Eligible tickets that never got a 2xx. */
  lost: number;
  /** Tickets in the progress file that the receiver never accepted. */
  recordedNotAccepted: number;
  /** Runs after which the progress file (or its journal) did not parse. */
  unreadableProgress: number;
  /** The shortest gap between two delivery attempts within one run, in ms. */
  minGapMs: number;
  /** Deliveries whose signature did not verify. */
  badSignatures: number;
  /** Deliveries of tickets of another event (Vivenu listed them; their `eventId` says whose). */
  foreignDeliveries: number;
  /** Requests carrying a ticket that reached the origin a redirecting receiver pointed to. */
  reachedElsewhere: number;
  /** Eligible tickets of the type the receiver never registers: they fail, never recorded as sent. */
  standingUnregistered: number;
  /** The last run's job summary names the never-registered `ticketTypeId` to register. */
  summaryNamesUnregistered: boolean;
  /** The committed file's delivered ids equal the local file's. */
  committedMatchesLocal: boolean;
  /** Every deliverable eligible ticket delivered; only the never-registered type's are left. */
  complete: boolean;
  /** The ticket with a 50,000-character value is recorded as delivered in the progress file. */
  longValueRecorded: boolean;
  /** Runs whose receiver asked every delivery to wait past the time budget (Retry-After). */
  waitPastBudgetRuns: number;
  /** The most delivery attempts one of those runs made (one: the run ends at its answer). */
  waitPastBudgetAttempts: number;
  /** Those runs that made an attempt, were not interrupted, and did not say why they ended. */
  waitPastBudgetUnexplained: number;
}

const EVENT = '6864d4f427c2aa9b05cd17ee';
/** Another event of the seller: a Vivenu that ignores the `event` filter lists its tickets too. */
const FOREIGN_EVENT = '6864d4f427c2aa9b05cd17ff';
const KEY = 'chaos-vivenu-key';
const SECRET = 'chaos-webhook-secret';
const TOKEN = 'chaos-github-token';
const FILE = 'historical_sync_progress_DEV.json';
/**
 * The receiver stamps arrivals in this busy process (three sandboxes, this driver, their
 * garbage collection), so a stamp can come late by tens of milliseconds and shorten the next
 * gap. A pacing bug (retrying at once, pacing from the answer) shows as gaps near zero; a
 * quarter of the interval tells the two apart. The exact cadence is asserted with an
 * injected clock in the unit tests and measured in the benchmark.
 */
export const GAP_TOLERANCE = 0.25;

/**
 * Faults for one run of Vivenu: every kind, at rates that still let a run get somewhere. Every
 * run, Vivenu ignores the `event` filter (pages hold another event's tickets too); now and then
 * a whole run's `total` lies low, or every page repeats the first: those pulls must deliver
 * nothing (issue 11, rows 3, 4 and 6).
 */
function vivenuFaults(random: () => number, tickets: number): VivenuFaults {
  const hostile = random();
  return {
    ignoreEventFilter: true,
    ...(hostile < 0.08 ? { reportTotal: Math.floor(tickets / 3) } : {}),
    ...(hostile >= 0.08 && hostile < 0.16 ? { ignoreSkip: true } : {}),
    rateLimit: { rate: 0.2, retryAfter: pick(random, [0, 1, 'date', undefined]), max: 2 },
    unavailable: { rate: 0.12, burst: 1 + Math.floor(random() * 3), max: 4 },
    drop: { rate: 0.12, max: 2 },
    slow: { rate: 0.15, ms: 300 },
    malformed: { rate: 0.12, max: 2 },
    shift: { everyPages: 2, max: random() < 0.3 ? 1 : 0 },
  };
}

/** Redirects a receiver may answer; none may be followed (issue 11, rows 1 and 2). */
const REDIRECTS = [301, 302, 303, 307, 308] as const;
/** Every run's `max-runtime-minutes`: far more than a chaos run takes. */
const BUDGET_MINUTES = 10;
/** A Retry-After past any run's budget: an hour (issue 23, row 4). */
const WAIT_PAST_BUDGET_SECONDS = 3_600;

function receiverBehaviour(
  random: () => number,
  unknownTypes: string[],
  run: number,
  /** A whole run's receiver asks every delivery to wait an hour (unless it redirects). */
  asksToWait: boolean,
): ReceiverBehaviour {
  // Now and then (and always in the second run, so even a short chaos run has one) a whole
  // run's receiver redirects every delivery to another origin.
  const redirects = random() < 0.1 || run === 2;
  const waits = asksToWait && !redirects;
  return {
    slowMs: Math.floor(random() * 30),
    unknownTicketTypes: unknownTypes,
    ...(redirects ? { redirect: { status: pick(random, REDIRECTS) } } : {}),
    ...(waits ? { askToWait: { status: 429, seconds: WAIT_PAST_BUDGET_SECONDS } } : {}),
    // late answers come after the action's 2 s request timeout: it gives up and re-sends.
    random: { serverError: 0.05, reset: 0.03, late: 0.015, lateMs: 2_500 },
  };
}

function githubFaults(random: () => number): GitHubFaults {
  return { concurrentCommits: random() < 0.3 ? 1 : 0, serverErrors: random() < 0.3 ? 1 : 0 };
}

async function progressReadable(workspace: string): Promise<boolean> {
  try {
    const file = path.join(workspace, FILE);
    if (existsSync(file)) JSON.parse(await readFile(file, 'utf8'));
    const journal = `${file}.journal`;
    if (existsSync(journal)) {
      // Every complete line parses; a torn last line (a kill mid-append) is allowed.
      const lines = (await readFile(journal, 'utf8')).split('\n').slice(0, -1);
      for (const line of lines) if (line.trim()) JSON.parse(line);
    }
    return true;
  } catch {
    return false;
  }
}

function sentIds(text: string | undefined): Set<string> {
  if (text === undefined) return new Set();
  const progress = JSON.parse(text) as {
    event_progress?: Record<string, { sent_ticket_ids?: string[] }>;
  };
  return new Set(progress.event_progress?.[EVENT]?.sent_ticket_ids ?? []);
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const random = seededRandom(options.seed);
  const waitRandom = seededRandom(options.seed + 23);
  const log = options.log ?? (() => undefined);
  const generated = generateEventTickets({
    eventId: EVENT,
    count: options.tickets,
    seed: options.seed,
  });
  // Two charity ticket types the receiver has not registered: the first fails with a permanent
  // 404 until an operator registers it, a third of the way in; the second never is registered,
  // so its tickets fail on every run while every other ticket gets through (issue 11, row 7).
  const charityTypes = TICKET_TYPES.filter((t) => t.name.includes('CHARITY')).map((t) => t.name);
  const lateType = pick(random, charityTypes);
  const neverType = pick(
    random,
    charityTypes.filter((name) => name !== lateType),
  );
  const { tickets, longId } = withLongValue(generated, neverType);
  const foreign = generateEventTickets({
    eventId: FOREIGN_EVENT,
    count: Math.max(10, Math.floor(options.tickets / 10)),
    seed: options.seed + 1,
  });
  const vivenu = await startVivenuSandbox({
    apiKey: KEY,
    events: { [EVENT]: tickets, [FOREIGN_EVENT]: foreign },
    seed: options.seed,
  });
  const receiver = await startReceiverSandbox({ secret: SECRET, seed: options.seed });
  const github = await startGitHubSandbox({ token: TOKEN });
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'chaos-workspace-'));
  const typeIdOf = (name: string | undefined): string | undefined => {
    const ticket = tickets.find((t) => t.ticketName === name);
    return ticket ? String(ticket.ticketTypeId) : undefined;
  };
  const unregistered = typeIdOf(lateType);
  const neverRegistered = typeIdOf(neverType);
  const report: ChaosReport = {
    seed: options.seed,
    runs: 0,
    interrupts: { SIGINT: 0, SIGTERM: 0, SIGKILL: 0 },
    faults: {},
    eligible: 0,
    deliveries: 0,
    duplicates: 0,
    lost: 0,
    recordedNotAccepted: 0,
    unreadableProgress: 0,
    minGapMs: Number.POSITIVE_INFINITY,
    badSignatures: 0,
    foreignDeliveries: 0,
    reachedElsewhere: 0,
    standingUnregistered: 0,
    summaryNamesUnregistered: false,
    committedMatchesLocal: false,
    complete: false,
    longValueRecorded: false,
    waitPastBudgetRuns: 0,
    waitPastBudgetAttempts: 0,
    waitPastBudgetUnexplained: 0,
  };
  // Read at the end of each run: tickets sold while paging join the event as the chaos goes.
  const eligible = (): Ticket[] =>
    selectTickets(vivenu.tickets(EVENT), {
      statuses: ['VALID', 'DETAILSREQUIRED'],
      nameContains: 'CHARITY',
    }).eligible;
  const deliverable = (): Ticket[] =>
    eligible().filter((t) => String(t.ticketTypeId) !== neverRegistered);
  const allDeliverableAccepted = (): boolean => {
    const accepted = new Set(receiver.accepted().map((d) => d.ticketId));
    return deliverable().every((t) => accepted.has(t._id));
  };
  const count = (kind: string, n = 1): void => {
    if (n > 0) report.faults[kind] = (report.faults[kind] ?? 0) + n;
  };

  try {
    const maxRuns = options.interruptedRuns + 25;
    while (report.runs < maxRuns) {
      report.runs++;
      const interrupted = report.runs <= options.interruptedRuns;
      const registered = report.runs > options.interruptedRuns / 3;
      const githubPlan = githubFaults(random);
      const faults = vivenuFaults(random, tickets.length + foreign.length);
      vivenu.setFaults(faults);
      count('vivenu: total lying low for a whole run', faults.reportTotal === undefined ? 0 : 1);
      count('vivenu: every page repeats the first, for a whole run', faults.ignoreSkip ? 1 : 0);
      const unknownTypes = [
        ...(registered || !unregistered ? [] : [unregistered]),
        ...(neverRegistered ? [neverRegistered] : []),
      ];
      // Now and then, and always in the first run not interrupted (which reaches the receiver
      // unless its pull is untrusted), the receiver asks every delivery to wait an hour. Drawn
      // from a generator of its own, so a seed's other faults stay what they were.
      const asksToWait = waitRandom() < 0.05 || report.runs === options.interruptedRuns + 1;
      const behaviour = receiverBehaviour(random, unknownTypes, report.runs, asksToWait);
      if (behaviour.redirect)
        count(`receiver: ${behaviour.redirect.status} redirect to another origin, for a whole run`);
      if (behaviour.askToWait)
        count('receiver: 429 with Retry-After past the time budget, for a whole run');
      receiver.setBehaviour(behaviour);
      github.setFaults(githubPlan);
      count('github: concurrent commit (409)', githubPlan.concurrentCommits ?? 0);
      count('github: 502', githubPlan.serverErrors ?? 0);

      const signal: Signal = pick(random, ['SIGINT', 'SIGTERM', 'SIGKILL'] as const);
      const duringPull = random() < 0.4;
      const afterDeliveries = 1 + Math.floor(random() * 12);
      const afterMs = 150 + Math.floor(random() * 1_500);
      const firstDelivery = receiver.deliveries.length;
      const acceptedBefore = receiver.accepted().length;

      const run = await runBundledAction({
        workspace,
        inputs: {
          region: 'DEV',
          'event-id': EVENT,
          'api-key': KEY,
          mode: 'sync',
          'vivenu-url': vivenu.url,
          'webhook-url': receiver.url,
          // The loopback receiver stands in for production: production's file, by name.
          'progress-file': FILE,
          'webhook-secret': SECRET,
          interval: String(options.intervalSeconds),
          'request-timeout': '2',
          'github-token': TOKEN,
          'commit-every-minutes': '0.02',
          'max-runtime-minutes': String(BUDGET_MINUTES),
        },
        env: {
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'hia/chaos',
          GITHUB_REF: 'refs/heads/main',
        },
        onStart: (child) => {
          if (!interrupted) return;
          const fire = (): void => {
            clearInterval(watch);
            clearTimeout(timer);
            if (child.exitCode === null && child.signalCode === null) {
              report.interrupts[signal]++;
              child.kill(signal);
            }
          };
          const watch = setInterval(() => {
            if (!duringPull && receiver.accepted().length - acceptedBefore >= afterDeliveries)
              fire();
          }, 2);
          const timer = setTimeout(() => duringPull && fire(), afterMs);
          child.on('exit', () => {
            clearInterval(watch);
            clearTimeout(timer);
          });
        },
      });

      const runAttempts = receiver.deliveries.slice(firstDelivery);
      if (behaviour.askToWait) {
        report.waitPastBudgetRuns++;
        report.waitPastBudgetAttempts = Math.max(report.waitPastBudgetAttempts, runAttempts.length);
        const interruptedIt = run.signal !== null || run.stdout.includes('Received SIG');
        if (runAttempts.length > 0 && !interruptedIt && !run.stdout.includes('asked to wait'))
          report.waitPastBudgetUnexplained++;
      }
      if (behaviour.slowMs) count('receiver: slow answers (up to 30 ms)', runAttempts.length);
      for (let i = 1; i < runAttempts.length; i++) {
        const gap = runAttempts[i]!.at - runAttempts[i - 1]!.at;
        if (process.env.CHAOS_DEBUG && gap < options.intervalSeconds * 1000 - 5) {
          const a = runAttempts[i - 1]!;
          const b = runAttempts[i]!;
          log(
            `  short gap ${gap.toFixed(1)} ms: ${a.ticketId} ${a.status} -> ${b.ticketId} ${b.status} (#${i})`,
          );
        }
        report.minGapMs = Math.min(report.minGapMs, gap);
      }
      if (!(await progressReadable(workspace))) report.unreadableProgress++;
      const accepted = new Set(receiver.accepted().map((d) => d.ticketId));
      const recorded = sentIds(
        existsSync(path.join(workspace, FILE))
          ? await readFile(path.join(workspace, FILE), 'utf8')
          : undefined,
      );
      report.recordedNotAccepted = Math.max(
        report.recordedNotAccepted,
        [...recorded].filter((id) => !accepted.has(id)).length,
      );
      log(
        `run ${report.runs}: ${interrupted ? signal : 'no interrupt'} → exit ${run.exitCode ?? run.signal}, ` +
          `${receiver.accepted().length - acceptedBefore} delivered, complete=${run.outputs.complete ?? '-'}`,
      );
      if (!interrupted && allDeliverableAccepted()) {
        report.complete = true;
        report.summaryNamesUnregistered =
          neverRegistered !== undefined && run.summary.includes(neverRegistered);
        break;
      }
    }

    const accepted = receiver.accepted();
    const perTicket = new Map<string, number>();
    for (const delivery of accepted)
      perTicket.set(delivery.ticketId, (perTicket.get(delivery.ticketId) ?? 0) + 1);
    report.eligible = eligible().length;
    report.deliveries = accepted.length;
    report.duplicates = [...perTicket.values()].reduce((sum, n) => sum + n - 1, 0);
    report.lost = deliverable().filter((t) => !perTicket.has(t._id)).length;
    report.standingUnregistered = eligible().length - deliverable().length;
    const foreignIds = new Set(foreign.map((t) => t._id));
    report.foreignDeliveries = accepted.filter((d) => foreignIds.has(d.ticketId)).length;
    report.reachedElsewhere = receiver.elsewhere.requests.filter((r) => r.carriedTicket).length;
    report.badSignatures = receiver.deliveries.filter((d) => !d.signatureValid).length;
    const local = sentIds(await readFile(path.join(workspace, FILE), 'utf8'));
    report.longValueRecorded = longId !== undefined && local.has(longId);
    const committed = sentIds(github.file(FILE));
    report.committedMatchesLocal =
      local.size === committed.size && [...local].every((id) => committed.has(id));

    // The 429s are counted by the form of their Retry-After instead of all together.
    for (const [kind, n] of Object.entries(vivenu.stats.faults))
      if (kind !== 'rateLimit') count(`vivenu: ${kind}`, n);
    count('vivenu: tickets sold while paging', vivenu.stats.sold);
    count(
      "vivenu: another event's tickets in every pull (the event filter ignored)",
      foreign.length,
    );
    const statuses = receiver.deliveries.map((d) => d.status);
    count('receiver: 5xx', statuses.filter((s) => s >= 500).length);
    count('receiver: connection reset', statuses.filter((s) => s === 0).length);
    count('receiver: permanent 404 (unregistered type)', statuses.filter((s) => s === 404).length);
    count(
      'receiver: answer after the timeout',
      receiver.deliveries.filter((d) => d.status >= 200 && d.status < 300 && !d.answered).length,
    );
    return report;
  } finally {
    await Promise.all([vivenu.close(), receiver.close(), github.close()]);
  }
}

/** The table printed at the end of a chaos run. */
export function formatChaosReport(report: ChaosReport, intervalSeconds: number): string {
  const rows: [string, string][] = [
    ['seed (replay: npm run chaos -- --seed N)', String(report.seed)],
    ['runs', String(report.runs)],
    [
      'interrupts: SIGINT / SIGTERM / SIGKILL',
      `${report.interrupts.SIGINT} / ${report.interrupts.SIGTERM} / ${report.interrupts.SIGKILL}`,
    ],
    ...Object.entries(report.faults)
      .sort()
      .map(([kind, n]): [string, string] => [`fault: ${kind}`, String(n)]),
    ['eligible tickets', String(report.eligible)],
    ['deliveries answered 2xx', String(report.deliveries)],
    [
      'duplicates (bound: one per SIGKILL)',
      `${report.duplicates} (≤ ${report.interrupts.SIGKILL})`,
    ],
    ['lost', String(report.lost)],
    ['recorded but not accepted', String(report.recordedNotAccepted)],
    ['progress file unreadable after a run', String(report.unreadableProgress)],
    ['bad signatures', String(report.badSignatures)],
    ["deliveries of another event's tickets", String(report.foreignDeliveries)],
    ["tickets that reached a redirect's target", String(report.reachedElsewhere)],
    [
      'eligible, of the never-registered type (fail every run)',
      `${report.standingUnregistered}${report.summaryNamesUnregistered ? ', its ticketTypeId named in the summary' : ''}`,
    ],
    [
      `shortest gap in a run (interval ${intervalSeconds * 1000} ms)`,
      `${report.minGapMs.toFixed(1)} ms`,
    ],
    [
      'the ticket with a 50,000-character value recorded as delivered',
      report.longValueRecorded ? 'yes' : 'NO',
    ],
    [
      `runs asked to wait ${WAIT_PAST_BUDGET_SECONDS} s (past the budget): most attempts in one`,
      `${report.waitPastBudgetRuns}: ${report.waitPastBudgetAttempts}${report.waitPastBudgetUnexplained > 0 ? `, ${report.waitPastBudgetUnexplained} ended without saying why` : ''}`,
    ],
    ['committed progress matches local', report.committedMatchesLocal ? 'yes' : 'NO'],
    ['every deliverable ticket delivered', report.complete ? 'yes' : 'NO'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** What must hold; each broken promise as a sentence. */
export function chaosViolations(report: ChaosReport, intervalSeconds: number): string[] {
  const problems: string[] = [];
  if (!report.complete) problems.push('the deliverable tickets were never all delivered');
  if (report.foreignDeliveries > 0)
    problems.push(`${report.foreignDeliveries} deliveries of another event's tickets`);
  if (report.reachedElsewhere > 0)
    problems.push(`${report.reachedElsewhere} tickets reached the origin a redirect pointed to`);
  if (report.complete && report.standingUnregistered > 0 && !report.summaryNamesUnregistered)
    problems.push('the summary does not name the ticketTypeId the receiver must register');
  if (report.lost > 0) problems.push(`${report.lost} eligible tickets never delivered`);
  if (report.duplicates > report.interrupts.SIGKILL) {
    problems.push(
      `${report.duplicates} duplicates, more than the ${report.interrupts.SIGKILL} SIGKILLs allow`,
    );
  }
  if (report.recordedNotAccepted > 0)
    problems.push(
      `${report.recordedNotAccepted} tickets recorded that the receiver never accepted`,
    );
  if (report.unreadableProgress > 0)
    problems.push(`progress unreadable after ${report.unreadableProgress} runs`);
  if (report.badSignatures > 0)
    problems.push(`${report.badSignatures} deliveries with a bad signature`);
  if (report.minGapMs < intervalSeconds * 1000 * (1 - GAP_TOLERANCE)) {
    problems.push(
      `two deliveries ${report.minGapMs.toFixed(1)} ms apart, faster than the interval`,
    );
  }
  if (!report.committedMatchesLocal)
    problems.push('the committed progress differs from the local file');
  if (report.complete && !report.longValueRecorded)
    problems.push('the ticket with a 50,000-character value is not recorded as delivered');
  if (report.waitPastBudgetAttempts > 1)
    problems.push(
      `a run whose receiver asked to wait past the budget made ${report.waitPastBudgetAttempts} attempts, not one`,
    );
  if (report.waitPastBudgetUnexplained > 0)
    problems.push(
      `${report.waitPastBudgetUnexplained} runs asked to wait past the budget ended without saying why`,
    );
  return problems;
}

/**
 * `tickets` with the first eligible one of a type the receiver registers given a 50,000-character
 * free-text value naming its holder (issue 23, row 1: such a value once made the redaction
 * throw after the receiver accepted the ticket, so it was delivered again on every run).
 */
function withLongValue(
  tickets: Ticket[],
  neverType: string | undefined,
): { tickets: Ticket[]; longId?: string } {
  const long = selectTickets(tickets, {
    statuses: ['VALID', 'DETAILSREQUIRED'],
    nameContains: 'CHARITY',
  }).eligible.find((t) => t.ticketName !== neverType);
  if (!long) return { tickets };
  const sentence = `Notfallkontakt ${String(long.name)}, bitte anrufen. `;
  const note = sentence.repeat(Math.ceil(50_000 / sentence.length)).slice(0, 50_000);
  return {
    tickets: tickets.map((t) =>
      t === long ? { ...t, extraFields: { ...(t.extraFields as object), note } } : t,
    ),
    longId: long._id,
  };
}
