import { Octokit } from '@octokit/rest';

/** Where the progress file lives and who may write it. */
export interface RepositoryTarget {
  /** REST API root: `GITHUB_API_URL` (https://api.github.com, or a GitHub Enterprise host). */
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  branch: string;
  /** Each request's limit (the `request-timeout` input): a silent GitHub cannot hold the run. */
  requestTimeoutMs: number;
}

export interface RemoteFile {
  sha: string;
  text: string;
}

/** Every GitHub call this tool makes, in one place, through Octokit. */
export class GitHubRepository {
  private readonly octokit: Octokit;

  constructor(readonly target: RepositoryTarget) {
    this.octokit = new Octokit({
      auth: target.token,
      baseUrl: target.apiUrl.replace(/\/+$/, ''),
      userAgent: 'vivenu-historical-sync',
      // Octokit's default logger prints request failures; callers report them in their own words.
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
  }

  /** Every call ends by the request timeout, or sooner when `signal` aborts. */
  private bounded(signal: AbortSignal | undefined): AbortSignal {
    const timeout = AbortSignal.timeout(this.target.requestTimeoutMs);
    return signal ? AbortSignal.any([signal, timeout]) : timeout;
  }

  /** The file on the branch, or undefined when it does not exist there yet. */
  async readFile(path: string, signal?: AbortSignal): Promise<RemoteFile | undefined> {
    const { owner, repo, branch } = this.target;
    try {
      const { data } = await this.octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        ref: branch,
        request: { signal: this.bounded(signal) },
      });
      if (Array.isArray(data) || data.type !== 'file')
        throw new Error(`${path} on ${branch} is not a file`);
      // Files over 1 MB come without content; their blob has it.
      if (data.encoding === 'base64' && data.content)
        return { sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
      const blob = await this.octokit.rest.git.getBlob({
        owner,
        repo,
        file_sha: data.sha,
        request: { signal: this.bounded(signal) },
      });
      return { sha: data.sha, text: Buffer.from(blob.data.content, 'base64').toString('utf8') };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** One commit that creates (no `sha`) or updates (the current blob `sha`) the file. */
  async writeFile(
    path: string,
    text: string,
    message: string,
    sha: string | undefined,
    signal?: AbortSignal,
  ): Promise<string> {
    const { owner, repo, branch } = this.target;
    const { data } = await this.octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path,
      branch,
      message,
      content: Buffer.from(text, 'utf8').toString('base64'),
      ...(sha ? { sha } : {}),
      request: { signal: this.bounded(signal) },
    });
    return data.commit.sha ?? '';
  }

  /**
   * Starts `workflowFile` again on `ref` with `inputs`. Asks for the new run's address
   * (`return_run_details`); a GitHub that does not know that option gets the plain request.
   */
  async dispatchWorkflow(
    workflowFile: string,
    ref: string,
    inputs: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const { owner, repo } = this.target;
    const route = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
    const parameters = { owner, repo, workflow_id: workflowFile, ref, inputs };
    try {
      const { data } = await this.octokit.request(route, {
        ...parameters,
        return_run_details: true,
        request: { signal: this.bounded(signal) },
      });
      const details = (data ?? {}) as { html_url?: string; run_url?: string };
      return details.html_url ?? details.run_url;
    } catch (error) {
      const status = statusOf(error);
      if (
        (status === 400 || status === 422) &&
        /return_run_details/.test(String((error as Error).message))
      ) {
        await this.octokit.request(route, {
          ...parameters,
          request: { signal: this.bounded(signal) },
        });
        return undefined;
      }
      throw error;
    }
  }
}

/**
 * The HTTP status GitHub answered with, if it answered. Octokit gives a failure below HTTP
 * (refused, reset, timed out, aborted) the status 500 too, but no `response`.
 */
export function statusOf(error: unknown): number | undefined {
  const { status, response } = (error ?? {}) as { status?: unknown; response?: unknown };
  return typeof status === 'number' && response !== undefined ? status : undefined;
}
