/**
 * A stand-in for the action in the rules' own tests: it starts, holds until the test releases
 * it (or for a set time), answers signals as told, and reports what its step was given. The
 * runs around it are the emulation's, exactly as for the bundle; only what the step does is
 * fake, so the rules (the form, the types, the commit, the groups, the timeout) are probed in
 * milliseconds instead of a sync's seconds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BundledRun } from '../../sandbox/action-runner.js';
import type { ActionRunner, ActionStepOptions, StepProcess } from './workflow-run.js';

export interface StubStep {
  options: ActionStepOptions;
  /** Signals received, in order. */
  signals: NodeJS.Signals[];
  /** Whether each of `watchFiles` was in the checked-out workspace when the step started. */
  saw: Record<string, boolean>;
  startedAt: number;
  endedAt?: number;
  /** Ends the step with this exit code (default 0). */
  release(exitCode?: number): void;
  ended: Promise<void>;
}

export interface StubOptions {
  /** Signals that end the step (SIGKILL always does); default SIGINT: a step that saves and exits. */
  exitOn?: NodeJS.Signals[];
  /** Ends by itself after this long; default: only when released or signalled. */
  runMs?: number;
  /** Files whose presence in the workspace each step records. */
  watchFiles?: string[];
  /** Outputs the step writes, from its inputs. */
  outputs?: (inputs: Record<string, string>, workspace: string) => Record<string, string>;
}

export function stubAction(stub: StubOptions = {}): { runner: ActionRunner; steps: StubStep[] } {
  const steps: StubStep[] = [];
  const runner: ActionRunner = (options) =>
    new Promise<BundledRun>((resolve) => {
      const exitListeners: (() => void)[] = [];
      let resolveEnded!: () => void;
      const step: StubStep = {
        options,
        signals: [],
        saw: Object.fromEntries(
          (stub.watchFiles ?? []).map((file) => [
            file,
            existsSync(path.join(options.workspace, file)),
          ]),
        ),
        startedAt: Date.now(),
        release: (exitCode = 0) => finish(exitCode, null),
        ended: new Promise((done) => (resolveEnded = done)),
      };
      const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
        if (step.endedAt !== undefined) return;
        step.endedAt = Date.now();
        clearTimeout(timer);
        for (const listener of exitListeners) listener();
        resolveEnded();
        const outputs = stub.outputs?.(options.inputs, options.workspace) ?? {};
        const { workspace } = options;
        resolve({ exitCode, signal, stdout: '', stderr: '', outputs, summary: '', workspace });
      };
      const process: StepProcess = {
        kill: (signal) => {
          step.signals.push(signal);
          if (signal === 'SIGKILL' || (stub.exitOn ?? ['SIGINT']).includes(signal))
            finish(signal === 'SIGKILL' ? null : 130, signal === 'SIGKILL' ? signal : null);
          return true;
        },
        once: (_event, listener) => exitListeners.push(listener),
      };
      const timer = stub.runMs === undefined ? undefined : setTimeout(finish, stub.runMs, 0, null);
      steps.push(step);
      options.onStart(process);
    });
  return { runner, steps };
}

/** Polls `condition` every 5 ms until it holds (or fails the test after `ms`). */
export async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for a condition`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
