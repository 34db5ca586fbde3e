import type { FollowUpReport } from './github/follow-up-run.js';
import type { PublishingReport } from './progress/progress-keeper.js';
import type { StopReason } from './run-ending.js';
import type { EventMetadata } from './ticket-files/event-metadata.js';
import type { Mode, Receiver } from './settings/settings.js';
import { eventTitle, type EventInfo } from './vivenu/event-info.js';

/** What one event's pull produced. */
export interface EventPullReport {
  metadata: EventMetadata;
  eventDir: string;
}

export type { StopReason } from './run-ending.js';

/**
 * A run that failed, by what a person does next, each kind named as the verdict's outcome it
 * leads to: `key-refused` (Vivenu refused the region's key), `event-not-found` (not this
 * region's event), `vivenu-failed` (Vivenu kept failing or answered what cannot be used),
 * `progress-file` (damaged or held by another run), `stopped` (ended on purpose, on a
 * condition `stop` names, or by any other error: its message says which).
 */
export interface RunFailure {
  kind: 'key-refused' | 'event-not-found' | 'vivenu-failed' | 'progress-file' | 'stopped';
  message: string;
}

export interface FailedDelivery {
  eventId: string;
  ticketId: string;
  ticketName: string;
  /** The ticket type, so the summary can say which to register; null when the ticket has none. */
  ticketTypeId?: string | null;
  status: number | null;
  reason: string;
}

/** One event's selection and delivery, in counts. */
export interface EventSyncReport {
  eventId: string;
  /**
   * Passed over, not pulled: the event was already complete for this selection at this
   * receiver, and `resync` was off.
   */
  passedOverAsComplete: boolean;
  found: number;
  rejectedStatus: number;
  rejectedName: number;
  /** Listed for this event by Vivenu but of another event (`eventId`): never delivered. */
  otherEvent: number;
  /** Eligible in an earlier event of this run, by that event: delivered once, there. */
  eligibleEarlier: Record<string, number>;
  /** Rows without a string `_id`: never delivered (they cannot be recorded as sent), kept for review. */
  withoutId: number;
  invalid: number;
  /** Would count, but sold at or after `sold-before`: the live webhook sent them. Never sent here. */
  soldAfterCutoff: number;
  eligible: number;
  deliveredBefore: number;
  sentNow: number;
  failed: number;
  /** Eligible and not delivered after this run. */
  remaining: number;
  /** Left for a later run by `limit`, and the team that would have been split, if any. */
  waitingForLimit: number;
  teamWaiting?: { size: number };
  /** The first team was bigger than `limit` and went whole, `by` tickets over it. */
  limitExceeded?: { teamSize: number; by: number };
}

/** A ticket delivered in an earlier run that is not eligible now: for the charity's totals. */
export interface ChangedTicket {
  id: string;
  ticketName: string;
  ticketTypeId: string;
  /** Vivenu's status now; empty when the ticket is gone from the pull. */
  status: string;
  /** What changed: "status now INVALID", "gone from the pull", ... */
  change: string;
}

/**
 * How far one event is across every run so far: the progress file and this run's pull. Eligible
 * means eligible in this pull; a delivered ticket that no longer is counts as changed instead.
 */
export interface EventStanding {
  eventId: string;
  eligible: number;
  /** Eligible and delivered, in this run or an earlier one. */
  delivered: number;
  /** Eligible, not delivered, and its last delivery failed. */
  failed: number;
  /** Eligible and never tried. */
  pending: number;
  /** Would be eligible, but sold at or after `sold-before`: never sent by this tool. */
  soldAfterCutoff: number;
  /** The failed tickets by their last answer, most frequent first. */
  failuresByReason: { reason: string; tickets: number }[];
  /** Delivered earlier, not eligible now (the ledger lists them all). */
  changed: number;
  /** The first CHANGED_TICKETS_KEPT of them, in delivery order. */
  changedShown: ChangedTicket[];
  /** At one delivery per `intervalSeconds`, for the tickets not delivered yet. */
  timeLeftMs: number;
  /** Runs of `runBudgetMinutes` that the time left takes. */
  followUpRuns: number;
  runBudgetMinutes: number;
  intervalSeconds: number;
  /** False when the pull was incomplete: tickets missing from it are not called changed. */
  pullComplete: boolean;
  /** `delivery-ledger.csv`, when it could be written. */
  ledgerFile?: string;
}

