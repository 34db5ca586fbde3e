/**
 * What the jobs of one run share, and the small helpers every part of a run uses: how a job
 * is ended early, how conditions and texts are evaluated, how secrets are masked.
 */
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type { EmulationRules } from './emulation-rules.js';
import {
  asInputString,
  evaluateToken,
  truthy,
  type Contexts,
  type JobStatus,
} from './github-expressions.js';
import type { ActionInputOverrides, EmulatorOptions } from './workflow-run.js';

/** What every job of one run shares. */
export interface RunContext {
  options: EmulatorOptions;
  rules: EmulationRules;
  repository: string;
  ref: string;
  branch: string;
  /** `github.sha` of the run. */
  sha: string;
  workflowName: string;
  eventPath: string;
  /** The run's contexts before any job: github (no token yet), inputs, vars, secrets. */
  contexts: Contexts;
  /** Every secret and job token: shown as *** wherever this emulation records text. */
  masked: Set<string>;
  overrides: ActionInputOverrides;
}

/** How a job is being ended early: a cancel (of the run) or its own `timeout-minutes`. */
export class JobControl {
  reason?: 'cancel' | 'timeout';
  private readonly listeners = new Set<() => void>();

  cancel(reason: 'cancel' | 'timeout'): void {
    if (this.reason) return;
    this.reason = reason;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on cancel (at once when already cancelled); returns the unsubscribe. */
  onCancel(listener: () => void): () => void {
    if (this.reason) listener();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What a job's `if:` may use (workflow-v1.0.json `job-if`), for a default `success()`. */
export const JOB_IF = [
  ...['github', 'inputs', 'vars', 'needs'],
  ...['always(0,0)', 'failure(0,MAX)', 'cancelled(0,0)', 'success(0,MAX)'],
];
/** What a step's `if:` may use (workflow-v1.0.json `step-if`), for a default `success()`. */
export const STEP_IF = [
  ...['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'steps', 'job', 'runner', 'env'],
  ...['always(0,0)', 'failure(0,0)', 'cancelled(0,0)', 'success(0,0)'],
];

export function holds(
  token: TemplateToken,
  contexts: Contexts,
  status: JobStatus,
  fallback: string[],
): boolean {
  return truthy(evaluateToken(token, contexts, status, fallback));
}

export function text(
  token: TemplateToken | undefined,
  contexts: Contexts,
  what: string,
): string | undefined {
  return token === undefined ? undefined : asInputString(evaluateToken(token, contexts), what);
}

export function mask(value: string, masked: Set<string>): string {
  let shown = value;
  for (const secret of masked) if (secret.length > 0) shown = shown.split(secret).join('***');
  return shown;
}
