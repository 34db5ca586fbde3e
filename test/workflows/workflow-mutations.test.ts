/**
 * The mutation table of the workflow files: each property the operator relies on is probed
 * through the emulation (with a stand-in for the action, see test/support/stub-action.ts), holds
 * for the workflows as they are, and fails for the one edit that breaks it. The first rows are
 * the workflows as they were before issue 19 (test/workflows/fixtures/number-inputs, main at
 * 54113a1), which every "Run workflow" click failed on GitHub.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../sandbox/action-runner.js';
import { startGitHubSandbox, type GitHubSandbox } from '../../sandbox/github-sandbox.js';
import type { EmulatorOptions } from '../support/run-workflow.js';
import {
  numberInputWorkflows,
  probeEmulator,
  PROBE_EVENT as EVENT,
  SYNC_PROD,
} from '../support/rule-probes.js';
import { until, type StubOptions } from '../support/stub-action.js';

type Texts = Record<string, string>;
const FORM = 'historical-sync.yml';
const CALLED = 'historical-sync-run.yml';

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

async function currentWorkflows(): Promise<Texts> {
  const read = (name: string) =>
    readFile(path.join(REPOSITORY_ROOT, '.github/workflows', name), 'utf8');
  return { [FORM]: await read(FORM), [CALLED]: await read(CALLED) };
}

function emulate(texts: Texts, stub: StubOptions = {}, options: Partial<EmulatorOptions> = {}) {
  const probe = probeEmulator(github, stub, { workflowTexts: texts, ...options });
  closers.push(() => probe.actions.close());
  return probe;
}

/** Clicks a sync that holds its step until released, and waits until it runs. */
async function holdingSync(texts: Texts, inputs: Record<string, string | boolean> = SYNC_PROD) {
  const probe = emulate(texts, {}, { followDispatches: true });
  const run = await probe.actions.click({ inputs });
  await until(() => probe.steps.length === 1);
  return { ...probe, run };
}

