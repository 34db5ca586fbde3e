import type { EventMetadata } from './output/event-metadata.js';
import type { Mode } from './settings.js';

/** What one event's pull produced. */
export interface EventPullReport {
  metadata: EventMetadata;
  eventDir: string;
}

/**
 * Filled in as the run goes, so the doors can report and set outputs from it whether the run
 * finished or failed half way.
 */
export interface RunReport {
  region: string;
  mode: Mode;
  vivenuOrigin: string;
  ticketsDir: string;
  pulls: EventPullReport[];
}

export function ticketsFound(report: RunReport): number {
  return report.pulls.reduce((sum, pull) => sum + pull.metadata.total_pulled, 0);
}
