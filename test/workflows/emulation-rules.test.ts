/**
 * The emulation's rules, each probed on its own with a stand-in for the action (the runs, the
 * form, the types, the commits, the groups and the timeouts are the emulation's; only what the
 * action step does is fake), and the table that shows each rule is what catches its defect:
 * under the rule's naive alternative (emulation-rules.ts) the defect goes unseen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import {
  findStep,
  NAIVE_RULES,
  StartupFailure,
  type EmulationRules,
  type EmulatorOptions,
} from '../support/run-workflow.js';
import {
  checkoutProbe,
  clickNumberInputWorkflows,
  probeEmulator,
  PROBE_EVENT as EVENT,
  queueProbe,
  rerunProbe,
  SYNC_PROD,
  timeoutProbe,
} from '../support/rule-probes.js';
import { until, type StubOptions } from '../support/stub-action.js';

let github: GitHubSandbox;
let closers: (() => void)[] = [];
beforeEach(async () => {
  github = await startGitHubSandbox({ token: 'unused', permissions: {} });
});
afterEach(async () => {
  for (const close of closers) close();
  closers = [];
  await github.close();
});

function emulate(stub: StubOptions = {}, options: Partial<EmulatorOptions> = {}) {
  const probe = probeEmulator(github, stub, options);
  closers.push(() => probe.actions.close());
  return probe;
}

/** A two-file workflow for one probe: a form, a call passing `with`, a called input of `type`. */
function probeWorkflows(withValue: string, type: string, concurrency = ''): Record<string, string> {
  return {
    'probe.yml': `name: Probe
on:
  workflow_dispatch:
    inputs:
      n: { type: number, default: 5 }
      b: { type: boolean, default: true }
      group: { type: string, default: probe }
${concurrency}
jobs:
  call:
    uses: ./.github/workflows/probe-called.yml
    with:
      v: ${withValue}
`,
    'probe-called.yml': `on:
  workflow_call:
    inputs:
      v: { type: ${type}, required: true }
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
      - uses: ./
`,
  };
}

describe('(a) a dispatch’s inputs as GitHub gives them', () => {
  it('number fields are strings in `inputs`, booleans stay booleans, choices are strings', async () => {
    const { actions, steps } = emulate({ runMs: 0 });
    const run = await (await actions.click({ inputs: { 'event-id': EVENT } })).finished;
    expect(run.inputs).toMatchObject({ limit: '0', continuation: '0', 'dry-run': true });
    expect(run.inputs.region).toBe('DEV');
    // The called workflow declares them strings: they arrive as they left.
    expect(run.jobs[0]!.inputs).toMatchObject({ limit: '0', continuation: '0', 'dry-run': true });
    expect(steps[0]!.options.inputs).toMatchObject({ limit: '0', continuation: '0' });
  });
});

describe('(b) a call’s with: values against the types the called workflow declares', () => {
  it.each([
    ['a form number (a string) to a number input', '${{ inputs.n }}', 'number', "'5'"],
    ['a string to a boolean input', "${{ format('{0}', inputs.b) }}", 'boolean', "'true'"],
    ['a number to a boolean input', '${{ fromJSON(inputs.n) }}', 'boolean', "'5'"],
    ['a boolean to a number input', '${{ inputs.b }}', 'number', "'true'"],
    ['a literal word to a number input', 'five', 'number', "'five'"],
  ])('refuses %s before any job, in GitHub’s words', async (_, value, type, shown) => {
    const workflowTexts = probeWorkflows(value, type);
    const { actions, steps } = emulate({ runMs: 0 }, { workflowTexts });
    const run = await (await actions.click({ workflow: 'probe.yml', inputs: {} })).finished;
    expect(run.conclusion).toBe('failure');
    expect(run.jobs).toEqual([]);
    // The caller's file, and where the value starts (1-based line and column).
    const line = workflowTexts['probe.yml']!.split('\n').indexOf(`      v: ${value}`) + 1;
    expect(run.startupFailure).toBe(
      `The template is not valid. .github/workflows/probe.yml (Line: ${line}, Col: 10): Unexpected value ${shown}`,
    );
    expect(steps).toHaveLength(0);
  });

  it.each([
    ['a number literal to a number input', '5', 'number', 5],
    ['fromJSON of a form number to a number input', '${{ fromJSON(inputs.n) }}', 'number', 5],
    ['a number to a string input: its text', '${{ fromJSON(inputs.n) }}', 'string', '5'],
    ['a boolean to a string input: its text', '${{ inputs.b }}', 'string', 'true'],
    ['a form number to a string input', '${{ inputs.n }}', 'string', '5'],
    ['nothing (null) to a string input: empty', '${{ inputs.none }}', 'string', ''],
  ])('accepts %s', async (_, value, type, received) => {
    const { actions } = emulate({ runMs: 0 }, { workflowTexts: probeWorkflows(value, type) });
    const run = await (await actions.click({ workflow: 'probe.yml', inputs: {} })).finished;
    expect(run.conclusion, run.startupFailure).toBe('success');
    expect(run.jobs[0]!.inputs).toEqual({ v: received });
  });
});

