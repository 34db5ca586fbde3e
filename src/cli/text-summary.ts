import { renderText } from '../report/render-text.js';
import { runSummary } from '../report/run-summary.js';
import type { RunReport } from '../run-report.js';

export { textTable } from '../report/render-text.js';

/** The closing summary for a terminal: the run's summary, as text. */
export function renderTextSummary(report: RunReport): string {
  return renderText(runSummary(report));
}
