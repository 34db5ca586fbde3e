import { count } from '../format.js';
import { logText, urlForDisplay } from '../log-text.js';
import type { PipelineRun } from './mode-run.js';
import type { DryRunPlan } from '../run-report.js';
import { creationRange, stringField, type Ticket } from '../vivenu/tickets.js';

/** The first deliveries a dry run lists, in order: enough to check the order, not a wall. */
const FIRST_DELIVERIES_SHOWN = 20;

/** What a sync would deliver for one event, in the report and the log; nothing is sent. */
export function showPlan(
  { settings, services, note }: PipelineRun,
  eventId: string,
  send: readonly Ticket[],
): void {
  const created = creationRange(send);
  const plan: DryRunPlan = {
    eventId,
    toSend: send.length,
    ticketTypeIds: [...new Set(send.map((t) => stringField(t, 'ticketTypeId') ?? '(none)'))].sort(),
    ticketTypes: ticketTypesOf(send),
    firstCreatedAt: created.first,
    lastCreatedAt: created.last,
    firstDeliveries: send.slice(0, FIRST_DELIVERIES_SHOWN).map((t) => ({
      createdAt: stringField(t, 'createdAt') ?? '',
      id: t._id,
      ticketName: stringField(t, 'ticketName') ?? '',
    })),
  };
  note({ kind: 'planned', plan });
  const lines = [
    `Dry run: ${count(plan.toSend)} deliveries would go to ${urlForDisplay(settings.webhookUrl)}`,
    ...plan.ticketTypes.map(
      (type) =>
        `  ${count(type.count)} × ${logText(type.ticketName)} (ticketTypeId ${logText(type.ticketTypeId ?? 'none')})`,
    ),
    `  ticketTypeIds the receiver must know: ${plan.ticketTypeIds.map(logText).join(', ') || '-'}`,
    `  created from ${logText(plan.firstCreatedAt ?? '-')} to ${logText(plan.lastCreatedAt ?? '-')}`,
    `  first ${plan.firstDeliveries.length} in order:`,
    ...plan.firstDeliveries.map(
      (d, i) => `  ${i + 1}. ${logText(d.createdAt)} ${logText(d.id)} (${logText(d.ticketName)})`,
    ),
  ];
  services.logger.info(lines.join('\n'));
}

/**
 * The tickets by name and ticketTypeId, most first: the receiver registers ticketTypeIds, and a
 * person knows the ticket by its name, so the plan shows them together.
 */
function ticketTypesOf(send: readonly Ticket[]): DryRunPlan['ticketTypes'] {
  const types = new Map<string, DryRunPlan['ticketTypes'][number]>();
  for (const ticket of send) {
    const ticketName = stringField(ticket, 'ticketName') ?? '';
    const ticketTypeId = stringField(ticket, 'ticketTypeId') ?? null;
    const key = JSON.stringify([ticketName, ticketTypeId]);
    const type = types.get(key) ?? { ticketName, ticketTypeId, count: 0 };
    type.count++;
    types.set(key, type);
  }
  return [...types.values()].sort(
    (a, b) =>
      b.count - a.count ||
      byText(a.ticketName, b.ticketName) ||
      byText(a.ticketTypeId ?? '', b.ticketTypeId ?? ''),
  );
}

/** Plain code-unit order: the same on every runner, without loading ICU's collation. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
