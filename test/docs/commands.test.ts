import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP, parseCommandLine } from '../../src/cli/cli-arguments.js';
import { MODES, TARGETS } from '../../src/settings/settings.js';
import {
  codeOf,
  docPages,
  firstColumn,
  parseMarkdown,
  readPage,
  root,
  section,
} from './doc-pages.js';

/**
 * Every command and flag the README and docs/ show is one the code takes: each terminal command
 * is read by the command's own parser, each flag is in its help, each `npm run` script exists,
 * and the tables of inputs, outputs and form fields name exactly what action.yml and the
 * workflows declare.
 */

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const readYaml = (file: string): Yaml => parse(readFileSync(path.join(root, file), 'utf8')) as Yaml;
const action = readYaml('action.yml');
const form = readYaml('.github/workflows/historical-sync.yml');
const formInputs = ((form.on as Yaml).workflow_dispatch as Yaml).inputs as Record<string, Yaml>;
const scripts = Object.keys(
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Yaml).scripts as object,
);

/** The flags HELP lists, `--dry-run` … and `-h`. */
const HELP_FLAGS = new Set(
  [...HELP.matchAll(/(?<![\w-])(--[a-z][a-z-]*|-h)\b/g)].map((m) => m[1]!),
);
/** Flags of other programs the docs show: the earlier tool's, the chaos suite's, the bench's. */
const OTHER_PROGRAMS_FLAGS = new Set(['--resume', '--seed', '--small', '--no-install']);

const ENV = Object.fromEntries(
  ['PROD', 'DEV', 'ITALY', 'DACH', 'TEST'].map((region) => [`${region}_API`, 'key']),
);
const COMMAND = /^(?:npx historical-sync|node dist\/cli\.js|historical-sync)(?=\s|$)(.*)$/;
/** Placeholders the docs write, made into values the parser takes. */
const filledIn = (words: string): string =>
  words
    .replace(/<event>|<EVENT_ID>|<event-id>/g, '68108c20c5c88849372bfb61')
    .replace(/<id>/g, '6811a0c5e4b0d1f2a3b4c5d6')
    .replace(/…|\.\.\./g, ' ');

interface Shown {
  page: string;
  text: string;
}
const pages = docPages();
const trees = new Map(pages.map((page) => [page, parseMarkdown(readPage(page))]));

