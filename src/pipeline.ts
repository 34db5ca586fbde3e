import { existsSync } from 'node:fs';
import { count } from './format.js';
import { RunStoppedError } from './errors.js';
import { logText, urlForDisplay } from './log-text.js';
import type { RetryPolicy } from './http/retry.js';
import { buildEventMetadata, countBy } from './output/event-metadata.js';
import { eachLedgerRow, eventStanding, writeLedger } from './output/delivery-ledger.js';
import { eventFilePaths, keepRowsWithoutId, writeEventFiles } from './output/ticket-files.js';
import type { Clock, Logger } from './ports.js';
import { ProgressKeeper } from './progress/progress-keeper.js';
import {
  keepLocally,
  type ProgressPublisher,
  type PublishReason,
  type RunContinuation,
} from './progress/progress-publisher.js';
import { readProgress } from './progress/progress-store.js';
import type { Progress } from './progress/progress.js';
import type { DryRunPlan, EventStanding, EventSyncReport, RunReport } from './run-report.js';
import { percentDelivered, syncTotals } from './run-report.js';
import { planBatch } from './select/plan-batch.js';
import { selectTickets, type Selection } from './select/select-tickets.js';
import type { Settings } from './settings.js';
import { deliverBatch } from './sync/deliver-batch.js';
import { pullEvent, type PulledEvent } from './vivenu/pull-event.js';
import { eventTitle } from './vivenu/event-info.js';
import { creationRange, describeTicket, stringField, type Ticket } from './vivenu/tickets.js';
import { VivenuClient } from './vivenu/vivenu-client.js';
import { Pacer } from './webhook/pacer.js';
import { WebhookSender } from './webhook/webhook-sender.js';

export interface PipelineDependencies {
  logger: Logger;
  clock: Clock;
  /** Aborts on cancel (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  random?: () => number;
  /** Vivenu's retry policy; tests shorten it. */
  retry?: RetryPolicy;
  webhookRetry?: RetryPolicy;
  /** Keeps the progress file beyond this machine (sync mode, not a dry run); default: nowhere. */
  publisher?: ProgressPublisher;
  /** Starts a follow-up run when the time budget ends with tickets left. */
  continuation?: RunContinuation;
}

export function newRunReport(settings: Settings, startedAtMs: number): RunReport {
  return {
    region: settings.region,
    mode: settings.mode,
    dryRun: settings.dryRun,
    vivenuOrigin: settings.vivenuOrigin,
    ticketsDir: settings.ticketsDir,
    progressFile: settings.progressFile,
    webhookUrl: urlForDisplay(settings.webhookUrl),
    signed: settings.webhookSecret !== '',
    intervalSeconds: settings.intervalSeconds,
    startedAtMs,
    pulls: [],
    syncs: [],
    failures: [],
    plans: [],
    complete: false,
  };
}

const FIRST_DELIVERIES_SHOWN = 20;

/**
 * The whole run, the same for every door: pull each event and keep its tickets as files, then
 * (by mode) deliver one test ticket or sync every eligible ticket exactly once. Progress is
 * written into `report` as it happens, so a failure still reports what was done.
 */
export async function runPipeline(
  settings: Settings,
  dependencies: PipelineDependencies,
  report: RunReport = newRunReport(settings, dependencies.clock.now()),
): Promise<RunReport> {
  const run = new PipelineRun(settings, dependencies, report);
  try {
    // Before anything else: an event this region's key cannot see stops the run here.
    await run.lookUpEvents();
    if (settings.mode === 'pull-only') await run.pullOnly();
    else if (settings.mode === 'test') await run.testDelivery();
    else await run.sync();
  } catch (error) {
    // A cancel that cut a request short surfaces as that request's abort: say what it means.
    if (dependencies.signal?.aborted && !(error instanceof RunStoppedError)) {
      const sent = syncTotals(report).sent;
      throw new RunStoppedError(
        `Cancelled before the run finished: ${count(sent)} delivered this run${sent > 0 ? ` (recorded in ${settings.progressFile})` : ''}. Run again with the same inputs to continue.`,
      );
    }
    throw error;
  } finally {
    report.finishedAtMs = dependencies.clock.now();
  }
  return report;
}

