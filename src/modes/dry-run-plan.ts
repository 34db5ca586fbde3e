import { count } from '../format.js';
import { logText, urlForDisplay } from '../log-text.js';
import { countBy } from '../ticket-files/event-metadata.js';
import type { PipelineRun } from '../pipeline/pipeline-run.js';
import type { DryRunPlan } from '../run-report.js';
import { creationRange, stringField, type Ticket } from '../vivenu/tickets.js';

/** The first deliveries a dry run lists, in order: enough to check the order, not a wall. */
const FIRST_DELIVERIES_SHOWN = 20;

/** What a sync would deliver for one event, in the report and the log; nothing is sent. */
export function showPlan(
  { settings, services, report }: PipelineRun,
  eventId: string,
  send: readonly Ticket[],
): void {
  const created = creationRange(send);
  const plan: DryRunPlan = {
    eventId,
    toSend: send.length,
    byTicketType: countBy(send, 'ticketName'),
    ticketTypeIds: [...new Set(send.map((t) => stringField(t, 'ticketTypeId') ?? '(none)'))].sort(),
    firstCreatedAt: created.first,
    lastCreatedAt: created.last,
    firstDeliveries: send.slice(0, FIRST_DELIVERIES_SHOWN).map((t) => ({
      createdAt: stringField(t, 'createdAt') ?? '',
      id: t._id,
      ticketName: stringField(t, 'ticketName') ?? '',
    })),
  };
  report.plans.push(plan);
  const lines = [
    `Dry run: ${count(plan.toSend)} deliveries would go to ${urlForDisplay(settings.webhookUrl)}`,
    ...Object.entries(plan.byTicketType).map(([name, n]) => `  ${count(n)} × ${logText(name)}`),
    `  ticketTypeIds the receiver must know: ${plan.ticketTypeIds.map(logText).join(', ') || '-'}`,
    `  created from ${logText(plan.firstCreatedAt ?? '-')} to ${logText(plan.lastCreatedAt ?? '-')}`,
    `  first ${plan.firstDeliveries.length} in order:`,
    ...plan.firstDeliveries.map(
      (d, i) => `  ${i + 1}. ${logText(d.createdAt)} ${logText(d.id)} (${logText(d.ticketName)})`,
    ),
  ];
  services.logger.info(lines.join('\n'));
}
