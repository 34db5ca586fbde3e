import path from 'node:path';
import { count } from '../format.js';
import type { ModeRun, PipelineRun } from './mode-run.js';
import type { ProgressKeeper } from '../progress/progress-keeper.js';
import { EARLIER_TOOL_SELECTION } from '../progress/earlier-tool-keys.js';
import { selectionKey, type Progress } from '../progress/progress.js';
import { logText } from '../log-text.js';
import { counted } from '../report/summary-phrases.js';
import type { Settings } from '../settings/settings.js';
import type { EventSyncReport } from '../run-report.js';
import { planBatch, type Batch as PlannedBatch } from '../select/plan-batch.js';
import type { Selection } from '../select/select-tickets.js';
import { deliverBatch, syncRecorder, type BatchStop } from './deliver-batch.js';
import { notePublishing, openKeeper } from './keeping-progress.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import type { Ticket } from '../vivenu/tickets.js';
import type { WebhookSender } from '../webhook/webhook-sender.js';
import { showPlan } from './dry-run-plan.js';
import { concludeSync, type SyncTally } from './sync-verdict.js';
import { warnBeforeDelivering } from './before-delivery-warnings.js';

/**
 * Sync: every eligible ticket not yet delivered, in order, paced, each recorded before the next
 * starts, within `limit` and the time budget; a dry run plans the same and sends nothing.
 */
export function sync(run: PipelineRun): ModeRun {
  return new SyncRun(run);
}

class SyncRun implements ModeRun {
  readonly selectionLog = 'full';
  private keeper!: ProgressKeeper;
  private sender!: WebhookSender;
  private readonly deadlineMs: number;
  /** Deliveries `limit` still allows this run. */
  private allowance: number;
  /** The selection asked for: an event is passed over as complete only for this one. */
  private readonly selection: string;
  /** This run's own count of what it did, which it concludes from (never the report). */
  private readonly tally: SyncTally = { sent: 0, remaining: 0, failed: 0 };

  constructor(private readonly run: PipelineRun) {
    const { settings, services } = run;
    this.selection = selectionKey(settings);
    // On the monotonic clock, from now (the run began moments ago): a wall clock stepped back
    // by NTP must not stretch the budget, nor one stepped forward cut it (issue 23, row 5).
    this.deadlineMs = services.clock.monotonic() + settings.maxRuntimeMinutes * 60_000;
    this.allowance = settings.limit === 0 ? Number.POSITIVE_INFINITY : settings.limit;
  }

  /**
   * Opened before any request: a damaged progress file, or one another run holds (locked),
   * stops the run before anything is sent. A dry run writes nothing, so it takes no lock and
   * may run beside a sync.
   */
  async open(): Promise<void> {
    const { settings, services } = this.run;
    this.keeper = await openKeeper(this.run, this.deadlineMs);
    const { progress } = this.keeper;
    if (progress.receiverAssumed) {
      services.logger.warning(
        `${logText(path.basename(settings.progressFile))} records ${count(progress.ticketsSent)} deliveries but not their receiver (it was written before each receiver kept its own file): they are taken as ${settings.receiver.address}'s. If a sync to another receiver was recorded in it, see "Progress files written before receivers were kept apart" (docs/runbook.md#progress-files-written-before-receivers-were-kept-apart) before delivering.`,
      );
    }
    warnBeforeDelivering(this.run);
    this.sender = services.newWebhookSender(settings.intervalSeconds * 1000);
  }

  wants(eventId: string): Promise<boolean> {
    const { settings, services, note } = this.run;
    const { logger } = services;
    const { progress } = this.keeper;
    if (this.allowance <= 0) {
      logger.info(
        `limit ${count(settings.limit)} reached: event ${eventId} waits for the next run`,
      );
      return Promise.resolve(false);
    }
    if (progress.isCompleteFor(eventId, this.selection) && !settings.resync) {
      logger.info(
        `event ${eventId} is already complete for this selection (${selectionWords(settings)}) at ${settings.receiver.address}: passed over (set resync to send tickets sold since)`,
      );
      note({ kind: 'event-selected', sync: passedOver(eventId, progress) });
      return Promise.resolve(false);
    }
    if (progress.isProcessed(eventId) && progress.sentIds(eventId).length === 0) {
      // The earlier Python tool marked events done without recording which tickets it sent;
      // a resync could not tell them apart and would send every ticket a second time.
      logger.warning(
        `event ${eventId} was processed by a tool that did not record its delivered tickets: resync passed it over, to send nothing twice`,
      );
      note({ kind: 'event-selected', sync: passedOver(eventId, progress) });
      return Promise.resolve(false);
    }
    return Promise.resolve(true);
  }

