import { count } from '../format.js';
import {
  deliveredOfEligible,
  progressBar,
  syncTotals,
  ticketsFound,
  type RedeliveredTicket,
  type RunReport,
} from '../run-report.js';
import type { Rendering } from './summary-model.js';
import {
  counted,
  duration,
  humanDate,
  receiverInWords,
  stagingToProduction,
} from './summary-phrases.js';

/**
 * Every way a run can end, as the operator sees it. The summary opens with the outcome's line
 * and its next step, so the four questions (which event and receiver, did it work, what next,
 * does anything need me) are answered before any table.
 */
export type Outcome =
  | 'done'
  | 'already-complete'
  | 'budget-left'
  | 'limit-reached'
  | 'failures'
  | 'not-complete'
  | 'no-tickets'
  | 'dry-run'
  | 'test-delivered'
  | 'test-dry-run'
  | 'pull-only'
  | 'cancelled'
  | 'key-refused'
  | 'event-not-found'
  | 'vivenu-failed'
  | 'progress-file'
  | 'receiver-down'
  | 'signature-rejected'
  | 'webhook-url-unusable'
  | 'untrusted-pull'
  | 'progress-not-committed'
  | 'test-not-accepted'
  | 'redelivered'
  | 'redelivery-failed'
  | 'redelivery-dry-run'
  | 'redelivery-nothing'
  | 'stopped';

/** What the verdict's words are made from. */
export interface VerdictFacts {
  report: RunReport;
  /** Eligible tickets of the requested events, and how many are delivered, over all runs. */
  eligible: number;
  delivered: number;
  /** Eligible, not delivered yet. */
  left: number;
  sentNow: number;
  failedNow: number;
  /** "the PRODUCTION receiver", "the test receiver", "the receiver at https://…". */
  receiver: string;
  /** Where the verdict is read: the job summary (Run workflow) or a terminal (the command). */
  rendering: Rendering;
}

export interface Verdict {
  icon: string;
  /** What happened, with numbers. */
  says: string;
  /** What to do now; "nothing" is an answer too. */
  next: string;
}

type VerdictLine = { icon: string; says(f: VerdictFacts): string; next(f: VerdictFacts): string };

/** "run the workflow again with the same inputs" where it was clicked, the command in a terminal. */
const again = (f: VerdictFacts): string =>
  f.rendering === 'markdown'
    ? 'run the workflow again with the same inputs'
    : 'run the same command again';
const ofEligible = (f: VerdictFacts): string =>
  `${count(f.delivered)} of ${counted(f.eligible, 'charity ticket')} delivered`;
/** The failure's first line, as a sentence. */
const firstLine = (f: VerdictFacts): string => {
  const first = (f.report.failure?.message ?? 'the run ended early').split('\n')[0]!.trim();
  return /[.!?:]$/.test(first) ? first : `${first}.`;
};
const timeLeft = (f: VerdictFacts): string => duration(f.left * f.report.intervalSeconds * 1000);
/** Redelivery's tickets with this outcome. */
const redelivered = (f: VerdictFacts, outcome: RedeliveredTicket['outcome']): number =>
  f.report.redelivery?.tickets.filter((t) => t.outcome === outcome).length ?? 0;

