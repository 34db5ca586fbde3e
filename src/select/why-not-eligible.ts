import { stringField, type Ticket } from '../vivenu/tickets.js';
import { selectTickets, type SelectionRules } from './select-tickets.js';

/**
 * Why `ticket` is not eligible under `rules` (without the once-per-run rule), in the words the
 * ledger, the summary and redeliver's refusals use; undefined when it is eligible. The
 * selection itself decides, so this can never disagree with what a run delivers.
 */
export function whyNotEligible(ticket: Ticket, rules: SelectionRules): string | undefined {
  const { eligibleEarlier, ...eligibility } = rules;
  void eligibleEarlier;
  const selection = selectTickets([ticket], eligibility);
  if (selection.eligible.length > 0) return undefined;
  if (selection.invalid.length > 0) return 'now without an eventId, ticketName or status';
  if (selection.otherEvent > 0) return 'now of another event';
  if (selection.rejectedStatus > 0) return `status now ${stringField(ticket, 'status')}`;
  if (selection.soldAfterCutoff.length > 0) return soldAfterReason(rules);
  return `ticketName no longer contains "${rules.nameContains}"`;
}

/** A ticket `sold-before` leaves out, in words: its cutoff to the second, as the ledger's times are. */
export function soldAfterReason(rules: Pick<SelectionRules, 'soldBefore'>): string {
  const cutoff = rules.soldBefore
    ? new Date(rules.soldBefore.ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
    : '';
  return `sold at or after sold-before (${cutoff}): the live webhook sent it`;
}
