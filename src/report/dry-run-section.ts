import { count } from '../format.js';
import type { DryRunPlan, RunReport } from '../run-report.js';
import { counted, createdRange, eventCell, humanDate } from './summary-phrases.js';
import {
  line,
  numberColumn,
  tableBlock,
  textColumn,
  type SummaryBlock,
  type SummarySection,
} from './summary-model.js';

/**
 * What a real run would deliver for one event: its ticket types with the ids the receiver must
 * have registered, in one table, and the first deliveries in a fold (they check the order; a
 * page of them would hide everything under it).
 */
function planBlocks(report: RunReport, plan: DryRunPlan): SummaryBlock[] {
  return [
    line([
      eventCell(report, plan.eventId),
      `: ${counted(plan.toSend, 'delivery', 'deliveries')}, oldest first. `,
      ...createdRange(plan.firstCreatedAt, plan.lastCreatedAt),
    ]),
    tableBlock({
      columns: [
        textColumn({ markdown: 'Ticket type', text: 'Would deliver: ticket type' }),
        textColumn('ticketTypeId'),
        numberColumn('Tickets'),
      ],
      rows: plan.ticketTypes.map((type) => [
        { literal: type.ticketName || '(none)' },
        type.ticketTypeId ? { code: type.ticketTypeId } : '(none)',
        type.count,
      ]),
    }),
    {
      kind: 'details',
      summary: [
        plan.firstDeliveries.length === 1
          ? 'The first delivery'
          : `The first ${count(plan.firstDeliveries.length)} deliveries, in order`,
      ],
      blocks: [
        tableBlock({
          columns: [
            numberColumn('#'),
            textColumn('Created'),
            textColumn('_id'),
            textColumn('Ticket type'),
          ],
          rows: plan.firstDeliveries.map((d, i) => [
            i + 1,
            humanDate(d.createdAt || null),
            { code: d.id },
            { literal: d.ticketName || '(none)' },
          ]),
        }),
      ],
      // The log lists them for a terminal, just above its summary.
      only: 'markdown',
    },
  ];
}

export function dryRunPlanSection(report: RunReport): SummarySection[] {
  if (report.plans.length === 0) return [];
  const blocks = report.plans.flatMap((plan) => planBlocks(report, plan));
  return [{ kind: 'section', heading: ['Dry-run plan'], blocks }];
}