class PipelineRun {
  private readonly client: VivenuClient;
  private readonly logger: Logger;
  private readonly clock: Clock;

  constructor(
    private readonly settings: Settings,
    private readonly dependencies: PipelineDependencies,
    private readonly report: RunReport,
  ) {
    this.logger = dependencies.logger;
    this.clock = dependencies.clock;
    this.client = new VivenuClient({
      origin: settings.vivenuOrigin,
      apiKey: settings.apiKey,
      region: settings.region,
      clock: this.clock,
      logger: this.logger,
      random: dependencies.random,
      retry: dependencies.retry,
      requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
      signal: dependencies.signal,
    });
  }

  /**
   * Asks Vivenu for each event's name and dates, to show which event an id is. Failure policy:
   * a 404 (the event is not this account's: most likely another region's) or a refused key
   * fails the run before anything is pulled or sent; a 403 (the key may not read events) is said
   * once and the run goes on, as do answers that kept failing or are not an event: the name is a
   * convenience, the tickets are the job.
   */
  async lookUpEvents(): Promise<void> {
    const { settings, logger, report } = this;
    report.events = [];
    for (const eventId of settings.eventIds) {
      const lookup = await this.client.fetchEvent(eventId);
      if (lookup.kind === 'found') {
        report.events.push(lookup.info);
        logger.info(`Event ${eventId}: ${logText(eventTitle(lookup.info))}`);
      } else if (lookup.kind === 'forbidden') {
        logger.warning(
          `The ${settings.region}_API key may not read events (403 from ${settings.vivenuOrigin}/api/events): events are shown by id only. The tickets are pulled as before.`,
        );
        return;
      } else {
        logger.warning(
          `event ${eventId}: its name is not known (${logText(lookup.reason)}): shown by id only. The tickets are pulled as before.`,
        );
      }
    }
  }

  async pullOnly(): Promise<void> {
    const untrusted: string[] = [];
    const progress = await this.progressForLedger();
    const eligibleIn = new Map<string, string>();
    for (const eventId of this.settings.eventIds) {
      const pulled = await this.pull(eventId);
      if (pulled.untrusted !== undefined) untrusted.push(pulled.untrusted);
      if (!progress) continue;
      // The same selection a sync makes, without its log: pull-only reports, it does not plan.
      await this.keepLedger(pulled, this.select(pulled, eligibleIn, { quiet: true }), progress);
    }
    if (untrusted.length > 0) throw new RunStoppedError(untrusted.join('\n'));
  }

  /** One eligible ticket (a `ticketName` with HIA first) to the test endpoint; progress untouched. */
  async testDelivery(): Promise<void> {
    const { settings, logger } = this;
    this.warnIfUnsigned();
    for (const eventId of settings.eventIds) {
      const pulled = await this.pull(eventId);
      if (pulled.untrusted !== undefined) {
        throw new RunStoppedError(`${pulled.untrusted} Nothing was delivered from this pull.`);
      }
      const { eligible } = this.select(pulled);
      const ticket =
        eligible.find((t) => /HIA/i.test(stringField(t, 'ticketName') ?? '')) ?? eligible[0];
      if (!ticket) continue;

      const delivery = {
        eventId,
        ticketId: ticket._id,
        ticketName: stringField(ticket, 'ticketName') ?? '',
        url: urlForDisplay(settings.webhookUrl),
        status: null as number | null,
        answer: '',
        delivered: false,
      };
      this.report.testDelivery = delivery;
      if (settings.dryRun) {
        logger.info(`Dry run: would deliver ${describeTicket(ticket)} to ${delivery.url}`);
        return;
      }
      logger.info(`Test delivery of ${describeTicket(ticket)} to ${delivery.url}`);
      const outcome = await this.sender(new Pacer(0, this.clock)).deliver(ticket);
      delivery.status =
        outcome.kind === 'failed'
          ? (outcome.status ?? null)
          : outcome.kind === 'interrupted'
            ? null
            : outcome.status;
      delivery.answer =
        outcome.kind === 'delivered'
          ? outcome.answer
          : outcome.kind === 'interrupted'
            ? ''
            : outcome.reason;
      delivery.delivered = outcome.kind === 'delivered';
      logger.info(
        `Receiver answered ${delivery.status ?? 'nothing'}: ${logText(delivery.answer) || '(empty)'}`,
      );
      if (!delivery.delivered) {
        const hint = /ticketTypeId not found/i.test(delivery.answer)
          ? ' The receiver has not registered this ticket type (expected for test and dev data).'
          : '';
        throw new RunStoppedError(
          `The test delivery of ${logText(ticket._id)} was not accepted: ${delivery.status ?? 'no answer'} ${logText(delivery.answer)}.${hint}`,
        );
      }
      return;
    }
    throw new RunStoppedError(
      `No eligible ticket (status ${settings.statuses.join(' or ')}, name containing "${logText(settings.nameContains)}") in event ${settings.eventIds.join(', ')}.`,
    );
  }