/** The one table of outcomes: each with its icon, its line and its next step. */
export const VERDICTS: Record<Outcome, VerdictLine> = {
  done: {
    icon: '✅',
    says: (f) => `Done: ${ofEligible(f)} to ${f.receiver} (${count(f.sentNow)} this run).`,
    next: () => 'nothing; tickets sold from now on reach the receiver through the live webhook.',
  },
  'already-complete': {
    icon: '✅',
    says: (f) =>
      `Already complete: all ${counted(f.delivered, 'charity ticket')} were delivered by earlier runs; nothing was sent.`,
    next: () =>
      'nothing. To send tickets sold since an event was completed, run again with "resync" on.',
  },
  'budget-left': {
    icon: '⏸️',
    says: (f) =>
      `${ofEligible(f)} ${bar(f)} · ${count(f.left)} left (~${timeLeft(f)}): the time budget ended this run.`,
    next: (f) =>
      f.report.followUp?.dispatched
        ? 'nothing: a follow-up run is queued behind this one and continues where it stopped.'
        : `${again(f)}${f.rendering === 'markdown' ? ' (or turn on auto-continue)' : ''}.`,
  },
  'limit-reached': {
    icon: '⏸️',
    says: (f) => `${ofEligible(f)} ${bar(f)} · ${count(f.left)} left: this run's limit is reached.`,
    next: (f) => `${again(f)} to send the next ones.`,
  },
  failures: {
    icon: '⚠️',
    says: (f) =>
      `${ofEligible(f)} to ${f.receiver}; ${counted(f.failedNow, 'ticket')} failed this run.`,
    next: (f) => `fix what Failures below names, then ${again(f)}: failed tickets are tried again.`,
  },
  'not-complete': {
    icon: '⚠️',
    says: (f) => `${ofEligible(f)} to ${f.receiver}; the event is not complete yet.`,
    next: (f) => `${again(f)}; an event Vivenu listed no tickets for is looked at again.`,
  },
  'no-tickets': {
    icon: '⚠️',
    says: () => 'Vivenu listed no tickets for the event: nothing was pulled or sent.',
    next: (f) =>
      `check the event id, and that the ${f.report.region}_API key belongs to the event's seller.`,
  },
  'dry-run': {
    icon: '🔍',
    says: (f) => {
      const planned = f.report.plans.reduce((sum, plan) => sum + plan.toSend, 0);
      const plan =
        planned === 0
          ? `Dry run: nothing to deliver (${count(f.delivered)} of ${counted(f.eligible, 'charity ticket')} already delivered).`
          : `Dry run: ${counted(planned, 'charity ticket')} would go to ${f.receiver}, about ${duration(planned * f.report.intervalSeconds * 1000)} at one every ${f.report.intervalSeconds} s. Nothing was sent.`;
      return `${plan} ${cutoffInWords(f.report)}`;
    },
    next: (f) =>
      f.rendering === 'markdown'
        ? 'untick "Dry run" and run the workflow again to deliver them.'
        : 'run the same command without --dry-run to deliver them.',
  },
  'test-delivered': {
    icon: '✅',
    says: (f) =>
      `Test delivery accepted: ${f.receiver} answered ${f.report.testDelivery?.status ?? ''} to one charity ticket.`,
    next: (f) =>
      f.rendering === 'markdown'
        ? 'run mode "sync" with "Dry run" ticked to see what a sync would send.'
        : 'run with --dry-run (no --test) to see what a sync would send.',
  },
  'test-dry-run': {
    icon: '🔍',
    says: (f) => `Dry run: one charity ticket would go to ${f.receiver}. Nothing was sent.`,
    next: (f) =>
      f.rendering === 'markdown'
        ? 'untick "Dry run" to send it.'
        : 'run the same command without --dry-run to send it.',
  },
  'pull-only': {
    icon: '✅',
    says: (f) => {
      const pulled = ticketsFound(f.report);
      return `Pulled ${counted(pulled, 'ticket')} into the ticket files; nothing was sent.`;
    },
    next: (f) =>
      f.report.artifactName
        ? `download the artifact ${f.report.artifactName} to review them.`
        : 'review the files in the tickets folder.',
  },
  cancelled: {
    icon: '⏹️',
    says: (f) => `Cancelled: ${ofEligible(f)}, ${count(f.left)} left; progress is saved.`,
    next: (f) => `${again(f)} to continue where this run stopped.`,
  },
  'key-refused': {
    icon: '❌',
    says: (f) =>
      `Stopped: Vivenu refused the ${f.report.region} key (401). Nothing was pulled or sent.`,
    next: (f) =>
      `check the ${f.report.region}_API secret, and that it belongs to the ${f.report.region} account.`,
  },
  'event-not-found': {
    icon: '❌',
    says: (f) =>
      `Stopped: the ${f.report.region} account has no such event (404). Nothing was pulled or sent.`,
    next: () => "pick the event's region, or check the event id.",
  },
  'vivenu-failed': {
    icon: '❌',
    says: () => 'Stopped: Vivenu could not be read. The files hold what was pulled.',
    next: (f) => `${again(f)} later; if it persists, check vivenu-url (see the error below).`,
  },
  'progress-file': {
    icon: '❌',
    says: () => 'Stopped before sending: the progress file could not be used.',
    next: () => 'read the error below: it names the file and what to do.',
  },
  'receiver-down': {
    icon: '❌',
    says: (f) => `Stopped: the receiver looks down. ${ofEligible(f)}, ${count(f.left)} left.`,
    next: (f) => `${again(f)} later; nothing is sent twice.`,
  },
  'signature-rejected': {
    icon: '❌',
    says: (f) => `Stopped: ${f.receiver} rejected our signature. ${ofEligible(f)}.`,
    next: () => 'check the VIVENU_SECRET secret (webhook-secret) matches the receiver.',
  },
  'webhook-url-unusable': {
    icon: '❌',
    says: (f) => `Stopped: ${f.receiver} cannot be reached as configured. ${ofEligible(f)}.`,
    next: () => 'check the target (or webhook-url); see the error below.',
  },
  'untrusted-pull': {
    icon: '❌',
    says: () => "Stopped: Vivenu's ticket list could not be trusted, so nothing was sent from it.",
    next: (f) => `${again(f)}; the error below says what was wrong.`,
  },
  'progress-not-committed': {
    icon: '❌',
    says: (f) => `Stopped: progress could not be committed. ${ofEligible(f)}.`,
    next: () =>
      'read the error below; commit the progress file from the artifact before the next run if it says so.',
  },
  'test-not-accepted': {
    icon: '❌',
    says: (f) =>
      `Test delivery not accepted: ${f.receiver} answered ${f.report.testDelivery?.status ?? 'nothing'}.`,
    next: () => 'read the answer below; an unregistered ticket type is expected for test data.',
  },
  redelivered: {
    icon: '✅',
    says: (f) =>
      `Redelivered ${counted(redelivered(f, 'redelivered'), 'ticket')} to ${f.receiver}, each under its original delivery id; what counts as delivered is unchanged.`,
    next: () => 'nothing.',
  },
  'redelivery-failed': {
    icon: '⚠️',
    says: (f) => {
      const notTried = redelivered(f, 'not tried');
      return `Redelivered ${count(redelivered(f, 'redelivered'))} of ${counted(f.report.redelivery?.tickets.length ?? 0, 'ticket')} to ${f.receiver}; ${count(redelivered(f, 'failed'))} failed${notTried > 0 ? `, ${count(notTried)} not tried` : ''}.`;
    },
    next: () =>
      'read the answers under Redelivered, then redeliver those ids again once the receiver takes them.',
  },
  'redelivery-dry-run': {
    icon: '🔍',
    says: (f) =>
      `Dry run: ${counted(f.report.redelivery?.tickets.length ?? 0, 'ticket')} would be redelivered to ${f.receiver}, each under its original delivery id. Nothing was sent.`,
    next: (f) =>
      f.rendering === 'markdown'
        ? 'untick "Dry run" and run the workflow again to redeliver them.'
        : 'run the same command without --dry-run to redeliver them.',
  },
  'redelivery-nothing': {
    icon: '✅',
    says: () => 'Nothing to redeliver: no ticket of the event failed its last delivery.',
    next: () => 'nothing.',
  },
  stopped: {
    icon: '❌',
    says: (f) => `Stopped: ${firstLine(f)}`,
    next: () => 'read the error below.',
  },
};

