/**
 * GitHub Actions for one repository, emulated: "Run workflow" clicks, dispatches the jobs make
 * through the sandbox's REST API, and "Re-run all jobs" create runs; each run enters its
 * concurrency group and starts when the group lets it, while the test goes on (a click can be
 * made while another run is still running). Rules (c), (d) and (e) meet here:
 * - A run's `github.sha` is fixed when it is triggered: "GITHUB_SHA: Last commit on the
 *   GITHUB_REF branch or tag" for workflow_dispatch (docs.github.com/en/actions/reference/
 *   workflows-and-actions/events-that-trigger-workflows#workflow_dispatch), the commit at the
 *   click, however long the run then waits in its group (users' pending runs keep the commit
 *   of their trigger: JarryShaw/PyPCAPKit#394 lists a pending run with its own head).
 * - "Re-running a workflow or jobs in a workflow uses the same GITHUB_SHA (commit SHA) and
 *   GITHUB_REF (Git ref) of the original event that triggered the workflow run"
 *   (docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-workflow-runs/re-running-workflows-and-jobs); the
 *   run keeps its id ("This number does not change if you re-run the workflow run") and its
 *   attempt "begins at 1 for the workflow run's first attempt, and increments with each re-run"
 *   (GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT, docs.github.com/en/actions/reference/workflows-and-actions/variables).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DispatchAnswer, WorkflowDispatch } from '../../sandbox/github-sandbox.js';
import { ConcurrencyGroups, readConcurrency } from './concurrency-groups.js';
import { fillForm, FormError, type FormValue } from './dispatch-form.js';
import { GITHUB_RULES, type EmulationRules } from './emulation-rules.js';
import { EmulatedRun } from './emulated-run.js';
import { text, type RunContext } from './run-context.js';
import { StartupFailure } from './token-permissions.js';
import { child, loadWorkflows, readForm, WORKFLOWS } from './workflow-files.js';
import type { ActionInputOverrides, EmulatorOptions, WorkflowRun } from './workflow-run.js';

export { EmulatedRun } from './emulated-run.js';

/** A "Run workflow" click: the form as filled, on a branch. */
export interface Click {
  /** Fields left out take the form's defaults. */
  inputs: Record<string, FormValue>;
  /** The workflow file in .github/workflows; default historical-sync.yml. */
  workflow?: string;
  /** The branch "Use workflow from" names; default refs/heads/main. */
  ref?: string;
  /** Action inputs set over the workflow's for this run, over the emulator's own. */
  overrideActionInputs?: ActionInputOverrides;
}

/** What is fixed the moment a run is triggered. */
interface Trigger extends Click {
  workflow: string;
  ref: string;
  sha: string;
  runId: number;
  runNumber: number;
  runAttempt: number;
  triggeredAt: number;
}

function qualified(ref: string): string {
  return /^refs\//.test(ref) ? ref : `refs/heads/${ref}`;
}