  async take(pulled: PulledEvent, selection: Selection): Promise<'next' | 'stop'> {
    const { settings, services, note } = this.run;
    const { eventId } = pulled;
    const { progress } = this.keeper;
    const pending = selection.eligible.filter((ticket) => !progress.delivery(eventId, ticket._id));
    const sync = eventSyncReport(eventId, selection, pending.length, pulled);
    services.logger.info(
      `${count(sync.deliveredBefore)} delivered by earlier runs; ${count(pending.length)} to deliver`,
    );
    if (pulled.untrusted !== undefined) {
      note({ kind: 'event-selected', sync });
      return this.stopWith({
        reason: 'untrusted-pull',
        message: `${pulled.untrusted} Nothing was delivered from this pull.`,
      });
    }
    // The earlier tool's keys in the progress file come from this list (a trusted pull of the
    // earlier tool's selection only: another selection's list would misstate its progress).
    if (this.selection === EARLIER_TOOL_SELECTION)
      progress.noteEligible(eventId, selection.eligible);
    const batch = this.withinLimit(pending);
    note({ kind: 'event-selected', sync: { ...sync, ...limitFigures(batch) } });
    this.tally.remaining += pending.length;
    if (settings.dryRun) {
      showPlan(this.run, eventId, batch.send);
      return 'next';
    }
    await this.recordMovedTickets(eventId, selection.eligible);
    return this.deliver(eventId, batch.send, { pending: pending.length, found: sync.found });
  }

  ledgerProgress(): Progress | undefined {
    return this.keeper?.progress;
  }

  /** The final commit (on cancel, progress comes first within the runner's budget). */
  async close(): Promise<void> {
    try {
      await this.keeper.finish(this.tally.stop?.reason);
    } finally {
      notePublishing(this.run, this.keeper);
    }
  }

  conclude(): Promise<void> {
    return concludeSync(this.run, this.keeper, this.tally);
  }

  private stopWith(stop: BatchStop): 'stop' {
    this.tally.stop = stop;
    this.run.note({ kind: 'stopped', ...stop });
    return 'stop';
  }

  /** The tickets `limit` lets this run send, teams kept whole; the rest wait for the next run. */
  private withinLimit(pending: readonly Ticket[]): PlannedBatch {
    const { settings, services } = this.run;
    const batch = planBatch(pending, this.allowance, {
      runHasPlannedBefore: settings.limit > 0 && this.allowance < settings.limit,
    });
    if (batch.limitExceeded)
      services.logger.warning(limitExceededLine(settings.limit, batch.limitExceeded));
    if (batch.teamWaiting) {
      services.logger.info(
        `a team of ${batch.teamWaiting.size} tickets does not fit the limit: it waits whole for the next run`,
      );
    }
    this.allowance -= batch.send.length;
    return batch;
  }

  private async deliver(
    eventId: string,
    send: readonly Ticket[],
    event: { pending: number; found: number },
  ): Promise<'next' | 'stop'> {
    const { services, note } = this.run;
    const { logger } = services;
    // No delivery that cannot be recorded where the next run looks for it.
    if (send.length > 0) await this.keeper.proveWritable();
    const counts = { delivered: 0, failed: 0 };
    const stop = await logger.group(`Deliver event ${eventId}: ${count(send.length)} tickets`, () =>
      deliverBatch(send, {
        eventId,
        sender: this.sender,
        keeper: this.keeper,
        recorder: syncRecorder({
          eventId,
          keeper: this.keeper,
          clock: services.clock,
          note,
          counts,
        }),
        logger,
        clock: services.clock,
        deadlineMs: this.deadlineMs,
        cancel: services.signal,
      }),
    );
    this.tally.sent += counts.delivered;
    this.tally.failed += counts.failed;
    this.tally.remaining -= counts.delivered;
    // An event with no tickets is never marked done: a wrong region or an event not yet on
    // sale looks the same, and a mark would make every later run skip it.
    if (event.pending === counts.delivered && event.found > 0)
      await this.keeper.record({ t: 'processed', e: eventId, for: this.selection });
    else if (event.found === 0)
      logger.info(
        `event ${eventId}: no tickets, so it is not marked processed: the next run looks again`,
      );
    return stop ? this.stopWith(stop) : 'next';
  }

