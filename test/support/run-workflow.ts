/**
 * "Run workflow", emulated by GitHub's rules: the operator's form in, one workflow run out,
 * with the action step running `dist/index.js` against the sandboxes as the runner runs it.
 *
 * What it reads and evaluates is GitHub's: the workflow files go through GitHub's workflow
 * parser (@actions/workflow-parser: schema, reusable workflow inputs and secrets), every
 * `${{ }}` through GitHub's expression engine (@actions/expressions). What GitHub decides
 * around them (the form, the token's permissions, which secrets reach the called workflow,
 * the runner's variables) follows the rules below, each with its source. Steps other than the
 * three this repository uses (actions/checkout, the action itself, actions/upload-artifact)
 * are not emulated and fail loudly.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { data } from '@actions/expressions';
import {
  convertWorkflowTemplate,
  isMapping,
  isNumber,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import type {
  ActionStep,
  Job,
  ReusableWorkflowJob,
} from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { REPOSITORY_ROOT, runBundledAction, type BundledRun } from '../../sandbox/action-runner.js';
import {
  PERMISSION_SCOPES,
  type GitHubSandbox,
  type TokenPermissions,
  type WorkflowDispatch,
} from '../../sandbox/github-sandbox.js';
import {
  asInputString,
  evaluateToken,
  fromExpressionData,
  truthy,
  type Contexts,
  type JobStatus,
} from './github-expressions.js';
import {
  calledJobPermissions,
  covers,
  readPermissions,
  StartupFailure,
  type DefaultPermissions,
  type Permissions,
} from './token-permissions.js';

export { StartupFailure } from './token-permissions.js';

const WORKFLOWS = '.github/workflows';

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

/** A value in the form: what a person types, ticks or picks, or a dispatch's string. */
export type FormValue = string | boolean | number;

export interface RunWorkflowOptions {
  /** Receives the job's API calls and issues its token. */
  github: GitHubSandbox;
  /** The form as filled; fields left out take the form's defaults. */
  inputs: Record<string, FormValue>;
  /** Repository secrets by name. */
  secrets: Record<string, string>;
  /** Repository variables (`vars`). */
  variables?: Record<string, string>;
  /** The workflow file the form belongs to, in .github/workflows; default historical-sync.yml. */
  workflow?: string;
  /** Workflow texts to run instead of the files (mutation tests), by file name. */
  workflowTexts?: Record<string, string>;
  /** default `hia/vivenu-sync` */
  repository?: string;
  /** The branch "Use workflow from" names; default refs/heads/main. */
  ref?: string;
  runId?: number;
  runAttempt?: number;
  /** The repository's default GITHUB_TOKEN setting; default restricted (new repositories' default). */
  defaultPermissions?: DefaultPermissions;
  /** default true: the artifacts hold personal data, so the repository must be private. */
  privateRepository?: boolean;
  /** Action inputs set over the workflow's, visibly, for the sandboxes' hosts and short budgets. */
  overrideActionInputs?: Partial<Record<OverridableActionInput, string>>;
}

export interface StepRun {
  id: string;
  name: string;
  uses: string;
  outcome: 'success' | 'failure' | 'skipped';
  /** `with:` as evaluated, secret values shown as `***` (the runner masks them). */
  with: Record<string, string>;
  error?: string;
  /** The action step: every INPUT_* it got (secrets masked), and which the test overrode. */
  actionInputs?: Record<string, string>;
  overridden?: string[];
  /** The action step's process, as the runner saw it. */
  action?: BundledRun;
  outputs: Record<string, string>;
}

export interface JobRun {
  /** The calling job in the form's workflow: `sync` or `sync-and-continue`. */
  caller: string;
  /** The job in the called workflow (undefined when the calling job was skipped). */
  job?: string;
  /** As GitHub shows it: `Sync / sync PROD`. */
  name: string;
  status: 'success' | 'failure' | 'skipped';
  /** The job token's scopes. */
  permissions?: Permissions;
  /** The secrets the called workflow can read, by name. */
  secrets?: string[];
  /** The called workflow's `inputs` context. */
  inputs?: Record<string, unknown>;
  /** Why the job failed before its steps (an input of the wrong type). */
  error?: string;
  steps: StepRun[];
}

