import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = path.join(REPOSITORY_ROOT, 'dist', 'index.js');

interface ActionManifest {
  inputs: Record<string, { default?: string; required?: boolean }>;
}

/** The inputs action.yml declares, with their defaults, as the runner reads them. */
export async function actionInputDefaults(): Promise<Record<string, string>> {
  const manifest = parse(
    await readFile(path.join(REPOSITORY_ROOT, 'action.yml'), 'utf8'),
  ) as ActionManifest;
  return Object.fromEntries(
    Object.entries(manifest.inputs).map(([name, input]) => [name, String(input.default ?? '')]),
  );
}

export interface BundledRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

export interface BundledRunOptions {
  inputs: Record<string, string>;
  /** A temporary one is made when absent. */
  workspace?: string;
  env?: Record<string, string>;
  onStdout?: (text: string) => void;
  /** Called once the child is running, e.g. to interrupt it. */
  onStart?: (child: ReturnType<typeof spawn>) => void;
}

/** Reads `GITHUB_OUTPUT`'s `name<<delimiter ... delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/**
 * Runs the bundled action the way the Actions runner does: `node dist/index.js` with an
 * `INPUT_<NAME>` variable per declared input (defaults filled in), `GITHUB_OUTPUT` and
 * `GITHUB_STEP_SUMMARY` files, and a workspace folder as working directory.
 */
export async function runBundledAction(options: BundledRunOptions): Promise<BundledRun> {
  const workspace =
    options.workspace ?? (await mkdtemp(path.join(os.tmpdir(), 'vivenu-sync-workspace-')));
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'vivenu-sync-runner-'));
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');

  const inputs = { ...(await actionInputDefaults()), ...options.inputs };
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.homedir(),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      ...inputEnv,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(chunk.toString());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  options.onStart?.(child);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, killedBy) => resolve([code, killedBy])),
  );
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    workspace,
  };
}
