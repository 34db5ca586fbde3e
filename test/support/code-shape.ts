import path from 'node:path';
import ts from 'typescript';

/**
 * Measures the shape of the source (file and function sizes, the import graph, who imports the
 * runner's packages, whether the layout map in docs/development.md names the tree) from file contents alone,
 * so test/unit/code-shape.test.ts can run the same checks on the real tree and on inline
 * examples that prove each check can fail.
 */

/** Repository-relative POSIX path (`src/pipeline.ts`) to the file's text. */
export type SourceFiles = ReadonlyMap<string, string>;

export interface FileSize {
  file: string;
  lines: number;
}

export interface FunctionSize {
  file: string;
  /** Line of the function's first token (its leading comment is not part of it). */
  line: number;
  /** Its declared or assigned name, or `arrow function in <enclosing name>` when it has none. */
  name: string;
  lines: number;
}

export interface ModuleReference {
  file: string;
  specifier: string;
}

/** Lines as an editor numbers them: the newline that ends the last line opens no new one. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

export function filesOver(files: SourceFiles, limit: number): FileSize[] {
  return [...files]
    .map(([file, text]) => ({ file, lines: lineCount(text) }))
    .filter((size) => size.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

// Each check walks every file; parsing each text once keeps the suite's CPU for the timing tests.
const parsed = new Map<string, { text: string; sourceFile: ts.SourceFile }>();

function parse(file: string, text: string): ts.SourceFile {
  const known = parsed.get(file);
  if (known?.text === text) return known.sourceFile;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  parsed.set(file, { text, sourceFile });
  return sourceFile;
}

function forEachNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(root);
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression;

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

function propertyName(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)
    ? name.text
    : name.getText(sourceFile);
}

/** `Class.member`, or `object.member` for an object literal held by a variable. */
function qualified(member: ts.Node, name: string): string {
  const owner = member.parent;
  if ((ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && owner.name) {
    return `${owner.name.text}.${name}`;
  }
  if (
    ts.isObjectLiteralExpression(owner) &&
    ts.isVariableDeclaration(owner.parent) &&
    ts.isIdentifier(owner.parent.name)
  ) {
    return `${owner.parent.name.text}.${name}`;
  }
  return name;
}

/** The name a reader would search for: declared, or the variable or property it is held by. */
function declaredName(node: FunctionNode, sourceFile: ts.SourceFile): string | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) {
    if (node.name) return node.name.text;
  }
  if (ts.isConstructorDeclaration(node)) return qualified(node, 'constructor');
  if (ts.isMethodDeclaration(node)) return qualified(node, propertyName(node.name, sourceFile));
  if (ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const accessor = ts.isGetAccessorDeclaration(node) ? 'get' : 'set';
    return `${accessor} ${qualified(node, propertyName(node.name, sourceFile))}`;
  }
  const holder = node.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) {
    return qualified(holder, propertyName(holder.name, sourceFile));
  }
  return undefined;
}

/** The nearest named function, variable or class around `node`, for naming anonymous ones. */
function enclosingName(node: ts.Node, sourceFile: ts.SourceFile): string {
  for (let around = node.parent; !ts.isSourceFile(around); around = around.parent) {
    if (isFunctionNode(around)) return functionName(around, sourceFile);
    if (ts.isVariableDeclaration(around) && ts.isIdentifier(around.name)) return around.name.text;
    if ((ts.isClassDeclaration(around) || ts.isClassExpression(around)) && around.name) {
      return around.name.text;
    }
  }
  return 'module scope';
}

function functionName(node: FunctionNode, sourceFile: ts.SourceFile): string {
  const name = declaredName(node, sourceFile);
  if (name !== undefined) return name;
  const kind = ts.isArrowFunction(node) ? 'arrow function' : 'function';
  return `${kind} in ${enclosingName(node, sourceFile)}`;
}

/** Every function-like node of one file with its length in lines, first line to last. */
export function functionSizes(file: string, text: string): FunctionSize[] {
  const sourceFile = parse(file, text);
  const lineOf = (position: number): number =>
    sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const sizes: FunctionSize[] = [];
  forEachNode(sourceFile, (node) => {
    if (!isFunctionNode(node)) return;
    const line = lineOf(node.getStart(sourceFile));
    const lines = lineOf(node.getEnd()) - line + 1;
    sizes.push({ file, line, name: functionName(node, sourceFile), lines });
  });
  return sizes;
}

