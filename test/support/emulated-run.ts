/**
 * One workflow run, from the moment its concurrency group lets it start: the checks GitHub
 * makes before any job (the token scopes a called workflow asks for, the types of the values a
 * call passes), then the jobs, and a cancel while it waits or runs.
 */
import path from 'node:path';
import type { ReusableWorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import { callInputs, CallInputsRefused, callSecrets } from './call-inputs.js';
import type { GroupMember } from './concurrency-groups.js';
import { runJob } from './emulated-job.js';
import { holds, JOB_IF, JobControl, text, type RunContext } from './run-context.js';
import {
  calledJobPermissions,
  readPermissions,
  StartupFailure,
  type DefaultPermissions,
  type Permissions,
} from './token-permissions.js';
import { child, type LoadedWorkflows } from './workflow-files.js';
import type { JobRun, WorkflowRun } from './workflow-run.js';

interface CallPlan {
  job: ReusableWorkflowJob;
  calledRoot: MappingToken;
  /** The token scopes of each job of the called workflow. */
  tokens: Record<string, Permissions>;
}

/**
 * What GitHub checks before any job starts, for every job that calls a workflow, whatever its
 * `if:` (github.com/actions/runner/issues/4151): the permissions the called workflow asks for.
 */
function startupChecks(loaded: LoadedWorkflows, policy: DefaultPermissions): CallPlan[] {
  return loaded.template.jobs.map((job) => {
    if (job.type !== 'reusableWorkflowJob')
      throw new Error(`job ${job.id.value}: only jobs that call a workflow are emulated`);
    const calledRoot = loaded.called.get(path.posix.normalize(job.ref.value));
    if (!calledRoot) throw new StartupFailure(`Unable to find reusable workflow ${job.ref.value}`);
    const callerJob = child(child(loaded.root, 'jobs'), job.id.value);
    // The caller job's own block, else the workflow's ("Propagate explicit permissions" in
    // ConvertWorkflow, the runner's WorkflowTemplateConverter.cs).
    const callerGrant =
      readPermissions(child(callerJob, 'permissions')) ??
      readPermissions(child(loaded.root, 'permissions'));
    const tokens = calledJobPermissions({
      workflowRef: job.ref.value,
      callerGrant,
      calledRoot: readPermissions(child(calledRoot, 'permissions')),
      jobs: (job.jobs ?? []).map((embedded) => ({
        job: embedded.id.value,
        jobBlock: readPermissions(
          child(child(child(calledRoot, 'jobs'), embedded.id.value), 'permissions'),
        ),
      })),
      policy,
    });
    return { job, calledRoot, tokens };
  });
}

interface Call {
  plan: CallPlan;
  callerName: string;
  /** The called workflow's `inputs`, checked; undefined when the calling job is skipped. */
  inputs?: Record<string, unknown>;
}

/**
 * A run the emulator created. `finished` resolves with its record once it completed (however
 * it ended), and rejects only when the emulation met something it does not emulate.
 */
export class EmulatedRun implements GroupMember {
  readonly finished: Promise<WorkflowRun>;
  private settle!: { resolve: (run: WorkflowRun) => void; reject: (error: unknown) => void };
  private readonly controls = new Set<JobControl>();
  private cancelReason?: string;

  constructor(
    readonly record: WorkflowRun,
    private readonly loaded: LoadedWorkflows,
    private readonly context: RunContext,
    private readonly policy: DefaultPermissions,
    /** Called once the run completed, to free its concurrency group. */
    private readonly done: (run: EmulatedRun) => void,
  ) {
    this.finished = new Promise<WorkflowRun>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  /** The action inputs set over the workflow's for this run. */
  get overrides(): RunContext['overrides'] {
    return this.context.overrides;
  }

  start(): void {
    if (this.record.status === 'completed') return;
    this.record.status = 'in_progress';
    this.record.startedAt = Date.now();
    this.execute().then(
      () => this.complete(),
      (error: unknown) => this.complete(error),
    );
  }

  cancelWaiting(reason: string): void {
    if (this.record.status !== 'pending') return;
    this.record.conclusion = 'cancelled';
    this.record.cancelReason = reason;
    this.complete();
  }

  cancelRunning(reason: string): void {
    if (this.record.status === 'pending') return this.cancelWaiting(reason);
    if (this.record.status !== 'in_progress' || this.cancelReason) return;
    this.cancelReason = reason;
    this.record.cancelReason = reason;
    for (const control of this.controls) control.cancel('cancel');
  }

  private complete(error?: unknown): void {
    this.record.status = 'completed';
    this.record.completedAt = Date.now();
    this.done(this);
    if (error === undefined) this.settle.resolve(this.record);
    else this.settle.reject(error);
  }

  private async execute(): Promise<void> {
    const { record } = this;
    let calls: Call[];
    try {
      calls = this.checkCalls(startupChecks(this.loaded, this.policy));
    } catch (error) {
      if (!(error instanceof StartupFailure) && !(error instanceof CallInputsRefused)) throw error;
      // A scope asked for beyond the grant is shown as a startup failure. A value of the wrong
      // type fails the run with zero jobs (iii-hq/workers#703: a form number forwarded to a
      // `type: number` input, "zero jobs, same opaque banner"), and the API reports it as
      // conclusion failure ("0 jobs, conclusion=failure", StefanMaron/BusinessCentral.AL.Runner#3456,
      // whose ms-surface.yml hands a `type: number` form field to a reusable workflow: the cause
      // is read from that file, the issue did not name it).
      record.conclusion = error instanceof StartupFailure ? 'startup_failure' : 'failure';
      record.startupFailure = error.message;
      return;
    }
    for (const call of calls) record.jobs.push(...(await this.runCall(call)));
    const statuses = record.jobs.map((job) => job.status);
    record.conclusion = statuses.includes('failure')
      ? 'failure'
      : statuses.includes('cancelled') || this.cancelReason
        ? 'cancelled'
        : 'success';
  }

  /**
   * The values each call passes, checked before any job starts (rule (b), call-inputs.ts): a
   * wrong type fails the whole run, with no job. Only calls whose `if:` holds are evaluated.
   */
  private checkCalls(plans: CallPlan[]): Call[] {
    const { contexts } = this.context;
    const checked = this.context.rules.callInputTypes === 'checked';
    return plans.map((plan) => {
      const callerName = text(plan.job.name, contexts, 'job name') ?? plan.job.id.value;
      const ok = { failed: false, cancelled: false };
      if (!holds(plan.job.if, contexts, ok, JOB_IF)) return { plan, callerName };
      return {
        plan,
        callerName,
        inputs: callInputs(plan.job, contexts, this.loaded.file, checked),
      };
    });
  }

  private async runCall({ plan, callerName, inputs }: Call): Promise<JobRun[]> {
    const caller = plan.job.id.value;
    if (!inputs) return [{ caller, name: callerName, status: 'skipped', steps: [] }];
    const secrets = callSecrets(plan.job, this.context.contexts, this.context.options.secrets);
    for (const value of Object.values(secrets)) this.context.masked.add(value);
    const results: JobRun[] = [];
    for (const embedded of plan.job.jobs ?? []) {
      if (embedded.type !== 'job')
        throw new Error(`${embedded.id.value}: nested calls are not emulated`);
      const control = new JobControl();
      if (this.cancelReason) control.cancel('cancel');
      this.controls.add(control);
      const call = {
        caller,
        callerName,
        calledRoot: plan.calledRoot,
        permissions: plan.tokens[embedded.id.value]!,
      };
      results.push(await runJob(this.context, call, embedded, inputs, secrets, control));
      this.controls.delete(control);
    }
    return results;
  }
}