export interface WorkflowRun {
  workflow: string;
  ref: string;
  runId: number;
  runAttempt: number;
  runName?: string;
  concurrencyGroup?: string;
  /** The `inputs` context: booleans and numbers typed. */
  inputs: Record<string, FormValue>;
  /** `github.event.inputs` as written to GITHUB_EVENT_PATH: every value a string. */
  eventInputs: Record<string, string>;
  conclusion: 'success' | 'failure' | 'startup_failure';
  /** Why GitHub refused to start the run. */
  startupFailure?: string;
  jobs: JobRun[];
}

/** GitHub refused the form: no run starts at all. */
export class FormError extends Error {
  override name = 'FormError';
}

/** The step with `id` in the run's jobs that ran, if any. */
export function findStep(run: WorkflowRun, id: string): StepRun | undefined {
  return run.jobs.flatMap((job) => job.steps).find((step) => step.id === id);
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
  return { workflow: path.posix.basename(dispatch.workflow), ref, inputs: { ...dispatch.inputs } };
}

// ---------------------------------------------------------------------------------------------
// Reading the files with GitHub's parser

function child(mapping: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return mapping && isMapping(mapping) ? mapping.find(key) : undefined;
}

interface LoadedWorkflows {
  template: WorkflowTemplate;
  root: MappingToken;
  /** Called workflows' roots, by the `uses:` path. */
  called: Map<string, MappingToken>;
}

async function workflowText(
  file: string,
  texts: Record<string, string> | undefined,
): Promise<string> {
  const name = path.posix.basename(file);
  return texts?.[name] ?? readFile(path.join(REPOSITORY_ROOT, WORKFLOWS, name), 'utf8');
}

function parseRoot(name: string, content: string): MappingToken {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value)
    throw new StartupFailure(`Invalid workflow file ${name}: ${errors.join('; ')}`);
  return parsed.value.assertMapping('workflow root');
}

/**
 * The form's workflow and the workflows it calls, read the way GitHub reads them: schema
 * errors, unknown or missing inputs and secrets of a call, fail the run before it starts
 * ("Invalid workflow file").
 */
