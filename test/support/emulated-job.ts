/**
 * One job of a called workflow, run as the runner runs it: a token with the computed scopes,
 * the steps in order with their `if:`, actions/checkout of the run's commit, the action step,
 * and the end of the job by cancel or by `timeout-minutes` (rules (c) and (f)).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ActionStep, Job } from '@actions/workflow-parser/model/workflow-template';
import { isMapping, isSequence } from '@actions/workflow-parser';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { PERMISSION_SCOPES, type TokenPermissions } from '../../sandbox/github-sandbox.js';
import { runActionStep } from './action-step.js';
import {
  asInputString,
  evaluateToken,
  type Contexts,
  type JobStatus,
} from './github-expressions.js';
import {
  holds,
  JOB_IF,
  mask,
  STEP_IF,
  text,
  type JobControl,
  type RunContext,
} from './run-context.js';
import { covers, type Permissions } from './token-permissions.js';
import { child } from './workflow-files.js';
import type { JobRun, StepRun } from './workflow-run.js';

/**
 * The job's limit: `timeout-minutes`, default 360 ("The maximum number of minutes to let a job
 * run before GitHub automatically cancels it. Default: 360", docs.github.com/en/actions/reference/
 * workflows-and-actions/workflow-syntax#jobsjob_idtimeout-minutes).
 */
function timeoutMinutes(rawJob: TemplateToken | undefined, contexts: Contexts): number {
  const token = child(rawJob, 'timeout-minutes');
  return token ? evaluateToken(token, contexts).number() : 360;
}

/** A duration as GitHub's timeout annotation writes it (Go's format): `5h45m0s`, `1m0s`. */
export function goDuration(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  if (h > 0) return `${h}h${m}m${s}s`;
  return m > 0 ? `${m}m${s}s` : `${s}s`;
}

/**
 * actions/checkout: the repository's files at the commit it fetches, which is `github.sha`
 * when no `ref` is given ("result.ref = github.context.ref; result.commit =
 * github.context.sha", src/input-helper.ts in github.com/actions/checkout): the commit the run
 * was triggered at, not the branch's head when the job starts. It fetches with the job's token
 * (its `token` input defaults to `${{ github.token }}`), so in a private repository the token
 * needs contents: read (github.com/actions/checkout#recommended-permissions).
 */
async function checkout(run: RunContext, permissions: Permissions, step: StepRun) {
  const { github } = run.options;
  if ((run.options.privateRepository ?? true) && !covers(permissions.contents, 'read'))
    throw new Error(
      `git fetch failed: remote: Repository not found (the job's GITHUB_TOKEN has contents: ${permissions.contents}, and ${run.repository} is private)`,
    );
  if (step.with.ref) throw new Error('actions/checkout with a `ref` is not emulated');
  const commit = run.rules.checkout === 'run-sha' ? run.sha : github.headSha(run.branch);
  const files = github.filesAt(commit);
  if (!files) throw new Error(`fatal: remote error: upload-pack: not our ref ${commit}`);
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'emulated-workspace-'));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(workspace, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  step.checkedOut = commit;
  return workspace;
}

/** The step's `with:`, evaluated as the runner hands it (strings). */
function stepWith(rawStep: TemplateToken | undefined, contexts: Contexts): Record<string, string> {
  const values: Record<string, string> = {};
  const withToken = child(rawStep, 'with');
  if (withToken && isMapping(withToken))
    for (const pair of withToken) {
      const key = pair.key.assertString('with key').value;
      values[key] = asInputString(evaluateToken(pair.value, contexts), `with.${key}`);
    }
  return values;
}

export interface JobCall {
  caller: string;
  callerName: string;
  calledRoot: MappingToken;
  permissions: Permissions;
}

/** The job's contexts before its steps: the run's, with this job's token and the call's values. */
function jobContexts(
  run: RunContext,
  token: string,
  jobId: string,
  inputs: Record<string, unknown>,
  secrets: Record<string, string>,
  runnerTemp: string,
): Contexts {
  return {
    github: { ...(run.contexts.github as Record<string, unknown>), token, job: jobId },
    inputs,
    vars: run.contexts.vars,
    needs: {},
    strategy: {},
    matrix: {},
    secrets,
    runner: { os: 'Linux', arch: 'X64', name: 'GitHub Actions 1', temp: runnerTemp },
    env: {},
  };
}

