import type { RunReport } from '../run-report.js';
import { renderMarkdown } from './render-markdown.js';
import { runSummary } from './run-summary.js';

/**
 * The job summary GitHub shows for the run: the run's summary as Markdown, the failure that
 * ended the run first when there was one.
 */
export function renderJobSummary(report: RunReport, failure?: string): string {
  return renderMarkdown(runSummary(report, failure));
}
