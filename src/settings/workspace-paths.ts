import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a path really leads, symbolic links included, for paths that need not exist yet: the
 * deepest part that exists is resolved (`realpath`), and the parts below it, which a write
 * would create as plain folders, are appended. A link to nothing, or a part that cannot be
 * read, is its own answer: neither says where a write would land.
 */
export type ResolvedPath =
  | { kind: 'resolved'; path: string; deepestExisting: string; exists: boolean }
  | { kind: 'dangling-link'; link: string }
  | { kind: 'unreadable'; at: string; code: string };

function errorCode(error: unknown): string {
  return String((error as NodeJS.ErrnoException).code ?? 'unknown error');
}

export function resolveThroughLinks(target: string): ResolvedPath {
  const missing: string[] = [];
  let existing = path.resolve(target);
  for (;;) {
    try {
      const real = realpathSync(existing);
      return {
        kind: 'resolved',
        path: path.join(real, ...missing),
        deepestExisting: real,
        exists: missing.length === 0,
      };
    } catch (error) {
      const code = errorCode(error);
      // ENOTDIR: a part of the path is a file; the caller says so by looking at the part found.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        return { kind: 'unreadable', at: existing, code };
      // A link whose target is missing: a write would create that target, wherever it is.
      if (code === 'ENOENT' && isSymbolicLink(existing))
        return { kind: 'dangling-link', link: existing };
      const parent = path.dirname(existing);
      if (parent === existing) return { kind: 'unreadable', at: existing, code };
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** True when `inner` is `outer` or below it. */
export function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** What a path input must be: a folder to write into, or a file to read and replace. */
export type PathRole = 'folder' | 'file';

/**
 * Why `target` (an input's path, already checked to be inside `workspace` as written) cannot
 * be used, or undefined when it can: it resolves, symbolic links included, outside the
 * workspace; it is the wrong kind (a file where a folder is needed, or the reverse); it sits
 * below a file; or it cannot be read. Each reason ends with what to do.
 */
export function pathProblem(
  target: string,
  role: PathRole,
  workspace: string,
  example: string,
): string | undefined {
  const root = resolveThroughLinks(workspace);
  const resolved = resolveThroughLinks(target);
  if (resolved.kind === 'dangling-link')
    return `is a symbolic link (${resolved.link}) to something that does not exist: remove the link, or name a real ${role} inside the workspace`;
  if (resolved.kind === 'unreadable')
    return `cannot be read at ${resolved.at} (${resolved.code}): check the path and its permissions`;
  const rootPath = root.kind === 'resolved' ? root.path : path.resolve(workspace);
  if (!isWithin(rootPath, resolved.path))
    return `resolves through a symbolic link to ${resolved.path}, outside the workspace (${rootPath}): name a ${role} inside the workspace`;
  if (!resolved.exists && !isDirectory(resolved.deepestExisting))
    return `is below ${resolved.deepestExisting}, which is a file, not a folder: name a ${role} inside a folder`;
  if (resolved.exists && role === 'folder' && !isDirectory(resolved.path))
    return `is a file, not a folder: name a folder (for example ${example}; it is created when missing)`;
  if (resolved.exists && role === 'file' && isDirectory(resolved.path))
    return `is a folder, not a file: name a file (for example ${example})`;
  return undefined;
}