export function functionsOver(files: SourceFiles, limit: number): FunctionSize[] {
  return [...files]
    .flatMap(([file, text]) => functionSizes(file, text))
    .filter((size) => size.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

function stringArgument(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isLiteralTypeNode(node)) return stringArgument(node.literal);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

/**
 * Every module one file names: `import` and `export ... from` (type-only ones included),
 * `import x = require()`, `require()`, dynamic `import()` with a literal, and `import('...')`
 * types. A dynamic import with a computed specifier cannot be followed and is not counted.
 */
export function moduleReferences(file: string, text: string): ModuleReference[] {
  const references: ModuleReference[] = [];
  const add = (specifier: string | undefined): void => {
    if (specifier !== undefined) references.push({ file, specifier });
  };
  forEachNode(parse(file, text), (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      add(stringArgument(node.moduleSpecifier));
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(stringArgument(node.moduleReference.expression));
    } else if (ts.isImportTypeNode(node)) {
      add(stringArgument(node.argument));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isImport || isRequire) add(stringArgument(node.arguments[0]));
    }
  });
  return references;
}

/** The TypeScript extensions a compiled extension in an import stands for. */
const SOURCE_OF: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The file a relative specifier names among `files` (`./a.js` is written for `a.ts`). */
export function resolveRelative(
  from: string,
  specifier: string,
  files: SourceFiles,
): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const written = /\.(js|jsx|mjs|cjs)$/.exec(target)?.[0];
  const stem = written === undefined ? target : target.slice(0, -written.length);
  const sources = written === undefined ? ['.ts', '.tsx', '/index.ts'] : SOURCE_OF[written]!;
  const candidates = [target, ...sources.map((extension) => `${stem}${extension}`)];
  return candidates.find((candidate) => files.has(candidate));
}

/**
 * Who imports whom among `files`. Type-only imports are edges too: `import type` vanishes from
 * the build, but two modules that need each other's types still cannot be read, changed or
 * layered one without the other, which is what a cycle costs.
 */
