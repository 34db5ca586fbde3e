import { count } from '../format.js';
import { logText } from '../log-text.js';
import { selectTickets, type Selection } from '../select/select-tickets.js';
import { ROWS_TOO_DEEP_FILE } from '../ticket-files/ticket-files.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import type { PipelineRun } from '../modes/mode-run.js';

/**
 * The select stage of one event: the tickets that count, oldest first. The run's `eligibleIn`
 * is read and then added to, so each ticket counts under one event only.
 */
export function selectEligible(
  { settings, services, eligibleIn }: PipelineRun,
  pulled: PulledEvent,
  log: 'full' | 'quiet',
): Selection {
  const { logger } = services;
  const { eventId } = pulled;
  const selection = selectTickets(pulled.tickets, {
    ...settings,
    eventId,
    eligibleEarlier: (ticketId) => eligibleIn.get(ticketId),
  });
  for (const ticket of selection.eligible) eligibleIn.set(ticket._id, eventId);
  if (log === 'quiet') return selection;
  const earlier = Object.values(selection.eligibleEarlier).reduce((sum, n) => sum + n, 0);
  logger.info(
    [
      `Filtering results for event ${eventId}:`,
      `  - Total tickets: ${count(selection.total + pulled.withoutId.length + pulled.tooDeep.length)}`,
      `  - Without _id (never delivered: cannot be recorded as sent): ${count(pulled.withoutId.length)}`,
      `  - Nested too deep (never delivered: kept in ${ROWS_TOO_DEEP_FILE}): ${count(pulled.tooDeep.length)}`,
      `  - Invalid (no eventId, ticketName or status): ${count(selection.invalid.length)}`,
      `  - Rejected (eventId not ${eventId}): ${count(selection.otherEvent)}`,
      `  - Rejected (status not ${settings.statuses.join('/')}): ${count(selection.rejectedStatus)}`,
      `  - Rejected (name without "${logText(settings.nameContains)}"): ${count(selection.rejectedName)}`,
      `  - Counted under an earlier event of this run (delivered once, there): ${count(earlier)}`,
      ...(settings.soldBefore
        ? [
            `  - Sold at or after sold-before ${settings.soldBefore.iso} (the live webhook sent them): ${count(selection.soldAfterCutoff.length)}`,
          ]
        : []),
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