async function loadWorkflows(
  workflow: string,
  texts: Record<string, string> | undefined,
): Promise<LoadedWorkflows> {
  const name = `${WORKFLOWS}/${workflow}`;
  const content = await workflowText(workflow, texts);
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const called = new Map<string, MappingToken>();
  if (!parsed.value) throw new StartupFailure(`Invalid workflow file ${name}`);
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: async (ref) => {
        const file = path.posix.normalize(ref.path);
        const text = await workflowText(file, texts);
        called.set(file, parseRoot(file, text));
        return { name: file, content: text };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  const errors = (template.errors ?? []).map((error) => error.Message);
  if (errors.length > 0)
    throw new StartupFailure(`Invalid workflow file ${name}: ${errors.join('; ')}`);
  return { template, root: parsed.value.assertMapping('workflow root'), called };
}

// ---------------------------------------------------------------------------------------------
// The form

export interface FormField {
  name: string;
  type: 'string' | 'choice' | 'boolean' | 'number' | 'environment';
  required: boolean;
  default?: FormValue;
  options?: string[];
}

/**
 * The form as the parser read it (`on.workflow_dispatch.inputs`). The parser 0.3.61 knows no
 * `number` type (its InputType enum lists string, choice, boolean, environment), so for such a
 * field it reports no type and drops the default: those two come from the field's own tokens.
 */
export function readForm(template: WorkflowTemplate, root: MappingToken): FormField[] {
  const inputs = template.events?.workflow_dispatch?.inputs ?? {};
  const raw = child(child(child(root, 'on'), 'workflow_dispatch'), 'inputs');
  return Object.entries(inputs).map(([name, input]) => {
    const tokens = child(raw, name);
    const rawType = child(tokens, 'type');
    const type = (input.type ??
      (rawType && isString(rawType) ? rawType.value : 'string')) as FormField['type'];
    const rawDefault = child(tokens, 'default');
    const fallback =
      input.default ?? (rawDefault && isNumber(rawDefault) ? rawDefault.value : undefined);
    return {
      name,
      type,
      required: input.required ?? false,
      ...(fallback === undefined ? {} : { default: fallback }),
      ...(input.options ? { options: input.options } : {}),
    };
  });
}

/** The form of `workflow` (in .github/workflows) as the emulation reads it. */
export async function workflowForm(workflow = 'historical-sync.yml'): Promise<FormField[]> {
  const loaded = await loadWorkflows(workflow, undefined);
  return readForm(loaded.template, loaded.root);
}

/**
 * The form filled in, as GitHub takes it (docs.github.com/en/actions/reference/workflows-and-actions/
 * workflow-syntax#onworkflow_dispatchinputs): at most 25 fields; a field left out takes its
 * default; a choice must be one of its options; a boolean is true or false; a number is a
 * number; a required field must have a value; a name the form does not have is refused (the
 * dispatch API's 422 "Unexpected inputs provided: [...]", quoted in
 * github.com/benc-uk/workflow-dispatch/issues/80).
 * Returns the `inputs` context (booleans and numbers typed, docs.github.com/en/actions/
 * reference/workflows-and-actions/contexts#inputs-context) and `github.event.inputs`, which
 * "is identical except that the inputs context preserves Boolean values as Booleans instead of
 * converting them to strings" (same page): the event holds strings only.
 */
export function fillForm(
  form: FormField[],
  given: Record<string, FormValue>,
): { inputs: Record<string, FormValue>; eventInputs: Record<string, string> } {
  if (form.length > 25) throw new FormError(`the form has ${form.length} inputs; GitHub allows 25`);
  const unknown = Object.keys(given).filter((name) => !form.some((field) => field.name === name));
  if (unknown.length > 0)
    throw new FormError(`Unexpected inputs provided: ${JSON.stringify(unknown)}`);
  const inputs: Record<string, FormValue> = {};
  const eventInputs: Record<string, string> = {};
  for (const field of form) {
    const value = given[field.name] ?? field.default;
    let typed: FormValue;
    switch (field.type) {
      case 'boolean': {
        const text = String(value ?? false);
        if (text !== 'true' && text !== 'false')
          throw new FormError(
            `Input '${field.name}' must be true or false, not ${JSON.stringify(value)}`,
          );
        typed = text === 'true';
        break;
      }
      case 'number': {
        const text = String(value ?? '').trim();
        const number = text === '' ? Number.NaN : Number(text);
        if (!Number.isFinite(number))
          throw new FormError(
            `Input '${field.name}' must be a number, not ${JSON.stringify(value)}`,
          );
        typed = number;
        break;
      }
      case 'choice': {
        const text = String(value ?? field.options?.[0] ?? '');
        if (!field.options?.includes(text))
          throw new FormError(
            `Input '${field.name}': ${JSON.stringify(text)} is not one of ${JSON.stringify(field.options)}`,
          );
        typed = text;
        break;
      }
      default:
        typed = String(value ?? '');
    }
    if (field.required && typed === '') throw new FormError(`Input '${field.name}' is required`);
    inputs[field.name] = typed;
    eventInputs[field.name] = String(typed);
  }
  return { inputs, eventInputs };
}

// ---------------------------------------------------------------------------------------------
// The run

/** What a job's `if:` may use (workflow-v1.0.json `job-if`), for a default `success()`. */
const JOB_IF = [
  ...['github', 'inputs', 'vars', 'needs'],
  ...['always(0,0)', 'failure(0,MAX)', 'cancelled(0,0)', 'success(0,MAX)'],
];
/** What a step's `if:` may use (workflow-v1.0.json `step-if`), for a default `success()`. */
const STEP_IF = [
  ...['github', 'inputs', 'vars', 'needs', 'strategy', 'matrix', 'steps', 'job', 'runner', 'env'],
  ...['always(0,0)', 'failure(0,0)', 'cancelled(0,0)', 'success(0,0)'],
];

const OK: JobStatus = { failed: false, cancelled: false };

function holds(token: TemplateToken, contexts: Contexts, status: JobStatus, fallback: string[]) {
  return truthy(evaluateToken(token, contexts, status, fallback));
}

function text(
  token: TemplateToken | undefined,
  contexts: Contexts,
  what: string,
): string | undefined {
  return token === undefined ? undefined : asInputString(evaluateToken(token, contexts), what);
}

/** The sandbox checks the scopes it knows; the token has exactly those levels. */
function sandboxScopes(permissions: Permissions): TokenPermissions {
  return Object.fromEntries(PERMISSION_SCOPES.map((scope) => [scope, permissions[scope]]));
}

function mask(value: string, masked: Set<string>): string {
  let shown = value;
  for (const secret of masked) if (secret.length > 0) shown = shown.split(secret).join('***');
  return shown;
}

interface RunState {
  options: RunWorkflowOptions;
  repository: string;
  ref: string;
  branch: string;
  workflowFile: string;
  workflowName: string;
  eventPath: string;
  /** The run's contexts before any job: github (no token yet), inputs, vars, secrets. */
  contexts: Contexts;
  /** Every secret and job token: shown as *** wherever this emulation records text. */
  masked: Set<string>;
}

interface CallPlan {
  job: ReusableWorkflowJob;
  calledRoot: MappingToken;
  /** The token scopes of each job of the called workflow. */
  tokens: Record<string, Permissions>;
}

/**
 * Runs the form's workflow once, as "Run workflow" starts it on `ref`. A form GitHub refuses
 * throws FormError, and a workflow file GitHub cannot read throws StartupFailure ("Invalid
 * workflow file": there is no form to fill); a run GitHub refuses to start once the form is
 * in (a called workflow asking for more than its caller grants) resolves as `startup_failure`.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const workflowFile = options.workflow ?? 'historical-sync.yml';
  const repository = options.repository ?? 'hia/vivenu-sync';
  const ref = options.ref ?? 'refs/heads/main';
  const runId = options.runId ?? 4242;
  const runAttempt = options.runAttempt ?? 1;
  const policy = options.defaultPermissions ?? 'restricted';

  const loaded = await loadWorkflows(workflowFile, options.workflowTexts);
  const { inputs, eventInputs } = fillForm(readForm(loaded.template, loaded.root), options.inputs);
  const run: WorkflowRun = {
    workflow: workflowFile,
    ref,
    runId,
    runAttempt,
    inputs,
    eventInputs,
    conclusion: 'success',
    jobs: [],
  };

  // The event the runner writes to GITHUB_EVENT_PATH for workflow_dispatch: inputs, ref,
  // repository, sender, workflow (docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_dispatch).
  const [owner = '', name = ''] = repository.split('/');
  const event = {
    inputs: eventInputs,
    ref,
    repository: {
      full_name: repository,
      name,
      owner: { login: owner },
      private: options.privateRepository ?? true,
    },
    sender: { login: 'operator' },
    workflow: `${WORKFLOWS}/${workflowFile}`,
  };
  const runnerDir = await mkdtemp(path.join(os.tmpdir(), 'emulated-run-'));
  const eventPath = path.join(runnerDir, 'event.json');
  await writeFile(eventPath, JSON.stringify(event, null, 2));

  const workflowName =
    text(child(loaded.root, 'name'), {}, 'name') ?? `${WORKFLOWS}/${workflowFile}`;
  const branch = ref.replace(/^refs\/heads\//, '');
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
    ref,
    ref_name: branch,
    ref_type: 'branch',
    repository,
    repository_owner: owner,
    run_attempt: String(runAttempt),
    run_id: String(runId),
    run_number: String(runId % 1000),
    server_url: 'https://github.com',
    sha: createHash('sha1').update(`${ref}\0${runId}`).digest('hex'),
    token: '',
    triggering_actor: 'operator',
    workflow: workflowName,
    workflow_ref: `${repository}/${WORKFLOWS}/${workflowFile}@${ref}`,
  };
  const state: RunState = {
    options,
    repository,
    ref,
    branch,
    workflowFile,
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
  };
  run.runName = text(child(loaded.root, 'run-name'), state.contexts, 'run-name');
  run.concurrencyGroup = text(
    child(child(loaded.root, 'concurrency'), 'group') ?? child(loaded.root, 'concurrency'),
    state.contexts,
    'concurrency',
  );

  let plans: CallPlan[];
  try {
    plans = startupChecks(loaded, policy);
  } catch (error) {
    if (!(error instanceof StartupFailure)) throw error;
    return { ...run, conclusion: 'startup_failure', startupFailure: error.message };
  }

  for (const plan of plans) {
    const caller = plan.job.id.value;
    const callerName = text(plan.job.name, state.contexts, 'job name') ?? caller;
    if (!holds(plan.job.if, state.contexts, OK, JOB_IF)) {
      run.jobs.push({ caller, name: callerName, status: 'skipped', steps: [] });
      continue;
    }
    run.jobs.push(...(await runCall(state, plan, callerName)));
  }
  run.conclusion = run.jobs.some((job) => job.status === 'failure') ? 'failure' : 'success';
  return run;
}

/**
 * What GitHub checks before any job starts, for every job that calls a workflow, whatever its
 * `if:` (github.com/actions/runner/issues/4151): the permissions the called workflow asks for.
 */
function startupChecks(loaded: LoadedWorkflows, policy: DefaultPermissions): CallPlan[] {
  return loaded.template.jobs.map((job) => {
    if (job.type !== 'reusableWorkflowJob')
      throw new Error(`job ${job.id.value}: only jobs that call a workflow are emulated`);
    const reusable = job;
    const calledRoot = loaded.called.get(path.posix.normalize(reusable.ref.value));
    if (!calledRoot)
      throw new StartupFailure(`Unable to find reusable workflow ${reusable.ref.value}`);
    const callerJob = child(child(loaded.root, 'jobs'), job.id.value);
    // The caller job's own block, else the workflow's ("Propagate explicit permissions" in
    // ConvertWorkflow, the runner's WorkflowTemplateConverter.cs).
    const callerGrant =
      readPermissions(child(callerJob, 'permissions')) ??
      readPermissions(child(loaded.root, 'permissions'));
    const tokens = calledJobPermissions({
      workflowRef: reusable.ref.value,
      callerGrant,
      calledRoot: readPermissions(child(calledRoot, 'permissions')),
      jobs: (reusable.jobs ?? []).map((embedded) => ({
        job: embedded.id.value,
        jobBlock: readPermissions(
          child(child(child(calledRoot, 'jobs'), embedded.id.value), 'permissions'),
        ),
      })),
      policy,
    });
    return { job: reusable, calledRoot, tokens };
  });
}

/**
 * The called workflow's `inputs`: each declared input typed as declared, its default (or
 * false, 0 or "" by type) when not passed (ConvertToWorkflowJobInputs and
 * GetDefaultValueByType in the runner's WorkflowTemplateConverter.cs; a boolean or number
 * input takes only a boolean or a number: `boolean-needs-context` / `number-needs-context` in
 * the parser's workflow-v1.0.json).
 */
function callInputs(job: ReusableWorkflowJob, contexts: Contexts): Record<string, unknown> {
  const passed = new Map<string, data.ExpressionData>();
  for (const pair of job['input-values'] ?? [])
    passed.set(
      pair.key.assertString('with key').value.toLowerCase(),
      evaluateToken(pair.value, contexts),
    );
  const result: Record<string, unknown> = {};
  for (const pair of job['input-definitions'] ?? []) {
    const name = pair.key.assertString('input name').value;
    const type = child(pair.value, 'type')?.assertString('input type').value ?? 'string';
    const fallback = child(pair.value, 'default');
    const value =
      passed.get(name.toLowerCase()) ??
      (fallback
        ? evaluateToken(fallback, contexts)
        : type === 'boolean'
          ? new data.BooleanData(false)
          : type === 'number'
            ? new data.NumberData(0)
            : new data.StringData(''));
    const kind =
      type === 'boolean' ? data.Kind.Boolean : type === 'number' ? data.Kind.Number : undefined;
    if (kind !== undefined && value.kind !== kind)
      throw new Error(
        `Input ${name} of ${job.ref.value} is a ${type}; it was given ${JSON.stringify(fromExpressionData(value))}`,
      );
    // A string input given a boolean or number: taken as its text (not checked against GitHub).
    result[name] = type === 'string' ? value.coerceString() : fromExpressionData(value);
  }
  return result;
}

/**
 * The called workflow's `secrets`: with `secrets: inherit`, every secret the caller can see;
 * otherwise only those passed by name, which the called workflow must declare under
 * `on.workflow_call.secrets` (the parser has refused any other: "Invalid secret, X is not
 * defined in the referenced workflow"). "If the secrets are inherited by using secrets: inherit
 * in the calling workflow, you can reference them even if they are not explicitly defined in
 * the on key" (docs.github.com/en/actions/how-tos/reuse-automations/reuse-workflows). A
 * secret the repository does not have evaluates to null, passed on as "".
 */
function callSecrets(
  job: ReusableWorkflowJob,
  contexts: Contexts,
  secrets: Record<string, string>,
) {
  if (job['inherit-secrets']) return { ...secrets };
  const result: Record<string, string> = {};
  for (const pair of job['secret-values'] ?? []) {
    const name = pair.key.assertString('secret name').value;
    result[name] = asInputString(evaluateToken(pair.value, contexts), `secrets.${name}`);
  }
  return result;
}

async function runCall(state: RunState, plan: CallPlan, callerName: string): Promise<JobRun[]> {
  const { job } = plan;
  const caller = job.id.value;
  let inputs: Record<string, unknown>;
  try {
    inputs = callInputs(job, state.contexts);
  } catch (error) {
    return [
      { caller, name: callerName, status: 'failure', error: (error as Error).message, steps: [] },
    ];
  }
  const secrets = callSecrets(job, state.contexts, state.options.secrets);
  for (const value of Object.values(secrets)) state.masked.add(value);
  const results: JobRun[] = [];
  for (const embedded of job.jobs ?? []) {
    if (embedded.type !== 'job')
      throw new Error(`${embedded.id.value}: nested calls are not emulated`);
    results.push(await runJob(state, plan, embedded, callerName, inputs, secrets));
  }
  return results;
}

async function runJob(
  state: RunState,
  plan: CallPlan,
  job: Job,
  callerName: string,
  inputs: Record<string, unknown>,
  passedSecrets: Record<string, string>,
): Promise<JobRun> {
  const { options } = state;
  const id = job.id.value;
  const rawJob = child(child(plan.calledRoot, 'jobs'), id);
  const permissions = plan.tokens[id]!;
  // A new token per job, with exactly the computed scopes: "Actions generates a new token for
  // each job and expires the token when a job completes"
  // (github.blog/changelog/2021-04-20-github-actions-control-permissions-for-github_token).
  const token = options.github.issueToken(sandboxScopes(permissions));
  state.masked.add(token);
  const github = { ...(state.contexts.github as Record<string, unknown>), token, job: id };
  // secrets.GITHUB_TOKEN is the job's token in every job (docs.github.com/en/actions/
  // tutorials/authenticate-with-github_token); it is a reserved name a call cannot pass.
  const secrets = { ...passedSecrets, GITHUB_TOKEN: token };
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'emulated-runner-'));
  const base: Contexts = {
    github,
    inputs,
    vars: state.contexts.vars,
    needs: {},
    strategy: {},
    matrix: {},
    secrets,
    runner: { os: 'Linux', arch: 'X64', name: 'GitHub Actions 1', temp: runnerTemp },
    env: {},
  };
  const jobName = text(child(rawJob, 'name'), base, 'job name') ?? id;
  const record: JobRun = {
    caller: plan.job.id.value,
    job: id,
    name: `${callerName} / ${jobName}`,
    status: 'success',
    permissions,
    secrets: Object.keys(secrets).sort(),
    inputs,
    steps: [],
  };
  if (!holds(job.if, base, OK, JOB_IF)) return { ...record, status: 'skipped' };

  const status: JobStatus = { failed: false, cancelled: false };
  const stepsContext: Record<
    string,
    { outputs: Record<string, string>; outcome: string; conclusion: string }
  > = {};
  const rawSteps = child(rawJob, 'steps');
  let workspace: string | undefined;
  for (const [index, step] of job.steps.entries()) {
    const contexts: Contexts = {
      ...base,
      steps: stepsContext,
      job: { status: status.failed ? 'failure' : 'success' },
    };
    const uses = (step as ActionStep).uses?.value;
    if (!uses) throw new Error(`step ${step.id}: run: steps are not emulated`);
    const stepRun: StepRun = {
      id: step.id,
      name: text(step.name, contexts, 'step name') ?? uses,
      uses,
      outcome: 'skipped',
      with: {},
      outputs: {},
    };
    record.steps.push(stepRun);
    const ifToken = (step as ActionStep).if;
    if (ifToken && !holds(ifToken, contexts, status, STEP_IF)) {
      stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    try {
      const rawStep = rawSteps && isSequence(rawSteps) ? rawSteps.get(index) : undefined;
      const withValues: Record<string, string> = {};
      const withToken = child(rawStep, 'with');
      if (withToken && isMapping(withToken))
        for (const pair of withToken) {
          const key = pair.key.assertString('with key').value;
          withValues[key] = asInputString(evaluateToken(pair.value, contexts), `with.${key}`);
        }
      stepRun.with = Object.fromEntries(
        Object.entries(withValues).map(([key, value]) => [key, mask(value, state.masked)]),
      );
      stepRun.outcome = 'success';
      if (uses.startsWith('actions/checkout@')) {
        workspace = await checkout(state, permissions);
      } else if (uses === './') {
        await runAction(state, stepRun, withValues, contexts, workspace, id);
      } else if (uses.startsWith('actions/upload-artifact@')) {
        // Recorded, not uploaded: the name and paths above are what it would upload.
      } else {
        throw new Error(`${uses} is not emulated`);
      }
    } catch (error) {
      stepRun.outcome = 'failure';
      stepRun.error = mask((error as Error).message, state.masked);
    }
    if (stepRun.outcome === 'failure') status.failed = true;
    stepsContext[step.id] = {
      outputs: stepRun.outputs,
      outcome: stepRun.outcome,
      conclusion: stepRun.outcome,
    };
  }
  record.status = status.failed ? 'failure' : 'success';
  return record;
}

