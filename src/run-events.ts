import type { FollowUpReport } from './github/follow-up-run.js';
import type {
  DryRunPlan,
  EventPullReport,
  EventStanding,
  EventSyncReport,
  FailedDelivery,
  RedeliveredTicket,
  RedeliveryReport,
  RunFailure,
  RunReport,
  StopReason,
  TestDelivery,
} from './run-report.js';
import type { EventInfo } from './vivenu/event-info.js';

/**
 * What a stage says happened, as it happens. Stages never write the report, nor read it to
 * decide what to do next: they note events, and `noteInReport` alone folds them into the
 * report the summary and the outputs are made from (as create-pull-request collects its
 * outputs as it goes and emits them once).
 */
export type RunEvent =
  /** Vivenu told an event's name and dates. */
  | { kind: 'event-named'; event: EventInfo }
  | { kind: 'pulled'; pull: EventPullReport }
  /** An event's selection, in counts, before anything of it is delivered. */
  | { kind: 'event-selected'; sync: EventSyncReport }
  | { kind: 'delivered'; eventId: string }
  | { kind: 'delivery-failed'; failure: FailedDelivery }
  | { kind: 'planned'; plan: DryRunPlan }
  | { kind: 'standing'; standing: EventStanding }
  | { kind: 'test-delivery'; delivery: TestDelivery }
  | { kind: 'redelivery-chosen'; redelivery: RedeliveryReport }
  | { kind: 'redelivered'; ticket: RedeliveredTicket }
  | { kind: 'stopped'; reason: StopReason; message: string }
  | { kind: 'publishing'; publishing: NonNullable<RunReport['publishing']> }
  | { kind: 'concluded'; complete: boolean; followUp?: FollowUpReport }
  | { kind: 'failed'; failure: RunFailure }
  | { kind: 'finished'; atMs: number }
  | { kind: 'artifact-named'; name: string };

/** Folds one event into the report: the one place that writes a RunReport. */
export function noteInReport(report: RunReport, event: RunEvent): void {
  switch (event.kind) {
    case 'event-named':
      (report.events ??= []).push(event.event);
      return;
    case 'pulled':
      report.pulls.push(event.pull);
      return;
    case 'event-selected':
      report.syncs.push({ ...event.sync });
      return;
    case 'delivered': {
      const sync = syncOf(report, event.eventId);
      sync.sentNow++;
      sync.remaining--;
      return;
    }
    case 'delivery-failed':
      report.failures.push(event.failure);
      syncOf(report, event.failure.eventId).failed++;
      return;
    case 'planned':
      report.plans.push(event.plan);
      return;
    case 'standing':
      (report.standings ??= []).push(event.standing);
      return;
    case 'test-delivery':
      report.testDelivery = { ...event.delivery };
      return;
    case 'redelivery-chosen':
      report.redelivery = { ...event.redelivery, tickets: [...event.redelivery.tickets] };
      return;
    case 'redelivered':
      noteRedelivered(report, event.ticket);
      return;
    case 'stopped':
      report.stop = { reason: event.reason, message: event.message };
      return;
    case 'publishing':
      report.publishing = { ...event.publishing };
      return;
    case 'concluded':
      report.complete = event.complete;
      if (event.followUp) report.followUp = event.followUp;
      return;
    case 'failed':
      report.failure = event.failure;
      return;
    case 'finished':
      report.finishedAtMs = event.atMs;
      return;
    case 'artifact-named':
      report.artifactName = event.name;
      return;
    default:
      return event satisfies never;
  }
}

/** The event's sync figures, noted when it was selected (the last, should it be noted twice). */
function syncOf(report: RunReport, eventId: string): EventSyncReport {
  const sync = report.syncs.findLast((s) => s.eventId === eventId);
  if (!sync) throw new Error(`no selection was noted for event ${eventId}`);
  return sync;
}

function noteRedelivered(report: RunReport, ticket: RedeliveredTicket): void {
  const tickets = report.redelivery?.tickets;
  if (!tickets) throw new Error('a redelivery was noted before its tickets were chosen');
  const index = tickets.findIndex((t) => t.id === ticket.id);
  if (index < 0) throw new Error(`ticket ${ticket.id} was not chosen for redelivery`);
  tickets[index] = ticket;
}
