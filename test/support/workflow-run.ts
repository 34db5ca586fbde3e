/**
 * What the emulation records of a workflow run, its jobs and steps, and the options it runs
 * with. The rules live in the modules named beside each field.
 */
import type { BundledRun } from '../../sandbox/action-runner.js';
import type { GitHubSandbox } from '../../sandbox/github-sandbox.js';
import type { InputValue } from './dispatch-form.js';
import type { EmulationRules } from './emulation-rules.js';
import type { DefaultPermissions, Permissions } from './token-permissions.js';

/**
 * The action inputs a test may set over what the workflow passes, because they name hosts or
 * times only the sandboxes make sense of (the workflow passes no vivenu-url or webhook-url, so
 * the action would reach the real Vivenu and receiver). Nothing else can be overridden: the
 * key, the HMAC key and the token must arrive through the workflow's own wiring.
 */
export const OVERRIDABLE_ACTION_INPUTS = [
  'vivenu-url',
  'webhook-url',
  'interval',
  'max-runtime-minutes',
] as const;
export type OverridableActionInput = (typeof OVERRIDABLE_ACTION_INPUTS)[number];
export type ActionInputOverrides = Partial<Record<OverridableActionInput, string>>;

/** A step's process as the runner holds it: it can be signalled, and it exits. */
export interface StepProcess {
  kill(signal: NodeJS.Signals): boolean;
  once(event: 'exit', listener: () => void): unknown;
}

export interface ActionStepOptions {
  inputs: Record<string, string>;
  workspace: string;
  env: Record<string, string>;
  /** Called once the process runs, so a cancel or a timeout can signal it. */
  onStart(process: StepProcess): void;
}

/** Runs `uses: ./` (default: dist/index.js as the runner runs it, sandbox/action-runner.ts). */
export type ActionRunner = (options: ActionStepOptions) => Promise<BundledRun>;

/** The repository and the service the runs belong to: shared by every run of an emulator. */
export interface EmulatorOptions {
  /** Receives the jobs' API calls, issues their tokens, and holds the branch's history. */
  github: GitHubSandbox;
  /** Repository secrets by name. */
  secrets: Record<string, string>;
  /** Repository variables (`vars`). */
  variables?: Record<string, string>;
  /** Workflow texts to run instead of the files (mutation tests), by file name. */
  workflowTexts?: Record<string, string>;
  /** default `hia/vivenu-sync` */
  repository?: string;
  /** The repository's default GITHUB_TOKEN setting; default restricted (new repositories' default). */
  defaultPermissions?: DefaultPermissions;
  /** default true: the artifacts hold personal data, so the repository must be private. */
  privateRepository?: boolean;
  /** Action inputs set over the workflow's, for every run (a click may add its own). */
  overrideActionInputs?: ActionInputOverrides;
  /** Start a run for each dispatch the jobs make through the sandbox (follow the chain). */
  followDispatches?: boolean;
  /** How long a workflow minute lasts here, for `timeout-minutes`; default 60 000 ms. */
  minuteMs?: number;
  /** The first run's id; default 4242. */
  firstRunId?: number;
  /** What runs `uses: ./`; default the bundle. */
  actionRunner?: ActionRunner;
  /** The rules in force; default GitHub's (emulation-rules.ts). */
  rules?: Partial<EmulationRules>;
}

export interface StepRun {
  id: string;
  name: string;
  uses: string;
  outcome: 'success' | 'failure' | 'skipped' | 'cancelled';
  /** `with:` as evaluated, secret values shown as `***` (the runner masks them). */
  with: Record<string, string>;
  error?: string;
  /** The action step: every INPUT_* it got (secrets masked), and which the test overrode. */
  actionInputs?: Record<string, string>;
  overridden?: string[];
  /** The action step's process, as the runner saw it. */
  action?: BundledRun;
  /** Signals the runner sent the step's process (cancel, timeout), ms after the first. */
  signals?: { signal: NodeJS.Signals; afterMs: number }[];
  /** actions/checkout: the commit it checked out. */
  checkedOut?: string;
  outputs: Record<string, string>;
}

export interface JobRun {
  /** The calling job in the form's workflow: `sync` or `sync-and-continue`. */
  caller: string;
  /** The job in the called workflow (undefined when the calling job was skipped). */
  job?: string;
  /** As GitHub shows it: `Sync / sync PROD`. */
  name: string;
  status: 'success' | 'failure' | 'skipped' | 'cancelled';
  /** The job token's scopes. */
  permissions?: Permissions;
  /** The secrets the called workflow can read, by name. */
  secrets?: string[];
  /** The called workflow's `inputs` context. */
  inputs?: Record<string, unknown>;
  /** What GitHub annotated on the job (a timeout, a cancel). */
  annotations?: string[];
  steps: StepRun[];
  /** ms since the epoch */
  startedAt?: number;
  completedAt?: number;
}

export interface WorkflowRun {
  workflow: string;
  ref: string;
  /** `github.sha`: the branch's head when the run was triggered; a re-run keeps it. */
  sha: string;
  runId: number;
  runAttempt: number;
  runNumber: number;
  runName?: string;
  concurrencyGroup?: string;
  /** The `inputs` context: booleans typed, every other field a string. */
  inputs: Record<string, InputValue>;
  /** `github.event.inputs` as written to GITHUB_EVENT_PATH: every value a string. */
  eventInputs: Record<string, string>;
  status: 'pending' | 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'startup_failure' | 'cancelled';
  /** Why GitHub refused to start the run, in its words where known. */
  startupFailure?: string;
  /** Why the run was cancelled (a newer run in its group, a full queue, a cancel). */
  cancelReason?: string;
  jobs: JobRun[];
  /** ms since the epoch */
  triggeredAt: number;
  startedAt?: number;
  completedAt?: number;
}

/** The step with `id` in the run's jobs that ran, if any. */
export function findStep(run: WorkflowRun, id: string): StepRun | undefined {
  return run.jobs.flatMap((job) => job.steps).find((step) => step.id === id);
}