  async sync(): Promise<void> {
    const { settings, logger, clock, report, dependencies } = this;
    const deadlineMs = report.startedAtMs + settings.maxRuntimeMinutes * 60_000;
    // Opened before any request: a damaged progress file, or one another run holds (locked),
    // stops the run before anything is sent. A dry run writes nothing, so it takes no lock and
    // may run beside a sync; so may test mode and pull-only, which never open the keeper.
    const keeper = settings.dryRun
      ? undefined
      : await ProgressKeeper.open(settings.progressFile, settings.region, {
          publisher: dependencies.publisher ?? keepLocally,
          periodMs: settings.commitEveryMinutes * 60_000,
          clock,
          logger,
          cancel: dependencies.signal,
          deadlineMs,
          random: dependencies.random,
        });
    if (keeper?.where) report.publishing = { where: keeper.where, commits: 0 };
    const progress = keeper?.progress ?? (await readProgress(settings.progressFile));
    this.warnIfUnsigned();
    const sender = this.sender(new Pacer(settings.intervalSeconds * 1000, clock));
    let allowance = settings.limit === 0 ? Number.POSITIVE_INFINITY : settings.limit;
    /** Ticket ids eligible in an earlier event of this run, and that event: each goes out once. */
    const eligibleIn = new Map<string, string>();
    /**
     * The ledger of the event being synced, written once the event ends however it ends (done,
     * skipped on, stopped, failed): at the next event, or in the `finally` below.
     */
    let ledgerDue: (() => Promise<void>) | undefined;
    const writeDueLedger = async (): Promise<void> => {
      const due = ledgerDue;
      ledgerDue = undefined;
      await due?.();
    };

    try {
      for (const eventId of settings.eventIds) {
        await writeDueLedger();
        if (allowance <= 0) {
          logger.info(
            `limit ${count(settings.limit)} reached: event ${eventId} waits for the next run`,
          );
          continue;
        }
        if (progress.isProcessed(eventId) && !settings.resync) {
          logger.info(
            `event ${eventId} is already in events_processed: skipped (set resync to send tickets sold since)`,
          );
          report.syncs.push(skippedEvent(eventId, progress));
          continue;
        }
        if (progress.isProcessed(eventId) && progress.sentIds(eventId).length === 0) {
          // The earlier Python tool marked events done without recording which tickets it sent;
          // a resync could not tell them apart and would send every ticket a second time.
          logger.warning(
            `event ${eventId} was processed by a tool that did not record its delivered tickets: resync skipped, to send nothing twice`,
          );
          report.syncs.push(skippedEvent(eventId, progress));
          continue;
        }
        const pulled = await this.pull(eventId);
        const selection = this.select(pulled, eligibleIn);
        const pending = selection.eligible.filter(
          (ticket) => !progress.isSent(eventId, ticket._id),
        );
        const sync = eventSyncReport(eventId, selection, pending.length, pulled.withoutId.length);
        report.syncs.push(sync);
        ledgerDue = () => this.keepLedger(pulled, selection, progress);
        logger.info(
          `${count(sync.deliveredBefore)} delivered by earlier runs; ${count(pending.length)} to deliver`,
        );
        if (pulled.untrusted !== undefined) {
          report.stop = {
            reason: 'untrusted-pull',
            message: `${pulled.untrusted} Nothing was delivered from this pull.`,
          };
          break;
        }
        // The earlier tool's keys in the progress file come from this list (a trusted pull only).
        progress.noteEligible(eventId, selection.eligible);

        const batch = planBatch(pending, allowance, {
          runHasPlannedBefore: settings.limit > 0 && allowance < settings.limit,
        });
        sync.waitingForLimit = batch.waiting;
        if (batch.limitExceeded) {
          sync.limitExceeded = batch.limitExceeded;
          logger.warning(limitExceededLine(settings.limit, batch.limitExceeded));
        }
        if (batch.teamWaiting) {
          sync.teamWaiting = { size: batch.teamWaiting.size };
          logger.info(
            `a team of ${batch.teamWaiting.size} tickets does not fit the limit: it waits whole for the next run`,
          );
        }
        allowance -= batch.send.length;
        if (!keeper) {
          this.showPlan(eventId, batch.send);
          continue;
        }
        // No delivery that cannot be recorded where the next run looks for it.
        if (batch.send.length > 0) await keeper.proveWritable();
        const stop = await logger.group(
          `Deliver event ${eventId}: ${count(batch.send.length)} tickets`,
          () =>
            deliverBatch(batch.send, {
              eventId,
              sender,
              keeper,
              logger,
              clock,
              deadlineMs,
              cancel: dependencies.signal,
              sync,
              failures: report.failures,
            }),
        );
        // An event with no tickets is never marked done: a wrong region or an event not yet on
        // sale looks the same, and a mark would make every later run skip it.
        if (sync.remaining === 0 && sync.found > 0)
          await keeper.record({ t: 'processed', e: eventId });
        else if (sync.found === 0)
          logger.info(
            `event ${eventId}: no tickets, so it is not marked processed: the next run looks again`,
          );
        if (stop) {
          report.stop = stop;
          break;
        }
      }
    } finally {
      if (keeper) {
        const stop = report.stop?.reason;
        const reason: PublishReason =
          stop === 'cancelled' ? 'cancel' : stop === 'time-budget' ? 'time-budget' : 'end';
        await keeper.finish(reason);
        if (report.publishing) {
          report.publishing.commits = keeper.commits;
          report.publishing.behind = keeper.failure?.message;
        }
      }
      // After the final commit: on cancel, the progress comes first within the runner's budget.
      await writeDueLedger();
    }
    report.complete =
      !settings.dryRun && settings.eventIds.every((eventId) => progress.isProcessed(eventId));
    if (keeper?.failure && keeper.unpublishedDeliveries > 0) {
      throw new RunStoppedError(
        `${count(keeper.unpublishedDeliveries)} deliveries of this run are not committed to ${keeper.where} (${keeper.failure.message}). ` +
          `They are recorded in ${settings.progressFile}, which the run's artifact holds: commit that file to the branch before the next run, or the next run sends them again.${dependencies.continuation ? ' No follow-up run was started.' : ''}`,
      );
    }
    await this.continueIfDue(keeper);
    this.finishSync(progress);
  }