export class ActionsEmulator {
  /** Every run (each attempt apart), in the order they were triggered. */
  readonly runs: EmulatedRun[] = [];
  readonly rules: EmulationRules;
  readonly groups: ConcurrencyGroups;
  private nextRunId: number;
  private readonly runNumbers = new Map<string, number>();
  /** Runs enter the service one at a time, in the order they were triggered. */
  private intake: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EmulatorOptions) {
    this.rules = { ...GITHUB_RULES, ...options.rules };
    this.groups = new ConcurrencyGroups(this.rules.concurrency);
    this.nextRunId = options.firstRunId ?? 4242;
    if (options.followDispatches)
      options.github.setDispatchHandler((dispatch) => this.dispatched(dispatch));
  }

  /**
   * "Run workflow": the run is created (or GitHub refuses the form: FormError; or the file:
   * StartupFailure) and enters its concurrency group. Resolves once it is in, pending or
   * running; `run.finished` resolves when it completed.
   */
  click(click: Click): Promise<EmulatedRun> {
    const workflow = click.workflow ?? 'historical-sync.yml';
    const ref = qualified(click.ref ?? 'refs/heads/main');
    return this.trigger({
      ...click,
      workflow,
      ref,
      sha: this.options.github.headSha(ref.replace(/^refs\/heads\//, '')),
      runId: this.nextRunId++,
      runNumber: this.nextRunNumber(workflow),
      runAttempt: 1,
      triggeredAt: Date.now(),
    });
  }

  /** "Re-run all jobs" of a completed run: the same id, inputs and commit, the next attempt. */
  rerun(run: EmulatedRun, click: Pick<Click, 'overrideActionInputs'> = {}): Promise<EmulatedRun> {
    const { record } = run;
    if (record.status !== 'completed') throw new Error('only a completed run can be re-run');
    const attempts = this.runs.filter((other) => other.record.runId === record.runId);
    const branch = record.ref.replace(/^refs\/heads\//, '');
    return this.trigger({
      inputs: record.eventInputs,
      overrideActionInputs: click.overrideActionInputs ?? run.overrides,
      workflow: record.workflow,
      ref: record.ref,
      sha: this.rules.rerunSha === 'same-sha' ? record.sha : this.options.github.headSha(branch),
      runId: record.runId,
      runNumber: record.runNumber,
      runAttempt: Math.max(...attempts.map((other) => other.record.runAttempt)) + 1,
      triggeredAt: Date.now(),
    });
  }

  /** "Cancel workflow": a waiting run never starts; a running one is stopped as GitHub stops it. */
  cancel(run: EmulatedRun): void {
    run.cancelRunning('cancelled by the operator');
  }

  /** Resolves when no run is waiting or running (runs they start included). */
  async idle(): Promise<void> {
    for (;;) {
      await this.intake;
      const open = this.runs.filter((run) => run.record.status !== 'completed');
      if (open.length === 0) return;
      await Promise.allSettled(open.map((run) => run.finished));
    }
  }

  /** Stops starting runs for dispatches. */
  close(): void {
    if (this.options.followDispatches) this.options.github.setDispatchHandler(undefined);
  }

  private nextRunNumber(workflow: string): number {
    const number = (this.runNumbers.get(workflow) ?? 0) + 1;
    this.runNumbers.set(workflow, number);
    return number;
  }

  /**
   * A dispatch through the sandbox's REST API: the run it starts, on the dispatch's ref with its
   * inputs (strings) through the same form; "Any default properties configured in the workflow
   * file will be used when inputs are omitted" (docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event).
   * A form GitHub refuses answers 422 and starts nothing.
   */
  private async dispatched(dispatch: WorkflowDispatch): Promise<DispatchAnswer> {
    const click = {
      workflow: path.posix.basename(dispatch.workflow),
      ref: dispatch.ref,
      inputs: dispatch.inputs,
    };
    try {
      const run = await this.click(click);
      return { runId: run.record.runId };
    } catch (error) {
      if (error instanceof FormError || error instanceof StartupFailure)
        return { status: 422, message: error.message };
      throw error;
    }
  }

  private trigger(trigger: Trigger): Promise<EmulatedRun> {
    const made = this.intake.then(() => this.register(trigger));
    this.intake = made.catch(() => undefined);
    return made;
  }

  /** Reads the files and the form as of the trigger, builds the run, and lets it enter its group. */
  private async register(trigger: Trigger): Promise<EmulatedRun> {
    const { options } = this;
    const loaded = await loadWorkflows(trigger.workflow, options.workflowTexts);
    const form = readForm(loaded.template, loaded.root);
    const { inputs, eventInputs } = fillForm(form, trigger.inputs, this.rules.numberFields);
    const context = await this.runContext(trigger, inputs, eventInputs, loaded.root);
    const record: WorkflowRun = {
      workflow: trigger.workflow,
      ref: trigger.ref,
      sha: trigger.sha,
      runId: trigger.runId,
      runAttempt: trigger.runAttempt,
      runNumber: trigger.runNumber,
      runName: text(child(loaded.root, 'run-name'), context.contexts, 'run-name'),
      inputs,
      eventInputs,
      status: 'pending',
      jobs: [],
      triggeredAt: trigger.triggeredAt,
    };
    const concurrency = readConcurrency(loaded.root, context.contexts);
    record.concurrencyGroup = concurrency?.group;
    const policy = options.defaultPermissions ?? 'restricted';
    const run = new EmulatedRun(record, loaded, context, policy, (done) => this.groups.leave(done));
    this.runs.push(run);
    this.groups.enter(run, concurrency);
    return run;
  }

  /** The run's contexts, event file and masking, as of its trigger. */
  private async runContext(
    trigger: Trigger,
    inputs: Record<string, unknown>,
    eventInputs: Record<string, string>,
    root: Parameters<typeof child>[0],
  ): Promise<RunContext> {
    const { options } = this;
    const repository = options.repository ?? 'hia/vivenu-sync';
    const [owner = '', name = ''] = repository.split('/');
    const branch = trigger.ref.replace(/^refs\/heads\//, '');
    // The event the runner writes to GITHUB_EVENT_PATH for workflow_dispatch: inputs, ref,
    // repository, sender, workflow (docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_dispatch).
    const event = {
      inputs: eventInputs,
      ref: trigger.ref,
      repository: {
        full_name: repository,
        name,
        owner: { login: owner },
        private: options.privateRepository ?? true,
      },
      sender: { login: 'operator' },
      workflow: `${WORKFLOWS}/${trigger.workflow}`,
    };
    const eventPath = path.join(
      await mkdtemp(path.join(os.tmpdir(), 'emulated-run-')),
      'event.json',
    );
    await writeFile(eventPath, JSON.stringify(event, null, 2));
    const workflowName =
      text(child(root, 'name'), {}, 'name') ?? `${WORKFLOWS}/${trigger.workflow}`;
    // The github context (docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context);
    // in a called workflow it is the caller's: "the github context is always associated with the
    // caller workflow" (docs.github.com/en/actions/reference/workflows-and-actions/reusing-workflow-configurations).
    const github = {
      action: '',
      actor: 'operator',
      api_url: options.github.url,
      event,
      event_name: 'workflow_dispatch',
      event_path: eventPath,
      graphql_url: `${options.github.url}/graphql`,
      job: '',
      ref: trigger.ref,
      ref_name: branch,
      ref_type: 'branch',
      repository,
      repository_owner: owner,
      run_attempt: String(trigger.runAttempt),
      run_id: String(trigger.runId),
      run_number: String(trigger.runNumber),
      server_url: 'https://github.com',
      sha: trigger.sha,
      token: '',
      triggering_actor: 'operator',
      workflow: workflowName,
      workflow_ref: `${repository}/${WORKFLOWS}/${trigger.workflow}@${trigger.ref}`,
    };
    return {
      options,
      rules: this.rules,
      repository,
      ref: trigger.ref,
      branch,
      sha: trigger.sha,
      workflowName,
      eventPath,
      contexts: {
        github,
        inputs,
        vars: options.variables ?? {},
        needs: {},
        secrets: options.secrets,
      },
      masked: new Set(Object.values(options.secrets)),
      overrides: { ...options.overrideActionInputs, ...trigger.overrideActionInputs },
    };
  }
}