/** Every terminal command shown: inline code and code-block lines (comments left out). */
const commands: Shown[] = pages.flatMap((page) => {
  const { inline, blocks } = codeOf(trees.get(page)!);
  const lines = blocks
    .filter((block) => ['bash', 'sh', 'shell', ''].includes(block.lang))
    .flatMap((block) => block.text.split('\n').map((line) => line.replace(/\s+#.*$/, '')));
  return [...inline, ...lines]
    .map((text) => text.trim())
    .filter((text) => COMMAND.test(text))
    .map((text) => ({ page, text }));
});

/** Inline code that is a flag on its own (`--limit N`, `--ticket-ids failed`). */
const flagsAlone: Shown[] = pages.flatMap((page) =>
  codeOf(trees.get(page)!)
    .inline.filter((text) => /^--[a-z]/.test(text))
    .map((text) => ({ page, text: text.split(/\s/)[0]! })),
);

describe('commands shown in README.md and docs/', () => {
  it('include the README test command CI runs and the demo', () => {
    const blocks = codeOf(trees.get('README.md')!).blocks.map((block) => block.text);
    expect(blocks.join('\n')).toMatch(/^npm ci && npm test\b/m);
    expect(blocks.join('\n')).toMatch(/^npm ci && npm run demo\b/m);
  });

  it('are read by the command line parser', () => {
    expect(commands.length).toBeGreaterThan(10);
    const refused = commands.flatMap(({ page, text }) => {
      const words = filledIn(COMMAND.exec(text)![1]!).trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [];
      try {
        parseCommandLine(words, ENV);
        return [];
      } catch (error) {
        return [`${page}: ${text}: ${(error as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
  });

  it('use only flags the command takes and its help lists', () => {
    const inCommands = commands.flatMap(({ page, text }) =>
      [...text.matchAll(/(?<![\w-])--?[a-z][a-z-]*/g)].map((m) => ({ page, text: m[0] })),
    );
    const unknown = [...inCommands, ...flagsAlone].filter(
      ({ text }) => !HELP_FLAGS.has(text) && !OTHER_PROGRAMS_FLAGS.has(text),
    );
    expect(unknown).toEqual([]);
  });

  it('run only npm scripts that exist', () => {
    const runs = pages.flatMap((page) => {
      const { inline, blocks } = codeOf(trees.get(page)!);
      const text = [...inline, ...blocks.map((block) => block.text)].join('\n');
      return [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => ({ page, script: m[1]! }));
    });
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.filter(({ script }) => !scripts.includes(script))).toEqual([]);
  });

  it('give the flags that are not inputs: how-it-works names each input without a flag', () => {
    const valueFlags = [...HELP_FLAGS].filter((flag) => !['--help', '-h', '--test'].includes(flag));
    const inputs = Object.keys(action.inputs as object);
    // Every flag but --test and --help is the input of the same name.
    expect(valueFlags.filter((flag) => !inputs.includes(flag.slice(2)))).toEqual([]);
    const otherwise = ['region', 'event-id', 'api-key', 'webhook-secret', 'mode'];
    const withoutFlag = inputs.filter(
      (input) => !HELP_FLAGS.has(`--${input}`) && !otherwise.includes(input),
    );
    const text = readPage('docs/how-it-works.md');
    const said = /no flag for ([^;.]*?)\.\n/s.exec(text.replace(/\n {2}/g, ' '))?.[1] ?? '';
    expect([...said.matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual(withoutFlag);
  });
});

describe('tables and examples true to action.yml and the workflows', () => {
  const readme = trees.get('README.md')!;

  it("the README's inputs table names every input of action.yml, in its order", () => {
    const names = firstColumn(section(readme, 'Inputs'));
    expect(names).toEqual(Object.keys(action.inputs as object));
    const detail = firstColumn(
      section(trees.get('docs/how-it-works.md')!, 'Every input in detail'),
    );
    expect(detail).toEqual(Object.keys(action.inputs as object));
  });

  it("the README's outputs table names every output of action.yml", () => {
    expect(firstColumn(section(readme, 'Outputs'))).toEqual(Object.keys(action.outputs as object));
  });

  it("the README's form table names every field of Run workflow, continuation included", () => {
    expect(firstColumn(section(readme, 'Run workflow'))).toEqual(Object.keys(formInputs));
  });

  it('a field or input set to a value in the text takes that value', () => {
    const choices: Record<string, readonly string[]> = {
      mode: MODES,
      target: TARGETS,
      ...Object.fromEntries(
        Object.entries(formInputs)
          .filter(([, field]) => field.type === 'choice' && field.options)
          .map(([name, field]) => [name, [...(field.options as string[]), ...MODES]]),
      ),
    };
    const wrong = pages.flatMap((page) =>
      codeOf(trees.get(page)!)
        .inline.map((text) => /^([a-z-]+): ([^\s"]+)$/.exec(text))
        .filter((match): match is RegExpExecArray => match !== null && match[1]! in choices)
        .filter((match) => !choices[match[1]!]!.includes(match[2]!))
        .map((match) => `${page}: ${match[0]}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the example workflow uses only inputs and outputs the action has, and can continue itself', () => {
    const example = codeOf(readme)
      .blocks.filter((block) => block.lang === 'yaml')
      .map((block) => parse(block.text) as Yaml)
      .find((workflow) => JSON.stringify(workflow).includes('vivenu-historical-sync@'));
    expect(example).toBeDefined();
    const job = Object.values(example!.jobs as Record<string, Yaml>)[0]!;
    const steps = job.steps as Yaml[];
    const step = steps.find((s) => String(s.uses).includes('vivenu-historical-sync@'))!;
    const inputs = Object.keys(action.inputs as object);
    expect(Object.keys(step.with as object).filter((name) => !inputs.includes(name))).toEqual([]);
    for (const [name, input] of Object.entries(action.inputs as Record<string, Yaml>)) {
      if (input.required) expect(Object.keys(step.with as object)).toContain(name);
    }
    const outputsRead = [...JSON.stringify(example).matchAll(/steps\.sync\.outputs\.([a-z-]+)/g)];
    expect(outputsRead.length).toBeGreaterThan(0);
    for (const [, output] of outputsRead)
      expect(Object.keys(action.outputs as object)).toContain(output);
    // The follow-up run is this workflow dispatched again with `continuation`: it must take it.
    if (String((step.with as Yaml)['auto-continue']) === 'true') {
      expect(((example!.on as Yaml).workflow_dispatch as Yaml).inputs).toHaveProperty(
        'continuation',
      );
      expect((step.with as Yaml).continuation).toBe('${{ inputs.continuation }}');
      expect(job.permissions).toMatchObject({ contents: 'write', actions: 'write' });
    }
    // The upload keeps the progress file with the tickets, as the form's workflow does.
    const upload = steps.find((s) => String(s.uses).startsWith('actions/upload-artifact@'))!;
    expect((upload.with as Yaml).path).toContain('steps.sync.outputs.progress-file');
  });
});
