import { open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Bytes gathered before each write of a file written in pieces. */
const WRITE_BUFFER_BYTES = 64 * 1024;

/**
 * Writes `file` whole or not at all, and durably: a crash, a cancel or a power cut leaves
 * either the file as it was or the new one, never half of it. The content goes to a temporary
 * file in the same folder (a rename is atomic only within one filesystem), is fsynced, then
 * renamed over `file`; the folder is fsynced after, so the rename itself survives a power cut.
 *
 * `content` may come in pieces: they are gathered in one reused buffer, so a file of any size
 * is written holding no more than one piece and the buffer (no large strings, no buffer per
 * piece).
 */
export async function writeFileAtomic(
  file: string,
  content: string | Iterable<string>,
): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    // `writeFile` on a handle writes from where the handle is and repeats until every byte is
    // written; a single `write` may write fewer bytes than it is given.
    if (typeof content === 'string') await handle.writeFile(content);
    else await writePieces(handle, content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await syncFolder(path.dirname(file));
}

async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  for (const piece of pieces) {
    // UTF-8 needs at most 3 bytes per UTF-16 unit: a bound that costs no measuring.
    if (used > 0 && used + piece.length * 3 > buffer.length) {
      await handle.writeFile(buffer.subarray(0, used));
      used = 0;
    }
    if (piece.length * 3 > buffer.length) await handle.writeFile(piece);
    else used += buffer.write(piece, used);
  }
  if (used > 0) await handle.writeFile(buffer.subarray(0, used));
}

/**
 * Makes a rename in `folder` durable. Some filesystems (and platforms) refuse to open or fsync
 * a folder: the rename is still atomic then, only not yet certain to survive a power cut, which
 * is no reason to fail a write that has already landed.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(folder, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Refused: see above.
  } finally {
    await handle.close();
  }
}
