import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeFolderCycle,
  filesOver,
  folderCycles,
  functionSizes,
  functionsOver,
  importCycles,
  importGraph,
  layoutMismatch,
  markdownSection,
  runnerImports,
  srcPathsInCode,
  type FunctionSize,
} from '../support/code-shape.js';

// The shape issue 13 promised: small files and functions, a graph that reads one way, the
// runner behind one door, and a layout map (docs/development.md) that matches the tree.
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 100;
const RUNNER_DOOR = 'src/action.ts';

const root = path.resolve(import.meta.dirname, '../..');

function readSource(): Map<string, string> {
  const entries = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  const files = entries
    .map((entry) => `src/${entry.split(path.sep).join('/')}`)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}

function sourceFolders(): Set<string> {
  const entries = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  return new Set(
    entries
      .filter((entry) => statSync(path.join(root, 'src', entry)).isDirectory())
      .map((entry) => `src/${entry.split(path.sep).join('/')}`),
  );
}

const describeFunction = (size: FunctionSize): string =>
  `${size.file}:${size.line} ${size.name} (${size.lines} lines)`;

/** A file whose one function spans exactly `lines` lines, braces included. */
function functionOfLines(lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, index) => `  const step${index} = ${index};`);
  return ['export function long(): void {', ...body, '}', ''].join('\n');
}

describe('the shape checker itself', () => {
  it('catches a 101-line function and lets a 100-line one pass', () => {
    const files = new Map([
      ['src/long.ts', functionOfLines(MAX_FUNCTION_LINES + 1)],
      ['src/fits.ts', functionOfLines(MAX_FUNCTION_LINES)],
    ]);
    expect(functionsOver(files, MAX_FUNCTION_LINES).map(describeFunction)).toEqual([
      'src/long.ts:1 long (101 lines)',
    ]);
  });

  it('catches a 401-line file and lets a 400-line one pass, counting as an editor does', () => {
    const lines = (count: number): string => 'const x = 1;\n'.repeat(count);
    const files = new Map([
      ['src/big.ts', lines(MAX_FILE_LINES + 1)],
      ['src/fits.ts', lines(MAX_FILE_LINES)],
    ]);
    expect(filesOver(files, MAX_FILE_LINES)).toEqual([{ file: 'src/big.ts', lines: 401 }]);
  });

  it('measures methods, accessors, constructors and anonymous functions, and names them', () => {
    const text = [
      '/** A doc comment is not part of the function. */',
      'export class Keeper {',
      '  constructor() {}',
      '  get size(): number {',
      '    return 1;',
      '  }',
      '  run(): void {',
      '    [1].forEach((n) => {',
      '      void n;',
      '    });',
      '  }',
      '}',
      'const helper = function () {};',
      'export default function () {}',
    ].join('\n');
    expect(functionSizes('src/keeper.ts', text).map(describeFunction)).toEqual([
      'src/keeper.ts:3 Keeper.constructor (1 lines)',
      'src/keeper.ts:4 get Keeper.size (3 lines)',
      'src/keeper.ts:7 Keeper.run (5 lines)',
      'src/keeper.ts:8 arrow function in Keeper.run (3 lines)',
      'src/keeper.ts:13 helper (1 lines)',
      'src/keeper.ts:14 function in module scope (1 lines)',
    ]);
  });

  it('finds a two-file cycle, through a type-only import too, and prints it as a path', () => {
    const files = new Map([
      ['src/a.ts', "import { b } from './b.js';\nexport const a = b;\n"],
      ['src/b.ts', "import type { A } from './a.js';\nexport const b = 1;\n"],
      ['src/c.ts', "export const c = await import('./a.js');\n"],
    ]);
    expect(importCycles(importGraph(files)).map((cycle) => cycle.join(' -> '))).toEqual([
      'src/a.ts -> src/b.ts -> src/a.ts',
    ]);
  });

  it('finds a cycle closed by a dynamic import or a re-export in a folder', () => {
    const files = new Map([
      ['src/x/one.ts', "export * from '../two.js';\n"],
      ['src/two.ts', "export const load = () => import('./x/one.js');\n"],
    ]);
    expect(importCycles(importGraph(files))).toEqual([
      ['src/two.ts', 'src/x/one.ts', 'src/two.ts'],
    ]);
  });

  it('finds a two-folder cycle, through a type-only import too, naming one import each way', () => {
    const files = new Map([
      ['src/a/one.ts', "import { b } from '../b/two.js';\nexport const a = b;\n"],
      ['src/a/three.ts', 'export const three = 3;\n'],
      ['src/b/two.ts', "import type { Three } from '../a/three.js';\nexport const b = 2;\n"],
    ]);
    // No file cycle: one.ts -> two.ts -> three.ts stops there; the folders still need each other.
    expect(importCycles(importGraph(files))).toEqual([]);
    expect(folderCycles(importGraph(files)).map(describeFolderCycle)).toEqual([
      'src/a/ -> src/b/ -> src/a/ (src/a/one.ts imports src/b/two.ts; src/b/two.ts imports src/a/three.ts)',
    ]);
  });

  it('lets a one-way dependency between folders and imports within a folder pass', () => {
    const files = new Map([
      ['src/a/one.ts', "import { two } from './two.js';\nexport * from '../b/three.js';\n"],
      ['src/a/two.ts', 'export const two = 2;\n'],
      ['src/b/three.ts', "import type { Four } from './four.js';\nexport const three = 3;\n"],
      ['src/b/four.ts', "import { three } from './three.js';\nexport type Four = 4;\n"],
    ]);
    expect(folderCycles(importGraph(files))).toEqual([]);
  });

  it('finds a folder cycle through a third folder, and through a file loose in src/', () => {
    const files = new Map([
      ['src/a/one.ts', "import '../b/two.js';\n"],
      ['src/b/two.ts', "export const load = () => import('../c/three.js');\n"],
      ['src/c/three.ts', "import type { One } from '../a/one.js';\n"],
      ['src/report.ts', "import type { Four } from './d/four.js';\n"],
      ['src/d/four.ts', "import type { Report } from '../report.js';\nexport type Four = 4;\n"],
      ['src/d/five.ts', "import '../report.js';\n"],
    ]);
    expect(folderCycles(importGraph(files)).map(describeFolderCycle)).toEqual([
      'src/a/ -> src/b/ -> src/c/ -> src/a/ (src/a/one.ts imports src/b/two.ts; src/b/two.ts imports src/c/three.ts; src/c/three.ts imports src/a/one.ts)',
      'src/d/ -> src/report.ts -> src/d/ (src/d/five.ts imports src/report.ts; src/report.ts imports src/d/four.ts)',
    ]);
  });

  it('catches a runner import outside the door, static or dynamic', () => {
    const files = new Map([
      [RUNNER_DOOR, "import * as core from '@actions/core';\n"],
      ['src/sneaky.ts', "export const core = () => import('@actions/core');\n"],
    ]);
    expect(runnerImports(files, [RUNNER_DOOR])).toEqual([
      { file: 'src/sneaky.ts', specifier: '@actions/core' },
    ]);
  });

  it('reads the backticked src paths of one section, and skips fenced code', () => {
    const readme = [
      '## Notes',
      '- `src/a/` and `src/b.ts`, and `src/**` (a glob)',
      '```',
      '`src/fenced/` is code',
      '```',
      '## Next',
      '`src/later/`',
    ].join('\n');
    const prose = markdownSection(readme, 'Notes')!;
    expect(srcPathsInCode(prose)).toEqual(['src/a/', 'src/b.ts']);
    const tree = { files: new Set(['src/b.ts']), folders: new Set(['src/a', 'src/c']) };
    expect(layoutMismatch(prose, tree)).toEqual({ notOnDisk: [], notNamed: ['src/c'] });
    expect(layoutMismatch('`src/gone.ts`', tree).notOnDisk).toEqual(['src/gone.ts']);
  });
});

