import { RunStoppedError } from '../errors.js';
import { logText, urlForDisplay } from '../log-text.js';
import type { ModeRun, PipelineRun } from './mode-run.js';
import { failureReason, reasonLabel } from '../report/failure-groups.js';
import type { TestDelivery } from '../run-report.js';
import { describeTicket, stringField, type Ticket } from '../vivenu/tickets.js';
import type { DeliveryOutcome } from '../webhook/webhook-sender.js';
import { warnBeforeDelivering } from './before-delivery-warnings.js';

/**
 * Test mode: one eligible ticket (a `ticketName` with HIA first) delivered to the receiver,
 * progress untouched. The run fails when the receiver does not take it, or no event has one.
 */
export function testDelivery(run: PipelineRun): ModeRun {
  const { settings } = run;
  let tried = false;
  return {
    selectionLog: 'full',
    open() {
      warnBeforeDelivering(run);
      return Promise.resolve();
    },
    wants: () => Promise.resolve(true),
    async take(pulled, { eligible }) {
      if (pulled.untrusted !== undefined) {
        throw new RunStoppedError(`${pulled.untrusted} Nothing was delivered from this pull.`);
      }
      const ticket =
        eligible.find((t) => /HIA/i.test(stringField(t, 'ticketName') ?? '')) ?? eligible[0];
      if (!ticket) return 'next';
      tried = true;
      await deliverOne(run, pulled.eventId, ticket);
      return 'stop';
    },
    // Progress is not touched, so there is no ledger to make.
    ledgerProgress: () => undefined,
    close: () => Promise.resolve(),
    conclude() {
      if (tried) return Promise.resolve();
      throw new RunStoppedError(
        `No eligible ticket (status ${settings.statuses.join(' or ')}, name containing "${logText(settings.nameContains)}") in event ${settings.eventIds.join(', ')}.`,
      );
    },
  };
}

async function deliverOne(
  { settings, services, note }: PipelineRun,
  eventId: string,
  ticket: Ticket,
): Promise<void> {
  const { logger } = services;
  const delivery: TestDelivery = {
    eventId,
    ticketId: ticket._id,
    ticketName: stringField(ticket, 'ticketName') ?? '',
    url: urlForDisplay(settings.webhookUrl),
    status: null,
    answer: '',
    delivered: false,
  };
  note({ kind: 'test-delivery', delivery });
  if (settings.dryRun) {
    logger.info(`Dry run: would deliver ${describeTicket(ticket)} to ${delivery.url}`);
    return;
  }
  logger.info(`Test delivery of ${describeTicket(ticket)} to ${delivery.url}`);
  Object.assign(delivery, answerOf(await services.newWebhookSender(0).deliver(ticket)));
  note({ kind: 'test-delivery', delivery });
  logger.info(
    `Receiver answered ${delivery.status ?? 'nothing'}: ${logText(delivery.answer) || '(empty)'}`,
  );
  if (!delivery.delivered) {
    // In words, as the summary says it: the receiver's own answer is in the log just above.
    const failure = failureReason(delivery.status, delivery.answer);
    const reason = reasonLabel(failure, [delivery.status]);
    const hint =
      failure.kind === 'not-registered'
        ? ' The receiver has not registered this ticket type (expected for test and dev data).'
        : '';
    throw new RunStoppedError(
      `The test delivery of ${logText(ticket._id)} was not accepted: ${reason}.${hint}`,
    );
  }
}

/** The receiver's answer as the summary shows it. */
function answerOf(outcome: DeliveryOutcome): Pick<TestDelivery, 'status' | 'answer' | 'delivered'> {
  switch (outcome.kind) {
    case 'delivered':
      return { status: outcome.status, answer: outcome.answer, delivered: true };
    case 'interrupted':
      return { status: null, answer: '', delivered: false };
    // The test delivery has no time budget; kept for the type's sake.
    case 'out-of-time':
      return { status: null, answer: outcome.reason, delivered: false };
    case 'failed':
      return { status: outcome.status ?? null, answer: outcome.reason, delivered: false };
    default:
      return { status: outcome.status, answer: outcome.reason, delivered: false };
  }
}
