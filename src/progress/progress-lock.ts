import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';
import { ProgressFileError } from '../errors.js';
import { logText } from '../log-text.js';

export function lockPath(progressFile: string): string {
  return `${progressFile}.lock`;
}

/** Who holds a progress file: what the lock file beside it says. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
});

/**
 * Whether the process `pid` on this machine has ended. Signal 0 tests whether a process
 * exists and sends nothing; ESRCH means there is none (nodejs.org/api/process.html#processkillpid-signal,
 * kill(2)). EPERM means it exists under another user: held.
 */
function hasEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A lock only a run on this machine can judge: another machine's pid means nothing here, and
 * this process's own pid is another run inside this process.
 */
function isStale(holder: LockHolder): boolean {
  return holder.host === os.hostname() && holder.pid !== process.pid && hasEnded(holder.pid);
}

/** The lock's holder; undefined when the lock is gone; 'unreadable' when it is not one of ours. */
async function readHolder(file: string): Promise<LockHolder | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function inUseError(progressFile: string, file: string, holder: LockHolder | 'unreadable') {
  const who =
    holder === 'unreadable'
      ? 'a lock file that does not say who holds it'
      : `pid ${holder.pid} on ${logText(holder.host)}, started ${logText(holder.startedAt)}`;
  return new ProgressFileError(
    `progress file ${logText(progressFile)} is in use by another run (${who}): it holds ${logText(file)}. ` +
      `Nothing was sent and the file was left as it is. Wait for that run to end; if it is not running any more, delete ${logText(file)} and run again.`,
  );
}

/**
 * One run at a time on a progress file: two runs writing it at once would each save their own
 * view, and the last writer would drop the other's delivered ids, to be sent again. The lock
 * is a file beside it, created only if absent (`wx`), holding pid, host name and start time.
 * A lock left by a run that ended without releasing it (SIGKILL, a crash) is taken over when
 * its pid is gone from this machine.
 */
export class ProgressLock {
  private released = false;
  private readonly releaseAtExit = (): void => this.releaseNow();

  private constructor(
    readonly file: string,
    private readonly holder: LockHolder,
    /** The ended run whose lock this one took over, if any. */
    readonly tookOverFrom: LockHolder | undefined,
  ) {
    // Every exit path, including an uncaught error, leaves no lock behind; only SIGKILL does.
    process.once('exit', this.releaseAtExit);
  }

  /** Takes the lock, or throws naming its holder: before any request, nothing sent. */
  static async acquire(progressFile: string, startedAt: Date): Promise<ProgressLock> {
    const file = lockPath(progressFile);
    const me: LockHolder = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: startedAt.toISOString(),
    };
    let tookOverFrom: LockHolder | undefined;
    // Twice at most: once as found, once after taking over a stale lock or seeing it released.
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (await createExclusive(file, `${JSON.stringify(me)}\n`, progressFile)) {
        return new ProgressLock(file, me, tookOverFrom);
      }
      const holder = await readHolder(file);
      if (holder === undefined) continue;
      if (holder === 'unreadable' || !isStale(holder) || attempt === 2)
        throw inUseError(progressFile, file, holder);
      // Two runs taking over the same stale lock at once: both remove it, one creates it anew
      // and the other finds that one's lock on its second try. The window is one rm and one open.
      await rm(file, { force: true });
      tookOverFrom = holder;
    }
    const holder = await readHolder(file);
    throw inUseError(progressFile, file, holder ?? 'unreadable');
  }

  /** Removes the lock file, if it is still this run's. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.releaseAtExit);
    const holder = await readHolder(this.file).catch(() => undefined);
    if (this.isMine(holder)) await rm(this.file, { force: true });
  }

  private releaseNow(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (this.isMine(holderSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')))))
        rmSync(this.file, { force: true });
    } catch {
      // Gone already, or not ours: nothing to release.
    }
  }

  private isMine(holder: LockHolder | 'unreadable' | undefined): boolean {
    return (
      typeof holder === 'object' &&
      holder.pid === this.holder.pid &&
      holder.host === this.holder.host &&
      holder.startedAt === this.holder.startedAt
    );
  }
}

/** Creates `file` with `text` only if it does not exist yet; false when it does. */
async function createExclusive(file: string, text: string, progressFile: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new ProgressFileError(
      `cannot create the lock ${logText(file)} beside progress-file ${logText(progressFile)} (${code ?? (error as Error).message}). Nothing was sent.`,
    );
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}
