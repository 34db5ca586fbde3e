import { RunStoppedError } from '../errors.js';
import { count } from '../format.js';
import { logText } from '../log-text.js';
import type { ModeRun, PipelineRun } from './mode-run.js';
import type { ProgressKeeper } from '../progress/progress-keeper.js';
import { deliveryTime, idKey, type Progress } from '../progress/progress.js';
import type { RedeliveredTicket } from '../run-report.js';
import type { Selection } from '../select/select-tickets.js';
import { whyNotEligible } from '../select/why-not-eligible.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import { stringField, type Ticket } from '../vivenu/tickets.js';
import { warnBeforeDelivering } from './before-delivery-warnings.js';
import { deliverBatch, type AnswerRecorder, type BatchStop } from './deliver-batch.js';
import { notePublishing, openKeeper } from './keeping-progress.js';

/**
 * Redeliver: named tickets of one event sent again (a receiver that lost or mishandled them),
 * with their original delivery `id` (the ticket's own, envelope.ts) so a deduplicating receiver
 * can still tell, paced and signed like any delivery. Each is recorded apart (`redelivered` in
 * the progress file, a column of the ledger) and never changes what counts as delivered. Every
 * named id must be an eligible ticket of the event: any other is refused by name before
 * anything is sent. `failed` names every eligible ticket whose last delivery failed.
 */
export function redeliver(run: PipelineRun): ModeRun {
  return new RedeliverRun(run);
}

class RedeliverRun implements ModeRun {
  readonly selectionLog = 'full';
  private keeper!: ProgressKeeper;
  private readonly deadlineMs: number;
  /** What this run sent again and how each ended: what it concludes from (never the report). */
  private tickets: RedeliveredTicket[] = [];
  private stop: BatchStop | undefined;

  constructor(private readonly run: PipelineRun) {
    const { settings, services } = run;
    // On the monotonic clock, as a sync's budget (issue 23, row 5).
    this.deadlineMs = services.clock.monotonic() + settings.maxRuntimeMinutes * 60_000;
  }

  /** As a sync opens: the progress file locked (a dry run reads it), the branch's copy merged. */
  async open(): Promise<void> {
    this.keeper = await openKeeper(this.run, this.deadlineMs);
    warnBeforeDelivering(this.run);
  }

  wants(): Promise<boolean> {
    return Promise.resolve(true);
  }

  async take(pulled: PulledEvent, selection: Selection): Promise<'next' | 'stop'> {
    const { settings, services, note } = this.run;
    const { eventId } = pulled;
    if (pulled.untrusted !== undefined)
      throw new RunStoppedError(`${pulled.untrusted} Nothing was redelivered from this pull.`);
    const batch = this.chosen(pulled, selection, this.keeper.progress);
    this.tickets = batch.map((ticket) =>
      ticketLine(ticket, settings.dryRun ? 'planned' : 'not tried'),
    );
    note({
      kind: 'redelivery-chosen',
      redelivery: {
        eventId,
        asked: settings.ticketIds === 'failed' ? 'failed' : settings.ticketIds.length,
        tickets: this.tickets,
      },
    });
    services.logger.info(
      `${settings.dryRun ? 'Would redeliver' : 'Redelivering'} ${count(batch.length)} tickets of event ${eventId}, each under its original delivery id.`,
    );
    if (settings.dryRun || batch.length === 0) return 'stop';
    await this.keeper.proveWritable();
    const sender = services.newWebhookSender(settings.intervalSeconds * 1000);
    this.stop = await services.logger.group(`Redeliver event ${eventId}`, () =>
      deliverBatch(batch, {
        eventId,
        sender,
        keeper: this.keeper,
        recorder: this.recorder(eventId),
        logger: services.logger,
        clock: services.clock,
        deadlineMs: this.deadlineMs,
        cancel: services.signal,
      }),
    );
    if (this.stop) note({ kind: 'stopped', ...this.stop });
    return 'stop';
  }

  ledgerProgress(): Progress | undefined {
    return this.keeper?.progress;
  }

