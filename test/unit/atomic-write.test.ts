import type * as fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/atomic-write.js';

/** What the file system was asked to do, in order, for the order a durable write needs. */
const steps: string[] = [];
/** Folders whose fsync the file system refuses, as some do. */
const refusingFolders = new Set<string>();
/** Folders the file system refuses to open at all. */
const unopenableFolders = new Set<string>();

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const open = async (file: string, flags: string): Promise<FileHandle> => {
    if (unopenableFolders.has(file)) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    const handle = await real.open(file, flags);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      steps.push(`sync ${path.basename(file)}`);
      if (refusingFolders.has(file)) throw Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
      return sync();
    };
    return handle;
  };
  const rename = async (from: string, to: string): Promise<void> => {
    steps.push(`rename ${path.basename(from)} ${path.basename(to)}`);
    return real.rename(from, to);
  };
  return { ...real, open, rename };
});

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
  file = path.join(folder, 'out.json');
  steps.length = 0;
  refusingFolders.clear();
  unopenableFolders.clear();
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a string, fsyncs it before the rename and the folder after', async () => {
    await writeFileAtomic(file, '{"a": 1}\n');
    expect(await readFile(file, 'utf8')).toBe('{"a": 1}\n');
    const temporary = `out.json.${process.pid}.tmp`;
    expect(steps).toEqual([
      `sync ${temporary}`,
      `rename ${temporary} out.json`,
      `sync ${path.basename(folder)}`,
    ]);
    expect(await readdir(folder)).toEqual(['out.json']);
  });

  it('writes pieces exactly as joined: small, larger than its buffer, and multi-byte', async () => {
    const pieces = [
      '[\n',
      ...Array.from({ length: 5_000 }, (_, index) => `  "Zürich ${index} – É 🎟",\n`),
      'x'.repeat(200_000),
      'é'.repeat(30_000),
      '\n]\n',
    ];
    await writeFileAtomic(file, pieces);
    expect(await readFile(file, 'utf8')).toBe(pieces.join(''));
  });

  it('writes an empty file from no pieces', async () => {
    await writeFileAtomic(file, []);
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('replaces the file whole', async () => {
    await writeFile(file, 'a much longer earlier text than the new one');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('leaves the file as it was when the content fails halfway', async () => {
    await writeFile(file, 'before');
    function* failing(): Generator<string> {
      yield 'half of';
      throw new Error('cancelled');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('cancelled');
    expect(await readFile(file, 'utf8')).toBe('before');
    expect(steps.filter((step) => step.startsWith('rename'))).toEqual([]);
  });

  it('still succeeds where the file system refuses to fsync or open the folder', async () => {
    refusingFolders.add(folder);
    await writeFileAtomic(file, 'kept');
    expect(await readFile(file, 'utf8')).toBe('kept');

    refusingFolders.clear();
    unopenableFolders.add(folder);
    await writeFileAtomic(file, 'kept again');
    expect(await readFile(file, 'utf8')).toBe('kept again');
  });
});