  /**
   * Tickets delivered under another event before Vivenu moved them to this one are not sent
   * again (their delivery id is the ticket's own): they are recorded under this event too, so
   * the earlier tool, which skips only the ids listed under the event it syncs, skips them as
   * well. `tickets_sent` counts each ticket once.
   */
  private async recordMovedTickets(eventId: string, eligible: readonly Ticket[]): Promise<void> {
    const { progress } = this.keeper;
    let moved = 0;
    for (const ticket of eligible) {
      const delivery = progress.delivery(eventId, ticket._id);
      if (!delivery || progress.isSent(eventId, ticket._id)) continue;
      await this.keeper.record({
        t: 'sent',
        e: eventId,
        id: ticket._id,
        ...(delivery.at === undefined ? {} : { at: delivery.at }),
      });
      moved++;
    }
    if (moved > 0)
      this.run.services.logger.info(
        `event ${eventId}: ${counted(moved, 'ticket was', 'tickets were')} delivered under another event before moving to this one: recorded here too, not sent again.`,
      );
  }
}

/** The log's word that the limit was exceeded, by how much, and why (the summary's: limitExceededText). */
function limitExceededLine(limit: number, exceeded: { teamSize: number; by: number }): string {
  return `limit ${count(limit)} exceeded by ${count(exceeded.by)} to keep a team of ${count(exceeded.teamSize)} together: it goes whole, as no run with this limit could deliver it otherwise`;
}

/**
 * `statuses VALID or DETAILSREQUIRED, name containing "CHARITY", sold before 2025-07-29T…`: the
 * selection an event is complete for, for people, its cutoff included (part of the selection).
 */
function selectionWords(
  settings: Pick<Settings, 'statuses' | 'nameContains' | 'soldBefore'>,
): string {
  const cutoff = settings.soldBefore ? `, sold before ${settings.soldBefore.iso}` : '';
  return `statuses ${settings.statuses.join(' or ')}, name containing "${logText(settings.nameContains)}"${cutoff}`;
}

function eventSyncReport(
  eventId: string,
  selection: Selection,
  pending: number,
  keptAside: Pick<PulledEvent, 'withoutId' | 'tooDeep'>,
): EventSyncReport {
  const withoutId = keptAside.withoutId.length;
  return {
    eventId,
    passedOverAsComplete: false,
    found: selection.total + withoutId + keptAside.tooDeep.length,
    rejectedStatus: selection.rejectedStatus,
    rejectedName: selection.rejectedName,
    otherEvent: selection.otherEvent,
    eligibleEarlier: selection.eligibleEarlier,
    withoutId,
    invalid: selection.invalid.length,
    soldAfterCutoff: selection.soldAfterCutoff.length,
    eligible: selection.eligible.length,
    deliveredBefore: selection.eligible.length - pending,
    sentNow: 0,
    failed: 0,
    remaining: pending,
    waitingForLimit: 0,
  };
}

/** What `limit` left for the next run, as the event's figures say it. */
function limitFigures(
  batch: PlannedBatch,
): Pick<EventSyncReport, 'waitingForLimit' | 'teamWaiting' | 'limitExceeded'> {
  return {
    waitingForLimit: batch.waiting,
    ...(batch.teamWaiting ? { teamWaiting: { size: batch.teamWaiting.size } } : {}),
    ...(batch.limitExceeded ? { limitExceeded: batch.limitExceeded } : {}),
  };
}

/** An event passed over as complete: not pulled; what the progress file says it delivered. */
function passedOver(eventId: string, progress: Progress): EventSyncReport {
  const noSelection: Selection = {
    eligible: [],
    total: 0,
    rejectedStatus: 0,
    rejectedName: 0,
    otherEvent: 0,
    eligibleEarlier: {},
    invalid: [],
    soldAfterCutoff: [],
  };
  return {
    ...eventSyncReport(eventId, noSelection, 0, { withoutId: [], tooDeep: [] }),
    passedOverAsComplete: true,
    deliveredBefore: progress.sentIds(eventId).length,
  };
}