/**
 * actions/checkout: the repository's files on the run's branch, as the sandbox holds them.
 * It fetches with the job's token (its `token` input defaults to `${{ github.token }}`), so in
 * a private repository the token needs contents: read: "it is recommended to set the
 * following GITHUB_TOKEN permissions ... contents: read"
 * (github.com/actions/checkout#recommended-permissions).
 */
async function checkout(state: RunState, permissions: Permissions): Promise<string> {
  if ((state.options.privateRepository ?? true) && !covers(permissions.contents, 'read'))
    throw new Error(
      `git fetch failed: remote: Repository not found (the job's GITHUB_TOKEN has contents: ${permissions.contents}, and ${state.repository} is private)`,
    );
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'emulated-workspace-'));
  for (const file of state.options.github.paths(state.branch)) {
    const target = path.join(workspace, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, state.options.github.file(file, state.branch) ?? '');
  }
  return workspace;
}

let manifest: Awaited<ReturnType<typeof readActionManifest>> | undefined;

/** action.yml through GitHub's action parser: each input with its default token. */
async function readActionManifest() {
  const content = await readFile(path.join(REPOSITORY_ROOT, 'action.yml'), 'utf8');
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value) throw new Error(`action.yml: ${errors.join('; ')}`);
  return convertActionTemplate(parsed.context, parsed.value);
}