  /** At the time budget with tickets left, hands the rest to a follow-up run, if one may start. */
  private async continueIfDue(keeper: ProgressKeeper | undefined): Promise<void> {
    const { report, logger } = this;
    const totals = syncTotals(report);
    if (report.stop?.reason !== 'time-budget' || totals.remaining === 0) return;
    const continuation = this.dependencies.continuation;
    if (!continuation) return;
    if (keeper?.failure) {
      // The follow-up run reads the committed file: without the final commit it would resend.
      report.continuation = {
        dispatched: false,
        note: `the final commit did not land (${keeper.failure.message})`,
      };
      logger.warning(`Not continuing: ${report.continuation.note}.`);
      return;
    }
    if (totals.sent === 0) {
      report.continuation = {
        dispatched: false,
        note: 'this run delivered nothing new, so the chain stops here',
      };
      logger.warning(`Not continuing: ${report.continuation.note}.`);
      return;
    }
    try {
      const url = await continuation.dispatch(this.dependencies.signal);
      report.continuation = {
        dispatched: true,
        url,
        note: 'a follow-up run continues where this one stopped',
      };
      logger.info(`Started the follow-up run${url ? `: ${url}` : ''}`);
    } catch (error) {
      report.continuation = {
        dispatched: false,
        note: `the follow-up run could not be started (${(error as Error).message})`,
      };
      logger.warning(
        `Not continuing: ${report.continuation.note}. Run the workflow again to continue.`,
      );
    }
  }

