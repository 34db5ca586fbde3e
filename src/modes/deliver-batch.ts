import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import type { KeeperStop, ProgressKeeper } from '../progress/progress-keeper.js';
import { deliveryTime } from '../progress/progress.js';
import type { RunEvent } from '../run-events.js';
import type { FailedDelivery } from '../run-report.js';
import { describeTicket, stringField, type Ticket } from '../vivenu/tickets.js';
import type { WebhookSender } from '../webhook/webhook-sender.js';

/**
 * This many tickets failing one after another for the receiver's own trouble (no answer, 408,
 * 429, 5xx) means the receiver is down, not the tickets. A permanent answer about one ticket
 * (another 4xx, such as an unregistered ticket type) is an answer: it does not count, and it
 * ends the streak, so five unregistered tickets in a row cannot stop the tickets behind them.
 */
export const FAILURES_IN_A_ROW_BEFORE_STOP = 5;

/**
 * What becomes of each answer: recorded durably before the next delivery starts, and counted.
 * A sync records a delivery as sent; a redelivery records it apart, changing nothing of what
 * counts as delivered.
 */
export interface AnswerRecorder {
  /** `[3/40] sent …`, `[3/40] redelivered …`. */
  readonly verb: string;
  delivered(ticket: Ticket, status: number): Promise<void>;
  failed(ticket: Ticket, failure: FailedDelivery): Promise<void>;
}

/**
 * A sync's answers: a delivery is sent (once, for good), a failure an error to try again; each
 * noted for the report and counted in `counts` for the sync's own tally.
 */
export function syncRecorder(
  context: Pick<DeliverBatchContext, 'eventId' | 'keeper' | 'clock'> & {
    note: (event: RunEvent) => void;
    counts: { delivered: number; failed: number };
  },
): AnswerRecorder {
  const { eventId, keeper, clock, note, counts } = context;
  return {
    verb: 'sent',
    async delivered(ticket) {
      await keeper.record({ t: 'sent', e: eventId, id: ticket._id, at: deliveryTime(clock.now()) });
      counts.delivered++;
      note({ kind: 'delivered', eventId });
    },
    async failed(ticket, failure) {
      counts.failed++;
      note({ kind: 'delivery-failed', failure });
      await keeper.record({
        t: 'error',
        error: {
          event_id: eventId,
          ticket_id: ticket._id,
          status: failure.status,
          error: failure.reason,
          timestamp: new Date(clock.now()).toISOString(),
        },
      });
    },
  };
}

export interface DeliverBatchContext {
  eventId: string;
  sender: WebhookSender;
  /** Publishes when due (pausing while it cannot), after each answer is recorded. */
  keeper: ProgressKeeper;
  recorder: AnswerRecorder;
  logger: Logger;
  clock: Clock;
  /**
   * No delivery attempt starts at or after this time (the run's time budget), on the clock's
   * monotonic reading: a wall clock stepped back must not stretch the budget (issue 23, row 5).
   */
  deadlineMs: number;
  /** Aborts on cancel. */
  cancel?: AbortSignal;
}

function reportSent(logger: Logger, update: { done: number; total: number; line: string }): void {
  if (logger.progress) logger.progress(update);
  else logger.info(update.line);
}

export type BatchStop = KeeperStop;

/**
 * Delivers `batch` in order, recording each answer durably before the next delivery starts.
 * Returns why it stopped early, or undefined when every ticket got an answer.
 */
export async function deliverBatch(
  batch: readonly Ticket[],
  context: DeliverBatchContext,
): Promise<BatchStop | undefined> {
  const { eventId, sender, keeper, logger, clock, recorder } = context;
  let failuresInARow = 0;
  for (const [index, ticket] of batch.entries()) {
    if (context.cancel?.aborted) return { reason: 'cancelled', message: 'cancelled' };
    if (clock.monotonic() >= context.deadlineMs)
      return { reason: 'time-budget', message: 'time budget reached' };

    const label = `[${index + 1}/${batch.length}]`;
    const outcome = await sender.deliver(ticket, context.deadlineMs);
    switch (outcome.kind) {
      case 'delivered':
        await recorder.delivered(ticket, outcome.status);
        failuresInARow = 0;
        reportSent(logger, {
          done: index + 1,
          total: batch.length,
          line: `${label} ${recorder.verb} ${describeTicket(ticket)}`,
        });
        break;
      case 'failed': {
        const failure: FailedDelivery = {
          eventId,
          ticketId: ticket._id,
          ticketName: stringField(ticket, 'ticketName') ?? '',
          ticketTypeId: stringField(ticket, 'ticketTypeId') ?? null,
          status: outcome.status ?? null,
          reason: outcome.reason,
        };
        await recorder.failed(ticket, failure);
        logger.info(
          `${label} failed ${describeTicket(ticket)}: ${failure.status ?? 'no answer'} ${logText(failure.reason)}`,
        );
        failuresInARow = outcome.transient ? failuresInARow + 1 : 0;
        if (failuresInARow >= FAILURES_IN_A_ROW_BEFORE_STOP) {
          return {
            reason: 'receiver-down',
            message: `${failuresInARow} tickets failed in a row (last: ${failure.status ?? 'no answer'} ${logText(failure.reason)}): the receiver looks down. Stopped; run again later.`,
          };
        }
        break;
      }
      case 'unusable':
        // Decided: stop at once, like a rejected signature. A redirect or an address that
        // cannot work is about webhook-url, not this ticket: every ticket would get the same,
        // and each would cost its retries. The ticket stays pending, not failed.
        return { reason: 'webhook-url-unusable', message: logText(outcome.reason) };
      case 'rejected':
        return {
          reason: 'signature-rejected',
          message:
            `The receiver rejected the delivery of ${logText(ticket._id)} with ${outcome.status} (${logText(outcome.reason) || 'no reason given'}): ` +
            'it does not accept our signature. Check the webhook-secret input (secret VIVENU_SECRET) matches the receiver.',
        };
      case 'interrupted':
        return { reason: 'cancelled', message: 'cancelled' };
      case 'out-of-time':
        // Said when it is news: the receiver's wait, not the budget's plain end, stopped the run.
        if (outcome.reason) logger.warning(`${label} ${outcome.reason}`);
        return { reason: 'time-budget', message: outcome.reason || 'time budget reached' };
    }
    const stop = await keeper.afterDelivery();
    if (stop) return stop;
  }
  return undefined;
}