/** How the run ended, by the report alone. */
export function outcomeOf(report: RunReport): Outcome {
  const { failure, stop, mode } = report;
  // Each failure kind is named as its outcome (run-report.ts, RunFailure).
  if (failure && failure.kind !== 'stopped') return failure.kind;
  if (stop?.reason === 'time-budget') return 'budget-left';
  if (stop) return stop.reason;
  if (mode === 'test') {
    if (report.testDelivery?.delivered) return 'test-delivered';
    if (report.testDelivery && report.dryRun) return 'test-dry-run';
    return report.testDelivery ? 'test-not-accepted' : 'stopped';
  }
  if (mode === 'redeliver') return redeliveryOutcome(report);
  if (failure) return syncTotals(report).failed > 0 ? 'failures' : 'stopped';
  if (report.pulls.length > 0 && ticketsFound(report) === 0) return 'no-tickets';
  if (mode === 'pull-only') return 'pull-only';
  if (report.dryRun) return 'dry-run';
  const totals = syncTotals(report);
  if (totals.failed > 0) return 'failures';
  if (report.syncs.some((sync) => sync.waitingForLimit > 0)) return 'limit-reached';
  if (!report.complete) return 'not-complete';
  return totals.sentNow === 0 ? 'already-complete' : 'done';
}

function redeliveryOutcome({ redelivery, dryRun }: RunReport): Outcome {
  if (!redelivery) return 'stopped';
  if (dryRun) return 'redelivery-dry-run';
  if (redelivery.tickets.length === 0) return 'redelivery-nothing';
  const all = redelivery.tickets.every((t) => t.outcome === 'redelivered');
  return all ? 'redelivered' : 'redelivery-failed';
}

/** The outcome's verdict for one rendering. */
export function verdictOf(report: RunReport, rendering: Rendering): Verdict {
  const facts = verdictFacts(report, rendering);
  const line = VERDICTS[outcomeOf(report)];
  const staging = stagingToProduction(report);
  const says = staging ? `${staging}. ${line.says(facts)}` : line.says(facts);
  return { icon: line.icon, says, next: line.next(facts) };
}

function verdictFacts(report: RunReport, rendering: Rendering): VerdictFacts {
  const totals = syncTotals(report);
  const { eligible, delivered } = deliveredOfEligible(report);
  return {
    report,
    eligible,
    delivered,
    left: Math.max(0, eligible - delivered),
    sentNow: totals.sentNow,
    failedNow: totals.failed,
    receiver: receiverInWords(report),
    rendering,
  };
}

/** What the dry run's verdict says of `sold-before`: whether the tickets the live webhook sent are left out. */
function cutoffInWords(report: RunReport): string {
  return report.soldBefore === undefined
    ? 'No sold-before cutoff is set: tickets sold after the live webhook went on would go too.'
    : `Only tickets sold before ${humanDate(report.soldBefore)} (sold-before) count.`;
}

const BAR_CELLS = 10;

/** `██░░░░░░░░ 20%`: full only when every eligible ticket is delivered; the percent rounded down. */
function bar(facts: VerdictFacts): string {
  const share = facts.eligible === 0 ? 1 : facts.delivered / facts.eligible;
  return `${progressBar(facts, BAR_CELLS)} ${Math.floor(share * 100)}%`;
}