export interface DryRunPlan {
  eventId: string;
  ticketTypeIds: string[];
  /** Each ticket name with its ticketTypeId (null when the tickets have none), most first. */
  ticketTypes: { ticketName: string; ticketTypeId: string | null; count: number }[];
  firstCreatedAt: string | null;
  lastCreatedAt: string | null;
  /** The first deliveries in order: `createdAt`, `_id`, `ticketName` only. */
  firstDeliveries: { createdAt: string; id: string; ticketName: string }[];
  toSend: number;
}

/** One ticket a redelivery was asked to send again, and what became of it. */
export interface RedeliveredTicket {
  id: string;
  ticketName: string;
  ticketTypeId: string | null;
  /** `planned` in a dry run; `not tried` when the run stopped before it. */
  outcome: 'redelivered' | 'failed' | 'planned' | 'not tried';
  /** The receiver's status; null when it gave none or nothing was sent. */
  status: number | null;
  /** Why it failed, in the receiver's words (redacted). */
  reason?: string;
}

/** Redeliver mode's run: which tickets were asked for, and each one's answer. */
export interface RedeliveryReport {
  eventId: string;
  /** The `ticket-ids` input: the ids given, or `failed`. */
  asked: 'failed' | number;
  tickets: RedeliveredTicket[];
}

export interface TestDelivery {
  eventId: string;
  ticketId: string;
  ticketName: string;
  /** Origin and path only, as shown. */
  url: string;
  status: number | null;
  answer: string;
  delivered: boolean;
}

/**
 * Filled in as the run goes, so the entry points can report and set outputs from it whether the run
 * finished or failed half way.
 */
export interface RunReport {
  region: string;
  mode: Mode;
  dryRun: boolean;
  vivenuOrigin: string;
  ticketsDir: string;
  progressFile: string;
  /** The receiver as shown to people: origin and path, never a query that may hold a token. */
  webhookUrl: string;
  /** Which receiver: its test or production endpoint, or a `webhook-url` of the operator's own. */
  receiver: Receiver['kind'];
  /** The receiver's ledger in each event's folder (`delivery-ledger.csv` for production). */
  ledgerName: string;
  /** The tickets come from Vivenu's staging host or a staging region (DEV, TEST). */
  stagingTickets: boolean;
  /** `sold-before` as an ISO time: only tickets sold before it are eligible. Unset: no cutoff. */
  soldBefore?: string;
  /** The artifact the workflow uploads the ticket files as (the action only). */
  artifactName?: string;
  /** Why the run failed, when it did, told apart for the verdict's next step. */
  failure?: RunFailure;
  signed: boolean;
  intervalSeconds: number;
  startedAtMs: number;
  finishedAtMs?: number;
  /** Names and dates of the requested events as Vivenu told them; an event it did not tell is absent. */
  events?: EventInfo[];
  pulls: EventPullReport[];
  syncs: EventSyncReport[];
  failures: FailedDelivery[];
  plans: DryRunPlan[];
  testDelivery?: TestDelivery;
  /** Redeliver mode: the tickets sent again. */
  redelivery?: RedeliveryReport;
  stop?: { reason: StopReason; message: string };
  /** Where the progress file is committed (owner/repo@branch), and how many commits this run made. */
  publishing?: PublishingReport;
  /** Whether a follow-up run was started at the time budget. */
  followUp?: FollowUpReport;
  /** Every requested event fully delivered (sync mode, not a dry run). */
  complete: boolean;
  /** How far each pulled event is across all runs (sync, dry run and pull-only). */
  standings?: EventStanding[];
}

