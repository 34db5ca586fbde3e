/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any --
   parsed YAML is untyped on purpose: the assertions below are the type checks. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputsBlock, withGeneratedInputs } from '../../build/action-yml.js';
import { INPUT_DEFAULTS, INPUT_NAMES, INPUT_SPECS } from '../../src/settings/settings.js';
import { workflowForm } from '../support/run-workflow.js';

const DIR = '.github/workflows';
type Yaml = Record<string, any>;

async function load(name: string): Promise<{ text: string; yaml: Yaml }> {
  const text = await readFile(path.join(DIR, name), 'utf8');
  return { text, yaml: parse(text) as Yaml };
}

/** GitHub's own parser: schema errors, then the conversion (reusable workflows fetched locally). */
async function githubErrors(name: string): Promise<string[]> {
  const content = await readFile(path.join(DIR, name), 'utf8');
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return [...errors, 'no workflow parsed'];
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: async (ref) => {
        const file = ref.path;
        return { name: file, content: await readFile(file, 'utf8') };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

const workflowFiles = (await readdir(DIR)).filter((file) => /\.ya?ml$/.test(file));

describe('workflow files', () => {
  it.each(workflowFiles)('%s passes GitHub’s workflow parser', async (name) => {
    expect(await githubErrors(name)).toEqual([]);
  });

  it('the parser does report errors (a broken workflow fails this check)', () => {
    const content =
      'on: push\njobs:\n  a:\n    runs-on: x\n    permissions: { contents: writ }\n    steps: [{ uses: a/b@v1, run: echo }]\n';
    const parsed = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().length).toBeGreaterThanOrEqual(2);
  });

  it.each(workflowFiles)(
    '%s pins every third-party action to a full commit SHA with its version',
    async (name) => {
      const { text } = await load(name);
      const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)].map((m) => ({
        ref: m[1]!,
        rest: m[2]!,
      }));
      for (const { ref, rest } of uses.filter((u) => !u.ref.startsWith('./'))) {
        expect(ref, ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(rest, ref).toMatch(/#\s*v\d+(\.\d+)*/);
      }
    },
  );

  it('pins each action to the same commit in every workflow', async () => {
    const pins = new Map<string, Set<string>>();
    for (const name of workflowFiles) {
      const { text } = await load(name);
      for (const [, action, sha] of text.matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@([0-9a-f]{40})/g))
        pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
    }
    expect(pins.size).toBeGreaterThanOrEqual(3);
    for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
  });

  it('sets up the Node version the action runs on, from .node-version', async () => {
    const version = (await readFile('.node-version', 'utf8')).trim();
    const action = parse(await readFile('action.yml', 'utf8')) as Yaml;
    expect(action.runs.using).toBe(`node${version}`);
    const ci = (await load('ci.yml')).yaml;
    const setups = Object.values(ci.jobs as Yaml).flatMap((job: Yaml) =>
      (job.steps as Yaml[]).filter((step) => String(step.uses).startsWith('actions/setup-node@')),
    );
    expect(setups.length).toBeGreaterThan(0);
    for (const step of setups)
      expect(step.with).toEqual({ 'node-version-file': '.node-version', cache: 'npm' });
  });

  it.each(workflowFiles)('%s puts no inputs or event data inside run: scripts', async (name) => {
    const { yaml } = await load(name);
    const scripts = Object.values(yaml.jobs as Yaml).flatMap((job: Yaml) =>
      ((job.steps ?? []) as Yaml[]).map((step) => String(step.run ?? '')),
    );
    for (const script of scripts) expect(script).not.toMatch(/\$\{\{[^}]*(inputs\.|github\.event)/);
  });
});

describe('the operator’s form (historical-sync.yml)', async () => {
  const form = (await load('historical-sync.yml')).yaml;
  const run = (await load('historical-sync-run.yml')).yaml;
  const inputs = form.on.workflow_dispatch.inputs as Yaml;

  it('asks for region, event, mode, target, dry run, limit, resync, ticket-ids, sold-before and auto-continue', () => {
    expect(inputs.region).toMatchObject({
      type: 'choice',
      required: true,
      options: ['DEV', 'PROD', 'ITALY', 'DACH'],
    });
    expect(inputs['event-id']).toMatchObject({ type: 'string', required: true });
    expect(inputs.mode).toMatchObject({
      type: 'choice',
      options: ['test', 'sync', 'pull-only', 'redeliver'],
    });
    expect(inputs['ticket-ids']).toMatchObject({ type: 'string', required: false, default: '' });
    expect(inputs['sold-before']).toMatchObject({ type: 'string', required: false, default: '' });
    expect(inputs.target).toMatchObject({ type: 'choice', options: ['test', 'prod'] });
    expect(inputs['dry-run'].type).toBe('boolean');
    expect(inputs.limit).toMatchObject({ type: 'number', default: 0 });
    expect(inputs.resync.type).toBe('boolean');
    expect(inputs['auto-continue'].type).toBe('boolean');
    expect(Object.keys(inputs).length).toBeLessThanOrEqual(25);
  });

  it('grants contents: write, and actions: write only to the job that continues itself', () => {
    expect(form.permissions).toEqual({});
    // A called workflow can only narrow its caller's grant, and a block there sets every scope
    // it does not name to none: the called workflow names no permissions at all.
    expect(run.permissions).toBeUndefined();
    expect(form.jobs.sync.permissions).toEqual({ contents: 'write' });
    expect(form.jobs['sync-and-continue'].permissions).toEqual({
      contents: 'write',
      actions: 'write',
    });
    expect(form.jobs.sync.if).toBe('${{ !inputs.auto-continue }}');
    expect(form.jobs['sync-and-continue'].if).toBe('${{ inputs.auto-continue }}');
    expect(run.jobs.run.permissions).toBeUndefined(); // the caller's grant, nothing more
  });

  it('is read the same by GitHub’s parser, by this file and by the Run workflow emulation', async () => {
    const fields = await workflowForm('historical-sync.yml');
    expect(fields.map((field) => field.name)).toEqual(Object.keys(inputs));
    for (const field of fields) {
      const input = inputs[field.name] as {
        type: string;
        required?: boolean;
        default?: unknown;
        options?: string[];
      };
      expect(field, field.name).toEqual({
        name: field.name,
        type: input.type,
        required: input.required ?? false,
        ...(input.default === undefined ? {} : { default: input.default }),
        ...(input.options ? { options: input.options } : {}),
      });
    }
  });

  it('needs the emulation’s help for number inputs: GitHub’s parser 0.3.61 reads no type for them', async () => {
    // When this fails, the parser has learnt `type: number`; readForm's fallback can go.
    const content = await readFile(path.join(DIR, 'historical-sync.yml'), 'utf8');
    const parsed = parseWorkflow(
      { name: 'historical-sync.yml', content },
      new NoOperationTraceWriter(),
    );
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    const dispatch = template.events.workflow_dispatch!.inputs!;
    expect(dispatch.limit!.type).toBeUndefined();
    expect(dispatch.limit!.default).toBeUndefined();
    expect(dispatch['dry-run']).toMatchObject({ type: 'boolean', default: true });
  });

  it('paces runs per receiver, queued in order, never cancelling a running one; no-delivery runs apart', () => {
    expect(form.concurrency).toEqual({
      group:
        "${{ (inputs.dry-run || inputs.mode == 'pull-only') && format('historical-sync-no-delivery-{0}', github.run_id) || format('historical-sync-receiver-{0}', (inputs.mode == 'test' || inputs.target == 'test') && 'test' || 'production') }}",
      'cancel-in-progress': false,
      queue: 'max',
    });
  });

  it('is read with `queue: max` by GitHub’s parser 0.3.61, which knows the key', async () => {
    // actionlint is not installed here, so only GitHub's own parser vouches for the key.
    const content = await readFile(path.join(DIR, 'historical-sync.yml'), 'utf8');
    const parsed = parseWorkflow(
      { name: 'historical-sync.yml', content },
      new NoOperationTraceWriter(),
    );
    expect(parsed.context.errors.getErrors()).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    const concurrency = template.concurrency;
    const queue = concurrency && isMapping(concurrency) ? concurrency.find('queue') : undefined;
    expect(queue && isString(queue) ? queue.value : undefined).toBe('max');
    // And it refuses a value it does not know.
    const bad = content.replace(/^ {2}queue: max$/m, '  queue: forever');
    const refused = parseWorkflow({ name: 'bad.yml', content: bad }, new NoOperationTraceWriter());
    expect(
      refused.context.errors
        .getErrors()
        .map((e) => e.message)
        .join(),
    ).toMatch(/Unexpected value 'forever'/);
  });

  it('hands the number fields on to string inputs: GitHub refuses a string for a number input', () => {
    expect(inputs.limit.type).toBe('number');
    expect(inputs.continuation.type).toBe('number');
    const called = run.on.workflow_call.inputs as Yaml;
    expect(called.limit.type).toBe('string');
    expect(called.continuation.type).toBe('string');
    for (const job of ['sync', 'sync-and-continue']) {
      expect(form.jobs[job].with.limit).toBe('${{ inputs.limit }}');
      expect(form.jobs[job].with.continuation).toBe('${{ inputs.continuation }}');
    }
  });

  it('passes every form input on to the run, and the run declares each', () => {
    for (const job of ['sync', 'sync-and-continue'])
      expect(Object.keys(form.jobs[job].with).sort()).toEqual(Object.keys(inputs).sort());
    expect(Object.keys(run.on.workflow_call.inputs).sort()).toEqual(Object.keys(inputs).sort());
  });

  it('passes two secrets by name, the region’s key chosen where every secret is visible', () => {
    for (const job of ['sync', 'sync-and-continue']) {
      expect(form.jobs[job].secrets).toEqual({
        VIVENU_API_KEY: "${{ secrets[format('{0}_API', inputs.region)] }}",
        VIVENU_SECRET: '${{ secrets.VIVENU_SECRET }}',
      });
    }
    // Declared by the run, optional: an empty key reaches the action, whose error names <REGION>_API.
    const declared = run.on.workflow_call.secrets as Yaml;
    expect(Object.keys(declared).sort()).toEqual(['VIVENU_API_KEY', 'VIVENU_SECRET']);
    for (const secret of Object.values(declared)) expect(secret.required).toBe(false);
  });

  it('times the job just above the action’s time budget, inside the 6-hour limit', () => {
    const steps = run.jobs.run.steps as Yaml[];
    const action = steps.find((step) => step.uses === './')!;
    const budget = Number(action.with['max-runtime-minutes']);
    expect(budget).toBe(Number(INPUT_DEFAULTS['max-runtime-minutes']));
    expect(run.jobs.run['timeout-minutes']).toBeGreaterThan(budget);
    expect(run.jobs.run['timeout-minutes']).toBeLessThanOrEqual(Math.min(budget + 30, 360));
  });

  it('hands the action the key and the HMAC key its caller passed', () => {
    const action = (run.jobs.run.steps as Yaml[]).find((step) => step.uses === './')!;
    expect(action.with['api-key']).toBe('${{ secrets.VIVENU_API_KEY }}');
    expect(action.with['webhook-secret']).toBe('${{ secrets.VIVENU_SECRET }}');
    for (const name of Object.keys(action.with as Yaml)) expect(INPUT_NAMES).toContain(name);
  });

  it('uploads the pulled tickets even when the run failed or was cancelled, kept briefly', () => {
    const upload = (run.jobs.run.steps as Yaml[]).find((step) =>
      String(step.uses).startsWith('actions/upload-artifact@'),
    )!;
    expect(upload.if).toBe('${{ always() }}');
    expect(upload.with.path).toContain('purchased_tickets/');
    // The region's progress files, one per receiver.
    expect(upload.with.path).toContain('historical_sync_progress_${{ inputs.region }}.json');
    expect(upload.with.path).toContain('historical_sync_progress_${{ inputs.region }}.*.json');
    expect(upload.with['retention-days']).toBeLessThanOrEqual(7);
    expect(upload.with.name).toContain('steps.sync.outputs.artifact-name');
  });
});

describe('.github/dependabot.yml', async () => {
  const config = parse(await readFile('.github/dependabot.yml', 'utf8')) as Yaml;

  it('updates the pinned actions and the npm packages weekly, one grouped pull request each', () => {
    expect(config.version).toBe(2);
    const updates = config.updates as Yaml[];
    expect(updates.map((update) => String(update['package-ecosystem'])).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
    for (const update of updates) {
      expect(update.directory).toBe('/');
      expect(update.schedule).toEqual({ interval: 'weekly' });
      const groups = Object.values(update.groups as Yaml);
      expect(groups).toHaveLength(1);
      expect(groups[0].patterns).toEqual(['*']);
    }
  });
});

describe('action.yml', async () => {
  const action = parse(await readFile('action.yml', 'utf8')) as Yaml;

  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('bundles @actions/core without the parts it imports but this action never calls', async () => {
    // build/unused-core-dependencies.ts: OIDC's HTTP client (with undici) and @actions/exec.
    const bundle = await readFile('dist/index.js', 'utf8');
    expect(bundle).toContain('node_modules/@actions/core/');
    for (const left of ['undici', '@actions/http-client', '@actions/exec', 'tunnel'])
      expect(bundle, left).not.toContain(`node_modules/${left}/`);
  });

  it('declares exactly the inputs of the table, in its order, as YAML reads them', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES);
    const declared = Object.entries(action.inputs as Record<string, unknown>);
    const table = INPUT_SPECS.map(([name, spec]) => [
      name,
      spec.default === undefined
        ? { description: spec.description, required: true }
        : { description: spec.description, required: false, default: spec.default },
    ]);
    expect(declared).toEqual(table);
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(action.inputs['page-size'].default).toBe(INPUT_DEFAULTS['page-size']);
    for (const input of Object.values(action.inputs as Yaml))
      expect(String(input.description).length).toBeGreaterThan(10);
  });

  it('is what `npm run action-yml` writes from the inputs table (run it after changing the table)', async () => {
    const committed = await readFile('action.yml', 'utf8');
    const message = 'action.yml differs from the inputs table: run npm run action-yml';
    expect(committed, message).toBe(withGeneratedInputs(committed));
  });

  it('has its inputs block rewritten whole from the table, and nothing else touched', async () => {
    const committed = await readFile('action.yml', 'utf8');
    const stale = committed
      .replace('Longest chain of follow-up runs.', 'Longest chain.')
      .replace(/^ {2}max-continuations:[^]*?(?=^\S)/m, '\n');
    expect(stale).not.toBe(committed);
    expect(withGeneratedInputs(stale)).toBe(committed);
    const other = 'name: x\ninputs:\n  old:\n    required: true\n\noutputs:\n  a: b\n';
    expect(withGeneratedInputs(other)).toBe(`name: x\n${inputsBlock()}\noutputs:\n  a: b\n`);
  });
});