  async close(): Promise<void> {
    try {
      await this.keeper.finish(this.stop?.reason);
    } finally {
      notePublishing(this.run, this.keeper);
    }
  }

  conclude(): Promise<void> {
    const { settings } = this.run;
    if (this.keeper.failure && this.keeper.unpublishedChanges > 0) {
      throw new RunStoppedError(
        `The redeliveries of this run are not committed to ${this.keeper.where} (${this.keeper.failure.message}); they are recorded in ${settings.progressFile}, which the run's artifact holds.`,
      );
    }
    if (this.stop) throw new RunStoppedError(this.stop.message);
    const failed = this.tickets.filter((t) => t.outcome === 'failed').length;
    if (failed > 0 && settings.failOnTicketErrors)
      throw new RunStoppedError(
        `${count(failed)} of ${count(this.tickets.length)} redeliveries failed; each answer is under Redelivered.`,
      );
    return Promise.resolve();
  }

  /**
   * The tickets to send again, oldest first: every named id an eligible ticket of the event,
   * or the run stops here, naming each that is not and why, before anything is sent.
   */
  private chosen(pulled: PulledEvent, selection: Selection, progress: Progress): Ticket[] {
    const { settings } = this.run;
    const { eventId } = pulled;
    if (settings.ticketIds === 'failed') {
      const failedLast = lastAttemptFailed(progress, eventId);
      return selection.eligible.filter(
        (t) => failedLast.has(idKey(t._id)) && !progress.delivery(eventId, t._id),
      );
    }
    const wanted = new Set(settings.ticketIds);
    const refused: string[] = [];
    const pulledById = new Map(pulled.tickets.map((t) => [idKey(t._id), t]));
    for (const id of wanted) {
      const ticket = pulledById.get(id);
      if (!ticket) refused.push(`${id}: not a ticket of event ${eventId}`);
      else if (!selection.eligible.includes(ticket))
        refused.push(
          `${id}: not eligible (${whyNotEligible(ticket, { ...settings, eventId }) ?? 'eligible under another event of this run'})`,
        );
    }
    if (refused.length > 0) {
      throw new RunStoppedError(
        `Nothing was redelivered: ${count(refused.length)} of the ${count(wanted.size)} ticket-ids cannot be: ${refused.map(logText).join('; ')}.`,
      );
    }
    return selection.eligible.filter((t) => wanted.has(idKey(t._id)));
  }

  /** Each answer recorded apart from deliveries (`redelivered`), and noted for the report. */
  private recorder(eventId: string): AnswerRecorder {
    const { clock } = this.run.services;
    const settle = async (ticket: Ticket, line: RedeliveredTicket) => {
      await this.keeper.record({
        t: 'redelivered',
        e: eventId,
        id: ticket._id,
        at: deliveryTime(clock.now()),
        status: line.status,
      });
      this.tickets = this.tickets.map((t) => (t.id === ticket._id ? line : t));
      this.run.note({ kind: 'redelivered', ticket: line });
    };
    return {
      verb: 'redelivered',
      delivered: (ticket, status) =>
        settle(ticket, { ...ticketLine(ticket, 'redelivered'), status }),
      failed: (ticket, failure) =>
        settle(ticket, {
          ...ticketLine(ticket, 'failed'),
          status: failure.status,
          reason: failure.reason,
        }),
    };
  }
}

function ticketLine(ticket: Ticket, outcome: RedeliveredTicket['outcome']): RedeliveredTicket {
  return {
    id: ticket._id,
    ticketName: stringField(ticket, 'ticketName') ?? '',
    ticketTypeId: stringField(ticket, 'ticketTypeId') ?? null,
    outcome,
    status: null,
  };
}

/** The tickets of the event (lower-case ids) whose last recorded attempt failed. */
function lastAttemptFailed(progress: Progress, eventId: string): Set<string> {
  const event = idKey(eventId);
  return new Set(
    progress.errors
      .filter((error) => idKey(error.event_id) === event)
      .map((error) => idKey(error.ticket_id)),
  );
}
