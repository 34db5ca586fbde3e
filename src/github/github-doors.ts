import path from 'node:path';
import type { Clock, Logger } from '../ports.js';
import type { RunContinuation } from '../progress/progress-publisher.js';
import type { Settings } from '../settings.js';
import { GitHubRepository, type RepositoryTarget } from './github-repository.js';
import { ProgressCommitter } from './progress-committer.js';

/** What the runner tells a step about its run: `GITHUB_*` variables and the event's inputs. */
export interface RunnerContext {
  env: Readonly<Record<string, string | undefined>>;
  /** The workflow_dispatch inputs of this run, as the event payload holds them. */
  eventInputs: Readonly<Record<string, unknown>> | undefined;
}

export interface GitHubDoors {
  publisher?: ProgressCommitter;
  continuation?: RunContinuation;
  /** Where progress is committed, for the summary: owner/repo@branch. */
  where?: string;
}

/** The branch a workflow run started from; undefined for a tag or a detached ref. */
export function runBranch(env: RunnerContext['env']): string | undefined {
  if (env.GITHUB_HEAD_REF) return env.GITHUB_HEAD_REF;
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** `.github/workflows/historical-sync.yml` from `owner/repo/.github/workflows/historical-sync.yml@refs/heads/main`. */
export function workflowFile(workflowRef: string | undefined): string | undefined {
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef ?? '');
  return match ? path.posix.basename(match[1]!) : undefined;
}

/** Inputs for the follow-up run: this run's, as strings, with the chain counted on. */
export function followUpInputs(
  eventInputs: RunnerContext['eventInputs'],
  continuation: number,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(eventInputs ?? {})) {
    if (typeof value === 'string') inputs[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') inputs[name] = String(value);
  }
  inputs.continuation = String(continuation + 1);
  return inputs;
}

/**
 * The two GitHub services a sync run may use, built from settings and the runner's context:
 * committing the progress file, and continuing in a new run. Each is left out, with a line
 * saying why, when it cannot work here.
 */
export function gitHubDoors(
  settings: Settings,
  runner: RunnerContext,
  logger: Logger,
  clock: Clock,
): GitHubDoors {
  if (settings.mode !== 'sync' || settings.dryRun) return {};
  const { env } = runner;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const branch = runBranch(env);
  const apiUrl = settings.githubApiUrl || env.GITHUB_API_URL || 'https://api.github.com';
  const missing = [
    !settings.githubToken && 'github-token is empty',
    !(owner && repo) && 'GITHUB_REPOSITORY is not set',
    !branch && `the run did not start from a branch (${env.GITHUB_REF ?? 'no GITHUB_REF'})`,
  ].filter(Boolean);
  if (missing.length > 0) {
    if (settings.commitProgress || settings.autoContinue) {
      logger.info(`Progress stays in the workspace, not committed: ${missing.join('; ')}.`);
    }
    return {};
  }
  const target: RepositoryTarget = {
    apiUrl,
    token: settings.githubToken,
    owner: owner!,
    repo: repo!,
    branch: branch!,
  };
  const repository = new GitHubRepository(target);
  const where = `${owner}/${repo}@${branch}`;
  const doors: GitHubDoors = {};

  if (settings.commitProgress) {
    const relative = path
      .relative(settings.workspace, settings.progressFile)
      .split(path.sep)
      .join('/');
    doors.where = where;
    doors.publisher = new ProgressCommitter(repository, {
      path: relative,
      where,
      region: settings.region,
      periodMs: settings.commitEveryMinutes * 60_000,
      clock,
      logger,
    });
  }
  if (settings.autoContinue) {
    const file = workflowFile(env.GITHUB_WORKFLOW_REF);
    if (!file) {
      logger.warning(
        'auto-continue is on, but GITHUB_WORKFLOW_REF does not name a workflow file: no follow-up run.',
      );
    } else if (settings.continuation >= settings.maxContinuations) {
      logger.warning(
        `auto-continue: this is run ${settings.continuation + 1} of the chain, the last max-continuations (${settings.maxContinuations}) allows.`,
      );
    } else {
      const ref = env.GITHUB_REF ?? `refs/heads/${branch}`;
      const inputs = followUpInputs(runner.eventInputs, settings.continuation);
      doors.continuation = { dispatch: () => repository.dispatchWorkflow(file, ref, inputs) };
    }
  }
  return doors;
}