/** Tickets pulled, every event together: the one count of what was found. */
export function ticketsFound(report: Pick<RunReport, 'pulls'>): number {
  return report.pulls.reduce((sum, pull) => sum + pull.metadata.total_pulled, 0);
}

/** The figures of this run's events, each the sum of the events' figures of the same name. */
export type SyncFigures = Pick<
  EventSyncReport,
  'found' | 'eligible' | 'deliveredBefore' | 'sentNow' | 'failed' | 'remaining'
>;

export function syncTotals(report: { readonly syncs: readonly EventSyncReport[] }): SyncFigures {
  const sum = (pick: (sync: EventSyncReport) => number): number =>
    report.syncs.reduce((total, sync) => total + pick(sync), 0);
  return {
    found: sum((s) => s.found),
    eligible: sum((s) => s.eligible),
    deliveredBefore: sum((s) => s.deliveredBefore),
    sentNow: sum((s) => s.sentNow),
    failed: sum((s) => s.failed),
    remaining: sum((s) => s.remaining),
  };
}

/**
 * Eligible tickets of the requested events and how many are delivered, over all runs: the
 * headline's one source. How far the events stand (the ledger's count, which knows tickets
 * changed since delivery) when the run made standings; else what this run's selections saw,
 * an event passed over as complete counting its delivered tickets as its eligible ones.
 */
export function deliveredOfEligible(report: Pick<RunReport, 'syncs' | 'standings'>): {
  delivered: number;
  eligible: number;
} {
  const sum = <T>(items: readonly T[], pick: (item: T) => number): number =>
    items.reduce((total, item) => total + pick(item), 0);
  const standings = report.standings ?? [];
  if (standings.length > 0)
    return {
      delivered: sum(standings, (s) => s.delivered),
      eligible: sum(standings, (s) => s.eligible),
    };
  const passedOver = report.syncs.filter((s) => s.passedOverAsComplete);
  const totals = syncTotals(report);
  return {
    delivered: totals.deliveredBefore + totals.sentNow,
    eligible: totals.eligible + sum(passedOver, (s) => s.deliveredBefore),
  };
}

/**
 * An event as the summaries show it: "HYROX Berlin (2026-05-23 to 2026-05-24) · <id>", or the
 * id alone when Vivenu did not tell its name. The name is an outside value: escape it for where
 * it goes.
 */
export function eventLabel(report: Pick<RunReport, 'events'>, eventId: string): string {
  const info = report.events?.find((event) => event.eventId === eventId);
  return info ? `${eventTitle(info)} · ${eventId}` : eventId;
}

const TITLE_NAMES = 3;

/** The known events' names for a title: "HYROX Berlin (…)", or "A (…), B (…) and 2 more". */
export function eventsInTitle(report: Pick<RunReport, 'events'>): string {
  const titles = (report.events ?? []).map(eventTitle);
  if (titles.length <= TITLE_NAMES) return titles.join(', ');
  return `${titles.slice(0, TITLE_NAMES).join(', ')} and ${titles.length - TITLE_NAMES} more`;
}

/**
 * Delivered of eligible as a percent with one decimal, rounded down: 100.0% only when every
 * eligible ticket is delivered.
 */
export function percentDelivered({ delivered, eligible }: EventStanding): string {
  if (eligible === 0) return 'nothing eligible';
  return `${(Math.floor((delivered / eligible) * 1000) / 10).toFixed(1)}%`;
}

/**
 * `█████░░░░░`: `cells` wide, full only when every eligible ticket is delivered (nothing
 * eligible counts as done), each cell rounded down.
 */
export function progressBar(
  { delivered, eligible }: { delivered: number; eligible: number },
  cells: number,
): string {
  const filled = eligible === 0 ? cells : Math.floor((delivered / eligible) * cells);
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)}`;
}