  /** Turns how the sync ended into the step's result: a message, and a failure when one is owed. */
  private finishSync(progress: Progress): void {
    const { report, settings, logger } = this;
    const totals = syncTotals(report);
    const saved = `progress saved in ${settings.progressFile} (${count(progress.ticketsSent)} delivered all-time)`;
    switch (report.stop?.reason) {
      case 'cancelled':
        throw new RunStoppedError(
          `Cancelled: ${count(totals.sent)} delivered this run, ${count(totals.remaining)} remaining; ${saved}. Run again with the same inputs to continue where this run stopped.`,
        );
      case 'time-budget':
        logger.warning(
          `Time budget of ${settings.maxRuntimeMinutes} minutes reached: ${count(totals.sent)} delivered this run, ${count(totals.remaining)} remaining; ${saved}. Run again (same inputs) to continue.`,
        );
        return;
      case 'receiver-down':
      case 'signature-rejected':
      case 'webhook-url-unusable':
      case 'untrusted-pull':
      case 'progress-not-committed':
        throw new RunStoppedError(`${report.stop.message} ${settings.dryRun ? '' : saved}`.trim());
      case undefined:
        break;
    }
    if (totals.failed > 0) {
      const message = `${count(totals.failed)} tickets failed (see the summary); they are retried on the next run.`;
      if (settings.failOnTicketErrors && !settings.dryRun) throw new RunStoppedError(message);
      logger.warning(message);
    }
  }

  /**
   * Pull-only reads the progress file for the ledger's states, without a lock (it writes none).
   * A file it cannot read costs the ledger, never the pull: said once, and the pull goes on.
   */
  private async progressForLedger(): Promise<Progress | undefined> {
    // Without a progress file every eligible ticket would be `pending`: a ledger that says
    // nothing the tickets' files do not, and on Node 24 it put the peak memory of pulling
    // 100,000 tickets over its goal (bench/README.md). A sync, even a dry run, writes one.
    if (!existsSync(this.settings.progressFile)) {
      this.logger.info(
        'No delivery ledger this run: there is no progress file yet (a sync, or its dry run, writes the ledger).',
      );
      return undefined;
    }
    try {
      return await readProgress(this.settings.progressFile);
    } catch (error) {
      this.logger.warning(
        `No delivery ledger this run: progress-file could not be read (${logText((error as Error).message)}). The pulled files are written as usual.`,
      );
      return undefined;
    }
  }

  /**
   * Writes the event's `delivery-ledger.csv` and adds how far the event is to the report. A
   * ledger that cannot be written is said and skipped: it is a report, rebuilt on every run from
   * the progress file, which holds every delivery; it never fails the run or hides its error.
   */
  private async keepLedger(
    pulled: PulledEvent,
    selection: Selection,
    progress: Progress,
  ): Promise<void> {
    const { settings, logger, report } = this;
    const { eventId } = pulled;
    try {
      // Made twice, as read (to count, then to write), rather than held: see eachLedgerRow.
      const rows = () =>
        eachLedgerRow({
          tickets: pulled.tickets,
          eligible: selection.eligible,
          pullComplete: pulled.complete,
          rules: { eventId, statuses: settings.statuses, nameContains: settings.nameContains },
          progress,
        });
      const standing = eventStanding(eventId, rows(), {
        intervalSeconds: settings.intervalSeconds,
        runBudgetMinutes: settings.maxRuntimeMinutes,
        pullComplete: pulled.complete,
      });
      (report.standings ??= []).push(standing);
      logger.info(standingLine(standing));
      standing.ledgerFile = await writeLedger(
        eventFilePaths(settings.ticketsDir, eventId).eventDir,
        rows(),
      );
      logger.info(`Delivery ledger of event ${eventId}: ${logText(standing.ledgerFile)}`);
    } catch (error) {
      logger.warning(
        `event ${eventId}: the delivery ledger could not be written in tickets-dir (${logText((error as Error).message)}); the progress file holds every delivery, and the next run writes the ledger again.`,
      );
    }
  }

