import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../support/code-shape.js';

// Issue 22: settings/ reads the progress file's companions (its journal and lock paths) from
// progress/, so progress/ must not read anything from settings/: the two folders would form a
// cycle, and the progress file could not be read without the action's inputs.
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(): Map<string, string> {
  const entries = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  return new Map(
    entries
      .map((entry) => `src/${entry.split(path.sep).join('/')}`)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [file, readFileSync(path.join(root, file), 'utf8')]),
  );
}

/** Each import from a file under `from` of a file under `to`, as `importer -> imported`. */
function importsAcross(graph: Map<string, string[]>, from: string, to: string): string[] {
  return [...graph].flatMap(([file, imported]) =>
    file.startsWith(from)
      ? imported.filter((target) => target.startsWith(to)).map((target) => `${file} -> ${target}`)
      : [],
  );
}

describe('src/progress/ and src/settings/', () => {
  it('progress imports nothing from settings (type-only imports included)', () => {
    expect(importsAcross(importGraph(sourceFiles()), 'src/progress/', 'src/settings/')).toEqual([]);
  });

  it('the check sees such an import', () => {
    const files = new Map([
      ['src/progress/a.ts', "import type { X } from '../settings/b.js';\n"],
      ['src/settings/b.ts', 'export type X = 1;\n'],
    ]);
    expect(importsAcross(importGraph(files), 'src/progress/', 'src/settings/')).toEqual([
      'src/progress/a.ts -> src/settings/b.ts',
    ]);
  });
});