/** `*` of an upload path, as a glob: any run of characters but `/`. */
function matches(pattern: string, file: string): boolean {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`).test(file);
}

/** Each property, probed through the emulation: true when the workflows keep it. */
const PROBES: Record<string, (texts: Texts) => Promise<boolean>> = {
  'a click with the form’s defaults starts and runs': async (texts) => {
    const { actions } = emulate(texts, { runMs: 0 });
    const run = await (await actions.click({ inputs: { 'event-id': EVENT } })).finished;
    return run.conclusion === 'success';
  },
  'a follow-up waiting for its parent survives another delivering click': async (texts) => {
    const { actions, steps, run } = await holdingSync(texts, {
      ...SYNC_PROD,
      'auto-continue': true,
    });
    const followUp = await actions.click({
      inputs: { ...run.record.eventInputs, continuation: '1' },
    });
    await actions.click({ inputs: { ...SYNC_PROD, region: 'ITALY' } });
    for (let released = 0; released < 3; released++) {
      await until(() => steps.length > released || followUp.record.status === 'completed');
      steps[released]?.release();
    }
    return (await followUp.finished).conclusion === 'success';
  },
  'two regions delivering to one receiver never overlap': async (texts) => {
    const { actions } = await holdingSync(texts);
    const italy = await actions.click({ inputs: { ...SYNC_PROD, region: 'ITALY' } });
    return italy.record.status === 'pending';
  },
  'a dry run and a pull-only run never wait behind a sync': async (texts) => {
    const { actions } = await holdingSync(texts);
    const dry = await actions.click({ inputs: { ...SYNC_PROD, 'dry-run': true } });
    const pull = await actions.click({ inputs: { ...SYNC_PROD, mode: 'pull-only' } });
    return dry.record.status === 'in_progress' && pull.record.status === 'in_progress';
  },
  'a test-mode run goes to the test receiver’s turn, whatever its target': async (texts) => {
    const { actions } = await holdingSync(texts);
    const test = await actions.click({ inputs: { ...SYNC_PROD, mode: 'test', target: 'prod' } });
    return test.record.status === 'in_progress';
  },
  'a running sync is never cancelled by a newer click': async (texts) => {
    const { actions, steps, run } = await holdingSync(texts);
    await actions.click({ inputs: SYNC_PROD });
    await new Promise((resolve) => setTimeout(resolve, 50));
    steps[0]!.release();
    await until(() => steps.length === 2);
    steps[1]!.release();
    return (await run.finished).conclusion === 'success' && steps[0]!.signals.length === 0;
  },
  'the job’s timeout leaves the action its whole time budget': async (texts) => {
    // 20 ms a workflow minute; the step ends at its max-runtime-minutes, as the action does.
    const minuteMs = 20;
    const stub = { runMs: 330 * minuteMs };
    const { actions } = emulate(texts, stub, { minuteMs });
    const run = await (await actions.click({ inputs: SYNC_PROD })).finished;
    return run.conclusion === 'success';
  },
  'the artifact carries the progress file of whichever receiver the run used': async (texts) => {
    const files = [
      'historical_sync_progress_PROD.json',
      'historical_sync_progress_PROD.test-receiver.json',
      'historical_sync_progress_PROD.receiver-0123456789ab.json',
    ];
    const { actions } = emulate(texts, { runMs: 0 });
    const run = await (await actions.click({ inputs: SYNC_PROD })).finished;
    const upload = run.jobs[0]!.steps.find((s) => s.uses.startsWith('actions/upload-artifact@'))!;
    const patterns = upload.with.path!.split('\n').filter(Boolean);
    return files.every((file) => patterns.some((pattern) => matches(pattern, file)));
  },
  'the run name names mode, region, event and receiver': async (texts) => {
    const { actions } = emulate(texts, { runMs: 0 });
    const names = [];
    for (const inputs of [
      SYNC_PROD,
      { ...SYNC_PROD, mode: 'test' },
      { ...SYNC_PROD, mode: 'pull-only' },
      { ...SYNC_PROD, 'dry-run': true, target: 'test' },
    ])
      names.push((await actions.click({ inputs })).record.runName);
    await actions.idle();
    return (
      names.join('\n') ===
      [
        `sync PROD ${EVENT} → production`,
        `test PROD ${EVENT} → test`,
        `pull-only PROD ${EVENT}`,
        `sync PROD ${EVENT} → test (dry run)`,
      ].join('\n')
    );
  },
};

const GROUP = /^ {2}group: >-\n.*\n/m;
/** One edit per row, and the property it must break. */
const MUTATIONS: [string, string, (texts: Texts) => Texts | Promise<Texts>][] = [
  [
    'the workflows before issue 19',
    'a click with the form’s defaults starts and runs',
    () => numberInputWorkflows(),
  ],
  [
    'a number input for limit again',
    'a click with the form’s defaults starts and runs',
    (t) => ({
      ...t,
      [CALLED]: t[CALLED]!.replace('limit: { type: string', 'limit: { type: number'),
    }),
  ],
  [
    'no `queue: max`',
    'a follow-up waiting for its parent survives another delivering click',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(/^ {2}queue: max\n/m, ''),
    }),
  ],
  [
    'one group per region',
    'two regions delivering to one receiver never overlap',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(GROUP, '  group: historical-sync-${{ inputs.region }}\n'),
    }),
  ],
  [
    'every run in its receiver’s group',
    'a dry run and a pull-only run never wait behind a sync',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(
        GROUP,
        "  group: historical-sync-receiver-${{ (inputs.mode == 'test' || inputs.target == 'test') && 'test' || 'production' }}\n",
      ),
    }),
  ],
  [
    'the receiver named by target alone',
    'a test-mode run goes to the test receiver’s turn, whatever its target',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(
        "format('historical-sync-receiver-{0}', (inputs.mode == 'test' || inputs.target == 'test')",
        "format('historical-sync-receiver-{0}', (inputs.target == 'test')",
      ),
    }),
  ],
  [
    'cancel-in-progress: true (without queue)',
    'a running sync is never cancelled by a newer click',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(
        'cancel-in-progress: false\n  queue: max',
        'cancel-in-progress: true',
      ),
    }),
  ],
  [
    'timeout-minutes below the time budget',
    'the job’s timeout leaves the action its whole time budget',
    (t) => ({
      ...t,
      [CALLED]: t[CALLED]!.replace('timeout-minutes: 345', 'timeout-minutes: 120'),
    }),
  ],
  [
    'the upload path without the receivers’ files',
    'the artifact carries the progress file of whichever receiver the run used',
    (t) => ({
      ...t,
      [CALLED]: t[CALLED]!.replace(
        /^ +historical_sync_progress_\$\{\{ inputs\.region \}\}\.\*\.json\n/m,
        '',
      ),
    }),
  ],
  [
    'the run name without the receiver',
    'the run name names mode, region, event and receiver',
    (t) => ({
      ...t,
      [FORM]: t[FORM]!.replace(
        /\$\{\{ inputs\.mode != 'pull-only' && format\(' → \{0\}'.*?\|\| '' \}\}/,
        '',
      ),
    }),
  ],
];

describe('the workflows keep every property the operator relies on', () => {
  it.each(Object.keys(PROBES))('%s', async (property) => {
    expect(await PROBES[property]!(await currentWorkflows())).toBe(true);
  });
});

describe('the mutation table of the workflows: each edit breaks its property, as GitHub would show', () => {
  it.each(MUTATIONS)('%s: %s', async (_, property, mutate) => {
    const current = await currentWorkflows();
    const mutated = await mutate(current);
    expect(mutated, 'the edit changed the files').not.toEqual(current);
    expect(await PROBES[property]!(mutated)).toBe(false);
  });

  it('covers every property', () => {
    expect(new Set(MUTATIONS.map(([, property]) => property))).toEqual(
      new Set(Object.keys(PROBES)),
    );
  });
});

describe('the workflows before issue 19, as GitHub fails them', () => {
  it('every click fails before any job: the number fields reach number inputs as strings', async () => {
    const texts = await numberInputWorkflows();
    const { actions, steps } = emulate(texts, { runMs: 0 });
    const run = await (await actions.click({ inputs: { 'event-id': EVENT } })).finished;
    const lines = texts[FORM]!.split('\n');
    const at = (text: string) => lines.indexOf(text) + 1;
    expect(run.conclusion).toBe('failure');
    expect(run.jobs).toEqual([]);
    expect(run.startupFailure).toBe(
      'The template is not valid. ' +
        `.github/workflows/historical-sync.yml (Line: ${at('      limit: ${{ inputs.limit }}')}, Col: 14): Unexpected value '0',` +
        `.github/workflows/historical-sync.yml (Line: ${at('      continuation: ${{ inputs.continuation }}')}, Col: 21): Unexpected value '0'`,
    );
    expect(steps).toHaveLength(0);
  });
});
