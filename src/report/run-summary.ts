import { count } from '../format.js';
import { urlForDisplay } from '../log-text.js';
import { eventsInTitle, type RunReport } from '../run-report.js';
import {
  deliveredSection,
  dryRunPlanSection,
  failuresSection,
  pulledSection,
  redeliverySection,
  testDeliverySection,
} from './delivery-sections.js';
import { changedSection, standingSection } from './standing-sections.js';
import { callout, line, type Span, type SummaryBlock, type RunSummary } from './summary-model.js';
import { verdictOf } from './verdict.js';
import { stagingToProduction, unsignedWarning } from './summary-phrases.js';

/**
 * The run's summary: pulls, deliveries, failures, how far each event is, and what to do next.
 * Only counts, ids, statuses and ticket types: personal data stays in the files.
 */
export function runSummary(given: RunReport, failure?: string): RunSummary {
  // A failure the entry point caught outside the pipeline still gets its verdict.
  const report: RunReport =
    failure && !given.failure
      ? { ...given, failure: { kind: 'stopped', message: failure } }
      : given;
  const names = eventsInTitle(report);
  return {
    title: titleOf(report, names),
    sections: [
      { kind: 'section', blocks: openingBlocks(report, names, failure) },
      ...pulledSection(report),
      ...deliveredSection(report),
      ...failuresSection(report),
      ...standingSection(report),
      ...changedSection(report),
      ...dryRunPlanSection(report),
      ...testDeliverySection(report),
      ...redeliverySection(report),
      { kind: 'section', blocks: closingBlocks(report) },
    ],
  };
}

const RECEIVER_IN_TITLE: Record<RunReport['receiver'], string> = {
  test: 'test receiver',
  production: 'PRODUCTION receiver',
  custom: 'custom receiver',
};

/** Which events, region, mode and receiver: `HYROX Berlin (…) · DEV · sync → test receiver`. */
function titleOf(report: RunReport, names: string): Span[] {
  const receiver = report.mode === 'pull-only' ? '' : ` → ${RECEIVER_IN_TITLE[report.receiver]}`;
  const mode = `${report.mode}${report.dryRun ? ' (dry run)' : ''}`;
  const staging = stagingToProduction(report) ? ' (staging tickets)' : '';
  return [
    'Vivenu historical sync · ',
    ...(names ? [{ literal: names }, ' · '] : []),
    `${report.region}${staging} · ${mode}${receiver}`,
  ];
}

/** The verdict first, with its next step; then what needs the reader before any figure. */
function openingBlocks(report: RunReport, names: string, failure?: string): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  for (const rendering of ['markdown', 'text'] as const) {
    const { icon, says, next } = verdictOf(report, rendering);
    blocks.push(
      line([`${icon} `, { value: says }, ' ', { strong: 'Next:' }, ` ${next}`], rendering),
    );
  }
  // A terminal has no title: it names the events on a line of their own.
  if (names) {
    const events = (report.events?.length ?? 0) > 1 ? 'Events' : 'Event';
    blocks.push(line([`${events}: `, { literal: names }], 'text'));
  }
  // A terminal hears of the failure and of how to continue from the command itself.
  const message = report.failure?.message ?? failure;
  if (message) blocks.push(callout('CAUTION', [{ value: message }], 'markdown'));
  if (!report.signed && report.mode !== 'pull-only' && !report.dryRun) {
    const unsigned = unsignedWarning('after');
    blocks.push(callout('WARNING', [unsigned], 'markdown'));
  }
  return blocks;
}

/** Where the run's things are, folded away: origins, paths, commits, the artifact, what follows. */
function closingBlocks(report: RunReport): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
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
  blocks.push({
    kind: 'details',
    summary: ['Run details'],
    blocks: runDetails(report),
    only: 'markdown',
  });
  if (report.mode === 'sync' && !report.dryRun)
    blocks.push(line([`Progress: ${report.progressFile}`], 'text'));
  return blocks;
}

function runDetails(report: RunReport): SummaryBlock[] {
  const lines: Span[][] = [];
  if (report.artifactName) lines.push(['Ticket files (artifact): ', { code: report.artifactName }]);
  lines.push(['Vivenu: ', { code: report.vivenuOrigin }]);
  lines.push(['Tickets folder: ', { code: report.ticketsDir }]);
  if (report.mode !== 'pull-only')
    lines.push(['Receiver: ', { code: urlForDisplay(report.webhookUrl) }]);
  if (report.mode === 'sync') lines.push(['Progress file: ', { code: report.progressFile }]);
  if (report.publishing) {
    const { where, commits, behind } = report.publishing;
    const made = `${count(commits)} ${commits === 1 ? 'commit' : 'commits'} this run`;
    lines.push(
      behind
        ? [
            'Progress ',
            { strong: 'not' },
            ' fully committed to ',
            { code: where },
            ' (',
            { value: behind },
            `): ${made}`,
          ]
        : ['Progress committed to ', { code: where }, `: ${made}`],
    );
  }
  // One paragraph a line: GitHub joins the lines of one paragraph into one.
  return lines.map((spans) => line(spans));
}
