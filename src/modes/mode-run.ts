import type { Progress } from '../progress/progress.js';
import type { RunEvent } from '../run-events.js';
import type { Settings } from '../settings/settings.js';
import type { PulledEvent } from '../vivenu/pull-event.js';
import type { Selection } from '../select/select-tickets.js';
import type { RunServices } from '../services/run-services.js';

/** One run of the pipeline: what it was asked, what it reaches the world with, what it found. */
export interface PipelineRun {
  readonly settings: Settings;
  readonly services: RunServices;
  /**
   * Says what happened, as it happens: folded into the run's report (run-events.ts), so a
   * failure still reports what was done. Nothing reads the report back to decide.
   */
  readonly note: (event: RunEvent) => void;
  /** Ticket id → the event it was eligible in, earlier in this run: each counts under one event. */
  readonly eligibleIn: Map<string, string>;
}

/**
 * What a mode (pull-only, test, sync, redeliver) does with the stages the pipeline runs for
 * it. The pipeline pulls and selects each event the mode `wants`; the mode delivers and
 * records; the pipeline writes each event's ledger when the event ends, from the progress the
 * mode keeps.
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
  /** The progress an event's ledger is made from; undefined when the mode keeps no ledger. */
  ledgerProgress(): Progress | undefined;
  /** After the last event, however the walk ended (an error too): the final commit. */
  close(): Promise<void>;
  /** The step's result: throws when the run must fail, warns when it only should be said. */
  conclude(): Promise<void>;
}