/**
 * `uses: ./`: the action in the checked-out repository ("You must check out your repository
 * before using the action", docs.github.com/en/actions/reference/workflows-and-actions/
 * workflow-syntax#example-using-an-action-in-the-same-repository-as-the-workflow), run as the
 * runner runs a node24 action: `dist/index.js` with one INPUT_<NAME> per declared input, the
 * step's `with:` over action.yml's defaults, which the runner evaluates too (`github-token`:
 * `${{ github.token }}`), and the default variables (docs.github.com/en/actions/reference/
 * variables-reference#default-environment-variables).
 */
async function runAction(
  state: RunState,
  stepRun: StepRun,
  withValues: Record<string, string>,
  contexts: Contexts,
  workspace: string | undefined,
  jobId: string,
): Promise<void> {
  if (!workspace)
    throw new Error(
      "Can't find 'action.yml' under the workspace: the repository is not checked out",
    );
  manifest ??= await readActionManifest();
  const inputs: Record<string, string> = {};
  for (const input of manifest.inputs ?? []) {
    inputs[input.id] =
      withValues[input.id] ??
      (input.default ? asInputString(evaluateToken(input.default, contexts), input.id) : '');
  }
  const overrides = state.options.overrideActionInputs ?? {};
  for (const [name, value] of Object.entries(overrides)) {
    if (!(OVERRIDABLE_ACTION_INPUTS as readonly string[]).includes(name))
      throw new Error(`${name} cannot be overridden: it must come through the workflow`);
    inputs[name] = value;
  }
  stepRun.overridden = Object.keys(overrides).sort();
  stepRun.actionInputs = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, mask(value, state.masked)]),
  );
  const github = contexts.github as Record<string, string>;
  const { options } = state;
  const action = await runBundledAction({
    inputs,
    workspace,
    env: {
      GITHUB_API_URL: options.github.url,
      GITHUB_SERVER_URL: github.server_url!,
      GITHUB_GRAPHQL_URL: github.graphql_url!,
      GITHUB_REPOSITORY: state.repository,
      GITHUB_REPOSITORY_OWNER: github.repository_owner!,
      GITHUB_REF: state.ref,
      GITHUB_REF_NAME: state.branch,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_SHA: github.sha!,
      GITHUB_WORKFLOW: state.workflowName,
      // The caller's workflow, also in a called one (the github context is the caller's).
      GITHUB_WORKFLOW_REF: github.workflow_ref!,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: state.eventPath,
      GITHUB_RUN_ID: github.run_id!,
      GITHUB_RUN_NUMBER: github.run_number!,
      GITHUB_RUN_ATTEMPT: github.run_attempt!,
      GITHUB_JOB: jobId,
      GITHUB_ACTION: stepRun.id,
      GITHUB_ACTOR: github.actor!,
      GITHUB_TRIGGERING_ACTOR: github.triggering_actor!,
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
    },
  });
  stepRun.action = action;
  stepRun.outputs = action.outputs;
  if (action.exitCode !== 0) {
    stepRun.outcome = 'failure';
    const errors = action.stdout.split('\n').filter((line) => line.startsWith('::error'));
    stepRun.error = mask(errors.join('\n') || `exit code ${action.exitCode}`, state.masked);
  }
}