/** Runs the steps in order; after a cancel, only those whose `if:` holds when cancelled. */
async function runSteps(
  run: RunContext,
  job: Job,
  rawJob: TemplateToken | undefined,
  base: Contexts,
  record: JobRun,
  control: JobControl,
): Promise<boolean> {
  const status: JobStatus = { failed: false, cancelled: false };
  const stepsContext: Record<string, Record<string, unknown>> = {};
  const rawSteps = child(rawJob, 'steps');
  let workspace: string | undefined;
  for (const [index, step] of job.steps.entries()) {
    status.cancelled = control.reason !== undefined;
    const contexts: Contexts = { ...base, steps: stepsContext, job: { status: jobState(status) } };
    const uses = (step as ActionStep).uses?.value;
    if (!uses) throw new Error(`step ${step.id}: run: steps are not emulated`);
    const name = text(step.name, contexts, 'step name') ?? uses;
    const stepRun: StepRun = { id: step.id, name, uses, outcome: 'skipped', with: {}, outputs: {} };
    record.steps.push(stepRun);
    const ifToken = (step as ActionStep).if;
    if (ifToken && !holds(ifToken, contexts, status, STEP_IF)) {
      stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    try {
      const rawStep = rawSteps && isSequence(rawSteps) ? rawSteps.get(index) : undefined;
      const values = stepWith(rawStep, contexts);
      stepRun.with = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, mask(value, run.masked)]),
      );
      stepRun.outcome = 'success';
      if (uses.startsWith('actions/checkout@')) {
        workspace = await checkout(run, (record.permissions ?? {}) as Permissions, stepRun);
      } else if (uses === './') {
        if (!workspace)
          throw new Error(
            "Can't find 'action.yml' under the workspace: the repository is not checked out",
          );
        await runActionStep({ run, step: stepRun, values, contexts, workspace, control });
      } else if (!uses.startsWith('actions/upload-artifact@')) {
        // upload-artifact is recorded, not uploaded: its name and paths are what it would upload.
        throw new Error(`${uses} is not emulated`);
      }
    } catch (error) {
      stepRun.outcome = 'failure';
      stepRun.error = mask((error as Error).message, run.masked);
    }
    if (stepRun.outcome === 'failure') status.failed = true;
    const { outcome, outputs } = stepRun;
    stepsContext[step.id] = { outputs, outcome, conclusion: outcome };
  }
  return status.failed;
}

function jobState(status: JobStatus): string {
  if (status.cancelled) return 'cancelled';
  return status.failed ? 'failure' : 'success';
}

/**
 * Runs one job of a called workflow. A new token per job, with exactly the computed scopes:
 * "Actions generates a new token for each job and expires the token when a job completes"
 * (github.blog/changelog/2021-04-20-github-actions-control-permissions-for-github_token);
 * secrets.GITHUB_TOKEN is that token (docs.github.com/en/actions/tutorials/authenticate-with-github_token).
 *
 * `timeout-minutes` ends the job as a cancel does (the runner signals the step's process, see
 * action-step.ts), and GitHub reports such a job as cancelled, not failed, with the annotation
 * "The job has exceeded the maximum execution time of 1m0s": users' runs show exactly this
 * ("GitHub reports a job killed by `timeout-minutes` as cancelled, not failed",
 * link-foundation/python-ai-driven-development-pipeline-template#60, 2026; its run concluded
 * `cancelled` too).
 */
export async function runJob(
  run: RunContext,
  call: JobCall,
  job: Job,
  inputs: Record<string, unknown>,
  passedSecrets: Record<string, string>,
  control: JobControl,
): Promise<JobRun> {
  const id = job.id.value;
  const rawJob = child(child(call.calledRoot, 'jobs'), id);
  const scopes = Object.fromEntries(
    PERMISSION_SCOPES.map((scope) => [scope, call.permissions[scope]]),
  ) as TokenPermissions;
  const token = run.options.github.issueToken(scopes);
  run.masked.add(token);
  const secrets = { ...passedSecrets, GITHUB_TOKEN: token };
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'emulated-runner-'));
  const base = jobContexts(run, token, id, inputs, secrets, runnerTemp);
  const jobName = text(child(rawJob, 'name'), base, 'job name') ?? id;
  const record: JobRun = {
    caller: call.caller,
    job: id,
    name: `${call.callerName} / ${jobName}`,
    status: 'success',
    permissions: call.permissions,
    secrets: Object.keys(secrets).sort(),
    inputs,
    steps: [],
    startedAt: Date.now(),
  };
  if (!holds(job.if, base, { failed: false, cancelled: false }, JOB_IF))
    return { ...record, status: 'skipped' };
  const minutes = timeoutMinutes(rawJob, base);
  const limit = (run.options.minuteMs ?? 60_000) * minutes;
  const timer =
    run.rules.timeout === 'enforced'
      ? setTimeout(() => control.cancel('timeout'), limit)
      : undefined;
  const failed = await runSteps(run, job, rawJob, base, record, control).finally(() =>
    clearTimeout(timer),
  );
  record.completedAt = Date.now();
  if (control.reason === 'timeout')
    record.annotations = [
      `The job has exceeded the maximum execution time of ${goDuration(minutes)}`,
      'The operation was canceled.',
    ];
  else if (control.reason === 'cancel') record.annotations = ['The operation was canceled.'];
  record.status = control.reason ? 'cancelled' : failed ? 'failure' : 'success';
  return record;
}
