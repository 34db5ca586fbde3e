import path from 'node:path';
import type { Clock, Logger } from '../ports.js';
import {
  cannotPublish,
  keepLocally,
  type ProgressPublisher,
} from '../progress/progress-publisher.js';
import { keepsProgressOnBranch, type Settings } from '../settings/settings.js';
import { followUpBy, noFollowUp, type FollowUpRun } from './follow-up-run.js';
import { GitHubRepository } from './github-repository.js';
import { ProgressCommitter } from './progress-committer.js';

/** What the runner tells a step about its run: `GITHUB_*` variables and the event's inputs. */
export interface RunnerContext {
  env: Readonly<Record<string, string | undefined>>;
  /** The workflow_dispatch inputs of this run, as the event payload holds them. */
  eventInputs: Readonly<Record<string, unknown>> | undefined;
}

export interface GitHubServices {
  /** Where the progress file is kept: the branch, or this machine only. */
  progressPublisher: ProgressPublisher;
  /** The next run of an auto-continue chain, or `noFollowUp`. */
  followUp: FollowUpRun;
}

/** A run that keeps its progress on this machine only and starts no follow-up. */
export const localOnly: GitHubServices = { progressPublisher: keepLocally, followUp: noFollowUp };

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
  runsBeforeInChain: number,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(eventInputs ?? {})) {
    if (typeof value === 'string') inputs[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') inputs[name] = String(value);
  }
  // The `continuation` input is the follow-up run's runsBeforeInChain.
  inputs.continuation = String(runsBeforeInChain + 1);
  return inputs;
}

/**
 * The two GitHub services a sync run may use, built from settings and the runner's context:
 * the progress file on the branch (read before selecting, committed as it goes; a dry run only
 * reads it), and continuing in a new run. Outside a runner (no GITHUB_REPOSITORY) progress
 * stays on this machine. On a runner, a sync that should commit but cannot (no token, not
 * started from a branch) gets a publisher that says why, so the run stops before its first
 * delivery instead of delivering what it could not record.
 */
export function createGitHubServices(
  settings: Settings,
  runner: RunnerContext,
  logger: Logger,
  clock: Clock,
): GitHubServices {
  if (!keepsProgressOnBranch(settings)) return localOnly;
  const { env } = runner;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    logger.info('Progress stays in the workspace, not committed: GITHUB_REPOSITORY is not set.');
    return localOnly;
  }
  const branch = runBranch(env);
  const cannot = (message: string): GitHubServices => ({
    progressPublisher: cannotPublish(`${owner}/${repo}`, { kind: 'refused', message }),
    followUp: noFollowUp,
  });
  if (!settings.githubToken) {
    return cannot(
      'github-token is empty: pass a token that may write contents (the default is the job token, ${{ github.token }})',
    );
  }
  if (!branch) {
    return cannot(
      `the run did not start from a branch (${env.GITHUB_REF ?? 'no GITHUB_REF'}): start it from a branch, or set commit-progress to false`,
    );
  }
  const repository = new GitHubRepository({
    apiUrl: settings.githubApiUrl || env.GITHUB_API_URL || 'https://api.github.com',
    token: settings.githubToken,
    owner,
    repo,
    branch,
    requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
  });
  const publisher = new ProgressCommitter(repository, {
    path: path.relative(settings.workspace, settings.progressFile).split(path.sep).join('/'),
    repository: `${owner}/${repo}`,
    branch,
    region: settings.region,
    clock,
    logger,
  });
  return {
    progressPublisher: publisher,
    followUp: followUp(settings, runner, repository, branch, logger),
  };
}

/** Dispatching this workflow again, when auto-continue is on and the chain may grow. */
function followUp(
  settings: Settings,
  runner: RunnerContext,
  repository: GitHubRepository,
  branch: string,
  logger: Logger,
): FollowUpRun {
  if (!settings.autoContinue || settings.dryRun || settings.mode !== 'sync') return noFollowUp;
  const { env } = runner;
  const file = workflowFile(env.GITHUB_WORKFLOW_REF);
  if (!file) {
    logger.warning(
      'auto-continue is on, but GITHUB_WORKFLOW_REF does not name a workflow file: no follow-up run.',
    );
    return noFollowUp;
  }
  if (settings.runsBeforeInChain >= settings.maxContinuations) {
    logger.warning(
      `auto-continue: this is run ${settings.runsBeforeInChain + 1} of the chain, the last max-continuations (${settings.maxContinuations}) allows.`,
    );
    return noFollowUp;
  }
  const ref = env.GITHUB_REF ?? `refs/heads/${branch}`;
  const inputs = followUpInputs(runner.eventInputs, settings.runsBeforeInChain);
  return followUpBy((signal) => repository.dispatchWorkflow(file, ref, inputs, signal), logger);
}