export function importGraph(files: SourceFiles): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets = moduleReferences(file, text)
      .map((reference) => resolveRelative(file, reference.specifier, files))
      .filter((target) => target !== undefined);
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** Tarjan's strongly connected components; only those that can hold a cycle are kept. */
function cyclicComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    lowest.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, index.get(next)!));
      }
    }
    if (lowest.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/**
 * Every elementary import cycle, each as a path that returns to its start (`a -> b -> a`),
 * started at its alphabetically first file; at most `limit` of them, in case a tangle grows.
 */
export function importCycles(
  graph: ReadonlyMap<string, readonly string[]>,
  limit = 200,
): string[][] {
  const cycles: string[][] = [];
  for (const component of cyclicComponents(graph)) {
    const members = new Set(component);
    // Each cycle is found once, from its first member: later starts skip earlier members.
    for (const [position, start] of component.entries()) {
      const allowed = new Set(component.slice(position));
      const walk = (node: string, trail: string[]): void => {
        for (const next of graph.get(node) ?? []) {
          if (cycles.length >= limit) return;
          if (next === start) cycles.push([...trail, start]);
          else if (members.has(next) && allowed.has(next) && !trail.includes(next)) {
            walk(next, [...trail, next]);
          }
        }
      };
      walk(start, [start]);
    }
  }
  return cycles;
}

/**
 * The part of the tree a file belongs to, for folder cycles: its folder with a trailing `/`
 * (`src/pipeline/`), or, for a file that sits directly in `root`, the file itself: a loose
 * file is a part of its own, so a cycle through it (`src/a/ -> src/x.ts -> src/a/`) is seen.
 */
export function folderOf(file: string, root = 'src'): string {
  const folder = path.posix.dirname(file);
  return folder === root ? file : `${folder}/`;
}

/** One import that makes a folder depend on another: `file` imports `imports`. */
export interface FolderImport {
  file: string;
  imports: string;
}

export interface FolderCycle {
  /** A path that returns to its start (`src/a/ -> src/b/ -> src/a/`), first folder first. */
  folders: string[];
  /** One import for each step of the path, in order. */
  imports: FolderImport[];
}

/**
 * Every elementary cycle between the folders of `root`: folder A depends on folder B when some
 * file in A imports one in B (type-only imports count, as in `importGraph`); imports within a
 * folder are not dependencies. Each step carries one import that makes it, the first by file
 * name, so a failure says where to look.
 */
export function folderCycles(
  graph: ReadonlyMap<string, readonly string[]>,
  root = 'src',
  limit = 200,
): FolderCycle[] {
  const folders = new Map<string, Set<string>>();
  const witness = new Map<string, FolderImport>();
  for (const file of [...graph.keys()].sort()) {
    const from = folderOf(file, root);
    const targets = folders.get(from) ?? new Set<string>();
    folders.set(from, targets);
    for (const target of [...(graph.get(file) ?? [])].sort()) {
      const to = folderOf(target, root);
      if (to === from) continue;
      targets.add(to);
      const step = `${from}\n${to}`;
      if (!witness.has(step)) witness.set(step, { file, imports: target });
    }
  }
  const folderGraph = new Map([...folders].map(([from, to]) => [from, [...to].sort()]));
  return importCycles(folderGraph, limit).map((cycle) => ({
    folders: cycle,
    imports: cycle.slice(1).map((to, step) => witness.get(`${cycle[step]!}\n${to}`)!),
  }));
}

/** `src/a/ -> src/b/ -> src/a/ (src/a/x.ts imports src/b/y.ts; src/b/z.ts imports src/a/x.ts)` */
export function describeFolderCycle(cycle: FolderCycle): string {
  const imports = cycle.imports.map((step) => `${step.file} imports ${step.imports}`);
  return `${cycle.folders.join(' -> ')} (${imports.join('; ')})`;
}

/** References to the runner's packages (`@actions/*`) from any file but the `allowed` ones. */
export function runnerImports(files: SourceFiles, allowed: readonly string[]): ModuleReference[] {
  return [...files]
    .filter(([file]) => !allowed.includes(file))
    .flatMap(([file, text]) => moduleReferences(file, text))
    .filter((reference) => /^@actions(\/|$)/.test(reference.specifier));
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * The prose of the section under the heading named `title` (any level), down to the next
 * heading of the same or a higher level; fenced code is left out. Undefined when absent.
 */
export function markdownSection(markdown: string, title: string): string | undefined {
  let level: number | undefined;
  let fence: string | undefined;
  const prose: string[] = [];
  for (const line of markdown.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark !== undefined && (fence === undefined || fenceMark === fence)) {
      fence = fence === undefined ? fenceMark : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = HEADING.exec(line);
    if (heading && level !== undefined && heading[1]!.length <= level) break;
    if (level !== undefined) prose.push(line);
    else if (heading && heading[2]!.trim().toLowerCase() === title.toLowerCase()) {
      level = heading[1]!.length;
    }
  }
  return level === undefined ? undefined : prose.join('\n');
}

/**
 * The `src/...` paths written inside inline code in `prose`, as written (a folder may end in
 * `/`). Globs such as `src/**` name no one path, so they are not taken.
 */
export function srcPathsInCode(prose: string): string[] {
  const paths: string[] = [];
  for (const span of prose.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    for (const match of span[2]!.matchAll(/(?<![\w./-])src\/[^\s`'"()<>,;:]*/g)) {
      const written = match[0].replace(/\.+$/, '');
      if (!/[*?{[]/.test(written)) paths.push(written);
    }
  }
  return [...new Set(paths)];
}

export interface LayoutMismatch {
  /** Paths the prose names that are not on disk (a path ending in `/` must be a folder). */
  notOnDisk: string[];
  /** Folders on disk the prose never names as themselves (`src/x/` or `src/x`). */
  notNamed: string[];
}

/** Compares the paths a layout map names with the files and folders that exist. */
export function layoutMismatch(
  prose: string,
  tree: { files: ReadonlySet<string>; folders: ReadonlySet<string> },
): LayoutMismatch {
  const written = srcPathsInCode(prose);
  const named = new Set(written.map((entry) => entry.replace(/\/+$/, '')));
  const notOnDisk = written.filter((entry) => {
    const bare = entry.replace(/\/+$/, '');
    return entry.endsWith('/')
      ? !tree.folders.has(bare)
      : !tree.folders.has(bare) && !tree.files.has(bare);
  });
  const notNamed = [...tree.folders].filter((folder) => !named.has(folder)).sort();
  return { notOnDisk, notNamed };
}
