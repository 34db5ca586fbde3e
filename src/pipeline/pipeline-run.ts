import type { RunReport } from '../run-report.js';
import type { Settings } from '../settings/settings.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import type { Selection } from '../select/select-tickets.js';
import type { RunServices } from './run-services.js';

/** One run of the pipeline: what it was asked, what it reaches the world with, what it found. */
export interface PipelineRun {
  readonly settings: Settings;
  readonly services: RunServices;
  /** Written as the run goes, so a failure still reports what was done. */
  readonly report: RunReport;
  /** Ticket id → the event it was eligible in, earlier in this run: each counts under one event. */
  readonly eligibleIn: Map<string, string>;
}

/**
 * What a mode (pull-only, test, sync) does with the stages the pipeline runs for it. The
 * pipeline pulls and selects each event the mode `wants`; the mode delivers and records.
 */
export interface ModeRun {
  /** Before any ticket is pulled: opens what the mode keeps (a sync: the progress file, locked). */
  open(): Promise<void>;
  /** Whether this event is pulled at all (a sync passes over finished events, and those past the limit). */
  wants(eventId: string): Promise<boolean>;
  /** How the select stage logs: in full, or quietly (pull-only reports, it does not plan). */
  readonly selectionLog: 'full' | 'quiet';
  /** Deliver and record one event's selection; `stop` ends the run's walk over its events. */
  take(pulled: PulledEvent, selection: Selection): Promise<'next' | 'stop'>;
  /** After the last event, however the walk ended (an error too): the final commit, the ledger. */
  close(): Promise<void>;
  /** The step's result: throws when the run must fail, warns when it only should be said. */
  conclude(): Promise<void>;
}
