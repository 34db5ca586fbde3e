import { mkdir, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { namingInput, ProgressFileError } from '../errors.js';
import { logText } from '../log-text.js';
import { ProgressLock } from './progress-lock.js';
import { journalLine, parseChange, type ProgressChange } from './progress-file-format.js';
import { Progress } from './progress.js';

/** Saves (folds the journal into the JSON file) at least this often, so replays stay short. */
const FOLD_EVERY_CHANGES = 1_000;

export function journalPath(progressFile: string): string {
  return `${progressFile}.journal`;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw namingInput('progress-file', 'read', file, error);
  }
}

/**
 * The journal's changes, each line checked like the file is: a torn last line (a crash
 * mid-append) is dropped; any other line that is not a change this tool writes stops the run,
 * naming its line, with the journal and the file left as they are (never half replayed).
 */
function parseJournal(text: string, file: string): ProgressChange[] {
  // The last piece is either empty (the file ends with a new line) or torn: drop it either way.
  const lines = text.split('\n').slice(0, -1);
  const changes: ProgressChange[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const problem = parseChange(line);
    if (typeof problem === 'string') {
      throw new ProgressFileError(
        `progress journal ${logText(file)} line ${index + 1} ${problem}. The journal and the progress file were left as they are ` +
          `(${lines.length} lines in the journal, none replayed): fix or remove that line, then run again.`,
      );
    }
    changes.push(problem);
  });
  return changes;
}

/**
 * Reads the progress file and replays its journal, for the receiver at `receiver` (a file that
 * records another stops the run: Progress.claimFor). Writes nothing (dry runs, pull-only).
 */
export async function readProgress(progressFile: string, receiver: string): Promise<Progress> {
  const text = await readIfExists(progressFile);
  const progress = text === undefined ? new Progress() : Progress.parse(text, progressFile);
  const journal = await readIfExists(journalPath(progressFile));
  if (journal)
    for (const change of parseJournal(journal, journalPath(progressFile))) progress.apply(change);
  progress.claimFor(receiver, progressFile);
  return progress;
}

/**
 * This machine's copy of the progress: the file, its journal and its lock. A sync opens it to
 * write (open); a dry run only reads it (readOnly: no lock, nothing recorded or saved).
 *
 * Writing keeps progress durable at flat cost: each change is one appended, fsynced journal
 * line (a crash loses at most the delivery in flight); the JSON file is rewritten whole,
 * through a temporary file, fsync and rename, only when the journal is folded in.
 */
export class ProgressStore {
  private changesSinceSave = 0;
  /** Every change this run made, for publishing on top of a file that moved on elsewhere. */
  readonly changesThisRun: ProgressChange[] = [];

  private constructor(
    readonly file: string,
    private current: Progress,
    /** What writing needs; undefined for a store that only reads. */
    private readonly writing:
      { region: string; now: () => number; journal: FileHandle; lock: ProgressLock } | undefined,
  ) {}

  /**
   * Locks the file for this run (see ProgressLock), then reads it. Whatever fails after the
   * lock is taken releases it.
   */
  static async open(
    file: string,
    { region, receiver }: { region: string; receiver: string },
    now: () => number,
  ): Promise<ProgressStore> {
    await mkdir(path.dirname(file), { recursive: true });
    const lock = await ProgressLock.acquire(file, new Date(now()));
    try {
      const progress = await readProgress(file, receiver);
      const journal = await open(journalPath(file), 'a');
      const store = new ProgressStore(file, progress, { region, now, journal, lock });
      await store.save();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Reads the file without a lock (a dry run may run beside a sync): records nothing, saves
   * nothing. A damaged file still stops the run here, before any request.
   */
  static async readOnly(file: string, receiver: string): Promise<ProgressStore> {
    return new ProgressStore(file, await readProgress(file, receiver), undefined);
  }

  /** The run whose lock this run took over, when that run had ended without releasing it. */
  get lockTakenOverFrom() {
    return this.writing?.lock.tookOverFrom;
  }

  get progress(): Progress {
    return this.current;
  }

  /**
   * Takes `merged` (this file's progress with a newer copy's applied, see mergeProgress) as the
   * progress from now on, and saves it. Only before this run records anything: its own changes
   * are what it publishes on top of the branch's.
   */
  async adopt(merged: Progress): Promise<void> {
    if (this.changesThisRun.length > 0)
      throw new Error('adopt() after this run recorded changes would lose them');
    this.current = merged;
    await this.save();
  }

  async record(change: ProgressChange): Promise<void> {
    if (!this.writing) throw new Error('a dry run records nothing');
    this.progress.apply(change);
    this.changesThisRun.push(change);
    await this.writing.journal.appendFile(journalLine(change));
    await this.writing.journal.datasync();
    if (++this.changesSinceSave >= FOLD_EVERY_CHANGES) await this.save();
  }

  /** Folds the journal into the JSON file. */
  async save(): Promise<void> {
    if (!this.writing) return;
    const { region, now, journal } = this.writing;
    await writeFileAtomic(this.file, this.progress.serialize(region, new Date(now())));
    // Only now is the journal redundant; a crash before this line replays it harmlessly.
    await journal.truncate(0);
    await journal.sync();
    this.changesSinceSave = 0;
  }

  /** Saves, removes the emptied journal and releases the lock (that, whatever failed before). */
  async close(): Promise<void> {
    if (!this.writing) return;
    try {
      await this.save();
      await this.writing.journal.close();
      await rm(journalPath(this.file), { force: true });
    } finally {
      await this.writing.lock.release();
    }
  }
}