describe('(c) checkout gets the tree of github.sha, the branch head at the click', () => {
  it('a run that waited in its group starts from the commit of its click, not a later one', async () => {
    const probe = await checkoutProbe(github, {});
    expect(probe.waited).toBe(true);
    expect(probe.run.sha).toBe(probe.headAtClick);
    expect(probe.env.GITHUB_SHA).toBe(probe.headAtClick);
    expect(probe.run.sha).not.toBe(github.headSha());
    expect(probe.sawLater).toBe(false);
    expect(findStep(probe.run, '__actions_checkout')?.checkedOut).toBe(probe.headAtClick);
  });
});

describe('(d) a re-run keeps the run’s commit and id, and counts its attempt', () => {
  it('attempt 2 of the same run, from the same commit, though the branch moved on', async () => {
    const { first, again, sawLater, env } = await rerunProbe(github, {});
    expect([again.runId, again.runAttempt, again.sha]).toEqual([first.runId, 2, first.sha]);
    expect(env).toMatchObject({
      GITHUB_RUN_ID: String(first.runId),
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SHA: first.sha,
    });
    expect(again.inputs).toEqual(first.inputs);
    expect(sawLater).toBe(false);
  });
});

/** A group named by the form (`inputs.group`), with these settings. */
function grouped(settings: string): Record<string, string> {
  const concurrency = `concurrency:\n  group: \${{ inputs.group }}\n${settings}`;
  return probeWorkflows("${{ 'x' }}", 'string', concurrency);
}