describe('the shape of src/', () => {
  const source = readSource();

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const offenders = filesOver(source, MAX_FILE_LINES);
    expect(
      offenders.map((size) => `${size.file} (${size.lines} lines)`),
      `files over ${MAX_FILE_LINES} lines`,
    ).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const offenders = functionsOver(source, MAX_FUNCTION_LINES);
    expect(offenders.map(describeFunction), `functions over ${MAX_FUNCTION_LINES} lines`).toEqual(
      [],
    );
  });

  it('has no import cycles (type-only imports included)', () => {
    const cycles = importCycles(importGraph(source));
    expect(
      cycles.map((cycle) => cycle.join(' -> ')),
      'import cycles',
    ).toEqual([]);
  });

  it('has no import cycles between folders (a file loose in src/ counts as a folder of its own)', () => {
    const cycles = folderCycles(importGraph(source));
    expect(cycles.map(describeFolderCycle), 'folder cycles, with one import each way').toEqual([]);
  });

  it(`lets only ${RUNNER_DOOR} import @actions/*`, () => {
    const offenders = runnerImports(source, [RUNNER_DOOR]);
    expect(
      offenders.map((reference) => `${reference.file} imports ${reference.specifier}`),
      '@actions/* imported outside the door',
    ).toEqual([]);
  });

  it("matches the layout map in docs/development.md's Design notes to the tree", () => {
    const notes = readFileSync(path.join(root, 'docs/development.md'), 'utf8');
    const prose = markdownSection(notes, 'Design notes');
    expect(prose, 'docs/development.md has a "Design notes" section').toBeDefined();
    const tree = { files: new Set(source.keys()), folders: sourceFolders() };
    const mismatch = layoutMismatch(prose ?? '', tree);
    // One assertion, so a failure shows both lists: stale paths and folders left off the map.
    expect(mismatch, 'Design notes paths not on disk / src folders it never names').toEqual({
      notOnDisk: [],
      notNamed: [],
    });
  });
});