  private async pull(eventId: string): Promise<PulledEvent> {
    const { settings, logger, clock } = this;
    const info = this.report.events?.find((event) => event.eventId === eventId);
    const name = info ? `: ${logText(eventTitle(info))}` : '';
    return logger.group(`Pull event ${eventId} (${settings.region})${name}`, async () => {
      const pulled = await pullEvent(eventId, {
        client: this.client,
        clock,
        logger,
        pageSize: settings.pageSize,
        concurrency: settings.pullConcurrency,
      });
      const metadata = buildEventMetadata(pulled, {
        region: settings.region,
        origin: settings.vivenuOrigin,
        pulledAt: new Date(clock.now()),
      });
      // Files are written even for an incomplete pull: nothing pulled is thrown away.
      const files = await writeEventFiles(settings.ticketsDir, pulled.tickets, metadata);
      this.report.pulls.push({ metadata, eventDir: files.eventDir });
      const kept = await keepRowsWithoutId(files.eventDir, pulled.withoutId);
      if (pulled.withoutId.length > 0) {
        logger.warning(
          `event ${eventId}: ${count(pulled.withoutId.length)} rows have no _id: a ticket without one cannot be recorded as sent, so it is never delivered. They are kept for review in ${logText(kept)}.`,
        );
      }
      logger.info(
        `${count(pulled.tickets.length)} unique tickets (Vivenu reported ${count(pulled.totalReported)}) ` +
          `in ${count(pulled.apiCalls)} requests, ${(pulled.durationMs / 1000).toFixed(1)} s; files in ${files.eventDir}`,
      );
      if (pulled.tickets.length === 0) {
        logger.warning(
          `event ${eventId}: Vivenu returned no tickets. Check the event id, and that the ${settings.region} key belongs to the event's seller.`,
        );
      }
      return pulled;
    });
  }

  /**
   * The event's selection. `eligibleIn` (ticket id → the event it was eligible in, earlier in
   * this run) is read and then added to, so each ticket counts under one event only. Logged
   * unless `quiet`.
   */
  private select(
    pulled: PulledEvent,
    eligibleIn: Map<string, string> = new Map(),
    { quiet = false } = {},
  ): Selection {
    const { settings, logger } = this;
    const { eventId } = pulled;
    const selection = selectTickets(pulled.tickets, {
      ...settings,
      eventId,
      eligibleEarlier: (ticketId) => eligibleIn.get(ticketId),
    });
    for (const ticket of selection.eligible) eligibleIn.set(ticket._id, eventId);
    if (quiet) return selection;
    const earlier = Object.values(selection.eligibleEarlier).reduce((sum, n) => sum + n, 0);
    logger.info(
      [
        `Filtering results for event ${eventId}:`,
        `  - Total tickets: ${count(selection.total + pulled.withoutId.length)}`,
        `  - Without _id (never delivered: cannot be recorded as sent): ${count(pulled.withoutId.length)}`,
        `  - Invalid (no eventId, ticketName or status): ${count(selection.invalid.length)}`,
        `  - Rejected (eventId not ${eventId}): ${count(selection.otherEvent)}`,
        `  - Rejected (status not ${settings.statuses.join('/')}): ${count(selection.rejectedStatus)}`,
        `  - Rejected (name without "${logText(settings.nameContains)}"): ${count(selection.rejectedName)}`,
        `  - Skipped (eligible in an earlier event of this run): ${count(earlier)}`,
        `  - Eligible: ${count(selection.eligible.length)}`,
      ].join('\n'),
    );
    if (selection.invalid.length > 0) {
      logger.warning(
        `event ${eventId}: ${count(selection.invalid.length)} tickets lack an eventId, ticketName or status and were skipped (first: ${logText(selection.invalid[0]!._id)})`,
      );
    }
    if (selection.otherEvent > 0) {
      logger.warning(
        `event ${eventId}: ${count(selection.otherEvent)} tickets Vivenu listed for this event belong to another event (their eventId): not delivered.`,
      );
    }
    for (const [event, n] of Object.entries(selection.eligibleEarlier)) {
      logger.warning(
        `event ${eventId}: ${count(n)} tickets were eligible in event ${logText(event)} earlier in this run: each is delivered once, under that event.`,
      );
    }
    return selection;
  }

