import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../sandbox/action-runner.js';

export const CLI = path.join(REPOSITORY_ROOT, 'dist', 'cli.js');

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `dist/cli.js` in `cwd` as a person would, with only PATH and HOME inherited. */
export async function runCli(
  args: string[],
  cwd: string,
  options: { env?: Record<string, string>; onStart?: (child: ChildProcess) => void } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  options.onStart?.(child);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { exitCode, stdout, stderr };
}
