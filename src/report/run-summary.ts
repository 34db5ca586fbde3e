import { count } from '../format.js';
import { urlForDisplay } from '../log-text.js';
import { eventsInTitle, type RunReport } from '../run-report.js';
import {
  deliveredSection,
  dryRunPlanSection,
  failuresSection,
  pulledSection,
  testDeliverySection,
} from './delivery-sections.js';
import { changedSection, standingSection } from './standing-sections.js';
import { callout, line, type Span, type SummaryBlock, type RunSummary } from './summary-model.js';

/**
 * The run's summary: pulls, deliveries, failures, how far each event is, and what to do next.
 * Only counts, ids, statuses and ticket types: personal data stays in the files.
 */
export function runSummary(report: RunReport, failure?: string): RunSummary {
  const names = eventsInTitle(report);
  const title: Span[] = [
    `Vivenu historical sync · ${report.region} · ${report.mode}${report.dryRun ? ' (dry run)' : ''}`,
    ...(names ? [' · ', { literal: names }] : []),
  ];
  return {
    title,
    sections: [
      { kind: 'section', blocks: openingBlocks(report, names, failure) },
      ...pulledSection(report),
      ...deliveredSection(report),
      ...failuresSection(report),
      ...standingSection(report),
      ...changedSection(report),
      ...dryRunPlanSection(report),
      ...testDeliverySection(report),
      { kind: 'section', blocks: closingBlocks(report) },
    ],
  };
}

/** What the run was about, and what went wrong or needs doing before the figures. */
function openingBlocks(report: RunReport, names: string, failure?: string): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  // A terminal has no title: it names the events on a line of their own.
  if (names) {
    const events = (report.events?.length ?? 0) > 1 ? 'Events' : 'Event';
    blocks.push(line([`${events}: `, { literal: names }], 'text'));
  }
  // A terminal hears of the failure and of how to continue from the command itself.
  if (failure) blocks.push(callout('CAUTION', [{ value: failure }], 'markdown'));
  if (report.stop?.reason === 'time-budget') {
    const again =
      'The time budget ended this run before every ticket was delivered. Run the workflow again with the same inputs to continue exactly where it stopped.';
    blocks.push(callout('NOTE', [again], 'markdown'));
  }
  if (!report.signed && report.mode !== 'pull-only' && !report.dryRun) {
    const unsigned =
      'webhook-secret is empty: deliveries went unsigned, and a receiver that verifies x-vivenu-signature answers 401.';
    blocks.push(callout('WARNING', [unsigned], 'markdown'));
  }
  const where: Span[] = [`Vivenu: \`${report.vivenuOrigin}\` · tickets: \`${report.ticketsDir}\``];
  if (report.mode !== 'pull-only')
    where.push(' · receiver: `', { value: urlForDisplay(report.webhookUrl) }, '`');
  if (report.mode === 'sync') where.push(` · progress: \`${report.progressFile}\``);
  blocks.push(line(where, 'markdown'));
  return blocks;
}

/** Whether the run is done, where its progress went, and whether it goes on. */
function closingBlocks(report: RunReport): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  if (report.pulls.length === 0 && report.syncs.length === 0)
    blocks.push(line(['No tickets were pulled.'], 'markdown'));
  if (report.mode === 'sync' && !report.dryRun) {
    const complete = report.complete ? 'yes' : 'no';
    blocks.push(line(['All requested events complete: ', { strong: complete }, '.'], 'markdown'));
  }
  if (report.publishing) {
    const { where, commits, behind } = report.publishing;
    const commitsThisRun = `: ${count(commits)} commits this run.`;
    blocks.push(
      line(
        behind
          ? [
              'Progress ',
              { strong: 'not' },
              ` fully committed to \`${where}\` (`,
              { value: behind },
              `)${commitsThisRun}`,
            ]
          : [`Progress committed to \`${where}\`${commitsThisRun}`],
        'markdown',
      ),
    );
  }
  if (report.followUp) {
    const { dispatched, url, note } = report.followUp;
    const followUp: Span = url
      ? { link: 'the follow-up run', url }
      : "a follow-up run (see the workflow's runs)";
    blocks.push(
      line(
        dispatched
          ? ['Continued in ', followUp, ': ', { value: note }, '.']
          : ['Not continued: ', { value: note }, '.'],
        'markdown',
      ),
    );
  }
  if (report.mode === 'sync' && !report.dryRun)
    blocks.push(line([`Progress: ${report.progressFile}`], 'text'));
  return blocks;
}
