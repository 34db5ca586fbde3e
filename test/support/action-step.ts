/**
 * `uses: ./`: the action in the checked-out repository, run as the runner runs a node24
 * action, and stopped as the runner stops a step on cancel or timeout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { REPOSITORY_ROOT, runBundledAction } from '../../sandbox/action-runner.js';
import { mask, type JobControl, type RunContext } from './run-context.js';
import { asInputString, evaluateToken, type Contexts } from './github-expressions.js';
import {
  OVERRIDABLE_ACTION_INPUTS,
  type ActionRunner,
  type StepProcess,
  type StepRun,
} from './workflow-run.js';

/**
 * How the runner stops a step's process on cancel: SIGINT, SIGTERM 7.5 s later if it still
 * runs, then the process tree is killed 2.5 s after that (`_sigintTimeout` = 7500 ms and
 * `_sigtermTimeout` = 2500 ms in src/Runner.Sdk/ProcessInvoker.cs, github.com/actions/runner).
 */
export const CANCEL_SCHEDULE = { sigtermAfterMs: 7_500, killAfterMs: 2_500 } as const;

/** The bundle, as sandbox/action-runner.ts runs it. */
export const bundledAction: ActionRunner = (options) =>
  runBundledAction({ ...options, onStart: (child) => options.onStart(child) });

let manifest: Awaited<ReturnType<typeof readActionManifest>> | undefined;

/** action.yml through GitHub's action parser: each input with its default token. */
async function readActionManifest() {
  const content = await readFile(path.join(REPOSITORY_ROOT, 'action.yml'), 'utf8');
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value) throw new Error(`action.yml: ${errors.join('; ')}`);
  return convertActionTemplate(parsed.context, parsed.value);
}

/** Signals `process` on the runner's schedule, recording each signal sent while it ran. */
function stopOnCancel(
  process: StepProcess,
  control: JobControl,
  step: StepRun,
): { exited: () => void } {
  let running = true;
  let firstAt = 0;
  const timers: NodeJS.Timeout[] = [];
  const send = (signal: NodeJS.Signals): void => {
    if (!running) return;
    firstAt ||= performance.now();
    (step.signals ??= []).push({ signal, afterMs: Math.round(performance.now() - firstAt) });
    process.kill(signal);
  };
  const unsubscribe = control.onCancel(() => {
    send('SIGINT');
    timers.push(
      setTimeout(() => {
        send('SIGTERM');
        timers.push(setTimeout(() => send('SIGKILL'), CANCEL_SCHEDULE.killAfterMs));
      }, CANCEL_SCHEDULE.sigtermAfterMs),
    );
  });
  const exited = (): void => {
    running = false;
    unsubscribe();
    for (const timer of timers) clearTimeout(timer);
  };
  process.once('exit', exited);
  return { exited };
}

/** The default variables of a step (docs.github.com/en/actions/reference/variables-reference). */
function stepEnv(run: RunContext, contexts: Contexts, jobId: string, stepId: string) {
  const github = contexts.github as Record<string, string>;
  return {
    GITHUB_API_URL: run.options.github.url,
    GITHUB_SERVER_URL: github.server_url!,
    GITHUB_GRAPHQL_URL: github.graphql_url!,
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner!,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: run.branch,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: github.sha!,
    GITHUB_WORKFLOW: run.workflowName,
    // The caller's workflow, also in a called one (the github context is the caller's).
    GITHUB_WORKFLOW_REF: github.workflow_ref!,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: run.eventPath,
    GITHUB_RUN_ID: github.run_id!,
    GITHUB_RUN_NUMBER: github.run_number!,
    GITHUB_RUN_ATTEMPT: github.run_attempt!,
    GITHUB_JOB: jobId,
    GITHUB_ACTION: stepId,
    GITHUB_ACTOR: github.actor!,
    GITHUB_TRIGGERING_ACTOR: github.triggering_actor!,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
}

/**
 * Runs the action ("You must check out your repository before using the action",
 * docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#example-using-an-action-in-the-same-repository-as-the-workflow)
 * as the runner runs a node24 action: `dist/index.js` with one INPUT_<NAME> per declared input,
 * the step's `with:` over action.yml's defaults, which the runner evaluates too (`github-token`:
 * `${{ github.token }}`), and the default variables. A cancel or timeout of the job stops it on
 * the runner's schedule; the step then shows "The operation was canceled.".
 */
export async function runActionStep(step: {
  run: RunContext;
  step: StepRun;
  values: Record<string, string>;
  contexts: Contexts;
  workspace: string;
  control: JobControl;
}): Promise<void> {
  const { run, step: stepRun, values, contexts, workspace, control } = step;
  manifest ??= await readActionManifest();
  const inputs: Record<string, string> = {};
  for (const input of manifest.inputs ?? [])
    inputs[input.id] =
      values[input.id] ??
      (input.default ? asInputString(evaluateToken(input.default, contexts), input.id) : '');
  for (const [name, value] of Object.entries(run.overrides)) {
    if (!(OVERRIDABLE_ACTION_INPUTS as readonly string[]).includes(name))
      throw new Error(`${name} cannot be overridden: it must come through the workflow`);
    inputs[name] = value;
  }
  stepRun.overridden = Object.keys(run.overrides).sort();
  stepRun.actionInputs = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, mask(value, run.masked)]),
  );
  const jobId = String((contexts.github as Record<string, unknown>).job);
  let stopper: { exited: () => void } | undefined;
  const runner = run.options.actionRunner ?? bundledAction;
  const action = await runner({
    inputs,
    workspace,
    env: stepEnv(run, contexts, jobId, stepRun.id),
    onStart: (process) => {
      stopper = stopOnCancel(process, control, stepRun);
    },
  });
  stopper?.exited();
  stepRun.action = action;
  stepRun.outputs = action.outputs;
  if (control.reason) {
    stepRun.outcome = 'cancelled';
    stepRun.error = 'The operation was canceled.';
  } else if (action.exitCode !== 0) {
    stepRun.outcome = 'failure';
    const errors = action.stdout.split('\n').filter((line) => line.startsWith('::error'));
    stepRun.error = mask(errors.join('\n') || `exit code ${action.exitCode}`, run.masked);
  }
}