describe('(e) concurrency groups hold runs as GitHub does', () => {
  it('with queue: max, clicks made while a sync runs all wait, then run in order', async () => {
    const { statuses, ran, overlapped, records } = await queueProbe(github, {});
    expect(statuses).toEqual(['in_progress', 'pending', 'pending']);
    expect(ran).toEqual(['PROD', 'ITALY', 'DEV']);
    expect(overlapped).toBe(false);
    expect(records.map((run) => run.conclusion)).toEqual(['success', 'success', 'success']);
    expect(records.map((run) => run.concurrencyGroup)).toEqual(
      Array(3).fill('historical-sync-receiver-production'),
    );
  });

  it('without queue, a newer waiting run cancels the one waiting before it: zero jobs', async () => {
    const { actions, steps } = emulate({}, { workflowTexts: grouped('') });
    const click = (group: string) => actions.click({ workflow: 'probe.yml', inputs: { group } });
    const running = await click('deploy');
    await until(() => steps.length === 1);
    const replaced = await click('deploy');
    const newest = await click('Deploy'); // group names are case-insensitive
    expect((await replaced.finished).conclusion).toBe('cancelled');
    expect(replaced.record.jobs).toEqual([]);
    expect(replaced.record.cancelReason).toMatch(/a newer run is waiting/);
    expect(newest.record.status).toBe('pending');
    steps[0]!.release();
    await until(() => steps.length === 2);
    steps[1]!.release();
    expect((await running.finished).conclusion).toBe('success');
    expect((await newest.finished).conclusion).toBe('success');
  });

  it('with queue: max, a run that finds 100 waiting is cancelled', async () => {
    const { actions, steps } = emulate({}, { workflowTexts: grouped('  queue: max\n') });
    const click = () => actions.click({ workflow: 'probe.yml', inputs: { group: 'g' } });
    await click();
    await until(() => steps.length === 1);
    const waiting = [];
    for (let index = 0; index < 100; index++) waiting.push(await click());
    const refused = await click();
    expect(waiting.every((run) => run.record.status === 'pending')).toBe(true);
    expect((await refused.finished).cancelReason).toMatch(/full \(100 waiting\)/);
    for (const run of actions.runs) run.cancelRunning('test over');
    steps[0]!.release();
    await actions.idle();
  });

  it('cancel-in-progress stops the running run as a cancel does; the newer one then starts', async () => {
    const { actions, steps } = emulate(
      {},
      { workflowTexts: grouped('  cancel-in-progress: true\n') },
    );
    const click = () => actions.click({ workflow: 'probe.yml', inputs: { group: 'g' } });
    const first = await click();
    await until(() => steps.length === 1);
    const second = await click();
    expect((await first.finished).conclusion).toBe('cancelled');
    expect(steps[0]!.signals).toEqual(['SIGINT']);
    await until(() => steps.length === 2);
    steps[1]!.release();
    expect((await second.finished).conclusion).toBe('success');
  });

  it('refuses queue: max with cancel-in-progress: true, as the docs say GitHub does', async () => {
    const texts = grouped('  cancel-in-progress: true\n  queue: max\n');
    const { actions } = emulate({}, { workflowTexts: texts });
    await expect(actions.click({ workflow: 'probe.yml', inputs: {} })).rejects.toThrow(
      StartupFailure,
    );
  });

  it('a follow-up dispatched through the REST API waits behind its parent; a number is refused', async () => {
    const { actions, steps } = emulate({}, { followDispatches: true });
    const parent = await actions.click({ inputs: { ...SYNC_PROD, 'auto-continue': true } });
    await until(() => steps.length === 1);
    const { inputs } = steps[0]!.options;
    const dispatch = (values: Record<string, unknown>) =>
      fetch(
        `${github.url}/repos/hia/vivenu-sync/actions/workflows/historical-sync.yml/dispatches`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${inputs['github-token']}` },
          body: JSON.stringify({ ref: 'main', inputs: values, return_run_details: true }),
        },
      );
    const eventInputs = parent.record.eventInputs;
    const refused = await dispatch({ ...eventInputs, continuation: 1 });
    expect([refused.status, await refused.json()]).toEqual([
      422,
      { message: "Invalid value for input 'continuation'" },
    ]);
    const answer = await dispatch({ ...eventInputs, continuation: '1' });
    const { workflow_run_id: id } = (await answer.json()) as { workflow_run_id: number };
    const child = actions.runs.find((run) => run.record.runId === id)!;
    expect(child.record).toMatchObject({ status: 'pending', sha: parent.record.sha });
    expect(child.record.runName).toBe(`sync PROD ${EVENT} → production · continuation 1`);
    steps[0]!.release();
    await until(() => steps.length === 2);
    steps[1]!.release();
    expect((await child.finished).conclusion).toBe('success');
    expect(github.dispatches).toHaveLength(1);
  });
});

describe('(f) timeout-minutes ends the job as a cancel does; GitHub shows it cancelled', () => {
  it('a step that saves on SIGINT: cancelled at 345 minutes, the upload still runs', async () => {
    const { run, step } = await timeoutProbe(github, {});
    expect(step.signals).toEqual(['SIGINT']);
    expect(run.conclusion).toBe('cancelled');
    const [job] = run.jobs;
    expect(job!.status).toBe('cancelled');
    expect(job!.annotations).toEqual([
      'The job has exceeded the maximum execution time of 5h45m0s',
      'The operation was canceled.',
    ]);
    expect(job!.steps.map((s) => [s.id, s.outcome])).toEqual([
      ['__actions_checkout', 'success'],
      ['sync', 'cancelled'],
      ['__actions_upload-artifact', 'success'],
    ]);
  });

  it('a stuck step: SIGINT, SIGTERM 7.5 s later, killed 2.5 s after that', async () => {
    const { run, step } = await timeoutProbe(github, {}, true);
    expect(step.signals).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    const sent = findStep(run, 'sync')!.signals!.map((signal) => signal.afterMs);
    expect(sent[1]).toBeGreaterThanOrEqual(7_500);
    expect(sent[1]).toBeLessThan(8_500);
    expect(sent[2]! - sent[1]!).toBeGreaterThanOrEqual(2_500);
    expect(sent[2]! - sent[1]!).toBeLessThan(3_500);
    expect(run.jobs[0]!.status).toBe('cancelled');
  }, 20_000);
});

/**
 * The mutation table of the rules: each probe shows GitHub's behaviour under GitHub's rules,
 * and fails to show it when that one rule is swapped for its naive alternative.
 */
const RULE_MUTATIONS: [
  keyof EmulationRules,
  string,
  (rules: Partial<EmulationRules>) => Promise<boolean>,
][] = [
  [
    'numberFields',
    'today’s workflows fail before any job',
    async (rules) => (await clickNumberInputWorkflows(github, rules)).conclusion === 'failure',
  ],
  [
    'callInputTypes',
    'today’s workflows fail before any job',
    async (rules) => (await clickNumberInputWorkflows(github, rules)).conclusion === 'failure',
  ],
  [
    'checkout',
    'a waiting run does not see a commit made after its click',
    async (rules) => !(await checkoutProbe(github, rules)).sawLater,
  ],
  [
    'rerunSha',
    'a re-run starts from its run’s commit',
    async (rules) => {
      const { first, again } = await rerunProbe(github, rules);
      return again.sha === first.sha;
    },
  ],
  [
    'concurrency',
    'clicks made during a sync all run, in order, never overlapping',
    async (rules) => {
      const { ran, overlapped } = await queueProbe(github, rules);
      return ran.join() === 'PROD,ITALY,DEV' && !overlapped;
    },
  ],
  [
    'timeout',
    'a job past its timeout-minutes is cancelled',
    async (rules) => (await timeoutProbe(github, rules)).run.conclusion === 'cancelled',
  ],
];

describe('the mutation table of the rules: each rule is what catches its defect', () => {
  it.each(RULE_MUTATIONS)('%s: %s', async (rule, _, probe) => {
    expect(await probe({})).toBe(true);
    expect(await probe({ [rule]: NAIVE_RULES[rule] })).toBe(false);
  });

  it('covers every rule', () => {
    expect(RULE_MUTATIONS.map(([rule]) => rule).sort()).toEqual(Object.keys(NAIVE_RULES).sort());
  });
});
