/**
 * "Run workflow", emulated by GitHub's rules: the operator's form in, workflow runs out, with
 * the action step running `dist/index.js` against the sandboxes as the runner runs it.
 *
 * What it reads and evaluates is GitHub's: the workflow files go through GitHub's workflow
 * parser (@actions/workflow-parser: schema, reusable workflow inputs and secrets), every
 * `${{ }}` through GitHub's expression engine (@actions/expressions). What GitHub decides
 * around them follows rules, each with its source, in these modules:
 * - workflow-files.ts: the files and the form as the parser reads them;
 * - dispatch-form.ts (a): the form filled in, and dispatch inputs as strings in `inputs`;
 * - call-inputs.ts (b): a call's `with:` values checked against the called workflow's types;
 * - token-permissions.ts: each job's token; which secrets reach the called workflow;
 * - emulated-job.ts (c, f): checkout of the run's commit, `timeout-minutes`;
 * - actions-emulator.ts (c, d): when the commit is fixed, re-runs;
 * - concurrency-groups.ts (e): runs waiting in concurrency groups, `queue: max`;
 * - action-step.ts: the action's process, and how the runner stops it.
 * emulation-rules.ts lists the rules and their naive alternatives (the mutation table).
 * Steps other than the three this repository uses (actions/checkout, the action itself,
 * actions/upload-artifact) are not emulated and fail loudly.
 */
import path from 'node:path';
import type { WorkflowDispatch } from '../../sandbox/github-sandbox.js';
import { ActionsEmulator, type Click } from './actions-emulator.js';
import type { FormValue } from './dispatch-form.js';
import type { EmulatorOptions, WorkflowRun } from './workflow-run.js';

export { ActionsEmulator, EmulatedRun, type Click } from './actions-emulator.js';
export { FormError, fillForm, type FormValue, type InputValue } from './dispatch-form.js';
export { GITHUB_RULES, NAIVE_RULES, type EmulationRules } from './emulation-rules.js';
export { StartupFailure } from './token-permissions.js';
export { readForm, workflowForm, type FormField } from './workflow-files.js';
export * from './workflow-run.js';

export interface RunWorkflowOptions extends EmulatorOptions, Click {
  /** The run's id; default 4242. */
  runId?: number;
}

/**
 * One "Run workflow" on an emulator of its own, awaited to the end. A form GitHub refuses
 * throws FormError, and a workflow file GitHub cannot read throws StartupFailure ("Invalid
 * workflow file": there is no form to fill); a run GitHub refuses to start once the form is
 * in resolves as `startup_failure` or `failure` with no job.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const actions = new ActionsEmulator({ ...options, firstRunId: options.runId });
  try {
    const run = await actions.click(options);
    return await run.finished;
  } finally {
    actions.close();
  }
}

/**
 * The next run a recorded dispatch starts: the same workflow file on the dispatch's ref, with
 * its inputs as the REST API took them (strings). "Any default properties configured in the
 * workflow file will be used when inputs are omitted"
 * (docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event).
 */
export function dispatchedRun(
  dispatch: WorkflowDispatch,
): Pick<RunWorkflowOptions, 'workflow' | 'ref' | 'inputs'> {
  const ref = /^refs\//.test(dispatch.ref) ? dispatch.ref : `refs/heads/${dispatch.ref}`;
  const inputs: Record<string, FormValue> = { ...dispatch.inputs };
  return { workflow: path.posix.basename(dispatch.workflow), ref, inputs };
}