  private showPlan(eventId: string, send: readonly Ticket[]): void {
    const created = creationRange(send);
    const plan: DryRunPlan = {
      eventId,
      toSend: send.length,
      byTicketType: countBy(send, 'ticketName'),
      ticketTypeIds: [
        ...new Set(send.map((t) => stringField(t, 'ticketTypeId') ?? '(none)')),
      ].sort(),
      firstCreatedAt: created.first,
      lastCreatedAt: created.last,
      firstDeliveries: send.slice(0, FIRST_DELIVERIES_SHOWN).map((t) => ({
        createdAt: stringField(t, 'createdAt') ?? '',
        id: t._id,
        ticketName: stringField(t, 'ticketName') ?? '',
      })),
    };
    this.report.plans.push(plan);
    const lines = [
      `Dry run: ${count(plan.toSend)} deliveries would go to ${urlForDisplay(this.settings.webhookUrl)}`,
      ...Object.entries(plan.byTicketType).map(([name, n]) => `  ${count(n)} × ${logText(name)}`),
      `  ticketTypeIds the receiver must know: ${plan.ticketTypeIds.map(logText).join(', ') || '-'}`,
      `  created from ${logText(plan.firstCreatedAt ?? '-')} to ${logText(plan.lastCreatedAt ?? '-')}`,
      `  first ${plan.firstDeliveries.length} in order:`,
      ...plan.firstDeliveries.map(
        (d, i) => `  ${i + 1}. ${logText(d.createdAt)} ${logText(d.id)} (${logText(d.ticketName)})`,
      ),
    ];
    this.logger.info(lines.join('\n'));
  }

  private sender(pacer: Pacer): WebhookSender {
    return new WebhookSender({
      url: this.settings.webhookUrl,
      secret: this.settings.webhookSecret,
      clock: this.clock,
      pacer,
      random: this.dependencies.random,
      retry: this.dependencies.webhookRetry,
      requestTimeoutMs: this.settings.requestTimeoutSeconds * 1000,
      stop: this.dependencies.signal,
      logger: this.logger,
    });
  }

  private warnIfUnsigned(): void {
    if (!this.settings.webhookSecret && !this.settings.dryRun) {
      this.logger.warning(
        'webhook-secret is empty: deliveries go unsigned, and a receiver that verifies x-vivenu-signature will answer 401.',
      );
    }
  }
}

/** How far an event is, in one log line: the summary has the detail, the ledger every ticket. */
export function standingLine(standing: EventStanding): string {
  const parts = [
    `event ${standing.eventId}: ${count(standing.delivered)} of ${count(standing.eligible)} eligible delivered over all runs (${percentDelivered(standing)})`,
    `${count(standing.failed)} failed`,
    `${count(standing.pending)} never tried`,
  ];
  if (standing.changed > 0) parts.push(`${count(standing.changed)} changed since delivery`);
  return parts.join(', ');
}

/** Said in the log and the summary alike: the limit was exceeded, by how much, and why. */
export function limitExceededLine(
  limit: number,
  exceeded: { teamSize: number; by: number },
): string {
  return `limit ${count(limit)} exceeded by ${count(exceeded.by)} to keep a team of ${count(exceeded.teamSize)} together: it goes whole, as no run with this limit could deliver it otherwise`;
}

function eventSyncReport(
  eventId: string,
  selection: Selection,
  pending: number,
  withoutId: number,
): EventSyncReport {
  return {
    eventId,
    skippedAsProcessed: false,
    found: selection.total + withoutId,
    rejectedStatus: selection.rejectedStatus,
    rejectedName: selection.rejectedName,
    otherEvent: selection.otherEvent,
    eligibleEarlier: selection.eligibleEarlier,
    withoutId,
    invalid: selection.invalid.length,
    eligible: selection.eligible.length,
    deliveredBefore: selection.eligible.length - pending,
    sentNow: 0,
    failed: 0,
    remaining: pending,
    waitingForLimit: 0,
  };
}

function skippedEvent(eventId: string, progress: Progress): EventSyncReport {
  const delivered = progress.sentIds(eventId).length;
  return {
    ...eventSyncReport(
      eventId,
      {
        eligible: [],
        total: 0,
        rejectedStatus: 0,
        rejectedName: 0,
        otherEvent: 0,
        eligibleEarlier: {},
        invalid: [],
      },
      0,
      0,
    ),
    skippedAsProcessed: true,
    deliveredBefore: delivered,
  };
}
