/**
 * One small scenario per rule of the emulation, run on a stand-in for the action
 * (stub-action.ts) so that each takes milliseconds: what a test asserts under GitHub's rules,
 * and what the mutation table runs again under each rule's naive alternative.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GitHubSandbox } from '../../sandbox/github-sandbox.js';
import { ActionsEmulator } from './actions-emulator.js';
import type { EmulationRules } from './emulation-rules.js';
import { stubAction, until, type StubOptions } from './stub-action.js';
import type { EmulatorOptions, WorkflowRun } from './workflow-run.js';

export const PROBE_EVENT = '68108c20c5c88849372bfb61';
export const PROBE_SECRETS = { PROD_API: 'p', ITALY_API: 'i', DEV_API: 'd', VIVENU_SECRET: 'h' };
/** A sync to the production receiver: it delivers, so it takes its turn in that group. */
export const SYNC_PROD = {
  region: 'PROD',
  'event-id': PROBE_EVENT,
  mode: 'sync',
  target: 'prod',
  'dry-run': false,
};

/** The workflows as they were before issue 19 (main at 54113a1): number inputs passed on. */
export async function numberInputWorkflows(): Promise<Record<string, string>> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.join(here, '../workflows/fixtures/number-inputs');
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return {
    'historical-sync.yml': await read('historical-sync.yml'),
    'historical-sync-run.yml': await read('historical-sync-run.yml'),
  };
}

/** An emulator over `github` with a stand-in action; `close()` it when done. */
export function probeEmulator(
  github: GitHubSandbox,
  stub: StubOptions = {},
  options: Partial<EmulatorOptions> = {},
) {
  const action = stubAction(stub);
  const actions = new ActionsEmulator({
    github,
    secrets: PROBE_SECRETS,
    actionRunner: action.runner,
    ...options,
  });
  return { actions, steps: action.steps };
}

/** (a) and (b): today's workflows, clicked with the form's defaults. */
export async function clickNumberInputWorkflows(
  github: GitHubSandbox,
  rules: Partial<EmulationRules>,
): Promise<WorkflowRun> {
  const workflowTexts = await numberInputWorkflows();
  const { actions } = probeEmulator(github, { runMs: 0 }, { rules, workflowTexts });
  try {
    return await (
      await actions.click({ inputs: { 'event-id': PROBE_EVENT } })
    ).finished;
  } finally {
    actions.close();
  }
}

/**
 * (c) A sync clicked while another holds the receiver's group, then a commit lands before it
 * starts: what its checkout held, and its `github.sha` against the head at its click.
 */
export async function checkoutProbe(github: GitHubSandbox, rules: Partial<EmulationRules>) {
  const { actions, steps } = probeEmulator(github, { watchFiles: ['later.txt'] }, { rules });
  await actions.click({ inputs: SYNC_PROD });
  await until(() => steps.length === 1);
  const headAtClick = github.headSha();
  const second = await actions.click({ inputs: SYNC_PROD });
  const waited = second.record.status === 'pending';
  github.putFile('later.txt', 'committed after the second click');
  steps[0]!.release();
  await until(() => steps.length === 2);
  steps[1]!.release();
  await actions.idle();
  actions.close();
  const env = steps[1]!.options.env;
  return { waited, headAtClick, run: second.record, sawLater: steps[1]!.saw['later.txt'], env };
}

/** (d) A completed run re-run after a commit landed: its attempt, id, commit and checkout. */
export async function rerunProbe(github: GitHubSandbox, rules: Partial<EmulationRules>) {
  const { actions, steps } = probeEmulator(github, { watchFiles: ['later.txt'] }, { rules });
  const first = await actions.click({ inputs: SYNC_PROD });
  await until(() => steps.length === 1);
  steps[0]!.release();
  await first.finished;
  github.putFile('later.txt', 'committed after the run');
  const again = await actions.rerun(first);
  await until(() => steps.length === 2);
  steps[1]!.release();
  await again.finished;
  actions.close();
  const env = steps[1]!.options.env;
  return { first: first.record, again: again.record, sawLater: steps[1]!.saw['later.txt'], env };
}

/**
 * (e) Three delivering clicks to one receiver while the first runs: which ran, in what order,
 * and which were cancelled while waiting.
 */
export async function queueProbe(
  github: GitHubSandbox,
  rules: Partial<EmulationRules>,
  workflowTexts?: Record<string, string>,
) {
  const { actions, steps } = probeEmulator(github, {}, { rules, workflowTexts });
  const regions = ['PROD', 'ITALY', 'DEV'];
  const runs = [];
  for (const region of regions) {
    runs.push(await actions.click({ inputs: { ...SYNC_PROD, region } }));
    if (runs.length === 1) await until(() => steps.length === 1);
  }
  const statuses = runs.map((run) => run.record.status);
  // Each step holds until released: release them one by one as they start.
  const open = () => actions.runs.some((run) => run.record.status !== 'completed');
  for (let released = 0; open();) {
    await until(() => steps.length > released || !open());
    if (steps.length > released) steps[released++]!.release();
  }
  actions.close();
  const ran = steps.map((step) => step.options.inputs.region);
  const overlapped = steps.some((step, index) =>
    steps.slice(index + 1).some((later) => later.startedAt < (step.endedAt ?? Infinity)),
  );
  return { statuses, ran, overlapped, records: runs.map((run) => run.record) };
}

/**
 * (f) A job whose step outlives `timeout-minutes` (345 workflow minutes of 1 ms each): one that
 * saves and exits on SIGINT, or (`stuck`) one that ignores SIGINT and SIGTERM.
 */
export async function timeoutProbe(
  github: GitHubSandbox,
  rules: Partial<EmulationRules>,
  stuck = false,
) {
  const stub = stuck ? { exitOn: [], runMs: 12_000 } : { runMs: 1_500 };
  const { actions, steps } = probeEmulator(github, stub, { rules, minuteMs: 1 });
  const run = await (await actions.click({ inputs: SYNC_PROD })).finished;
  actions.close();
  return { run, step: steps[0]! };
}
